import { ROLLBACK_START_DELAY } from './constants.ts';
import type { DeploymentContext, DeploymentEnd, FleetInstance } from './deployment.ts';
import { Recorder, type SimEvent } from './events.ts';
import { createRandom, deploymentId, type Random } from './random.ts';
import type { Fault, Role, Scenario } from './scenario.ts';
import { runBlueGreen, runBlueGreenRollback, runInPlace, type BlueGreenState } from './server.ts';
import { runServerless, runServerlessRollback, type ServerlessState } from './serverless.ts';

export interface SimulateOptions {
	readonly seed?: number;
}

/** Simulates one deployment (and its automatic rollback, if one starts). Same scenario and seed, same events. */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimEvent[] {
	const random = createRandom(options.seed ?? 1);
	const recorder = new Recorder();
	const alarm = firstAlarm(scenario.faults);
	const ctx: DeploymentContext = {
		scenario,
		random,
		recorder,
		id: deploymentId(random),
		kind: 'deployment',
		stopAt: alarm?.at,
	};
	if (alarm) recorder.add(alarm.at, 'alarm.fired', { name: alarm.name }, { type: 'alarm', name: alarm.name });
	for (const fault of scenario.faults) {
		if (fault.type === 'instanceStops') {
			const id = instanceId(scenario, fault.role ?? defaultRole(scenario), fault.instance);
			recorder.add(
				fault.at,
				'instance.stopped',
				{ instance: id },
				{ type: 'instanceStopped', instanceId: id },
			);
		}
	}
	if (scenario.platform === 'server') simulateServer(ctx, random);
	else simulateServerless(ctx, random);
	return recorder.events();
}

function firstAlarm(faults: readonly Fault[]) {
	const alarms = faults.flatMap((f) => (f.type === 'alarm' ? [f] : []));
	return alarms.sort((a, b) => a.at - b.at)[0];
}

function defaultRole(scenario: Scenario): Role {
	return scenario.deploymentType === 'blue-green' ? 'replacement' : 'in-place';
}

/** Readable, stable ids: originals and in-place instances `i-001`…, replacements `i-r001`…; on-premises `onprem-001`…. */
export function instanceId(scenario: Scenario, role: Role, position: number): string {
	const n = String(position).padStart(3, '0');
	if (role === 'replacement') return `i-r${n}`;
	return scenario.fleet.kind === 'on-premises' ? `onprem-${n}` : `i-${n}`;
}

function buildFleet(scenario: Scenario, role: Role, fresh: boolean): FleetInstance[] {
	return Array.from({ length: scenario.fleet.size }, (_, index) => {
		const position = index + 1;
		const matches = (f: { role: 'original' | 'replacement' | undefined }) =>
			(f.role ?? defaultRole(scenario)) === role || (role === 'in-place' && f.role === undefined);
		const stop = scenario.faults.find(
			(f) => f.type === 'instanceStops' && f.instance === position && matches(f),
		);
		const agentMissing = scenario.faults.some(
			(f) =>
				f.type === 'agentMissing' && matches(f) && (f.instances === 'all' || f.instances.includes(position)),
		);
		return {
			id: instanceId(scenario, role, position),
			position,
			role,
			health: 'Healthy' as const,
			revision: fresh || scenario.firstDeployment ? ('Unknown' as const) : ('Old' as const),
			stoppedAt: stop?.type === 'instanceStops' ? stop.at : undefined,
			agentMissing,
			hasPreviousRevision: !fresh && !scenario.firstDeployment,
		};
	});
}

function wantsRollback(scenario: Scenario, end: DeploymentEnd): boolean {
	if (end.status === 'Failed') return scenario.autoRollback.onFailure;
	return end.status === 'Stopped' && end.errorCode === 'ALARM_ACTIVE' && scenario.autoRollback.onAlarm;
}

function rollbackContext(ctx: DeploymentContext, random: Random): DeploymentContext {
	return { ...ctx, id: deploymentId(random), kind: 'rollback', stopAt: undefined };
}

function simulateServer(ctx: DeploymentContext, random: Random): void {
	const { scenario } = ctx;
	if (scenario.deploymentType === 'in-place') {
		const fleet = buildFleet(scenario, 'in-place', false);
		const end = runInPlace(ctx, fleet, 0);
		if (!wantsRollback(scenario, end)) return;
		// A rollback redeploys the last known good revision; a first deployment has none (§2.5).
		if (scenario.firstDeployment) return noRollback(ctx, end.end, 'noPreviousRevision');
		for (const instance of fleet) if (instance.revision === 'Current') instance.revision = 'Old';
		runInPlace(rollbackContext(ctx, random), fleet, end.end + ROLLBACK_START_DELAY, ctx.id);
		return;
	}
	const state: BlueGreenState = {
		originals: buildFleet(scenario, 'original', false),
		replacements: buildFleet(scenario, 'replacement', true),
		allowed: [],
		blocked: [],
	};
	const end = runBlueGreen(ctx, state, 0);
	if (wantsRollback(scenario, end))
		runBlueGreenRollback(rollbackContext(ctx, random), state, end.end + ROLLBACK_START_DELAY, ctx.id);
}

function simulateServerless(ctx: DeploymentContext, random: Random): void {
	const state: ServerlessState = {
		replacement: 0,
		test: ctx.scenario.platform === 'ecs' && ctx.scenario.testListener ? 0 : undefined,
		installed: false,
		failedAtBeforeInstall: false,
	};
	const end = runServerless(ctx, state, 0);
	if (!wantsRollback(ctx.scenario, end)) return;
	if (state.failedAtBeforeInstall) return noRollback(ctx, end.end, 'beforeInstall');
	runServerlessRollback(rollbackContext(ctx, random), state, end.end + ROLLBACK_START_DELAY, ctx.id);
}

function noRollback(ctx: DeploymentContext, t: number, reason: 'noPreviousRevision' | 'beforeInstall'): void {
	ctx.recorder.add(
		t,
		`rollback.skipped.${reason}`,
		{ deployment: ctx.id },
		{ type: 'rollbackSkipped', deploymentId: ctx.id, reason },
	);
}
