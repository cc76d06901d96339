import type { Role } from './scenario.ts';

/** Statuses as AWS spells them (API DeploymentStatus, LifecycleEvent, instance and revision health). */
export type DeploymentStatus = 'Created' | 'InProgress' | 'Succeeded' | 'Failed' | 'Stopped';
export type EventStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped';
export type ScriptResult = 'Succeeded' | 'ScriptMissing' | 'ScriptFailed' | 'ScriptTimedOut';
export type InstanceHealth = 'Healthy' | 'Unhealthy';
export type RevisionHealth = 'Current' | 'Old' | 'Unknown';
export type DeploymentKind = 'deployment' | 'rollback';
/** Deployment error codes used here (API ErrorCode). */
export type DeploymentErrorCode =
	'HEALTH_CONSTRAINTS' | 'HEALTH_CONSTRAINTS_INVALID' | 'ALARM_ACTIVE' | 'HOOK_EXECUTION_FAILURE' | 'TIMEOUT';

export type SimEventData =
	| {
			readonly type: 'deployment';
			readonly deploymentId: string;
			readonly kind: DeploymentKind;
			readonly status: DeploymentStatus;
			readonly errorCode?: DeploymentErrorCode;
			readonly rollbackOf?: string;
	  }
	| {
			readonly type: 'batch';
			readonly deploymentId: string;
			/** Blue/green runs its replacements in batches twice: to install, then to reroute traffic. */
			readonly phase: 'install' | 'reroute';
			readonly index: number;
			readonly instances: readonly string[];
	  }
	| {
			/** Emitted twice per event: at its start (`InProgress`) and at its end (final status, with `start`). */
			readonly type: 'lifecycle';
			readonly deploymentId: string;
			/** Absent for Lambda and ECS, whose events belong to the deployment. */
			readonly instanceId?: string;
			readonly role?: Role;
			readonly event: string;
			readonly status: EventStatus;
			readonly start: number;
			readonly errorCode?: string;
			/** The hook's Lambda function (Lambda and ECS). */
			readonly hookFunction?: string;
	  }
	| {
			readonly type: 'script';
			readonly deploymentId: string;
			readonly instanceId: string;
			readonly event: string;
			readonly location: string;
			readonly result: ScriptResult;
			readonly exitCode?: number;
			readonly duration: number;
	  }
	| {
			readonly type: 'traffic';
			readonly deploymentId: string;
			readonly original: number;
			readonly replacement: number;
			readonly test?: number;
	  }
	| {
			readonly type: 'instance';
			readonly deploymentId: string;
			readonly instanceId: string;
			readonly role: Role;
			readonly health: InstanceHealth;
			readonly revision: RevisionHealth;
	  }
	| { readonly type: 'instanceStopped'; readonly instanceId: string }
	| { readonly type: 'alarm'; readonly name: string }
	| {
			readonly type: 'wait';
			readonly deploymentId: string;
			readonly reason: 'ready' | 'termination';
			readonly until: number;
	  }
	| { readonly type: 'continued'; readonly deploymentId: string }
	| { readonly type: 'provisioned'; readonly deploymentId: string; readonly count: number }
	| {
			readonly type: 'terminated';
			readonly deploymentId: string;
			readonly target: 'originals' | 'replacements' | 'originalTaskSet' | 'replacementTaskSet';
	  }
	| {
			readonly type: 'rollbackSkipped';
			readonly deploymentId: string;
			readonly reason: 'noPreviousRevision' | 'beforeInstall';
	  };

/** One timed event of a simulation: `key` and `params` name a message of the simulator catalog. */
export interface SimEvent {
	/** Seconds from the start of the first deployment. */
	readonly t: number;
	readonly key: string;
	readonly params: Readonly<Record<string, string | number>>;
	readonly data: SimEventData;
}

/** Collects events in any order; `events()` returns them sorted by time, ties in the order they were recorded. */
export class Recorder {
	readonly #events: { seq: number; event: SimEvent }[] = [];

	add(t: number, key: string, params: Record<string, string | number>, data: SimEventData): void {
		this.#events.push({ seq: this.#events.length, event: { t, key, params, data } });
	}

	events(): SimEvent[] {
		return this.#events
			.slice()
			.sort((a, b) => a.event.t - b.event.t || a.seq - b.seq)
			.map((entry) => entry.event);
	}
}
