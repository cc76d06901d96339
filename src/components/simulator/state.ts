/**
 * The simulator widget's settings: what the learner can change in the panel, their defaults, their encoding in a
 * shareable URL, and the scenario document they produce for the engine's own validation (`parseScenario`).
 * Pure: shared by the Astro component (build-time timeline) and the `cd-deploy-sim` element.
 */
import type { Platform } from '../../lib/simulator/configs.ts';
import { ECS_HOOKS, LAMBDA_HOOKS, SERVER_HOOKS } from '../../lib/simulator/lifecycle.ts';

export type FaultKind = 'fail' | 'timeout' | 'stop' | 'alarm' | 'agent';

/** One injected fault: `instance` (1-based), `event` and `at` (seconds) are used by the kinds that need them. */
export interface SimFault {
	readonly kind: FaultKind;
	readonly instance: number;
	readonly event: string;
	readonly at: number;
}

export interface SimState {
	readonly platform: Platform;
	readonly type: 'in-place' | 'blue-green';
	/** A predefined name without its `CodeDeployDefault.` prefix, or `custom` (minimum healthy hosts, server). */
	readonly config: string;
	readonly minType: 'HOST_COUNT' | 'FLEET_PERCENT';
	readonly minValue: number;
	readonly size: number;
	readonly onPremises: boolean;
	readonly loadBalancer: boolean;
	readonly testListener: boolean;
	readonly faults: readonly SimFault[];
	readonly rollbackOnFailure: boolean;
	readonly rollbackOnAlarm: boolean;
	/** Blue/green: reroute at once, or wait `waitMinutes` for a manual continue given after `continueAfter` (-1: never). */
	readonly ready: 'continue' | 'stop';
	readonly waitMinutes: number;
	readonly continueAfter: number;
	/** Blue/green: terminate the originals after `terminationWait` minutes, or keep them. */
	readonly keepOriginals: boolean;
	readonly terminationWait: number;
	readonly seed: number;
}

export const PREFIX = 'CodeDeployDefault.';

export const DEFAULT_STATE: SimState = {
	platform: 'server',
	type: 'in-place',
	config: 'OneAtATime',
	minType: 'FLEET_PERCENT',
	minValue: 75,
	size: 6,
	onPremises: false,
	loadBalancer: true,
	testListener: false,
	faults: [],
	rollbackOnFailure: true,
	rollbackOnAlarm: false,
	ready: 'continue',
	waitMinutes: 60,
	continueAfter: 10,
	keepOriginals: false,
	terminationWait: 5,
	seed: 1,
};

export const DEFAULT_CONFIG: Readonly<Record<Platform, string>> = {
	server: 'OneAtATime',
	lambda: 'LambdaAllAtOnce',
	ecs: 'ECSAllAtOnce',
};

/** The events a fault can target on each platform (the hooks an AppSpec can name). */
export function hookEvents(platform: Platform): readonly string[] {
	return platform === 'server' ? SERVER_HOOKS : platform === 'ecs' ? ECS_HOOKS : LAMBDA_HOOKS;
}

const int = (text: string | undefined, min: number, max: number, fallback: number) => {
	const n = Number(text);
	return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

const KINDS: readonly FaultKind[] = ['fail', 'timeout', 'stop', 'alarm', 'agent'];

function encodeFault(f: SimFault): string {
	if (f.kind === 'alarm') return `alarm.${f.at}`;
	if (f.kind === 'stop') return `stop.${f.instance}.${f.at}`;
	if (f.kind === 'agent') return `agent.${f.instance}`;
	return `${f.kind}.${f.event}.${f.instance}`;
}

function decodeFault(text: string): SimFault | undefined {
	const [kind, a, b] = text.split('.');
	if (!KINDS.includes(kind as FaultKind)) return undefined;
	const base = { kind: kind as FaultKind, instance: 1, event: 'AfterInstall', at: 0 };
	if (kind === 'alarm') return { ...base, at: int(a, 0, 86400, 0) };
	if (kind === 'stop') return { ...base, instance: int(a, 1, 100, 1), at: int(b, 0, 86400, 0) };
	if (kind === 'agent') return { ...base, instance: int(a, 1, 100, 1) };
	if (!a || !/^[A-Za-z]+$/.test(a)) return undefined;
	return { ...base, event: a, instance: int(b, 1, 100, 1) };
}

/** A compact, readable form for URLs: `p:server;t:in-place;c:HalfAtATime;n:10;f:fail.AfterInstall.3`. */
export function encodeState(s: SimState): string {
	const parts: [string, string | number][] = [
		['p', s.platform],
		['t', s.type],
		['c', s.config],
		['m', `${s.minType === 'HOST_COUNT' ? 'H' : 'P'}${s.minValue}`],
		['n', s.size],
		['k', s.onPremises ? 'onprem' : 'ec2'],
		['lb', s.loadBalancer ? 1 : 0],
		['tl', s.testListener ? 1 : 0],
		['rb', (s.rollbackOnFailure ? 'f' : '') + (s.rollbackOnAlarm ? 'a' : '') || '0'],
		['rd', s.ready === 'continue' ? 'c' : `s${s.waitMinutes}.${s.continueAfter}`],
		['tm', s.keepOriginals ? 'k' : `t${s.terminationWait}`],
		['s', s.seed],
	];
	// Always written, even empty: a link without faults must not bring back the embed's default ones.
	parts.push(['f', s.faults.map(encodeFault).join('_')]);
	return parts.map(([k, v]) => `${k}:${v}`).join(';');
}

/** Reads an encoded state; unknown or out-of-range values keep `base`'s, so a hand-edited link never breaks. */
export function decodeState(text: string, base: SimState = DEFAULT_STATE): SimState {
	const map = new Map(
		text.split(';').map((part) => {
			const at = part.indexOf(':');
			return [part.slice(0, at), part.slice(at + 1)] as const;
		}),
	);
	const get = (key: string) => map.get(key);
	const platform = (['server', 'lambda', 'ecs'] as const).find((p) => p === get('p')) ?? base.platform;
	const m = /^([HP])(\d+)$/.exec(get('m') ?? '');
	const rd = /^s(\d+)\.(-?\d+)$/.exec(get('rd') ?? '');
	const tm = get('tm');
	const rb = get('rb');
	const config = get('c');
	return {
		platform,
		type: get('t') === 'blue-green' ? 'blue-green' : get('t') === 'in-place' ? 'in-place' : base.type,
		config: config && /^[A-Za-z0-9]+$/.test(config) ? config : base.config,
		minType: m ? (m[1] === 'H' ? 'HOST_COUNT' : 'FLEET_PERCENT') : base.minType,
		minValue: m ? int(m[2], 0, 100, base.minValue) : base.minValue,
		size: int(get('n'), 1, 100, base.size),
		onPremises: get('k') ? get('k') === 'onprem' : base.onPremises,
		loadBalancer: get('lb') ? get('lb') === '1' : base.loadBalancer,
		testListener: get('tl') ? get('tl') === '1' : base.testListener,
		faults: map.has('f')
			? (get('f') ?? '')
					.split('_')
					.flatMap((f) => decodeFault(f) ?? [])
					.slice(0, 10)
			: base.faults,
		rollbackOnFailure: rb ? rb.includes('f') : base.rollbackOnFailure,
		rollbackOnAlarm: rb ? rb.includes('a') : base.rollbackOnAlarm,
		ready: rd ? 'stop' : get('rd') === 'c' ? 'continue' : base.ready,
		waitMinutes: rd ? int(rd[1], 0, 2880, base.waitMinutes) : base.waitMinutes,
		continueAfter: rd ? int(rd[2], -1, 2880, base.continueAfter) : base.continueAfter,
		keepOriginals: tm ? tm === 'k' : base.keepOriginals,
		terminationWait: tm?.startsWith('t')
			? int(tm.slice(1), 0, 2880, base.terminationWait)
			: base.terminationWait,
		seed: int(get('s'), 0, 1_000_000, base.seed),
	};
}

/** Durations a learner can follow: how long each example hook runs (seconds). */
const SCRIPT_NAMES: Readonly<Record<string, string>> = {
	ApplicationStop: 'scripts/stop.sh',
	BeforeInstall: 'scripts/install_dependencies.sh',
	AfterInstall: 'scripts/configure.sh',
	ApplicationStart: 'scripts/start.sh',
	ValidateService: 'scripts/health_check.sh',
};

function serverHooks(s: SimState): Record<string, { location: string; timeout: number }[]> {
	const events = new Set(['ApplicationStop', 'AfterInstall', 'ApplicationStart', 'ValidateService']);
	for (const f of s.faults) if ((f.kind === 'fail' || f.kind === 'timeout') && f.event) events.add(f.event);
	const hooks: Record<string, { location: string; timeout: number }[]> = {};
	for (const event of SERVER_HOOKS)
		if (events.has(event))
			hooks[event] = [{ location: SCRIPT_NAMES[event] ?? `scripts/${event.toLowerCase()}.sh`, timeout: 120 }];
	return hooks;
}

function functionHooks(s: SimState): Record<string, string> {
	const events = new Set(['BeforeAllowTraffic', 'AfterAllowTraffic']);
	if (s.platform === 'ecs' && s.testListener) events.add('AfterAllowTestTraffic');
	for (const f of s.faults) if ((f.kind === 'fail' || f.kind === 'timeout') && f.event) events.add(f.event);
	const hooks: Record<string, string> = {};
	for (const event of hookEvents(s.platform)) if (events.has(event)) hooks[event] = `CodeDeployHook_${event}`;
	return hooks;
}

function rawFault(f: SimFault, server: boolean): Record<string, unknown> {
	switch (f.kind) {
		case 'alarm':
			return { type: 'alarm', at: f.at, name: 'Http5xxHigh' };
		case 'stop':
			return { type: 'instanceStops', instance: f.instance, at: f.at };
		case 'agent':
			return { type: 'agentMissing', instances: [f.instance] };
		default:
			// Lambda and ECS hooks are one function for the whole deployment: no instance to name.
			return {
				type: f.kind === 'fail' ? 'scriptFails' : 'scriptTimesOut',
				event: f.event,
				...(server ? { instances: [f.instance] } : {}),
			};
	}
}

/** The scenario document (as a JSON or YAML file would hold it) for `parseScenario`, which validates and locates errors. */
export function toScenarioDocument(s: SimState): Record<string, unknown> {
	const server = s.platform === 'server';
	const doc: Record<string, unknown> = {
		platform: s.platform,
		deploymentType: s.type,
		deploymentConfig:
			s.config === 'custom'
				? { name: 'Custom', minimumHealthyHosts: { type: s.minType, value: s.minValue } }
				: PREFIX + s.config,
		hooks: server ? serverHooks(s) : functionHooks(s),
		faults: s.faults.map((f) => rawFault(f, server)),
		autoRollback: { onFailure: s.rollbackOnFailure, onAlarm: s.rollbackOnAlarm },
	};
	if (server) {
		doc['fleet'] = { size: s.size, kind: s.onPremises ? 'on-premises' : 'ec2' };
		doc['loadBalancer'] = s.loadBalancer;
	}
	if (s.platform === 'ecs') doc['testListener'] = s.testListener;
	if (s.type === 'blue-green' && s.platform !== 'lambda') {
		doc['blueGreen'] = {
			readyOption:
				s.ready === 'continue'
					? { action: 'CONTINUE_DEPLOYMENT' }
					: {
							action: 'STOP_DEPLOYMENT',
							waitMinutes: s.waitMinutes,
							...(s.continueAfter >= 0 ? { continueAfterMinutes: s.continueAfter } : {}),
						},
			terminateOriginals: s.keepOriginals
				? { action: 'KEEP_ALIVE' }
				: { action: 'TERMINATE', waitMinutes: s.terminationWait },
		};
	}
	return doc;
}
