import { describe, expect, it } from 'vitest';
import { compare, unionLength } from '../../../src/lib/simulator/compare.ts';
import { scenario, server } from './helpers.ts';

describe('manual vs scripted vs CodeDeploy', () => {
	const withDefect = scenario(
		server(10, {
			loadBalancer: true,
			faults: [{ type: 'scriptFails', event: 'AfterInstall', instances: [4] }],
			autoRollback: { onFailure: true },
		}),
	);

	it('the script stops at the first error and undoes nothing', () => {
		const { scripted } = compare(withDefect, { seed: 5 });
		expect(scripted.servers).toEqual({ old: 6, new: 3, broken: 1 });
		expect(scripted.recovered).toBe(false);
	});

	it('CodeDeploy rolls back to a consistent fleet', () => {
		const { codedeploy } = compare(withDefect, { seed: 5 });
		expect(codedeploy.servers).toEqual({ old: 10, new: 0, broken: 0 });
		expect(codedeploy.recovered).toBe(true);
		expect(codedeploy.reducedCapacityTime).toBeGreaterThan(0);
		expect(codedeploy.reducedCapacityTime).toBeLessThanOrEqual(codedeploy.totalTime);
	});

	it('by hand, the defect stays in service until the end (no health check)', () => {
		const { manual } = compare(withDefect, { seed: 5 });
		expect(manual.servers.broken).toBeGreaterThanOrEqual(1);
		expect(manual.servers.old + manual.servers.new + manual.servers.broken).toBe(10);
		expect(manual.recovered).toBe(false);
		expect(manual.totalTime).toBeGreaterThan(compare(withDefect, { seed: 5 }).scripted.totalTime);
	});

	it('without faults CodeDeploy and the script both end on the new version; blue/green keeps full capacity', () => {
		const clean = compare(scenario(server(4, { loadBalancer: true })), { seed: 2 });
		expect(clean.codedeploy).toMatchObject({ servers: { old: 0, new: 4, broken: 0 }, recovered: true });
		expect(clean.scripted).toMatchObject({ servers: { old: 0, new: 4, broken: 0 }, recovered: true });
		const blueGreen = compare(scenario(server(4, { deploymentType: 'blue-green', loadBalancer: true })), {
			seed: 2,
		});
		expect(blueGreen.codedeploy).toMatchObject({
			servers: { new: 4, broken: 0 },
			reducedCapacityTime: 0,
			recovered: true,
		});
	});

	it('is deterministic for a seed and depends on it for human mistakes', () => {
		expect(compare(withDefect, { seed: 8 })).toEqual(compare(withDefect, { seed: 8 }));
		const mistakes = new Set(
			Array.from({ length: 20 }, (_, seed) => compare(scenario(server(10)), { seed }).manual.servers.broken),
		);
		expect(mistakes.size).toBeGreaterThan(1);
	});

	it('measures the union of intervals', () => {
		expect(
			unionLength([
				[0, 10],
				[5, 15],
				[20, 25],
			]),
		).toBe(20);
		expect(unionLength([])).toBe(0);
	});
});
