import { trafficSteps, type TrafficRouting } from './configs.ts';
import {
	ECS_INSTALL_DURATION,
	ECS_TEST_TRAFFIC_DURATION,
	HOOK_FUNCTION_DURATION,
	HOOK_FUNCTION_TIMEOUT,
	TERMINATE_DURATION,
	TRAFFIC_SHIFT_DURATION,
} from './constants.ts';
import { recordStatus, type DeploymentContext, type DeploymentEnd } from './deployment.ts';
import type { EventStatus } from './events.ts';
import { jitter } from './random.ts';

/** How far a Lambda or ECS deployment got, for its rollback (§3.2, §4, §5.5). */
export interface ServerlessState {
	/** Percentage of production traffic on the replacement (Lambda: the target version). */
	replacement: number;
	test: number | undefined;
	/** ECS: the replacement task set exists. */
	installed: boolean;
	/** §3.2: a failure at BeforeInstall leaves nothing to roll back. */
	failedAtBeforeInstall: boolean;
}

type Step = { end: number; status: EventStatus; cut: boolean; timeout?: boolean };

function recordEvent(
	ctx: DeploymentContext,
	event: string,
	status: EventStatus,
	start: number,
	end: number,
	hookFunction?: string,
	reason?: string,
): void {
	const base = {
		type: 'lifecycle' as const,
		deploymentId: ctx.id,
		event,
		...(hookFunction ? { hookFunction } : {}),
	};
	const params = {
		event,
		deployment: ctx.id,
		function: hookFunction ?? '',
		seconds: end - start,
		errorCode: '',
	};
	if (status !== 'Skipped')
		ctx.recorder.add(start, hookFunction ? 'hook.start' : 'lifecycle.serviceStart', params, {
			...base,
			status: 'InProgress',
			start,
		});
	ctx.recorder.add(
		end,
		hookFunction
			? `hook.${reason ?? status}`
			: reason
				? 'lifecycle.serviceCut'
				: `lifecycle.service${status}`,
		params,
		{ ...base, status, start },
	);
}

function cutAt(ctx: DeploymentContext, end: number): number | undefined {
	return ctx.stopAt !== undefined && ctx.stopAt < end ? ctx.stopAt : undefined;
}

/** Runs a hook's Lambda function, which must report Succeeded or Failed within an hour (§3.2). */
function runHook(ctx: DeploymentContext, event: string, t: number): Step {
	const hook = ctx.scenario.hookFunctions[event];
	if (!hook || ctx.kind === 'rollback') {
		recordEvent(ctx, event, 'Skipped', t, t);
		return { end: t, status: 'Skipped', cut: false };
	}
	const fault = ctx.scenario.faults.find(
		(f) =>
			(f.type === 'scriptFails' || f.type === 'scriptTimesOut') &&
			f.event === event &&
			f.deployment === ctx.kind,
	);
	const normal = jitter(ctx.random, hook.duration ?? HOOK_FUNCTION_DURATION);
	const duration =
		fault?.type === 'scriptTimesOut' || normal > HOOK_FUNCTION_TIMEOUT ? HOOK_FUNCTION_TIMEOUT : normal;
	const status: EventStatus = fault ? 'Failed' : 'Succeeded';
	const cut = cutAt(ctx, t + duration);
	if (cut !== undefined) {
		recordEvent(ctx, event, 'Failed', t, cut, hook.name, 'eventCut');
		return { end: cut, status: 'Failed', cut: true };
	}
	recordEvent(
		ctx,
		event,
		status,
		t,
		t + duration,
		hook.name,
		fault?.type === 'scriptTimesOut' ? 'noReport' : undefined,
	);
	return { end: t + duration, status, cut: false };
}

function serviceStep(ctx: DeploymentContext, event: string, t: number, duration: number): Step {
	const cut = cutAt(ctx, t + duration);
	recordEvent(
		ctx,
		event,
		cut === undefined ? 'Succeeded' : 'Failed',
		t,
		cut ?? t + duration,
		undefined,
		cut === undefined ? undefined : 'eventCut',
	);
	return cut === undefined
		? { end: t + duration, status: 'Succeeded', cut: false }
		: { end: cut, status: 'Failed', cut: true };
}

function recordTraffic(ctx: DeploymentContext, t: number, state: ServerlessState): void {
	const test = state.test === undefined ? {} : { test: state.test };
	ctx.recorder.add(
		t,
		'traffic.shift',
		{ original: 100 - state.replacement, replacement: state.replacement },
		{
			type: 'traffic',
			deploymentId: ctx.id,
			original: 100 - state.replacement,
			replacement: state.replacement,
			...test,
		},
	);
}

/** AllowTraffic: the shifts of the configuration (canary, linear, all at once), an alarm can stop it between shifts. */
function shiftTraffic(
	ctx: DeploymentContext,
	routing: TrafficRouting,
	t: number,
	state: ServerlessState,
): Step {
	for (const step of trafficSteps(routing)) {
		const at = t + step.offset + TRAFFIC_SHIFT_DURATION;
		const cut = cutAt(ctx, at);
		if (cut !== undefined) {
			recordEvent(ctx, 'AllowTraffic', 'Failed', t, cut, undefined, 'eventCut');
			return { end: cut, status: 'Failed', cut: true };
		}
		state.replacement = step.replacement;
		recordTraffic(ctx, at, state);
	}
	const end = t + (trafficSteps(routing).at(-1)?.offset ?? 0) + TRAFFIC_SHIFT_DURATION;
	recordEvent(ctx, 'AllowTraffic', 'Succeeded', t, end);
	return { end, status: 'Succeeded', cut: false };
}

function failed(ctx: DeploymentContext, step: Step): DeploymentEnd {
	const status = step.cut || step.timeout ? 'Stopped' : 'Failed';
	const errorCode = step.timeout ? 'TIMEOUT' : step.cut ? 'ALARM_ACTIVE' : 'HOOK_EXECUTION_FAILURE';
	recordStatus(ctx, step.end, status, errorCode);
	return { status, end: step.end, errorCode };
}

/** A Lambda or ECS deployment (§3.2, §4): hooks, test traffic, production traffic shifting, termination. */
export function runServerless(ctx: DeploymentContext, state: ServerlessState, start: number): DeploymentEnd {
	const { scenario } = ctx;
	const routing =
		scenario.config.kind === 'traffic' ? scenario.config.routing : ({ type: 'AllAtOnce' } as const);
	recordStatus(ctx, start, 'Created');
	recordStatus(ctx, start, 'InProgress');
	recordTraffic(ctx, start, state);
	let t = start;
	const sequence: (() => Step)[] = [];
	if (scenario.platform === 'ecs') {
		sequence.push(
			() => {
				const step = runHook(ctx, 'BeforeInstall', t);
				state.failedAtBeforeInstall = step.status === 'Failed' && !step.cut;
				return step;
			},
			() => {
				const step = serviceStep(ctx, 'Install', t, jitter(ctx.random, ECS_INSTALL_DURATION));
				state.installed = true;
				return step;
			},
			() => runHook(ctx, 'AfterInstall', t),
			() => testTraffic(ctx, t, state),
			() =>
				scenario.testListener
					? runHook(ctx, 'AfterAllowTestTraffic', t)
					: skip(ctx, 'AfterAllowTestTraffic', t),
			() => waitReady(ctx, t),
		);
	}
	sequence.push(
		() => runHook(ctx, 'BeforeAllowTraffic', t),
		() => shiftTraffic(ctx, routing, t, state),
		() => runHook(ctx, 'AfterAllowTraffic', t),
	);
	for (const next of sequence) {
		const step = next();
		t = step.end;
		if (step.status === 'Failed') return failed(ctx, step);
	}
	if (scenario.platform === 'ecs') {
		const end = terminateOriginalTaskSet(ctx, t);
		if (end.status !== 'Succeeded') return end;
		t = end.end;
	}
	recordStatus(ctx, t, 'Succeeded');
	return { status: 'Succeeded', end: t, errorCode: undefined };
}

function skip(ctx: DeploymentContext, event: string, t: number): Step {
	recordEvent(ctx, event, 'Skipped', t, t);
	return { end: t, status: 'Skipped', cut: false };
}

/** AllowTestTraffic: the test listener routes to the replacement; ignored without a test listener (§3.2). */
function testTraffic(ctx: DeploymentContext, t: number, state: ServerlessState): Step {
	if (!ctx.scenario.testListener) return skip(ctx, 'AllowTestTraffic', t);
	const step = serviceStep(ctx, 'AllowTestTraffic', t, ECS_TEST_TRAFFIC_DURATION);
	if (!step.cut) {
		state.test = 100;
		recordTraffic(ctx, step.end, state);
	}
	return step;
}

function waitReady(ctx: DeploymentContext, t: number): Step {
	const option = ctx.scenario.readyOption;
	if (option.action === 'CONTINUE_DEPLOYMENT') return { end: t, status: 'Succeeded', cut: false };
	const deadline = t + option.waitMinutes * 60;
	ctx.recorder.add(
		t,
		'bluegreen.waitReady',
		{ minutes: option.waitMinutes },
		{ type: 'wait', deploymentId: ctx.id, reason: 'ready', until: deadline },
	);
	const continueAt =
		option.continueAfterMinutes !== undefined && option.continueAfterMinutes <= option.waitMinutes
			? t + option.continueAfterMinutes * 60
			: undefined;
	const cut = cutAt(ctx, continueAt ?? deadline);
	if (cut !== undefined) return { end: cut, status: 'Failed', cut: true };
	if (continueAt === undefined) return { end: deadline, status: 'Failed', cut: false, timeout: true };
	ctx.recorder.add(continueAt, 'bluegreen.continued', {}, { type: 'continued', deploymentId: ctx.id });
	return { end: continueAt, status: 'Succeeded', cut: false };
}

function terminateOriginalTaskSet(ctx: DeploymentContext, t: number): DeploymentEnd {
	const termination = ctx.scenario.termination;
	if (termination.action === 'KEEP_ALIVE') return { status: 'Succeeded', end: t, errorCode: undefined };
	const until = t + termination.waitMinutes * 60;
	if (termination.waitMinutes > 0)
		ctx.recorder.add(
			t,
			'ecs.waitTermination',
			{ minutes: termination.waitMinutes },
			{ type: 'wait', deploymentId: ctx.id, reason: 'termination', until },
		);
	if (ctx.stopAt !== undefined && ctx.stopAt <= until)
		return failed(ctx, { end: Math.max(t, ctx.stopAt), status: 'Failed', cut: true });
	const end = until + TERMINATE_DURATION;
	ctx.recorder.add(
		end,
		'ecs.terminated.original',
		{},
		{ type: 'terminated', deploymentId: ctx.id, target: 'originalTaskSet' },
	);
	return { status: 'Succeeded', end, errorCode: undefined };
}

/** §5.5: Lambda shifts the alias back, ECS reroutes to the original task set and drops the replacement. */
export function runServerlessRollback(
	ctx: DeploymentContext,
	state: ServerlessState,
	start: number,
	rollbackOf: string,
): DeploymentEnd {
	recordStatus(ctx, start, 'Created', undefined, rollbackOf);
	recordStatus(ctx, start, 'InProgress');
	const end = start + TRAFFIC_SHIFT_DURATION;
	recordEvent(ctx, 'AllowTraffic', 'Succeeded', start, end);
	state.replacement = 0;
	state.test = state.test === undefined ? undefined : 0;
	recordTraffic(ctx, end, state);
	let t = end;
	if (ctx.scenario.platform === 'ecs' && state.installed) {
		t += TERMINATE_DURATION;
		ctx.recorder.add(
			t,
			'ecs.terminated.replacement',
			{},
			{ type: 'terminated', deploymentId: ctx.id, target: 'replacementTaskSet' },
		);
	}
	recordStatus(ctx, t, 'Succeeded');
	return { status: 'Succeeded', end: t, errorCode: undefined };
}
