import type { z } from 'zod';
import { predefinedConfig, predefinedNames, type DeploymentConfig, type Platform } from './configs.ts';
import { DEFAULT_DEREGISTRATION_DELAY } from './constants.ts';
import { rawScenarioSchema, type RawScenario } from './scenario-schema.ts';
import { normalizeFault, normalizeHooks } from './scenario-parts.ts';

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

export type Add = (path: string, message: string, params?: Record<string, string | number>) => void;

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
