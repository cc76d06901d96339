import { minimumHealthyCount, planBatches, type MinimumHealthyHosts } from './configs.ts';
import { PROVISION_REPLACEMENTS_DURATION, TERMINATE_DURATION } from './constants.ts';
import {
	recordInstances,
	recordStatus,
	runBatches,
	type DeploymentContext,
	type DeploymentEnd,
	type FleetInstance,
} from './deployment.ts';
import {
	IN_PLACE_ORDER,
	ORIGINAL_ORDER,
	REPLACEMENT_INSTALL_ORDER,
	REPLACEMENT_REROUTE_ORDER,
} from './lifecycle.ts';
import { runInstance } from './instance.ts';
import { runFor, settle } from './deployment.ts';

/** §5.2 step 3: Unhealthy instances first, then Unknown, Old and Current revisions; ties keep fleet order. */
const HEALTH_RANK = { Unhealthy: 0, Unknown: 1, Old: 2, Current: 3 } as const;

export function deploymentOrder(fleet: readonly FleetInstance[]): FleetInstance[] {
	const rank = (i: FleetInstance) =>
		i.health === 'Unhealthy' ? HEALTH_RANK.Unhealthy : HEALTH_RANK[i.revision];
	return [...fleet].sort((a, b) => rank(a) - rank(b) || a.position - b.position);
}

function hostsOf(ctx: DeploymentContext): MinimumHealthyHosts {
	const { config } = ctx.scenario;
	return config.kind === 'hosts' ? config.minimumHealthyHosts : { type: 'HOST_COUNT', value: 0 };
}

/** An in-place deployment (or the in-place rollback, which is the same with the previous revision, §2.1). */
export function runInPlace(
	ctx: DeploymentContext,
	fleet: FleetInstance[],
	start: number,
	rollbackOf?: string,
): DeploymentEnd {
	recordStatus(ctx, start, 'Created', undefined, rollbackOf);
	recordStatus(ctx, start, 'InProgress');
	const plan = planBatches(fleet.length, hostsOf(ctx));
	if (!plan.ok) return finish(ctx, fleet, start, 'Failed', plan.errorCode);
	const run = runBatches(ctx, deploymentOrder(fleet), IN_PLACE_ORDER, start, plan.minimum);
	return finish(ctx, fleet, run.end, run.status === 'done' ? 'Succeeded' : run.status, run.errorCode);
}

function finish(
	ctx: DeploymentContext,
	fleet: readonly FleetInstance[],
	t: number,
	status: DeploymentEnd['status'],
	errorCode: DeploymentEnd['errorCode'],
): DeploymentEnd {
	recordInstances(ctx, t, fleet);
	recordStatus(ctx, t, status, errorCode);
	return { status, end: t, errorCode };
}

/** What a blue/green rollback needs to know: who took traffic and who stopped taking it. */
export interface BlueGreenState {
	readonly originals: FleetInstance[];
	readonly replacements: FleetInstance[];
	readonly allowed: FleetInstance[];
	readonly blocked: FleetInstance[];
}

function recordTraffic(ctx: DeploymentContext, t: number, replacementShare: number): void {
	const replacement = Math.round(replacementShare);
	ctx.recorder.add(
		t,
		'traffic.shift',
		{ original: 100 - replacement, replacement },
		{ type: 'traffic', deploymentId: ctx.id, original: 100 - replacement, replacement },
	);
}

/** §2.2: provision replacements, install on them in batches, wait if asked, reroute, block the originals, terminate. */
export function runBlueGreen(ctx: DeploymentContext, state: BlueGreenState, start: number): DeploymentEnd {
	const { originals, replacements } = state;
	const all = [...originals, ...replacements];
	recordStatus(ctx, start, 'Created');
	recordStatus(ctx, start, 'InProgress');
	recordTraffic(ctx, start, 0);
	const plan = planBatches(replacements.length, hostsOf(ctx));
	if (!plan.ok) return finish(ctx, all, start, 'Failed', plan.errorCode);
	const stopped = (t: number) => ctx.stopAt !== undefined && ctx.stopAt <= t;
	const t = start + PROVISION_REPLACEMENTS_DURATION;
	if (stopped(t)) return finish(ctx, all, ctx.stopAt as number, 'Stopped', 'ALARM_ACTIVE');
	ctx.recorder.add(
		t,
		'bluegreen.provisioned',
		{ count: replacements.length },
		{ type: 'provisioned', deploymentId: ctx.id, count: replacements.length },
	);
	const install = runBatches(ctx, replacements, REPLACEMENT_INSTALL_ORDER, t, plan.minimum);
	if (install.status !== 'done') return finish(ctx, all, install.end, install.status, install.errorCode);
	const ready = waitUntilReady(ctx, install.end);
	if (ready.status !== 'continue')
		return finish(ctx, all, ready.t, 'Stopped', ready.status === 'alarm' ? 'ALARM_ACTIVE' : 'TIMEOUT');
	const healthy = replacements.filter((i) => i.health === 'Healthy');
	const reroute = rerouteInBatches(
		ctx,
		state,
		healthy,
		ready.t,
		minimumHealthyCount(healthy.length, hostsOf(ctx)),
	);
	if (reroute.status !== 'done') return finish(ctx, all, reroute.end, reroute.status, reroute.errorCode);
	const block = blockOriginals(ctx, state, reroute.end);
	if (block.status !== 'done') return finish(ctx, all, block.end, block.status, block.errorCode);
	recordTraffic(ctx, block.end, 100);
	return terminateOriginals(ctx, all, block.end);
}

type Ready = { status: 'continue' | 'alarm' | 'timeout'; t: number };

/** §2.2 deploymentReadyOption: continue at once, or wait for a manual continue until waitTimeInMinutes. */
function waitUntilReady(ctx: DeploymentContext, t: number): Ready {
	const option = ctx.scenario.readyOption;
	if (option.action === 'CONTINUE_DEPLOYMENT')
		return ctx.stopAt !== undefined && ctx.stopAt <= t ? { status: 'alarm', t } : { status: 'continue', t };
	const deadline = t + option.waitMinutes * 60;
	ctx.recorder.add(
		t,
		'bluegreen.waitReady',
		{ minutes: option.waitMinutes },
		{ type: 'wait', deploymentId: ctx.id, reason: 'ready', until: deadline },
	);
	const continueAt =
		option.continueAfterMinutes === undefined || option.continueAfterMinutes > option.waitMinutes
			? undefined
			: t + option.continueAfterMinutes * 60;
	const decidedAt = continueAt ?? deadline;
	if (ctx.stopAt !== undefined && ctx.stopAt <= decidedAt)
		return { status: 'alarm', t: Math.max(t, ctx.stopAt) };
	if (continueAt === undefined) return { status: 'timeout', t: deadline };
	ctx.recorder.add(continueAt, 'bluegreen.continued', {}, { type: 'continued', deploymentId: ctx.id });
	return { status: 'continue', t: continueAt };
}

function rerouteInBatches(
	ctx: DeploymentContext,
	state: BlueGreenState,
	healthy: FleetInstance[],
	t: number,
	minimum: number,
) {
	return runBatches(ctx, healthy, REPLACEMENT_REROUTE_ORDER, t, minimum, 'reroute', (end, batch) => {
		for (const instance of batch) if (instance.health === 'Healthy') state.allowed.push(instance);
		// While both fleets are registered the load balancer spreads requests over all of them.
		recordTraffic(ctx, end, (100 * state.allowed.length) / (state.allowed.length + state.originals.length));
	});
}

/** §5.1 note: if even one original fails to deregister, the blue/green deployment fails. */
function blockOriginals(ctx: DeploymentContext, state: BlueGreenState, t: number) {
	if (ctx.stopAt !== undefined && ctx.stopAt <= t)
		return { status: 'Stopped' as const, end: Math.max(t, ctx.stopAt), errorCode: 'ALARM_ACTIVE' as const };
	let end = t;
	let status: 'done' | 'Failed' | 'Stopped' = 'done';
	for (const original of state.originals) {
		const result = runInstance(runFor(ctx, original), ORIGINAL_ORDER, t);
		state.blocked.push(original);
		if (result.outcome !== 'Succeeded') {
			settle(original, result.outcome);
			if (status === 'done') status = result.outcome;
		}
		end = Math.max(end, result.end);
	}
	return {
		status,
		end,
		errorCode:
			status === 'Stopped'
				? ('ALARM_ACTIVE' as const)
				: status === 'Failed'
					? ('HEALTH_CONSTRAINTS' as const)
					: undefined,
	};
}

/** Terminate the originals after the wait (or keep them), the last step of a successful blue/green deployment. */
function terminateOriginals(ctx: DeploymentContext, all: FleetInstance[], t: number): DeploymentEnd {
	const termination = ctx.scenario.termination;
	if (termination.action === 'KEEP_ALIVE') return finish(ctx, all, t, 'Succeeded', undefined);
	const until = t + termination.waitMinutes * 60;
	if (termination.waitMinutes > 0) {
		ctx.recorder.add(
			t,
			'bluegreen.waitTermination',
			{ minutes: termination.waitMinutes },
			{ type: 'wait', deploymentId: ctx.id, reason: 'termination', until },
		);
	}
	if (ctx.stopAt !== undefined && ctx.stopAt <= until)
		return finish(ctx, all, Math.max(t, ctx.stopAt), 'Stopped', 'ALARM_ACTIVE');
	const end = until + TERMINATE_DURATION;
	ctx.recorder.add(
		end,
		'bluegreen.terminated.originals',
		{},
		{ type: 'terminated', deploymentId: ctx.id, target: 'originals' },
	);
	return finish(ctx, all, end, 'Succeeded', undefined);
}

/** §2.5: reroute back to the originals (AllowTraffic events on them, BlockTraffic on the replacements), drop the replacements. */
export function runBlueGreenRollback(
	ctx: DeploymentContext,
	state: BlueGreenState,
	start: number,
	rollbackOf: string,
): DeploymentEnd {
	recordStatus(ctx, start, 'Created', undefined, rollbackOf);
	recordStatus(ctx, start, 'InProgress');
	let end = start;
	let failed = false;
	const involved = [...state.blocked, ...state.allowed];
	for (const original of state.blocked) {
		const result = runInstance(runFor(ctx, original), REPLACEMENT_REROUTE_ORDER, start);
		settle(original, result.outcome);
		failed ||= result.outcome !== 'Succeeded';
		end = Math.max(end, result.end);
	}
	for (const replacement of state.allowed) {
		const result = runInstance(runFor(ctx, replacement), ORIGINAL_ORDER, start);
		failed ||= result.outcome !== 'Succeeded';
		end = Math.max(end, result.end);
	}
	recordTraffic(ctx, end, 0);
	end += TERMINATE_DURATION;
	ctx.recorder.add(
		end,
		'bluegreen.terminated.replacements',
		{},
		{ type: 'terminated', deploymentId: ctx.id, target: 'replacements' },
	);
	return finish(
		ctx,
		involved,
		end,
		failed ? 'Failed' : 'Succeeded',
		failed ? 'HEALTH_CONSTRAINTS' : undefined,
	);
}
