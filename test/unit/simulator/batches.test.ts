import { describe, expect, it } from 'vitest';
import { minimumHealthyCount, planBatches, SERVER_CONFIGS } from '../../../src/lib/simulator/configs.ts';
import { run, server } from './helpers.ts';

const SIZES = [1, 2, 3, 9, 10, 11, 100] as const;

/** Expected batches per predefined configuration (reference appspec.md §5.1, §5.2). */
const EXPECTED: Record<string, (n: number) => number[] | 'HEALTH_CONSTRAINTS_INVALID'> = {
	// One at a time, whatever the size (MOST_CONCURRENCY 1).
	'CodeDeployDefault.OneAtATime': (n) => Array.from({ length: n }, () => 1),
	// Up to half at a time, rounded down; a single instance can never go offline with 50 % rounded up = 1.
	'CodeDeployDefault.HalfAtATime': (n) => {
		if (n === 1) return 'HEALTH_CONSTRAINTS_INVALID';
		const size = Math.floor(n / 2);
		const batches: number[] = [];
		for (let left = n; left > 0; left -= Math.min(size, left)) batches.push(Math.min(size, left));
		return batches;
	},
	'CodeDeployDefault.AllAtOnce': (n) => [n],
};

describe('batch sizes of the predefined server configurations', () => {
	for (const name of Object.keys(SERVER_CONFIGS)) {
		for (const size of SIZES) {
			it(`${name} on ${size} instance(s)`, () => {
				const plan = planBatches(size, SERVER_CONFIGS[name]!);
				const expected = EXPECTED[name]!(size);
				if (expected === 'HEALTH_CONSTRAINTS_INVALID')
					expect(plan).toMatchObject({ ok: false, errorCode: expected });
				else expect(plan).toMatchObject({ ok: true, batches: expected });
			});
		}
	}

	it('spells out the table for HalfAtATime', () => {
		const sizes = (n: number) => {
			const plan = planBatches(n, { type: 'FLEET_PERCENT', value: 50 });
			return plan.ok ? plan.batches : plan.errorCode;
		};
		expect(sizes(9)).toEqual([4, 4, 1]);
		expect(sizes(10)).toEqual([5, 5]);
		expect(sizes(11)).toEqual([5, 5, 1]);
		expect(sizes(3)).toEqual([1, 1, 1]);
	});
});

describe('documented minimum-healthy-hosts examples (§5.2, §5.3)', () => {
	it('10 instances, minimum 9: one at a time', () => {
		expect(planBatches(10, { type: 'HOST_COUNT', value: 9 })).toMatchObject({
			ok: true,
			batches: Array(10).fill(1),
		});
	});
	it('10 instances, minimum 8: two at a time', () => {
		expect(planBatches(10, { type: 'HOST_COUNT', value: 8 })).toMatchObject({
			ok: true,
			batches: [2, 2, 2, 2, 2],
		});
	});
	it('10 instances, minimum 0: all at once', () => {
		expect(planBatches(10, { type: 'HOST_COUNT', value: 0 })).toMatchObject({ ok: true, batches: [10] });
	});
	it('95 % of 10 rounds up to 10: immediate failure', () => {
		expect(minimumHealthyCount(10, { type: 'FLEET_PERCENT', value: 95 })).toBe(10);
		expect(planBatches(10, { type: 'FLEET_PERCENT', value: 95 })).toMatchObject({
			ok: false,
			errorCode: 'HEALTH_CONSTRAINTS_INVALID',
		});
	});
	it('HOST_COUNT 6 of 9: up to 3 at a time', () => {
		expect(planBatches(9, { type: 'HOST_COUNT', value: 6 })).toMatchObject({
			ok: true,
			minimum: 6,
			batches: [3, 3, 3],
		});
	});
	it('FLEET_PERCENT 40 of 9: minimum 4, up to 5 at a time', () => {
		expect(planBatches(9, { type: 'FLEET_PERCENT', value: 40 })).toMatchObject({
			ok: true,
			minimum: 4,
			batches: [5, 4],
		});
	});
});

describe('minimum healthy hosts during a run (§5.2 step 6)', () => {
	const custom = (value: number) => ({ minimumHealthyHosts: { type: 'HOST_COUNT', value } });
	const failOn = (instances: number[]) => [{ type: 'scriptFails', event: 'AfterInstall', instances }];

	it('minimum 9 of 10: one failure fails the deployment at once', () => {
		const report = run(server(10, { deploymentConfig: custom(9), faults: failOn([1]) }));
		expect(report.deployments[0]).toMatchObject({ status: 'Failed', errorCode: 'HEALTH_CONSTRAINTS' });
		expect(report.deployments[0]!.batches).toEqual([['i-001']]);
	});
	it('minimum 9 of 10: a failure on the last instance still succeeds', () => {
		const report = run(server(10, { deploymentConfig: custom(9), faults: failOn([10]) }));
		expect(report.status).toBe('Succeeded');
		expect(report.deployments[0]!.batches).toHaveLength(10);
	});
	it('minimum 8 of 10: the second failure fails it, unless it is on the last instance', () => {
		const failed = run(server(10, { deploymentConfig: custom(8), faults: failOn([1, 5]) }));
		expect(failed.deployments[0]).toMatchObject({ status: 'Failed', errorCode: 'HEALTH_CONSTRAINTS' });
		const lastOne = run(server(10, { deploymentConfig: custom(8), faults: failOn([1, 10]) }));
		expect(lastOne.status).toBe('Succeeded');
		// After the first failure only one instance may be offline at a time.
		expect(lastOne.deployments[0]!.batches.map((b) => b.length)).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1]);
	});
	it('OneAtATime: any failure but the last fails; a single instance must succeed', () => {
		expect(run(server(3, { faults: failOn([2]) })).status).toBe('Failed');
		expect(run(server(3, { faults: failOn([3]) })).status).toBe('Succeeded');
		expect(run(server(1, { faults: failOn([1]) })).deployments[0]).toMatchObject({
			status: 'Failed',
			errorCode: 'HEALTH_CONSTRAINTS',
		});
	});
	it('AllAtOnce fails only when every instance fails (at least one must succeed)', () => {
		const config = 'CodeDeployDefault.AllAtOnce';
		expect(run(server(4, { deploymentConfig: config, faults: failOn([1, 2, 3]) })).status).toBe('Succeeded');
		expect(
			run(
				server(4, {
					deploymentConfig: config,
					faults: [{ type: 'scriptFails', event: 'AfterInstall', instances: 'all' }],
				}),
			).status,
		).toBe('Failed');
	});
	it('HalfAtATime on 9: succeeds with 5 or more successes, but a whole failed first batch leaves no room', () => {
		const config = 'CodeDeployDefault.HalfAtATime';
		const ok = run(server(9, { deploymentConfig: config, faults: failOn([1, 9]) }));
		expect(ok.status).toBe('Succeeded');
		expect(ok.deployments[0]!.batches.map((b) => b.length)).toEqual([4, 3, 2]);
		const stuck = run(server(9, { deploymentConfig: config, faults: failOn([1, 2, 3, 4]) }));
		expect(stuck.deployments[0]).toMatchObject({ status: 'Failed', errorCode: 'HEALTH_CONSTRAINTS' });
		expect(stuck.deployments[0]!.batches).toHaveLength(1);
	});
	it('an impossible minimum fails before touching any instance', () => {
		const report = run(
			server(10, { deploymentConfig: { minimumHealthyHosts: { type: 'FLEET_PERCENT', value: 95 } } }),
		);
		expect(report.deployments[0]).toMatchObject({
			status: 'Failed',
			errorCode: 'HEALTH_CONSTRAINTS_INVALID',
			batches: [],
		});
		expect(report.deployments[0]!.instances.every((i) => i.events.length === 0 && i.revision === 'Old')).toBe(
			true,
		);
	});
	it('a stopped instance counts as failed, before its turn or during its run', () => {
		const waiting = run(server(3, { faults: [{ type: 'instanceStops', instance: 2, at: 5 }] }));
		expect(waiting.deployments[0]).toMatchObject({
			status: 'Failed',
			errorCode: 'HEALTH_CONSTRAINTS',
			batches: [['i-001']],
		});
		const during = run(
			server(3, {
				deploymentConfig: 'CodeDeployDefault.AllAtOnce',
				faults: [{ type: 'instanceStops', instance: 1, at: 5 }],
			}),
		);
		const stopped = during.deployments[0]!.instances.find((i) => i.id === 'i-001')!;
		expect(stopped.health).toBe('Unhealthy');
		expect(stopped.events.find((e) => e.status === 'Failed')).toMatchObject({
			end: 5,
			errorCode: 'UnknownError',
		});
		expect(during.status).toBe('Succeeded');
		const afterwards = run(server(3, { faults: [{ type: 'instanceStops', instance: 1, at: 200 }] }));
		expect(afterwards.deployments[0]!.instances[0]).toMatchObject({
			id: 'i-001',
			health: 'Unhealthy',
			revision: 'Current',
		});
	});
});
