import { describe, expect, it } from 'vitest';
import { ECS_CONFIGS, LAMBDA_CONFIGS, trafficSteps } from '../../../src/lib/simulator/configs.ts';
import { TRAFFIC_SHIFT_DURATION } from '../../../src/lib/simulator/constants.ts';
import { run } from './helpers.ts';

/** [offset in seconds, % on the replacement] for every predefined configuration (§5.4). */
const canary = (minutes: number) => [
	[0, 10],
	[minutes * 60, 100],
];
const linear = (minutes: number) => Array.from({ length: 10 }, (_, i) => [i * minutes * 60, (i + 1) * 10]);
const EXPECTED: Record<string, number[][]> = {
	'CodeDeployDefault.LambdaCanary10Percent5Minutes': canary(5),
	'CodeDeployDefault.LambdaCanary10Percent10Minutes': canary(10),
	'CodeDeployDefault.LambdaCanary10Percent15Minutes': canary(15),
	'CodeDeployDefault.LambdaCanary10Percent30Minutes': canary(30),
	'CodeDeployDefault.LambdaLinear10PercentEvery1Minute': linear(1),
	'CodeDeployDefault.LambdaLinear10PercentEvery2Minutes': linear(2),
	'CodeDeployDefault.LambdaLinear10PercentEvery3Minutes': linear(3),
	'CodeDeployDefault.LambdaLinear10PercentEvery10Minutes': linear(10),
	'CodeDeployDefault.LambdaAllAtOnce': [[0, 100]],
	'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': linear(1),
	'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': linear(3),
	'CodeDeployDefault.ECSCanary10Percent5Minutes': canary(5),
	'CodeDeployDefault.ECSCanary10Percent15Minutes': canary(15),
	'CodeDeployDefault.ECSAllAtOnce': [[0, 100]],
};

describe('traffic steps of the predefined Lambda and ECS configurations', () => {
	it('covers exactly the names AWS documents (Lambda "Every1Minute", ECS "Every1Minutes")', () => {
		expect([...Object.keys(LAMBDA_CONFIGS), ...Object.keys(ECS_CONFIGS)].sort()).toEqual(
			Object.keys(EXPECTED).sort(),
		);
	});

	for (const [name, expected] of Object.entries(EXPECTED)) {
		const platform = name.includes('Lambda') ? 'lambda' : 'ecs';
		const routing = (platform === 'lambda' ? LAMBDA_CONFIGS : ECS_CONFIGS)[name]!;
		it(`${name}: steps and their times in a simulated deployment`, () => {
			expect(trafficSteps(routing).map((s) => [s.offset, s.replacement])).toEqual(expected);
			const report = run({ platform, deploymentConfig: name });
			const shifts = report.deployments[0]!.traffic.slice(1);
			const start = shifts[0]!.t - TRAFFIC_SHIFT_DURATION;
			expect(shifts.map((s) => [s.t - start - TRAFFIC_SHIFT_DURATION, s.replacement])).toEqual(expected);
			expect(shifts.every((s) => s.original + s.replacement === 100)).toBe(true);
			expect(report.status).toBe('Succeeded');
		});
	}

	it('custom canary and linear configurations', () => {
		const steps = (routing: Parameters<typeof trafficSteps>[0]) =>
			trafficSteps(routing).map((s) => [s.offset, s.replacement]);
		expect(steps({ type: 'TimeBasedCanary', percentage: 25, intervalMinutes: 2 })).toEqual([
			[0, 25],
			[120, 100],
		]);
		expect(steps({ type: 'TimeBasedLinear', percentage: 30, intervalMinutes: 1 })).toEqual([
			[0, 30],
			[60, 60],
			[120, 90],
			[180, 100],
		]);
		const report = run({
			platform: 'ecs',
			deploymentConfig: {
				trafficRouting: { type: 'TimeBasedLinear', linearPercentage: 50, linearIntervalMinutes: 4 },
			},
		});
		expect(report.deployments[0]!.traffic.map((s) => s.replacement)).toEqual([0, 50, 100]);
	});

	it('an alarm between two shifts stops the deployment and leaves traffic split without rollback', () => {
		const report = run({
			platform: 'lambda',
			deploymentConfig: 'CodeDeployDefault.LambdaCanary10Percent30Minutes',
			faults: [{ type: 'alarm', at: 600 }],
		});
		expect(report.deployments).toHaveLength(1);
		expect(report.deployments[0]).toMatchObject({ status: 'Stopped', errorCode: 'ALARM_ACTIVE' });
		expect(report.deployments[0]!.traffic.at(-1)).toMatchObject({ original: 90, replacement: 10 });
	});
});
