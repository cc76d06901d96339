import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predefinedNames } from '../../../src/lib/simulator/configs.ts';
import { parseScenario, simulate } from '../../../src/lib/simulator/index.ts';
import { compare } from '../../../src/lib/simulator/compare.ts';
import { messages } from '../../../src/components/simulator/messages.ts';
import { describeState, uiText } from '../../../src/components/simulator/describe.ts';
import { compareState, resize } from '../../../src/components/simulator/compare-view.ts';
import {
	DEFAULT_STATE,
	PREFIX,
	decodeState,
	encodeState,
	toScenarioDocument,
	type SimFault,
	type SimState,
} from '../../../src/components/simulator/state.ts';
import { paramName, stateFromUrl, withState } from '../../../src/components/simulator/url.ts';
import { applyEvent, initialView, servingCount } from '../../../src/components/simulator/view.ts';

const fault: fc.Arbitrary<SimFault> = fc.record({
	kind: fc.constantFrom('fail', 'timeout', 'stop', 'alarm', 'agent'),
	instance: fc.integer({ min: 1, max: 100 }),
	event: fc.constantFrom('AfterInstall', 'ValidateService', 'BeforeAllowTraffic'),
	at: fc.integer({ min: 0, max: 86400 }),
});

const state: fc.Arbitrary<SimState> = fc.record({
	platform: fc.constantFrom('server', 'lambda', 'ecs'),
	type: fc.constantFrom('in-place', 'blue-green'),
	config: fc.constantFrom(
		'OneAtATime',
		'HalfAtATime',
		'custom',
		'LambdaAllAtOnce',
		'ECSCanary10Percent5Minutes',
	),
	minType: fc.constantFrom('HOST_COUNT', 'FLEET_PERCENT'),
	minValue: fc.integer({ min: 0, max: 100 }),
	size: fc.integer({ min: 1, max: 100 }),
	onPremises: fc.boolean(),
	loadBalancer: fc.boolean(),
	testListener: fc.boolean(),
	faults: fc.array(fault, { maxLength: 10 }),
	rollbackOnFailure: fc.boolean(),
	rollbackOnAlarm: fc.boolean(),
	ready: fc.constantFrom('continue', 'stop'),
	waitMinutes: fc.integer({ min: 0, max: 2880 }),
	continueAfter: fc.integer({ min: -1, max: 2880 }),
	keepOriginals: fc.boolean(),
	terminationWait: fc.integer({ min: 0, max: 2880 }),
	seed: fc.integer({ min: 0, max: 1_000_000 }),
});

/** Only what `encodeState` writes is compared: the wait fields while rerouting at once, and fault fields a kind ignores. */
const canonicalFault = (f: SimFault): SimFault => ({
	kind: f.kind,
	instance: f.kind === 'alarm' ? 1 : f.instance,
	event: f.kind === 'fail' || f.kind === 'timeout' ? f.event : 'AfterInstall',
	at: f.kind === 'alarm' || f.kind === 'stop' ? f.at : 0,
});
const comparable = (s: SimState) => ({
	...(s.ready === 'continue' ? { ...s, waitMinutes: 0, continueAfter: 0 } : s),
	terminationWait: s.keepOriginals ? 0 : s.terminationWait,
	faults: s.faults.map(canonicalFault),
});

describe('simulator widget state', () => {
	it('survives a round trip through its URL encoding', () => {
		fc.assert(
			fc.property(state, (s) => {
				const base = { ...DEFAULT_STATE, waitMinutes: 0, continueAfter: 0, terminationWait: 0 };
				expect(comparable(decodeState(encodeState(s), base))).toEqual(comparable(s));
			}),
		);
	});

	it('a link without faults does not bring back the default faults of the embed', () => {
		const base: SimState = {
			...DEFAULT_STATE,
			faults: [{ kind: 'alarm', instance: 1, event: 'AfterInstall', at: 60 }],
		};
		expect(decodeState(encodeState({ ...base, faults: [] }), base).faults).toEqual([]);
		expect(decodeState(encodeState(base), DEFAULT_STATE).faults).toEqual(base.faults);
	});

	it('keeps the base values for a damaged or hand-edited link', () => {
		const base = { ...DEFAULT_STATE, size: 10, config: 'HalfAtATime' };
		expect(decodeState('garbage', base)).toEqual(base);
		const edited = decodeState('n:500;c:Half<script>;p:mainframe;f:fail.AfterInstall.3_nonsense', base);
		expect(edited.size).toBe(10);
		expect(edited.config).toBe('HalfAtATime');
		expect(edited.platform).toBe('server');
		expect(edited.faults).toEqual([{ kind: 'fail', event: 'AfterInstall', instance: 3, at: 0 }]);
	});

	it('gives every embed its own URL parameter and keeps the others', () => {
		const first = withState('https://x.test/fr/06/?sim-a=n:3#intro', 'b', 'n:4;c:AllAtOnce');
		expect(first).toBe('https://x.test/fr/06/?sim-a=n:3&sim-b=n:4;c:AllAtOnce#sim-b');
		expect(stateFromUrl(first, 'a')).toBe('n:3');
		expect(stateFromUrl(first, 'b')).toBe('n:4;c:AllAtOnce');
		expect(withState(first, 'b', undefined)).toBe('https://x.test/fr/06/?sim-a=n:3#sim-b');
		expect(paramName('half')).toBe('sim-half');
	});

	it('turns every predefined configuration of every platform into a valid scenario', () => {
		for (const platform of ['server', 'lambda', 'ecs'] as const)
			for (const name of predefinedNames(platform)) {
				const s: SimState = {
					...DEFAULT_STATE,
					platform,
					type: platform === 'server' ? 'in-place' : 'blue-green',
					config: name.slice(PREFIX.length),
					faults: [{ kind: 'fail', instance: 1, event: 'AfterAllowTraffic', at: 0 }],
				};
				const parsed = parseScenario(toScenarioDocument(s));
				expect(parsed.ok ? [] : parsed.errors, `${platform} ${name}`).toEqual([]);
			}
	});

	it('lets the engine reject what CodeDeploy rejects, with a located error', () => {
		const parsed = parseScenario(
			toScenarioDocument({ ...DEFAULT_STATE, type: 'blue-green', onPremises: true }),
		);
		expect(parsed.ok ? [] : parsed.errors.map((e) => [e.path, e.message])).toEqual([
			['fleet.kind', 'scenario.blueGreenNeedsEc2'],
		]);
	});

	it('describes a state in both languages', () => {
		const s: SimState = {
			...DEFAULT_STATE,
			config: 'HalfAtATime',
			size: 10,
			faults: [{ kind: 'fail', instance: 3, event: 'AfterInstall', at: 0 }],
		};
		expect(describeState(s, uiText(messages.en)).join(' ')).toMatch(
			/HalfAtATime.*10 EC2 instance.*AfterInstall script fails on instance 3/,
		);
		expect(describeState(s, uiText(messages.fr)).join(' ')).toMatch(
			/le script AfterInstall échoue sur l’instance 3/,
		);
	});
});

describe('simulator widget view', () => {
	const play = (s: SimState) => {
		const parsed = parseScenario(toScenarioDocument(s));
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		const view = initialView(parsed.scenario);
		const capacity: number[] = [];
		for (const event of simulate(parsed.scenario, { seed: s.seed })) {
			applyEvent(view, event, parsed.scenario);
			capacity.push(servingCount(view));
		}
		return { view, capacity };
	};

	it('OneAtATime behind a load balancer never has more than one instance out of traffic', () => {
		const { view, capacity } = play({ ...DEFAULT_STATE, size: 6 });
		expect(Math.min(...capacity)).toBe(5);
		expect(view.tiles.every((t) => t.health === 'Healthy' && t.revision === 'Current')).toBe(true);
		expect(view.deployments.map((d) => d.status)).toEqual(['Succeeded']);
	});

	it('a failure with rollback ends with two deployments and a healthy fleet on the old revision', () => {
		const { view } = play({
			...DEFAULT_STATE,
			size: 5,
			faults: [{ kind: 'fail', instance: 2, event: 'ValidateService', at: 0 }],
		});
		expect(view.deployments.map((d) => [d.kind, d.status, d.errorCode])).toEqual([
			['deployment', 'Failed', 'HEALTH_CONSTRAINTS'],
			['rollback', 'Succeeded', undefined],
		]);
		expect(view.tiles.every((t) => t.health === 'Healthy' && t.serving)).toBe(true);
	});

	it('a failed instance keeps showing the event that failed', () => {
		const { view } = play({
			...DEFAULT_STATE,
			config: 'HalfAtATime',
			size: 10,
			faults: [{ kind: 'fail', instance: 3, event: 'AfterInstall', at: 0 }],
		});
		const tile = view.tiles.find((t) => t.id === 'i-003');
		expect([tile?.event, tile?.status, tile?.health, tile?.serving]).toEqual([
			'AfterInstall',
			'Failed',
			'Unhealthy',
			false,
		]);
	});

	it('blue/green ends with the originals terminated and traffic on the replacements', () => {
		const { view } = play({ ...DEFAULT_STATE, type: 'blue-green', size: 3 });
		expect(view.traffic).toEqual({ original: 0, replacement: 100, test: undefined });
		expect(view.tiles.filter((t) => t.role === 'original').every((t) => t.terminated)).toBe(true);
		expect(view.tiles.filter((t) => t.role === 'replacement').every((t) => t.serving)).toBe(true);
	});
});

describe('comparison widget', () => {
	it('moving the faulty server in the browser gives what validating the new scenario gives', () => {
		const parse = (size: number, faulty: number) => {
			const parsed = parseScenario(
				toScenarioDocument({ ...DEFAULT_STATE, ...compareState({ size, faulty, seed: 1 }) }),
			);
			if (!parsed.ok) throw new Error('invalid');
			return parsed.scenario;
		};
		const base = parse(12, 1);
		for (const [size, faulty] of [
			[12, 7],
			[20, 0],
			[3, 3],
		] as const)
			expect(compare(resize(base, { size, faulty, seed: 4 }), { seed: 4 })).toEqual(
				compare(parse(size, faulty), { seed: 4 }),
			);
	});
});
