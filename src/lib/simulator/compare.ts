import type { SimEvent } from './events.ts';
import { createRandom, jitter, type Random } from './random.ts';
import type { Scenario } from './scenario.ts';
import { simulate } from './simulate.ts';

/** How one way of releasing ended, for the manual / scripted / CodeDeploy comparison. */
export interface ApproachMetrics {
	/** Seconds from the first action to the last. */
	readonly totalTime: number;
	/** Seconds during which fewer than all servers were serving the application correctly. */
	readonly reducedCapacityTime: number;
	readonly servers: { readonly old: number; readonly new: number; readonly broken: number };
	/** Every server healthy and on one version at the end. */
	readonly recovered: boolean;
}

export interface Comparison {
	readonly manual: ApproachMetrics;
	readonly scripted: ApproachMetrics;
	readonly codedeploy: ApproachMetrics;
}

/**
 * The steps of one release on one server, with how long a person takes (estimates: connect and check by SSH, copy
 * the archive, unpack, restart) and how long a script takes for the same step.
 */
const STEPS = [
	{ name: 'connect', manual: 60, scripted: 2 },
	{ name: 'stopApp', manual: 30, scripted: 5, outOfService: 'starts' },
	{ name: 'download', manual: 120, scripted: 6 },
	{ name: 'install', manual: 180, scripted: 3 },
	{ name: 'startApp', manual: 30, scripted: 10, outOfService: 'ends' },
	{ name: 'check', manual: 60, scripted: 0 },
] as const;

/** Chance that a person skips or botches one step on one server (estimate: 2 %); nobody checks health afterwards. */
const MANUAL_STEP_ERROR_RATE = 0.02;

/** Which server positions the scenario's script faults break (the same defect hits every way of releasing). */
function brokenByScenario(scenario: Scenario): Set<number> {
	const broken = new Set<number>();
	for (const fault of scenario.faults) {
		if (fault.type === 'alarm' || fault.type === 'instanceStops') continue;
		if (fault.type !== 'agentMissing' && fault.deployment === 'rollback') continue;
		// Without CodeDeploy there is no agent to miss: only script faults break a server.
		if (fault.type === 'agentMissing') continue;
		for (let p = 1; p <= scenario.fleet.size; p++)
			if (fault.instances === 'all' || fault.instances.includes(p)) broken.add(p);
	}
	return broken;
}

type ServerEnd = 'old' | 'new' | 'broken';

function metrics(
	total: number,
	down: readonly [number, number][],
	ends: readonly ServerEnd[],
): ApproachMetrics {
	const count = (kind: ServerEnd) => ends.filter((e) => e === kind).length;
	const servers = { old: count('old'), new: count('new'), broken: count('broken') };
	return {
		totalTime: total,
		reducedCapacityTime: unionLength(down.map(([a, b]) => [a, Math.min(b, total)] as [number, number])),
		servers,
		recovered: servers.broken === 0 && (servers.old === ends.length || servers.new === ends.length),
	};
}

/** Total length covered by a set of intervals. */
export function unionLength(intervals: readonly [number, number][]): number {
	const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
	let total = 0;
	let [start, end] = [-Infinity, -Infinity];
	for (const [a, b] of sorted) {
		if (a > end) {
			if (end > start) total += end - start;
			[start, end] = [a, b];
		} else end = Math.max(end, b);
	}
	return end > start ? total + end - start : total;
}

/** One person, one server after the other, every step by hand; mistakes go unnoticed (no health check, no rollback). */
function manualRelease(scenario: Scenario, random: Random): ApproachMetrics {
	const defects = brokenByScenario(scenario);
	let t = 0;
	const down: [number, number][] = [];
	const ends: ServerEnd[] = [];
	for (let p = 1; p <= scenario.fleet.size; p++) {
		let mistake = false;
		let leftAt = t;
		for (const step of STEPS) {
			if ('outOfService' in step && step.outOfService === 'starts') leftAt = t;
			t += jitter(random, step.manual, 0.3);
			if (random.chance(MANUAL_STEP_ERROR_RATE)) mistake = true;
		}
		const broken = mistake || defects.has(p);
		// A broken server stays in the pool until the end: it serves errors.
		down.push([leftAt, broken ? Number.POSITIVE_INFINITY : t]);
		ends.push(broken ? 'broken' : 'new');
	}
	return metrics(t, down, ends);
}

/** The same steps by a script, server after server; it stops at the first error and undoes nothing. */
function scriptedRelease(scenario: Scenario, random: Random): ApproachMetrics {
	const defects = brokenByScenario(scenario);
	let t = 0;
	const down: [number, number][] = [];
	const ends: ServerEnd[] = [];
	for (let p = 1; p <= scenario.fleet.size; p++) {
		if (ends.includes('broken')) {
			ends.push('old');
			continue;
		}
		let leftAt = t;
		for (const step of STEPS) {
			if ('outOfService' in step && step.outOfService === 'starts') leftAt = t;
			if (step.scripted > 0) t += jitter(random, step.scripted);
		}
		const broken = defects.has(p);
		down.push([leftAt, broken ? Number.POSITIVE_INFINITY : t]);
		ends.push(broken ? 'broken' : 'new');
	}
	return metrics(t, down, ends);
}

/** Serving state changes of one instance, read from the lifecycle events (see README.md, "Deployment simulator"). */
function servingChanges(scenario: Scenario, events: readonly SimEvent[]) {
	const changes: { t: number; id: string; serving: boolean }[] = [];
	const lb = scenario.loadBalancer.enabled;
	for (const { t, data } of events) {
		if (data.type !== 'lifecycle' || data.instanceId === undefined) continue;
		const id = data.instanceId;
		if (data.status === 'InProgress' && data.event === (lb ? 'BlockTraffic' : 'ApplicationStop'))
			changes.push({ t, id, serving: false });
		if (data.status === 'Succeeded' && data.event === (lb ? 'AllowTraffic' : 'ValidateService'))
			changes.push({ t, id, serving: true });
	}
	return changes;
}

/** CodeDeploy, as simulated: capacity from who serves traffic over time, versions from the instances' final health. */
function codedeployRelease(scenario: Scenario, seed: number): ApproachMetrics {
	const events = simulate(scenario, { seed });
	const total = events.at(-1)?.t ?? 0;
	const size = scenario.fleet.size;
	const kinds = new Map<string, string>();
	const fleet = new Map<string, { role: string; version: ServerEnd }>();
	for (const { data } of events) {
		if (data.type === 'deployment') kinds.set(data.deploymentId, data.kind);
		if (data.type !== 'instance') continue;
		const rollback = kinds.get(data.deploymentId) === 'rollback';
		const version: ServerEnd =
			data.health === 'Unhealthy' ? 'broken' : data.revision === 'Current' && !rollback ? 'new' : 'old';
		fleet.set(data.instanceId, { role: data.role, version });
	}
	const serving = new Set([...fleet].filter(([, entry]) => entry.role !== 'replacement').map(([id]) => id));
	let reduced = 0;
	let last = 0;
	for (const change of servingChanges(scenario, events)) {
		if (serving.size < size) reduced += change.t - last;
		last = change.t;
		if (change.serving) serving.add(change.id);
		else serving.delete(change.id);
	}
	if (serving.size < size) reduced += total - last;
	const slots = scenario.deploymentType === 'blue-green' ? [...serving] : [...fleet.keys()];
	const ends = slots.map((id) => fleet.get(id)?.version ?? 'old');
	while (ends.length < size) ends.push('broken');
	return { ...metrics(total, [], ends), reducedCapacityTime: reduced };
}

/** The same release by hand, by a script and by CodeDeploy (server platform). */
export function compare(scenario: Scenario, options: { readonly seed?: number } = {}): Comparison {
	const seed = options.seed ?? 1;
	return {
		manual: manualRelease(scenario, createRandom(seed)),
		scripted: scriptedRelease(scenario, createRandom(seed + 1)),
		codedeploy: codedeployRelease(scenario, seed),
	};
}
