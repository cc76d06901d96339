import type { z } from 'zod';
import { predefinedConfig, predefinedNames, type DeploymentConfig, type Platform } from './configs.ts';
import { DEFAULT_DEREGISTRATION_DELAY, DEFAULT_SCRIPT_TIMEOUT } from './constants.ts';
import { ECS_HOOKS, LAMBDA_HOOKS, RESERVED_EVENTS, SERVER_HOOKS } from './lifecycle.ts';
import { rawScenarioSchema, type RawFault, type RawScenario } from './scenario-schema.ts';

export type Role = 'original' | 'replacement' | 'in-place';

export interface ScriptSpec {
	readonly location: string;
	readonly timeout: number;
	readonly duration: number | undefined;
}

export interface HookFunction {
	readonly name: string;
	readonly duration: number | undefined;
}

export type ScriptFaultType = 'scriptFails' | 'scriptTimesOut' | 'scriptMissing';

export type Fault =
	| {
			readonly type: ScriptFaultType;
			readonly event: string;
			/** 1-based positions in the fleet that runs the event; `all` for every instance (ignored on Lambda/ECS). */
			readonly instances: readonly number[] | 'all';
			readonly role: 'original' | 'replacement' | undefined;
			readonly exitCode: number;
			readonly deployment: 'deployment' | 'rollback';
	  }
	| {
			readonly type: 'instanceStops';
			readonly instance: number;
			readonly role: 'original' | 'replacement' | undefined;
			readonly at: number;
	  }
	| { readonly type: 'alarm'; readonly at: number; readonly name: string }
	| {
			readonly type: 'agentMissing';
			readonly instances: readonly number[] | 'all';
			readonly role: 'original' | 'replacement' | undefined;
	  };

export type ReadyOption =
	| { readonly action: 'CONTINUE_DEPLOYMENT' }
	| {
			readonly action: 'STOP_DEPLOYMENT';
			readonly waitMinutes: number;
			readonly continueAfterMinutes: number | undefined;
	  };

export type Termination =
	{ readonly action: 'TERMINATE'; readonly waitMinutes: number } | { readonly action: 'KEEP_ALIVE' };

/** A validated scenario with every default applied. */
export interface Scenario {
	readonly name: string | undefined;
	readonly platform: Platform;
	readonly deploymentType: 'in-place' | 'blue-green';
	readonly fleet: { readonly size: number; readonly kind: 'ec2' | 'on-premises' };
	readonly loadBalancer: { readonly enabled: boolean; readonly deregistrationDelay: number };
	readonly testListener: boolean;
	readonly config: DeploymentConfig;
	readonly firstDeployment: boolean;
	/** Server: scripts per event, in file order. */
	readonly hooks: Readonly<Record<string, readonly ScriptSpec[]>>;
	/** Lambda and ECS: one function per hook. */
	readonly hookFunctions: Readonly<Record<string, HookFunction>>;
	readonly faults: readonly Fault[];
	readonly autoRollback: { readonly onFailure: boolean; readonly onAlarm: boolean };
	readonly readyOption: ReadyOption;
	readonly termination: Termination;
}

/** A located validation error: `path` like `faults[2].event`; `message` is a catalog key or zod's own text. */
export interface ScenarioError {
	readonly path: string;
	readonly message: string;
	readonly params: Readonly<Record<string, string | number>>;
}

export type ParseResult =
	| { readonly ok: true; readonly scenario: Scenario }
	| { readonly ok: false; readonly errors: ScenarioError[] };

const DEFAULT_CONFIG: Readonly<Record<Platform, string>> = {
	server: 'CodeDeployDefault.OneAtATime',
	lambda: 'CodeDeployDefault.LambdaAllAtOnce',
	ecs: 'CodeDeployDefault.ECSAllAtOnce',
};

export function formatPath(path: readonly PropertyKey[]): string {
	return path.reduce<string>((text, part) => {
		if (typeof part === 'number') return `${text}[${part}]`;
		return text ? `${text}.${String(part)}` : String(part);
	}, '');
}

/** Validates an already-parsed scenario document (JSON or YAML) and applies defaults. */
export function parseScenario(input: unknown): ParseResult {
	const parsed = rawScenarioSchema.safeParse(input);
	if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(fromZodIssue) };
	const errors: ScenarioError[] = [];
	const add = (path: string, message: string, params: Record<string, string | number> = {}) =>
		errors.push({ path, message, params });
	const scenario = normalize(parsed.data, add);
	return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario };
}

function fromZodIssue(issue: z.core.$ZodIssue): ScenarioError {
	return { path: formatPath(issue.path) || '(root)', message: issue.message, params: {} };
}

type Add = (path: string, message: string, params?: Record<string, string | number>) => void;

function normalize(raw: RawScenario, add: Add): Scenario {
	const platform = raw.platform;
	const deploymentType = raw.deploymentType ?? (platform === 'server' ? 'in-place' : 'blue-green');
	checkPlatformShape(raw, deploymentType, add);
	const lb = raw.loadBalancer;
	const loadBalancer =
		platform === 'ecs'
			? { enabled: true, deregistrationDelay: DEFAULT_DEREGISTRATION_DELAY }
			: {
					enabled: lb !== false,
					deregistrationDelay:
						typeof lb === 'object' ? lb.deregistrationDelaySeconds : DEFAULT_DEREGISTRATION_DELAY,
				};
	const fleet =
		platform === 'server'
			? (raw.fleet ?? { size: 1, kind: 'ec2' as const })
			: { size: 0, kind: 'ec2' as const };
	const { hooks, hookFunctions } = normalizeHooks(raw, add);
	const faults = raw.faults.map((fault, index) =>
		normalizeFault(fault, index, platform, fleet.size, hooks, hookFunctions, add),
	);
	const ready = raw.blueGreen?.readyOption;
	const termination = raw.blueGreen?.terminateOriginals;
	return {
		name: raw.name,
		platform,
		deploymentType,
		fleet,
		loadBalancer,
		testListener: raw.testListener ?? false,
		config: resolveConfig(raw, add),
		firstDeployment: raw.firstDeployment,
		hooks,
		hookFunctions,
		faults,
		autoRollback: raw.autoRollback,
		readyOption:
			ready?.action === 'STOP_DEPLOYMENT'
				? {
						action: ready.action,
						waitMinutes: ready.waitMinutes,
						continueAfterMinutes: ready.continueAfterMinutes,
					}
				: { action: 'CONTINUE_DEPLOYMENT' },
		termination: termination ?? { action: 'TERMINATE', waitMinutes: 0 },
	};
}

function checkPlatformShape(raw: RawScenario, deploymentType: 'in-place' | 'blue-green', add: Add): void {
	const { platform } = raw;
	if (platform !== 'server') {
		if (deploymentType === 'in-place') add('deploymentType', 'scenario.inPlaceServerOnly', { platform });
		if (raw.fleet) add('fleet', 'scenario.fleetServerOnly', { platform });
		if (raw.loadBalancer !== false && platform === 'lambda')
			add('loadBalancer', 'scenario.loadBalancerNotLambda');
	} else {
		if (!raw.fleet) add('fleet', 'scenario.fleetRequired');
		if (deploymentType === 'blue-green' && raw.fleet?.kind === 'on-premises')
			add('fleet.kind', 'scenario.blueGreenNeedsEc2');
		if (deploymentType === 'blue-green' && raw.loadBalancer === false)
			add('loadBalancer', 'scenario.blueGreenNeedsLoadBalancer');
	}
	if (raw.testListener !== undefined && platform !== 'ecs')
		add('testListener', 'scenario.testListenerEcsOnly');
	if (raw.blueGreen && deploymentType !== 'blue-green')
		add('blueGreen', 'scenario.blueGreenOptionsNeedBlueGreen');
	if (platform === 'lambda' && raw.blueGreen?.readyOption)
		add('blueGreen.readyOption', 'scenario.noReadyOptionLambda');
	if (platform === 'lambda' && raw.blueGreen?.terminateOriginals)
		add('blueGreen.terminateOriginals', 'scenario.noTerminationLambda');
}

function resolveConfig(raw: RawScenario, add: Add): DeploymentConfig {
	const { platform } = raw;
	const given = raw.deploymentConfig ?? DEFAULT_CONFIG[platform];
	const fallback = predefinedConfig(platform, DEFAULT_CONFIG[platform]) as DeploymentConfig;
	if (typeof given === 'string') {
		const config = predefinedConfig(platform, given);
		if (!config)
			add('deploymentConfig', 'scenario.unknownConfig', {
				name: given,
				platform,
				valid: predefinedNames(platform).join(', '),
			});
		return config ?? fallback;
	}
	const name = given.name ?? 'Custom';
	if (name.startsWith('CodeDeployDefault.'))
		add('deploymentConfig.name', 'scenario.customNameReserved', { name });
	if ('minimumHealthyHosts' in given) {
		if (platform !== 'server')
			add('deploymentConfig.minimumHealthyHosts', 'scenario.hostsServerOnly', { platform });
		const hosts = given.minimumHealthyHosts;
		if (hosts.type === 'FLEET_PERCENT' && hosts.value > 99)
			add('deploymentConfig.minimumHealthyHosts.value', 'scenario.fleetPercentRange');
		return { kind: 'hosts', name, minimumHealthyHosts: hosts };
	}
	if (platform === 'server') add('deploymentConfig.trafficRouting', 'scenario.trafficRoutingNotServer');
	const routing = given.trafficRouting;
	return {
		kind: 'traffic',
		name,
		platform: 'any',
		routing:
			routing.type === 'AllAtOnce'
				? routing
				: routing.type === 'TimeBasedCanary'
					? {
							type: routing.type,
							percentage: routing.canaryPercentage,
							intervalMinutes: routing.canaryIntervalMinutes,
						}
					: {
							type: routing.type,
							percentage: routing.linearPercentage,
							intervalMinutes: routing.linearIntervalMinutes,
						},
	};
}

function normalizeHooks(raw: RawScenario, add: Add) {
	const hooks: Record<string, ScriptSpec[]> = {};
	const hookFunctions: Record<string, HookFunction> = {};
	const entries: [string, unknown, string][] = Array.isArray(raw.hooks)
		? raw.hooks.flatMap((item, index) =>
				Object.entries(item).map(([name, value]): [string, unknown, string] => [
					name,
					value,
					`hooks[${index}].${name}`,
				]),
			)
		: Object.entries(raw.hooks).map(([name, value]) => [name, value, `hooks.${name}`]);
	const valid: readonly string[] =
		raw.platform === 'server' ? SERVER_HOOKS : raw.platform === 'ecs' ? ECS_HOOKS : LAMBDA_HOOKS;
	for (const [name, value, path] of entries) {
		if (!valid.includes(name)) {
			const reserved = (RESERVED_EVENTS as readonly string[]).includes(name);
			add(path, reserved ? 'scenario.reservedEvent' : 'scenario.unknownHook', {
				name,
				platform: raw.platform,
				valid: valid.join(', '),
			});
			continue;
		}
		if (value === null) continue; // An empty event is ignored by the agent (§1.7.1).
		if (raw.platform === 'server') {
			if (!Array.isArray(value)) add(path, 'scenario.serverHookShape');
			else
				hooks[name] = value.map(
					(script: { location: string; timeout?: number | undefined; duration?: number | undefined }) => ({
						location: script.location,
						timeout: script.timeout ?? DEFAULT_SCRIPT_TIMEOUT,
						duration: script.duration,
					}),
				);
		} else if (Array.isArray(value)) add(path, 'scenario.functionHookShape');
		else if (typeof value === 'string') hookFunctions[name] = { name: value, duration: undefined };
		else {
			const fn = value as { name: string; duration?: number | undefined };
			hookFunctions[name] = { name: fn.name, duration: fn.duration };
		}
	}
	return { hooks, hookFunctions };
}

function normalizeFault(
	fault: RawFault,
	index: number,
	platform: Platform,
	fleetSize: number,
	hooks: Readonly<Record<string, readonly ScriptSpec[]>>,
	hookFunctions: Readonly<Record<string, HookFunction>>,
	add: Add,
): Fault {
	const path = `faults[${index}]`;
	const checkPositions = (positions: readonly number[] | 'all', at: string) => {
		if (positions === 'all') return;
		positions.forEach(
			(p, i) =>
				p > fleetSize &&
				add(`${path}.${at}[${i}]`, 'scenario.noSuchInstance', { position: p, size: fleetSize }),
		);
	};
	switch (fault.type) {
		case 'alarm':
			return fault;
		case 'instanceStops':
		case 'agentMissing':
			if (platform !== 'server')
				add(`${path}.type`, 'scenario.faultServerOnly', { type: fault.type, platform });
			if (fault.type === 'instanceStops') {
				if (fault.instance > fleetSize && platform === 'server')
					add(`${path}.instance`, 'scenario.noSuchInstance', { position: fault.instance, size: fleetSize });
				return { type: fault.type, instance: fault.instance, role: fault.role, at: fault.at };
			}
			checkPositions(fault.instances, 'instances');
			return { type: fault.type, instances: fault.instances, role: fault.role };
		default: {
			const hasHook =
				platform === 'server' ? (hooks[fault.event]?.length ?? 0) > 0 : fault.event in hookFunctions;
			if (!hasHook) add(`${path}.event`, 'scenario.faultWithoutHook', { event: fault.event });
			if (platform === 'server' && !fault.instances) add(`${path}.instances`, 'scenario.faultNeedsInstances');
			if (fault.type === 'scriptMissing' && platform !== 'server')
				add(`${path}.type`, 'scenario.faultServerOnly', { type: fault.type, platform });
			checkPositions(fault.instances ?? 'all', 'instances');
			return {
				type: fault.type,
				event: fault.event,
				instances: fault.instances ?? 'all',
				role: fault.role,
				exitCode: fault.exitCode ?? 1,
				deployment: fault.deployment,
			};
		}
	}
}
