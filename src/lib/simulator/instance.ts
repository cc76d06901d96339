import {
	AGENT_EVENT_OVERHEAD,
	AGENT_MISSING_TIMEOUT,
	ALLOW_TRAFFIC_DURATION,
	DEFAULT_SCRIPT_DURATION,
	DOWNLOAD_BUNDLE_DURATION,
	FAILING_SCRIPT_FRACTION,
	INSTALL_DURATION,
	MAX_EVENT_DURATION,
} from './constants.ts';
import type { EventStatus, Recorder, ScriptResult } from './events.ts';
import { TRAFFIC_EVENTS } from './lifecycle.ts';
import { jitter, type Random } from './random.ts';
import type { Fault, Role, Scenario, ScriptSpec } from './scenario.ts';

/** Everything one instance's run depends on. */
export interface InstanceRun {
	readonly scenario: Scenario;
	readonly random: Random;
	readonly recorder: Recorder;
	readonly deploymentId: string;
	readonly kind: 'deployment' | 'rollback';
	readonly instanceId: string;
	readonly position: number;
	readonly role: Role;
	/** When the instance stops (fault), if it does. */
	readonly stoppedAt: number | undefined;
	readonly agentMissing: boolean;
	readonly hasPreviousRevision: boolean;
	/** When the whole deployment is stopped (alarm), if it is. */
	readonly stopAt: number | undefined;
}

export interface InstanceResult {
	readonly end: number;
	readonly outcome: 'Succeeded' | 'Failed' | 'Stopped';
}

/** Events the service or the load balancer performs; every other event needs the agent. */
const SERVICE_EVENTS: ReadonlySet<string> = new Set(['BlockTraffic', 'AllowTraffic']);

/** Runs `order` on one instance from `start`, records its events, and says how it ended. */
export function runInstance(run: InstanceRun, order: readonly string[], start: number): InstanceResult {
	let t = start;
	let outcome: InstanceResult['outcome'] = 'Succeeded';
	for (const event of order) {
		if (
			outcome !== 'Succeeded' ||
			!appliesHere(run, event) ||
			(run.stopAt !== undefined && run.stopAt <= t)
		) {
			if (outcome === 'Succeeded' && run.stopAt !== undefined && run.stopAt <= t) outcome = 'Stopped';
			record(run, event, 'Skipped', t, t);
			continue;
		}
		const step = runEvent(run, event, t);
		const cut = run.stopAt !== undefined && step.end > run.stopAt;
		const end = cut ? (run.stopAt as number) : step.end;
		record(
			run,
			event,
			cut ? 'Failed' : step.status,
			t,
			end,
			cut ? undefined : step.errorCode,
			cut ? 'eventCut' : step.key,
		);
		t = end;
		if (cut) outcome = 'Stopped';
		else if (step.status === 'Failed') outcome = 'Failed';
	}
	return { end: t, outcome };
}

function appliesHere(run: InstanceRun, event: string): boolean {
	return run.scenario.loadBalancer.enabled || !TRAFFIC_EVENTS.has(event);
}

interface StepResult {
	readonly end: number;
	readonly status: EventStatus;
	readonly errorCode?: string;
	readonly key?: string;
}

function runEvent(run: InstanceRun, event: string, t: number): StepResult {
	if (run.stoppedAt !== undefined && run.stoppedAt <= t)
		return { end: t, status: 'Failed', errorCode: 'UnknownError', key: 'instanceStopped' };
	if (run.agentMissing && !SERVICE_EVENTS.has(event)) {
		// Nobody picks up the command: it stays Pending until the service gives up (§5.6).
		return {
			end: t + AGENT_MISSING_TIMEOUT,
			status: 'Failed',
			errorCode: 'UnknownError',
			key: 'agentMissing',
		};
	}
	const step =
		SERVICE_EVENTS.has(event) || event === 'DownloadBundle' || event === 'Install'
			? reservedEvent(run, event, t)
			: scriptedEvent(run, event, t);
	if (run.stoppedAt !== undefined && run.stoppedAt < step.end) {
		return { end: run.stoppedAt, status: 'Failed', errorCode: 'UnknownError', key: 'instanceStopped' };
	}
	return step;
}

function reservedEvent(run: InstanceRun, event: string, t: number): StepResult {
	const duration =
		event === 'BlockTraffic'
			? run.scenario.loadBalancer.deregistrationDelay
			: event === 'AllowTraffic'
				? jitter(run.random, ALLOW_TRAFFIC_DURATION)
				: event === 'DownloadBundle'
					? jitter(run.random, DOWNLOAD_BUNDLE_DURATION)
					: jitter(run.random, INSTALL_DURATION);
	return { end: t + duration, status: 'Succeeded' };
}

/** Scripts run one after another in file order; the first failure fails the event (§1.7.1). */
function scriptedEvent(run: InstanceRun, event: string, t: number): StepResult {
	const eventStart = t;
	let now = t + AGENT_EVENT_OVERHEAD;
	for (const script of scriptsFor(run, event)) {
		const fault = faultFor(run, event);
		const { duration, result, exitCode } = scriptOutcome(run, event, script, fault, now - eventStart);
		now += duration;
		run.recorder.add(
			now,
			`script.${result}`,
			{
				instance: run.instanceId,
				event,
				location: script.location,
				seconds: duration,
				exitCode: exitCode ?? 0,
			},
			{
				type: 'script',
				deploymentId: run.deploymentId,
				instanceId: run.instanceId,
				event,
				location: script.location,
				result,
				duration,
				...(exitCode === undefined ? {} : { exitCode }),
			},
		);
		if (result !== 'Succeeded') return { end: now, status: 'Failed', errorCode: result };
	}
	return { end: now, status: 'Succeeded' };
}

/** §1.8: these events run the previous revision's scripts, so nothing runs on an instance without one. */
const PREVIOUS_REVISION_EVENTS: ReadonlySet<string> = new Set([
	'ApplicationStop',
	'BeforeBlockTraffic',
	'AfterBlockTraffic',
]);

function scriptsFor(run: InstanceRun, event: string): readonly ScriptSpec[] {
	if (PREVIOUS_REVISION_EVENTS.has(event) && !run.hasPreviousRevision) return [];
	return run.scenario.hooks[event] ?? [];
}

function scriptOutcome(
	run: InstanceRun,
	event: string,
	script: ScriptSpec,
	fault: Fault | undefined,
	elapsed: number,
) {
	// A script gets its own timeout, but never more than what is left of the service's 3600 s per event (§1.7.2).
	const limit = Math.max(1, Math.min(script.timeout, MAX_EVENT_DURATION - elapsed));
	const normal = jitter(run.random, script.duration ?? DEFAULT_SCRIPT_DURATION[event] ?? 5);
	if (fault?.type === 'scriptMissing')
		return { duration: 0, result: 'ScriptMissing' as ScriptResult, exitCode: undefined };
	if (fault?.type === 'scriptTimesOut' || normal > limit)
		return { duration: limit, result: 'ScriptTimedOut' as ScriptResult, exitCode: undefined };
	if (fault?.type === 'scriptFails') {
		return {
			duration: Math.max(1, Math.round(normal * FAILING_SCRIPT_FRACTION)),
			result: 'ScriptFailed' as ScriptResult,
			exitCode: fault.exitCode,
		};
	}
	return { duration: normal, result: 'Succeeded' as ScriptResult, exitCode: undefined };
}

function faultFor(run: InstanceRun, event: string): Fault | undefined {
	return run.scenario.faults.find(
		(fault) =>
			(fault.type === 'scriptFails' || fault.type === 'scriptTimesOut' || fault.type === 'scriptMissing') &&
			fault.event === event &&
			fault.deployment === run.kind &&
			(fault.role === undefined || fault.role === run.role) &&
			(fault.instances === 'all' || fault.instances.includes(run.position)),
	);
}

function record(
	run: InstanceRun,
	event: string,
	status: EventStatus,
	start: number,
	end: number,
	errorCode?: string,
	reason?: string,
): void {
	const base = {
		type: 'lifecycle' as const,
		deploymentId: run.deploymentId,
		instanceId: run.instanceId,
		role: run.role,
		event,
	};
	const params = { instance: run.instanceId, event, deployment: run.deploymentId };
	// Without an agent nobody picks the command up: the event stays Pending until the service gives up.
	const pending = reason === 'agentMissing';
	if (status !== 'Skipped') {
		run.recorder.add(start, pending ? 'lifecycle.pending' : 'lifecycle.start', params, {
			...base,
			status: pending ? 'Pending' : 'InProgress',
			start,
		});
	}
	const key = reason ? `lifecycle.${reason}` : `lifecycle.${status}`;
	run.recorder.add(
		end,
		key,
		{ ...params, seconds: end - start, errorCode: errorCode ?? '' },
		{ ...base, status, start, ...(errorCode ? { errorCode } : {}) },
	);
}
