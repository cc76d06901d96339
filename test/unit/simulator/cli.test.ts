import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../labs/cli/simulate.ts';
import { memoryIo } from '../../../labs/cli/io.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/scenarios');

async function runCli(args: string[], env: Record<string, string> = {}) {
	const io = memoryIo(env, fixtures);
	const code = await cli(args, io.io);
	return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('simulate CLI', () => {
	it('prints the JSON report on stdout only, exit 0 even when the deployment fails', async () => {
		const { code, stdout } = await runCli(['inplace-one-at-a-time.yaml', '--format', 'json', '--seed', '3']);
		expect(code).toBe(0);
		const report = JSON.parse(stdout);
		expect(Object.keys(report)).toEqual(['status', 'deployments']);
		expect(report.status).toBe('Failed');
		const [deployment, rollback] = report.deployments;
		expect(Object.keys(deployment).sort()).toEqual([
			'batches',
			'errorCode',
			'hooks',
			'id',
			'instances',
			'kind',
			'status',
			'traffic',
		]);
		expect(deployment.batches).toEqual([['i-001'], ['i-002'], ['i-003'], ['i-004']]);
		expect(Object.keys(deployment.instances[0]).sort()).toEqual([
			'events',
			'health',
			'id',
			'revision',
			'role',
		]);
		expect(rollback.kind).toBe('rollback');
	});

	it('is deterministic for a seed', async () => {
		const a = await runCli(['lambda-canary.yaml', '--format', 'json', '--seed', '9']);
		const b = await runCli(['lambda-canary.yaml', '--format', 'json', '--seed', '9']);
		expect(a.stdout).toBe(b.stdout);
	});

	it('runs every example scenario (JSON and YAML), invalid ones exit 2 with located errors', async () => {
		for (const file of [
			'bluegreen-ec2.yaml',
			'ecs-linear.json',
			'inplace-custom-hosts.yaml',
			'inplace-half-onprem.json',
			'lambda-canary.yaml',
		]) {
			const { code, stdout } = await runCli([file, '--format', 'json']);
			expect(code, file).toBe(0);
			expect(JSON.parse(stdout).deployments.length, file).toBeGreaterThan(0);
		}
		const invalid = await runCli(['invalid-bluegreen-onprem.yaml', '--lang', 'en']);
		expect(invalid.code).toBe(2);
		expect(invalid.stdout).toBe('');
		expect(invalid.stderr).toContain(
			'invalid-bluegreen-onprem.yaml: fleet.kind: Blue/green works with EC2 instances only',
		);
		expect(invalid.stderr).toContain('faults[0].instance');
		const json = await runCli(['invalid-bluegreen-onprem.yaml', '--format', 'json', '--lang', 'fr']);
		expect(json.code).toBe(2);
		expect(JSON.parse(json.stdout).errors).toContainEqual({
			path: 'loadBalancer',
			message: 'Le bleu/vert sur EC2 exige un équilibreur de charge',
		});
	});

	it('prints a readable timeline in French by default and in English on request', async () => {
		const fr = await runCli(['lambda-canary.yaml']);
		expect(fr.code).toBe(0);
		expect(fr.stdout).toContain('Trafic : 90 % sur l’original, 10 % sur le remplaçant');
		expect(fr.stdout).toMatch(/Résultat : Failed\n$/);
		const en = await runCli(['lambda-canary.yaml', '--lang', 'en']);
		expect(en.stdout).toContain('0:00:00  Deployment d-');
		expect(en.stdout).toContain('Traffic: 90 % on the original, 10 % on the replacement');
		const fromEnv = await runCli(['lambda-canary.yaml'], { LANG: 'en_GB.UTF-8' });
		expect(fromEnv.stdout).toContain('Outcome: Failed');
	});

	it('--compare prints the three approaches', async () => {
		const { code, stdout } = await runCli(['inplace-one-at-a-time.yaml', '--compare', '--format', 'json']);
		expect(code).toBe(0);
		const comparison = JSON.parse(stdout);
		expect(Object.keys(comparison)).toEqual(['manual', 'scripted', 'codedeploy']);
		for (const approach of Object.values(comparison) as Record<string, unknown>[]) {
			expect(Object.keys(approach).sort()).toEqual([
				'recovered',
				'reducedCapacityTime',
				'servers',
				'totalTime',
			]);
		}
		const text = await runCli(['inplace-one-at-a-time.yaml', '--compare', '--lang', 'en']);
		expect(text.stdout).toContain('With CodeDeploy:');
		expect((await runCli(['lambda-canary.yaml', '--compare'])).code).toBe(2);
	});

	it('usage errors exit 2', async () => {
		expect((await runCli([])).code).toBe(2);
		expect((await runCli(['a.yaml', 'b.yaml'])).code).toBe(2);
		expect((await runCli(['lambda-canary.yaml', '--format', 'xml'])).code).toBe(2);
		expect((await runCli(['lambda-canary.yaml', '--seed', '-1'])).code).toBe(2);
		expect((await runCli(['lambda-canary.yaml', '--bogus'])).code).toBe(2);
		const missing = await runCli(['nope.yaml', '--lang', 'en']);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('Cannot read nope.yaml');
		const dir = mkdtempSync(join(tmpdir(), 'sim-'));
		writeFileSync(join(dir, 'bad.yaml'), 'platform: [server\n');
		const bad = await runCli([join(dir, 'bad.yaml'), '--lang', 'en']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('is not valid JSON or YAML');
	});
});
