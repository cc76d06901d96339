import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/lib/simulator/scenario.ts';
import { simulate } from '../../../src/lib/simulator/simulate.ts';
import { toReport } from '../../../src/lib/simulator/report.ts';
import { LAMBDA_CONFIGS, ECS_CONFIGS } from '../../../src/lib/simulator/configs.ts';
import { server } from './helpers.ts';

const HOOKED = [
	'ApplicationStop',
	'BeforeInstall',
	'AfterInstall',
	'ApplicationStart',
	'ValidateService',
	'BeforeAllowTraffic',
	'BeforeBlockTraffic',
];

const serverScenario = fc
	.record({
		size: fc.integer({ min: 1, max: 12 }),
		blueGreen: fc.boolean(),
		loadBalancer: fc.boolean(),
		config: fc.oneof(
			fc.constantFrom(
				'CodeDeployDefault.OneAtATime',
				'CodeDeployDefault.HalfAtATime',
				'CodeDeployDefault.AllAtOnce',
			),
			fc.record({
				minimumHealthyHosts: fc.record({
					type: fc.constantFrom('HOST_COUNT', 'FLEET_PERCENT'),
					value: fc.integer({ min: 0, max: 99 }),
				}),
			}),
		),
		faults: fc.array(
			fc.oneof(
				fc.record({
					type: fc.constantFrom('scriptFails', 'scriptTimesOut', 'scriptMissing'),
					event: fc.constantFrom(...HOOKED),
					instances: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }),
				}),
				fc.record({
					type: fc.constant('instanceStops'),
					instance: fc.integer({ min: 1, max: 12 }),
					at: fc.integer({ min: 0, max: 3000 }),
				}),
				fc.record({ type: fc.constant('alarm'), at: fc.integer({ min: 0, max: 5000 }) }),
				fc.record({
					type: fc.constant('agentMissing'),
					instances: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 2 }),
				}),
			),
			{ maxLength: 3 },
		),
		onFailure: fc.boolean(),
		onAlarm: fc.boolean(),
	})
	.map((r) => {
		const clamp = (p: number) => ((p - 1) % r.size) + 1;
		const faults = r.faults.map((f) =>
			'instances' in f
				? { ...f, instances: f.instances.map(clamp) }
				: 'instance' in f
					? { ...f, instance: clamp(f.instance) }
					: f,
		);
		return server(r.size, {
			deploymentType: r.blueGreen ? 'blue-green' : 'in-place',
			loadBalancer: r.blueGreen || r.loadBalancer,
			deploymentConfig: r.config,
			faults,
			autoRollback: { onFailure: r.onFailure, onAlarm: r.onAlarm },
		});
	});

const serverlessScenario = fc
	.oneof(
		fc.record({
			platform: fc.constant('lambda'),
			deploymentConfig: fc.constantFrom(...Object.keys(LAMBDA_CONFIGS)),
		}),
		fc.record({
			platform: fc.constant('ecs'),
			deploymentConfig: fc.constantFrom(...Object.keys(ECS_CONFIGS)),
			testListener: fc.boolean(),
		}),
	)
	.chain((base) =>
		fc
			.record({
				alarm: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
				failing: fc.option(fc.constantFrom('BeforeAllowTraffic', 'AfterAllowTraffic'), { nil: undefined }),
				rollback: fc.boolean(),
			})
			.map(({ alarm, failing, rollback }) => ({
				...base,
				hooks: { BeforeAllowTraffic: 'pre', AfterAllowTraffic: 'post' },
				faults: [
					...(alarm === undefined ? [] : [{ type: 'alarm', at: alarm }]),
					...(failing ? [{ type: 'scriptFails', event: failing }] : []),
				],
				autoRollback: { onFailure: rollback, onAlarm: rollback },
			})),
	);

const anyScenario = fc.oneof(serverScenario, serverlessScenario);
const TERMINAL = new Set(['Succeeded', 'Failed', 'Skipped']);

function parsed(raw: Record<string, unknown>) {
	const result = parseScenario(raw);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.scenario;
}

describe('simulator properties', () => {
	it('time never goes backwards, and every event ends no earlier than it starts', () => {
		fc.assert(
			fc.property(anyScenario, fc.nat(1000), (raw, seed) => {
				const events = simulate(parsed(raw), { seed });
				for (let i = 1; i < events.length; i++) expect(events[i]!.t).toBeGreaterThanOrEqual(events[i - 1]!.t);
				for (const d of toReport(events).deployments) {
					for (const instance of d.instances)
						for (const e of instance.events) expect(e.end).toBeGreaterThanOrEqual(e.start);
					for (const h of d.hooks) expect(h.end).toBeGreaterThanOrEqual(h.start);
				}
			}),
			{ numRuns: 150 },
		);
	});

	it('every deployment and every instance event ends in a terminal state', () => {
		fc.assert(
			fc.property(anyScenario, fc.nat(1000), (raw, seed) => {
				const report = toReport(simulate(parsed(raw), { seed }));
				for (const d of report.deployments) {
					expect(['Succeeded', 'Failed', 'Stopped']).toContain(d.status);
					for (const instance of d.instances) {
						expect(['Healthy', 'Unhealthy']).toContain(instance.health);
						for (const e of instance.events) expect(TERMINAL.has(e.status)).toBe(true);
					}
				}
			}),
			{ numRuns: 150 },
		);
	});

	it('a server deployment that succeeds has at least one instance that succeeded', () => {
		fc.assert(
			fc.property(serverScenario, fc.nat(1000), (raw, seed) => {
				for (const d of toReport(simulate(parsed(raw), { seed })).deployments) {
					if (d.status !== 'Succeeded' || d.kind !== 'deployment') continue;
					const succeeded = d.instances.filter(
						(i) =>
							i.events.length > 0 && i.events.every((e) => e.status !== 'Failed') && i.revision === 'Current',
					);
					expect(succeeded.length).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 200 },
		);
	});

	it('is deterministic: same scenario and seed, same events', () => {
		fc.assert(
			fc.property(anyScenario, fc.nat(1000), (raw, seed) => {
				const scenario = parsed(raw);
				expect(simulate(scenario, { seed })).toEqual(simulate(scenario, { seed }));
			}),
			{ numRuns: 50 },
		);
	});

	it('different seeds change durations (the generator is really seeded)', () => {
		const scenario = parsed(server(5));
		expect(simulate(scenario, { seed: 1 })).not.toEqual(simulate(scenario, { seed: 2 }));
	});
});
