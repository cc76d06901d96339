import { describe, expect, it } from 'vitest';
import { AGENT_MISSING_TIMEOUT } from '../../../src/lib/simulator/constants.ts';
import { simulate } from '../../../src/lib/simulator/simulate.ts';
import { run, scenario, server } from './helpers.ts';

const failAfterInstall = (instances: number[] | 'all') => [
	{ type: 'scriptFails', event: 'AfterInstall', instances, exitCode: 3 },
];

describe('automatic rollback (§2.5, §5.5)', () => {
	it('in-place: a new deployment with its own id redeploys every instance with the in-place events', () => {
		const report = run(
			server(3, { loadBalancer: true, faults: failAfterInstall([2]), autoRollback: { onFailure: true } }),
		);
		const [deployment, rollback] = report.deployments;
		expect(report.status).toBe('Failed');
		expect(deployment).toMatchObject({
			kind: 'deployment',
			status: 'Failed',
			errorCode: 'HEALTH_CONSTRAINTS',
		});
		expect(rollback).toMatchObject({ kind: 'rollback', status: 'Succeeded' });
		expect(rollback!.id).not.toBe(deployment!.id);
		expect(rollback!.id).toMatch(/^d-[A-Z0-9]{9}$/);
		// The failed instance goes first (§5.2 step 3: Unhealthy first).
		expect(rollback!.batches[0]).toEqual(['i-002']);
		for (const instance of rollback!.instances) {
			expect(instance.events.map((e) => e.name)).toHaveLength(13);
			expect(instance).toMatchObject({ health: 'Healthy', revision: 'Current' });
		}
		expect(rollback!.instances[0]!.events[0]!.start).toBeGreaterThan(
			deployment!.instances[1]!.events.at(-1)!.end,
		);
	});

	it('in-place: no rollback when it is off, or when there is no earlier revision', () => {
		expect(run(server(3, { faults: failAfterInstall([2]) })).deployments).toHaveLength(1);
		const first = run(
			server(3, { firstDeployment: true, faults: failAfterInstall([2]), autoRollback: { onFailure: true } }),
		);
		expect(first.deployments).toHaveLength(1);
	});

	it('the failed deployment records health by result; untried instances keep theirs (§5.2 step 8)', () => {
		const deployment = run(server(3, { faults: failAfterInstall([2]) })).deployments[0]!;
		const [first, second, third] = deployment.instances;
		expect(first).toMatchObject({ health: 'Healthy', revision: 'Current' });
		expect(second).toMatchObject({ health: 'Unhealthy', revision: 'Old' });
		expect(second!.events.find((e) => e.status === 'Failed')).toMatchObject({
			name: 'AfterInstall',
			errorCode: 'ScriptFailed',
		});
		expect(second!.events.slice(8).every((e) => e.status === 'Skipped')).toBe(true);
		expect(third).toMatchObject({ health: 'Healthy', revision: 'Old', events: [] });
	});

	it('a deployment that succeeds despite a failure: the failed instance is Unhealthy and keeps Old (§5.2 step 8)', () => {
		const deployment = run(server(3, { faults: failAfterInstall([3]) })).deployments[0]!;
		expect(deployment.status).toBe('Succeeded');
		expect(deployment.instances.map((i) => [i.health, i.revision])).toEqual([
			['Healthy', 'Current'],
			['Healthy', 'Current'],
			['Unhealthy', 'Old'],
		]);
	});

	it('blue/green: reroutes to the originals (AllowTraffic events) and blocks the replacements', () => {
		const report = run(
			server(2, {
				deploymentType: 'blue-green',
				loadBalancer: true,
				blueGreen: { terminateOriginals: { action: 'TERMINATE', waitMinutes: 60 } },
				faults: [{ type: 'alarm', at: 1200 }],
				autoRollback: { onAlarm: true },
			}),
		);
		const [deployment, rollback] = report.deployments;
		expect(deployment).toMatchObject({ status: 'Stopped', errorCode: 'ALARM_ACTIVE' });
		expect(rollback).toMatchObject({ kind: 'rollback', status: 'Succeeded' });
		for (const instance of rollback!.instances) {
			const expected =
				instance.role === 'original'
					? ['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic']
					: ['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic'];
			expect(instance.events.map((e) => e.name)).toEqual(expected);
		}
		expect(rollback!.traffic.at(-1)).toMatchObject({ original: 100, replacement: 0 });
	});

	it('an alarm rolls back only with onAlarm; a failure only with onFailure', () => {
		const alarm = { faults: [{ type: 'alarm', at: 100 }] };
		expect(run(server(3, { ...alarm, autoRollback: { onFailure: true } })).deployments).toHaveLength(1);
		expect(run(server(3, { ...alarm, autoRollback: { onAlarm: true } })).deployments).toHaveLength(2);
		expect(
			run(server(3, { faults: failAfterInstall([1]), autoRollback: { onAlarm: true } })).deployments,
		).toHaveLength(1);
	});

	it('an alarm stops an in-place deployment mid-event', () => {
		const deployment = run(server(3, { faults: [{ type: 'alarm', at: 10 }] })).deployments[0]!;
		expect(deployment).toMatchObject({ status: 'Stopped', errorCode: 'ALARM_ACTIVE' });
		const cut = deployment.instances[0]!.events.find((e) => e.status === 'Failed')!;
		expect(cut.end).toBe(10);
	});

	it('Lambda: the rollback shifts the alias back in one AllowTraffic, without hooks', () => {
		const report = run({
			platform: 'lambda',
			deploymentConfig: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
			hooks: { AfterAllowTraffic: 'check' },
			faults: [{ type: 'scriptFails', event: 'AfterAllowTraffic' }],
			autoRollback: { onFailure: true },
		});
		const [deployment, rollback] = report.deployments;
		expect(deployment).toMatchObject({ status: 'Failed', errorCode: 'HOOK_EXECUTION_FAILURE' });
		expect(deployment!.traffic.at(-1)).toMatchObject({ replacement: 100 });
		expect(rollback).toMatchObject({ kind: 'rollback', status: 'Succeeded', hooks: [], instances: [] });
		expect(rollback!.traffic).toEqual([expect.objectContaining({ original: 100, replacement: 0 })]);
	});

	it('ECS: a failure at BeforeInstall leaves nothing to roll back; later ones reroute to the original task set', () => {
		const hooks = { BeforeInstall: 'pre', AfterInstall: 'post' };
		const early = run({
			platform: 'ecs',
			hooks,
			faults: [{ type: 'scriptFails', event: 'BeforeInstall' }],
			autoRollback: { onFailure: true },
		});
		expect(early.deployments).toHaveLength(1);
		const later = run({
			platform: 'ecs',
			hooks,
			faults: [{ type: 'scriptTimesOut', event: 'AfterInstall' }],
			autoRollback: { onFailure: true },
		});
		expect(later.deployments[0]!.hooks.find((h) => h.name === 'AfterInstall')).toMatchObject({
			status: 'Failed',
		});
		const afterInstall = later.deployments[0]!.hooks.find((h) => h.name === 'AfterInstall')!;
		expect(afterInstall.end - afterInstall.start).toBe(3600);
		expect(later.deployments[1]).toMatchObject({ kind: 'rollback', status: 'Succeeded' });
	});
});

describe('agent and script faults (§1.7.5, §5.6)', () => {
	it('ScriptMissing fails at once; ScriptTimedOut after the timeout', () => {
		const missing = run(
			server(1, { faults: [{ type: 'scriptMissing', event: 'BeforeInstall', instances: [1] }] }),
		);
		const event = missing.deployments[0]!.instances[0]!.events.find((e) => e.name === 'BeforeInstall')!;
		expect(event).toMatchObject({ status: 'Failed', errorCode: 'ScriptMissing' });
		const timedOut = run(
			server(1, { faults: [{ type: 'scriptTimesOut', event: 'AfterInstall', instances: [1] }] }),
		);
		const after = timedOut.deployments[0]!.instances[0]!.events.find((e) => e.name === 'AfterInstall')!;
		expect(after).toMatchObject({ status: 'Failed', errorCode: 'ScriptTimedOut' });
		expect(after.end - after.start).toBe(1 + 120);
	});

	it('a script slower than its timeout times out; the service caps an event at 3600 s', () => {
		const slow = run({
			platform: 'server',
			fleet: { size: 1 },
			hooks: { ValidateService: [{ location: 'a.sh', timeout: 60, duration: 600 }] },
		});
		expect(slow.deployments[0]!.instances[0]!.events.find((e) => e.name === 'ValidateService')).toMatchObject(
			{ errorCode: 'ScriptTimedOut' },
		);
		const capped = run({
			platform: 'server',
			fleet: { size: 1 },
			hooks: { ValidateService: [{ location: 'a.sh', timeout: 7200, duration: 5000 }] },
		});
		const event = capped.deployments[0]!.instances[0]!.events.find((e) => e.name === 'ValidateService')!;
		expect(event.end - event.start).toBe(3600);
	});

	it('a missing agent leaves the first agent event pending, then fails it', () => {
		const instance = run(
			server(2, { loadBalancer: true, faults: [{ type: 'agentMissing', instances: [1] }] }),
		).deployments[0]!.instances[0]!;
		expect(instance.events[0]).toMatchObject({
			name: 'BeforeBlockTraffic',
			status: 'Failed',
			errorCode: 'UnknownError',
			end: AGENT_MISSING_TIMEOUT,
		});
		expect(instance.events.slice(1).every((e) => e.status === 'Skipped')).toBe(true);
		const pending = simulate(scenario(server(1, { faults: [{ type: 'agentMissing', instances: [1] }] })));
		expect(
			pending.find((e) => e.data.type === 'lifecycle' && e.data.status !== 'Skipped')!.data,
		).toMatchObject({
			event: 'ApplicationStop',
			status: 'Pending',
		});
	});

	it('faults can target the rollback only', () => {
		const report = run(
			server(3, {
				faults: [
					...failAfterInstall([2]),
					{ type: 'scriptFails', event: 'ApplicationStop', instances: [2], deployment: 'rollback' },
				],
				autoRollback: { onFailure: true },
			}),
		);
		expect(report.deployments[1]).toMatchObject({ kind: 'rollback', status: 'Failed' });
	});
});
