import type {
	DeploymentErrorCode,
	DeploymentKind,
	InstanceHealth,
	Recorder,
	RevisionHealth,
} from './events.ts';
import { runInstance } from './instance.ts';
import { nextBatchSize } from './configs.ts';
import type { Random } from './random.ts';
import type { Role, Scenario } from './scenario.ts';

/** One instance of the deployment group, as the simulation goes. */
export interface FleetInstance {
	readonly id: string;
	/** 1-based position in its fleet, as faults name instances. */
	readonly position: number;
	readonly role: Role;
	health: InstanceHealth;
	revision: RevisionHealth;
	readonly stoppedAt: number | undefined;
	readonly agentMissing: boolean;
	/** §1.8: ApplicationStop and the BlockTraffic hooks run the last successfully installed revision's scripts. */
	hasPreviousRevision: boolean;
}

export interface DeploymentContext {
	readonly scenario: Scenario;
	readonly random: Random;
	readonly recorder: Recorder;
	readonly id: string;
	readonly kind: DeploymentKind;
	/** When an alarm stops this deployment, if one does. */
	readonly stopAt: number | undefined;
}

export type FinalStatus = 'Succeeded' | 'Failed' | 'Stopped';

export interface DeploymentEnd {
	readonly status: FinalStatus;
	readonly end: number;
	readonly errorCode: DeploymentErrorCode | undefined;
}

export function recordStatus(
	ctx: DeploymentContext,
	t: number,
	status: 'Created' | 'InProgress' | FinalStatus,
	errorCode?: DeploymentErrorCode,
	rollbackOf?: string,
): void {
	ctx.recorder.add(
		t,
		`${ctx.kind}.${status}`,
		{ deployment: ctx.id, errorCode: errorCode ?? '', of: rollbackOf ?? '' },
		{
			type: 'deployment',
			deploymentId: ctx.id,
			kind: ctx.kind,
			status,
			...(errorCode ? { errorCode } : {}),
			...(rollbackOf ? { rollbackOf } : {}),
		},
	);
}

/** Records where every instance of a deployment stands when it ends. */
export function recordInstances(ctx: DeploymentContext, t: number, fleet: readonly FleetInstance[]): void {
	for (const instance of fleet) {
		// §5.2 step 7: a stopped instance counts as failed, even one that had succeeded earlier.
		if (instance.stoppedAt !== undefined && instance.stoppedAt <= t) instance.health = 'Unhealthy';
		ctx.recorder.add(
			t,
			'instance.state',
			{ instance: instance.id, health: instance.health, revision: instance.revision },
			{
				type: 'instance',
				deploymentId: ctx.id,
				instanceId: instance.id,
				role: instance.role,
				health: instance.health,
				revision: instance.revision,
			},
		);
	}
}

/**
 * §5.2 step 8: an instance that succeeds becomes Current and Healthy; one that fails becomes Unhealthy and keeps its
 * revision health (Unknown if it was Current); an instance never reached keeps both.
 */
export function settle(instance: FleetInstance, outcome: 'Succeeded' | 'Failed' | 'Stopped'): void {
	if (outcome === 'Succeeded') {
		instance.hasPreviousRevision = true;
		instance.health = 'Healthy';
		instance.revision = 'Current';
		return;
	}
	instance.health = 'Unhealthy';
	if (instance.revision === 'Current') instance.revision = 'Unknown';
}

export interface BatchRun {
	readonly end: number;
	readonly status: 'done' | FinalStatus;
	readonly errorCode: DeploymentErrorCode | undefined;
	readonly attempted: readonly FleetInstance[];
}

/**
 * Runs `order` over `fleet` in batches sized by the minimum healthy hosts (§5.2): each batch is as large as the
 * healthy count allows; a failure that leaves no room for the next batch fails the deployment (HEALTH_CONSTRAINTS),
 * so a failure on the last instance does not. Batches are synchronised: the next one starts when the slowest ends.
 */
export function runBatches(
	ctx: DeploymentContext,
	fleet: readonly FleetInstance[],
	order: readonly string[],
	start: number,
	minimum: number,
	phase: 'install' | 'reroute' = 'install',
	onBatchEnd?: (t: number, batch: readonly FleetInstance[]) => void,
): BatchRun {
	let t = start;
	let failed = 0;
	const attempted: FleetInstance[] = [];
	const remaining = [...fleet];
	for (let index = 0; remaining.length > 0; index++) {
		if (ctx.stopAt !== undefined && ctx.stopAt <= t)
			return { end: Math.max(t, ctx.stopAt), status: 'Stopped', errorCode: 'ALARM_ACTIVE', attempted };
		const stoppedAlready = remaining.filter((i) => i.stoppedAt !== undefined && i.stoppedAt <= t).length;
		const stoppedDone = attempted.filter(
			(i) => i.health === 'Healthy' && i.stoppedAt !== undefined && i.stoppedAt <= t,
		).length;
		const size = nextBatchSize(
			fleet.length - failed - stoppedAlready - stoppedDone,
			minimum,
			remaining.length,
		);
		if (size === 0) return { end: t, status: 'Failed', errorCode: 'HEALTH_CONSTRAINTS', attempted };
		const batch = remaining.splice(0, size);
		ctx.recorder.add(
			t,
			phase === 'install' ? 'batch.start' : 'batch.reroute',
			{ deployment: ctx.id, index: index + 1, count: batch.length },
			{ type: 'batch', deploymentId: ctx.id, phase, index, instances: batch.map((i) => i.id) },
		);
		let end = t;
		let cut = false;
		for (const instance of batch) {
			const result = runInstance(runFor(ctx, instance), order, t);
			settle(instance, result.outcome);
			if (result.outcome !== 'Succeeded') failed++;
			if (result.outcome === 'Stopped') cut = true;
			attempted.push(instance);
			end = Math.max(end, result.end);
		}
		if (cut) return { end, status: 'Stopped', errorCode: 'ALARM_ACTIVE', attempted };
		onBatchEnd?.(end, batch);
		t = end;
	}
	const succeeded = attempted.filter((i) => i.health === 'Healthy').length;
	// §5.2 step 2: at least one instance must succeed, even with a minimum of 0.
	if (succeeded === 0) return { end: t, status: 'Failed', errorCode: 'HEALTH_CONSTRAINTS', attempted };
	return { end: t, status: 'done', errorCode: undefined, attempted };
}

export function runFor(ctx: DeploymentContext, instance: FleetInstance) {
	return {
		scenario: ctx.scenario,
		random: ctx.random,
		recorder: ctx.recorder,
		deploymentId: ctx.id,
		kind: ctx.kind,
		instanceId: instance.id,
		position: instance.position,
		role: instance.role,
		stoppedAt: instance.stoppedAt,
		agentMissing: instance.agentMissing,
		hasPreviousRevision: instance.hasPreviousRevision,
		stopAt: ctx.stopAt,
	};
}
