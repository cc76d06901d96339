/**
 * Deployment configurations (reference appspec.md §5) and the arithmetic CodeDeploy derives from them: batch sizes
 * from minimum healthy hosts (§5.2) and traffic-shifting steps for Lambda and ECS (§5.4).
 */

export type Platform = 'server' | 'lambda' | 'ecs';

export interface MinimumHealthyHosts {
	/**
	 * `MOST_CONCURRENCY` is what GetDeploymentConfig returns for CodeDeployDefault.OneAtATime (value 1, users cannot
	 * set it): at most `value` instances at a time, any failure but the last fails the deployment.
	 */
	readonly type: 'HOST_COUNT' | 'FLEET_PERCENT' | 'MOST_CONCURRENCY';
	readonly value: number;
}

export type TrafficRouting =
	| { readonly type: 'AllAtOnce' }
	| { readonly type: 'TimeBasedCanary'; readonly percentage: number; readonly intervalMinutes: number }
	| { readonly type: 'TimeBasedLinear'; readonly percentage: number; readonly intervalMinutes: number };

export type DeploymentConfig =
	| { readonly kind: 'hosts'; readonly name: string; readonly minimumHealthyHosts: MinimumHealthyHosts }
	| {
			readonly kind: 'traffic';
			readonly name: string;
			readonly platform: 'lambda' | 'ecs' | 'any';
			readonly routing: TrafficRouting;
	  };

const canary = (percentage: number, intervalMinutes: number): TrafficRouting => ({
	type: 'TimeBasedCanary',
	percentage,
	intervalMinutes,
});
const linear = (percentage: number, intervalMinutes: number): TrafficRouting => ({
	type: 'TimeBasedLinear',
	percentage,
	intervalMinutes,
});
const allAtOnce: TrafficRouting = { type: 'AllAtOnce' };

/** Predefined server configurations (§5.1). */
export const SERVER_CONFIGS: Readonly<Record<string, MinimumHealthyHosts>> = {
	'CodeDeployDefault.OneAtATime': { type: 'MOST_CONCURRENCY', value: 1 },
	'CodeDeployDefault.HalfAtATime': { type: 'FLEET_PERCENT', value: 50 },
	'CodeDeployDefault.AllAtOnce': { type: 'HOST_COUNT', value: 0 },
};

/** Predefined Lambda configurations, spelled exactly as AWS does (§5.4: "Every1Minute", singular). */
export const LAMBDA_CONFIGS: Readonly<Record<string, TrafficRouting>> = {
	'CodeDeployDefault.LambdaCanary10Percent5Minutes': canary(10, 5),
	'CodeDeployDefault.LambdaCanary10Percent10Minutes': canary(10, 10),
	'CodeDeployDefault.LambdaCanary10Percent15Minutes': canary(10, 15),
	'CodeDeployDefault.LambdaCanary10Percent30Minutes': canary(10, 30),
	'CodeDeployDefault.LambdaLinear10PercentEvery1Minute': linear(10, 1),
	'CodeDeployDefault.LambdaLinear10PercentEvery2Minutes': linear(10, 2),
	'CodeDeployDefault.LambdaLinear10PercentEvery3Minutes': linear(10, 3),
	'CodeDeployDefault.LambdaLinear10PercentEvery10Minutes': linear(10, 10),
	'CodeDeployDefault.LambdaAllAtOnce': allAtOnce,
};

/** Predefined ECS configurations (§5.4: "Every1Minutes", plural). */
export const ECS_CONFIGS: Readonly<Record<string, TrafficRouting>> = {
	'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': linear(10, 1),
	'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': linear(10, 3),
	'CodeDeployDefault.ECSCanary10Percent5Minutes': canary(10, 5),
	'CodeDeployDefault.ECSCanary10Percent15Minutes': canary(10, 15),
	'CodeDeployDefault.ECSAllAtOnce': allAtOnce,
};

/** The predefined configuration names valid on a platform. */
export function predefinedNames(platform: Platform): string[] {
	const table = platform === 'server' ? SERVER_CONFIGS : platform === 'lambda' ? LAMBDA_CONFIGS : ECS_CONFIGS;
	return Object.keys(table);
}

/** The configuration behind a predefined name on a platform, or `undefined` when the name does not exist there. */
export function predefinedConfig(platform: Platform, name: string): DeploymentConfig | undefined {
	if (platform === 'server') {
		const minimumHealthyHosts = SERVER_CONFIGS[name];
		return minimumHealthyHosts && { kind: 'hosts', name, minimumHealthyHosts };
	}
	const routing = (platform === 'lambda' ? LAMBDA_CONFIGS : ECS_CONFIGS)[name];
	return routing && { kind: 'traffic', name, platform, routing };
}

/** §5.2 step 1: the minimum healthy host count, percentages rounded up at the start. */
export function minimumHealthyCount(fleetSize: number, hosts: MinimumHealthyHosts): number {
	if (hosts.type === 'HOST_COUNT') return hosts.value;
	if (hosts.type === 'FLEET_PERCENT') return Math.ceil((fleetSize * hosts.value) / 100);
	return Math.max(0, fleetSize - hosts.value);
}

/**
 * §5.2 step 4: how many instances may go offline now without the healthy count dropping below the minimum.
 * `healthy` counts instances that are neither failed nor stopped (untried instances count as healthy).
 */
export function nextBatchSize(healthy: number, minimum: number, remaining: number): number {
	return Math.max(0, Math.min(remaining, healthy - minimum));
}

export type BatchPlan =
	| { readonly ok: true; readonly minimum: number; readonly batches: number[] }
	| { readonly ok: false; readonly minimum: number; readonly errorCode: 'HEALTH_CONSTRAINTS_INVALID' };

/**
 * The batches of a deployment in which every instance succeeds; fails at once (§5.2 step 5) when the minimum can
 * never be met, i.e. when not even one instance may go offline.
 */
export function planBatches(fleetSize: number, hosts: MinimumHealthyHosts): BatchPlan {
	const minimum = minimumHealthyCount(fleetSize, hosts);
	if (nextBatchSize(fleetSize, minimum, fleetSize) === 0) {
		return { ok: false, minimum, errorCode: 'HEALTH_CONSTRAINTS_INVALID' };
	}
	const batches: number[] = [];
	for (let done = 0; done < fleetSize;) {
		const size = nextBatchSize(fleetSize, minimum, fleetSize - done);
		batches.push(size);
		done += size;
	}
	return { ok: true, minimum, batches };
}

export interface TrafficStep {
	/** Seconds after traffic shifting starts. */
	readonly offset: number;
	/** Percentage of production traffic on the replacement after this step. */
	readonly replacement: number;
}

/** §5.4: canary is two increments, linear equal increments at equal intervals, all-at-once a single shift. */
export function trafficSteps(routing: TrafficRouting): TrafficStep[] {
	if (routing.type === 'AllAtOnce') return [{ offset: 0, replacement: 100 }];
	const interval = routing.intervalMinutes * 60;
	if (routing.type === 'TimeBasedCanary') {
		return [
			{ offset: 0, replacement: routing.percentage },
			{ offset: interval, replacement: 100 },
		];
	}
	const steps: TrafficStep[] = [];
	for (let i = 0; ; i++) {
		const replacement = Math.min(100, routing.percentage * (i + 1));
		steps.push({ offset: i * interval, replacement });
		if (replacement === 100) return steps;
	}
}
