import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../labs/aws/limiter.ts';
import { LabUsageError, runLabCheck } from '../../../labs/engine/run.ts';

describe('engine', () => {
	it('the limiter never runs more than its limit at once and runs everything', async () => {
		const limit = createLimiter(3);
		let active = 0;
		let peak = 0;
		const release: (() => void)[] = [];
		const tasks = Array.from({ length: 10 }, (_, i) =>
			limit(async () => {
				active++;
				peak = Math.max(peak, active);
				await new Promise<void>((resolve) => release.push(resolve));
				active--;
				return i;
			}),
		);
		while (release.length || active) {
			await new Promise((r) => setImmediate(r));
			release.shift()?.();
		}
		expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(peak).toBe(3);
	});
	it('refuses unknown labs, invalid parameters and a region conflict before any call', async () => {
		await expect(runLabCheck('nope', {})).rejects.toMatchObject({ code: 'usage.unknown-lab' });
		await expect(runLabCheck('iam-setup', { bucket: 'UPPER' })).rejects.toBeInstanceOf(LabUsageError);
		await expect(
			runLabCheck('iam-setup', { bucket: 'ok-bucket', region: 'eu-west-3' }, { region: 'us-east-1' }),
		).rejects.toMatchObject({ code: 'usage.region-conflict' });
	});
});
