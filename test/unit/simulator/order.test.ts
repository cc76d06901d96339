import { describe, expect, it } from 'vitest';
import { TERMINATE_DURATION } from '../../../src/lib/simulator/constants.ts';
import { simulate } from '../../../src/lib/simulator/simulate.ts';
import { run, scenario, server } from './helpers.ts';

const IN_PLACE = [
	'BeforeBlockTraffic',
	'BlockTraffic',
	'AfterBlockTraffic',
	'ApplicationStop',
	'DownloadBundle',
	'BeforeInstall',
	'Install',
	'AfterInstall',
	'ApplicationStart',
	'ValidateService',
	'BeforeAllowTraffic',
	'AllowTraffic',
	'AfterAllowTraffic',
];
const TRAFFIC = new Set([
	'BeforeBlockTraffic',
	'BlockTraffic',
	'AfterBlockTraffic',
	'BeforeAllowTraffic',
	'AllowTraffic',
	'AfterAllowTraffic',
]);

describe('lifecycle event order (§2)', () => {
	it('in-place with a load balancer: all thirteen events, in order, all succeeded', () => {
		const instance = run(server(2, { loadBalancer: true })).deployments[0]!.instances[0]!;
		expect(instance.role).toBe('in-place');
		expect(instance.events.map((e) => e.name)).toEqual(IN_PLACE);
		expect(instance.events.every((e) => e.status === 'Succeeded')).toBe(true);
		expect(instance).toMatchObject({ health: 'Healthy', revision: 'Current' });
	});

	it('in-place without a load balancer: the six traffic events are skipped', () => {
		const instance = run(server(2)).deployments[0]!.instances[0]!;
		expect(instance.events.map((e) => e.name)).toEqual(IN_PLACE);
		for (const event of instance.events)
			expect(event.status).toBe(TRAFFIC.has(event.name) ? 'Skipped' : 'Succeeded');
	});

	it('each event starts when the previous one ends', () => {
		const { events } = run(server(1, { loadBalancer: true })).deployments[0]!.instances[0]!;
		for (let i = 1; i < events.length; i++) expect(events[i]!.start).toBe(events[i - 1]!.end);
		const blockTraffic = events.find((e) => e.name === 'BlockTraffic')!;
		expect(blockTraffic.end - blockTraffic.start).toBe(300);
	});

	it('blue/green: replacements install then take traffic; originals then stop taking it', () => {
		const deployment = run(server(2, { deploymentType: 'blue-green', loadBalancer: true })).deployments[0]!;
		const replacement = deployment.instances.find((i) => i.role === 'replacement')!;
		const original = deployment.instances.find((i) => i.role === 'original')!;
		expect(replacement.events.map((e) => e.name)).toEqual([
			'ApplicationStop',
			'DownloadBundle',
			'BeforeInstall',
			'Install',
			'AfterInstall',
			'ApplicationStart',
			'ValidateService',
			'BeforeAllowTraffic',
			'AllowTraffic',
			'AfterAllowTraffic',
		]);
		expect(original.events.map((e) => e.name)).toEqual([
			'BeforeBlockTraffic',
			'BlockTraffic',
			'AfterBlockTraffic',
		]);
		const lastAllow = Math.max(
			...deployment.instances.filter((i) => i.role === 'replacement').map((i) => i.events.at(-1)!.end),
		);
		expect(original.events[0]!.start).toBeGreaterThanOrEqual(lastAllow);
		expect(deployment.traffic.at(0)).toMatchObject({ original: 100, replacement: 0 });
		expect(deployment.traffic.at(-1)).toMatchObject({ original: 0, replacement: 100 });
		expect(deployment.status).toBe('Succeeded');
	});

	it('blue/green: traffic moves to the replacements batch by batch while both fleets are registered', () => {
		const deployment = run(
			server(4, {
				deploymentType: 'blue-green',
				loadBalancer: true,
				deploymentConfig: 'CodeDeployDefault.HalfAtATime',
			}),
		).deployments[0]!;
		expect(deployment.batches).toEqual([
			['i-r001', 'i-r002'],
			['i-r003', 'i-r004'],
		]);
		expect(deployment.traffic.map((s) => s.replacement)).toEqual([0, 33, 50, 100]);
	});

	it('blue/green: a fresh replacement has no previous revision, so ApplicationStop runs no script (§1.8)', () => {
		const report = run(
			server(1, {
				deploymentType: 'blue-green',
				loadBalancer: true,
				faults: [{ type: 'scriptFails', event: 'ApplicationStop', instances: 'all' }],
			}),
		);
		expect(report.status).toBe('Succeeded');
	});

	it('blue/green: the manual continue and the termination wait shape the timeline', () => {
		const deployment = run(
			server(1, {
				deploymentType: 'blue-green',
				loadBalancer: true,
				blueGreen: {
					readyOption: { action: 'STOP_DEPLOYMENT', waitMinutes: 30, continueAfterMinutes: 10 },
					terminateOriginals: { action: 'TERMINATE', waitMinutes: 60 },
				},
			}),
		).deployments[0]!;
		const replacement = deployment.instances.find((i) => i.role === 'replacement')!;
		const validate = replacement.events.find((e) => e.name === 'ValidateService')!;
		const beforeAllow = replacement.events.find((e) => e.name === 'BeforeAllowTraffic')!;
		expect(beforeAllow.start - validate.end).toBe(600);
		expect(deployment.status).toBe('Succeeded');
	});

	it('blue/green: the originals are terminated after the termination wait', () => {
		const events = simulate(
			scenario(
				server(1, {
					deploymentType: 'blue-green',
					loadBalancer: true,
					blueGreen: { terminateOriginals: { action: 'TERMINATE', waitMinutes: 60 } },
				}),
			),
		);
		const blocked = events.findLast(
			(e) => e.data.type === 'lifecycle' && e.data.event === 'AfterBlockTraffic',
		)!;
		const terminated = events.find((e) => e.data.type === 'terminated')!;
		expect(terminated.data).toMatchObject({ target: 'originals' });
		expect(terminated.t - blocked.t).toBe(3600 + TERMINATE_DURATION);
		expect(events.at(-1)!.data).toMatchObject({ type: 'deployment', status: 'Succeeded' });
		const kept = simulate(
			scenario(
				server(1, {
					deploymentType: 'blue-green',
					loadBalancer: true,
					blueGreen: { terminateOriginals: { action: 'KEEP_ALIVE' } },
				}),
			),
		);
		expect(kept.some((e) => e.data.type === 'terminated')).toBe(false);
	});

	it('blue/green without a manual continue in time: Stopped (TIMEOUT), traffic never moved', () => {
		const deployment = run(
			server(1, {
				deploymentType: 'blue-green',
				loadBalancer: true,
				blueGreen: { readyOption: { action: 'STOP_DEPLOYMENT', waitMinutes: 5 } },
			}),
		).deployments[0]!;
		expect(deployment).toMatchObject({ status: 'Stopped', errorCode: 'TIMEOUT' });
		expect(deployment.traffic).toEqual([{ t: 0, original: 100, replacement: 0 }]);
	});

	it('ECS: hooks and reserved steps in order, test traffic before production traffic', () => {
		const deployment = run({
			platform: 'ecs',
			testListener: true,
			hooks: {
				BeforeInstall: 'h1',
				AfterInstall: 'h2',
				AfterAllowTestTraffic: 'h3',
				BeforeAllowTraffic: 'h4',
				AfterAllowTraffic: 'h5',
			},
		}).deployments[0]!;
		expect(deployment.instances).toEqual([]);
		expect(deployment.batches).toEqual([]);
		expect(deployment.hooks.map((h) => h.name)).toEqual([
			'BeforeInstall',
			'AfterInstall',
			'AfterAllowTestTraffic',
			'BeforeAllowTraffic',
			'AfterAllowTraffic',
		]);
		const testShift = deployment.traffic.find((s) => s.test === 100)!;
		const firstProduction = deployment.traffic.find((s) => s.replacement > 0)!;
		expect(testShift.t).toBeLessThan(firstProduction.t);
		expect(firstProduction.t).toBeGreaterThan(deployment.hooks[3]!.end - 1);
		expect(deployment.hooks[4]!.start).toBeGreaterThanOrEqual(deployment.traffic.at(-1)!.t);
	});

	it('ECS without a test listener: AfterAllowTestTraffic is ignored', () => {
		const deployment = run({ platform: 'ecs', hooks: { AfterAllowTestTraffic: 'h3' } }).deployments[0]!;
		expect(deployment.hooks).toEqual([]);
		expect(deployment.traffic.every((s) => s.test === undefined)).toBe(true);
	});

	it('Lambda: BeforeAllowTraffic, the shifts, then AfterAllowTraffic', () => {
		const deployment = run({
			platform: 'lambda',
			deploymentConfig: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
			hooks: [{ BeforeAllowTraffic: 'pre' }, { AfterAllowTraffic: 'post' }],
		}).deployments[0]!;
		const [before, after] = deployment.hooks;
		expect([before!.name, after!.name]).toEqual(['BeforeAllowTraffic', 'AfterAllowTraffic']);
		const shifts = deployment.traffic.slice(1);
		expect(shifts[0]!.t).toBeGreaterThanOrEqual(before!.end);
		expect(after!.start).toBeGreaterThanOrEqual(shifts.at(-1)!.t);
		expect(shifts.at(-1)!.t - shifts[0]!.t).toBe(9 * 60);
	});
});
