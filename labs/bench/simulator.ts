import { parseScenario } from '../../src/lib/simulator/scenario.ts';
import { simulate } from '../../src/lib/simulator/simulate.ts';
import { toReport } from '../../src/lib/simulator/report.ts';
import { compare } from '../../src/lib/simulator/compare.ts';

export interface BenchSection {
	title: string;
	rows: { name: string; value: string }[];
}

/** 100 EC2 instances, one at a time, behind a load balancer, with script faults, a stopped instance and a rollback. */
const HUNDRED_ONE_AT_A_TIME = {
	platform: 'server',
	fleet: { size: 100 },
	loadBalancer: true,
	deploymentConfig: 'CodeDeployDefault.OneAtATime',
	hooks: {
		ApplicationStop: [{ location: 'scripts/stop.sh' }],
		BeforeInstall: [{ location: 'scripts/deps.sh' }],
		AfterInstall: [{ location: 'scripts/configure.sh' }],
		ApplicationStart: [{ location: 'scripts/start.sh' }],
		ValidateService: [{ location: 'scripts/check.sh', timeout: 120 }],
	},
	faults: [
		{ type: 'scriptTimesOut', event: 'ValidateService', instances: [100] },
		{ type: 'instanceStops', instance: 70, at: 999_999 },
		{ type: 'scriptFails', event: 'AfterInstall', instances: [3], deployment: 'rollback' },
	],
	autoRollback: { onFailure: true },
};

/** The same fleet, failing half-way, so the automatic rollback redeploys all 100 instances too. */
const HUNDRED_WITH_ROLLBACK = {
	...HUNDRED_ONE_AT_A_TIME,
	faults: [{ type: 'scriptFails', event: 'AfterInstall', instances: [50] }],
};

function parse(raw: unknown) {
	const result = parseScenario(raw);
	if (!result.ok) throw new Error(`bench scenario invalid: ${JSON.stringify(result.errors)}`);
	return result.scenario;
}

interface Timing {
	median: number;
	p95: number;
	/** The same quantiles in process CPU time: on a busy machine the wall-clock p95 mostly measures preemption. */
	cpuMedian: number;
	cpuP95: number;
}

function quantiles(values: number[]): { median: number; p95: number } {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
	return { median: at(0.5), p95: at(0.95) };
}

function measure(runs: number, work: (i: number) => unknown): Timing {
	for (let i = 0; i < 100; i++) work(i); // warm-up: JIT and caches
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < runs; i++) {
		const cpuStart = process.cpuUsage();
		const start = performance.now();
		work(i);
		wall.push(performance.now() - start);
		const used = process.cpuUsage(cpuStart);
		cpu.push((used.user + used.system) / 1000);
	}
	const w = quantiles(wall);
	const c = quantiles(cpu);
	return { median: w.median, p95: w.p95, cpuMedian: c.median, cpuP95: c.p95 };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

export async function bench(): Promise<BenchSection> {
	const oneAtATime = parse(HUNDRED_ONE_AT_A_TIME);
	const withRollback = parse(HUNDRED_WITH_ROLLBACK);
	const events = simulate(oneAtATime, { seed: 1 }).length;
	const rows: BenchSection['rows'] = [];
	const add = (name: string, result: Timing) => {
		rows.push(
			{ name: `${name}: median`, value: ms(result.median) },
			{ name: `${name}: p95`, value: ms(result.p95) },
			{ name: `${name}: CPU time median / p95`, value: `${ms(result.cpuMedian)} / ${ms(result.cpuP95)}` },
		);
	};
	add(
		`simulate 100 instances OneAtATime with faults (${events} events, target < 5 ms)`,
		measure(1000, (i) => simulate(oneAtATime, { seed: i })),
	);
	add(
		'simulate + toReport, 100 instances, failure at 50 and full rollback',
		measure(100, (i) => toReport(simulate(withRollback, { seed: i }))),
	);
	add(
		'parseScenario (zod) of the 100-instance scenario',
		measure(500, () => parse(HUNDRED_ONE_AT_A_TIME)),
	);
	add(
		'compare (manual, scripted, CodeDeploy), 100 servers',
		measure(100, (i) => compare(oneAtATime, { seed: i })),
	);
	return { title: 'Deployment simulator', rows };
}

if (import.meta.main) {
	const section = await bench();
	console.log(section.title);
	for (const row of section.rows) console.log(`  ${row.name}: ${row.value}`);
}
