/**
 * The lab's own text, executed: every file command and solution command of iam-setup, rendered for bash with the
 * learner's values, run by the real AWS CLI (v1 on this image) against the practice account; then the checker
 * runs with the learner's keys and every check passes. Skips with a message when no AWS CLI is installed.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLab, renderStep } from '../../../src/lib/labs/schema.ts';
import { runLabCheck } from '../../../labs/engine/run.ts';
import { startSandbox, type RunningSandbox } from '../../../labs/sandbox/index.ts';

// The sandbox runs in this process: commands must run asynchronously, or the event loop could not answer them.
const run = promisify(execFile);
const lab = parseLab(
	readFileSync(join(import.meta.dirname, '../../../content/labs/iam-setup.yaml'), 'utf8'),
).lab!;

function awsCliAvailable(): boolean {
	try {
		return (
			execFileSync('aws', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).length > 0
		);
	} catch {
		return false;
	}
}
const available = awsCliAvailable();
if (!available) console.warn('[labs] AWS CLI not found: skipping the lab-solution replay.');

describe.skipIf(!available)('iam-setup solution replayed with the AWS CLI', () => {
	let sandbox: RunningSandbox;
	let stateDir: string;
	let workDir: string;
	beforeAll(async () => {
		stateDir = mkdtempSync(join(tmpdir(), 'atelier-lab-cli-state-'));
		workDir = mkdtempSync(join(tmpdir(), 'atelier-lab-cli-work-'));
		sandbox = await startSandbox({ port: 0, stateDir });
	});
	afterAll(async () => {
		await sandbox.stop();
		rmSync(stateDir, { recursive: true, force: true });
		rmSync(workDir, { recursive: true, force: true });
	});

	it(
		'every step’s files and solution commands succeed, then every check passes with the learner’s keys',
		{ timeout: 120_000 },
		async () => {
			const values = {
				region: 'eu-west-3',
				userName: 'codedeploy-user',
				serviceRoleName: 'CodeDeployServiceRole',
				instanceRoleName: 'CodeDeployDemo-EC2-Instance-Profile',
				instanceProfileName: 'CodeDeployDemo-EC2-Instance-Profile',
				bucket: 'atelier-cli-replay',
				accountId: '000000000000',
			};
			const env = {
				PATH: process.env['PATH'] ?? '',
				HOME: workDir,
				AWS_ACCESS_KEY_ID: sandbox.credentials.accessKeyId,
				AWS_SECRET_ACCESS_KEY: sandbox.credentials.secretAccessKey,
				AWS_DEFAULT_REGION: 'eu-west-3',
				AWS_ENDPOINT_URL: sandbox.url,
				AWS_PAGER: '',
			};
			let learner: { accessKeyId: string; secretAccessKey: string } | undefined;
			for (const step of lab.steps) {
				const rendered = renderStep(lab, step, values, 'bash');
				const solution = step.solution.map((c, i) => ({ argv: c.run, text: rendered.solution[i]! }));
				for (const file of rendered.files) await run('bash', ['-c', file.command], { cwd: workDir, env });
				for (const { argv, text } of solution) {
					if (argv[1] === 'configure') continue; // interactive: the test passes the learner's keys itself
					const { stdout: out } = await run('bash', ['-c', text], {
						cwd: workDir,
						env,
						encoding: 'utf8',
						timeout: 60_000,
					});
					if (argv[2] === 'create-access-key') {
						const key = JSON.parse(out).AccessKey;
						learner = { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
					}
				}
			}
			expect(learner).toBeDefined();
			const report = await runLabCheck(
				'iam-setup',
				{ bucket: values.bucket },
				{
					endpointUrl: sandbox.url,
					env: {},
					credentials: learner!,
					missingRetries: 0,
					maxAttempts: 1,
					lang: 'en',
				},
			);
			const notPassing = report.results.filter(
				(r) => r.status !== 'pass' && !(r.id === 'root-keys' && r.status === 'warn'),
			);
			expect(notPassing.map((r) => `${r.id}:${r.status}:${r.messageKey}`)).toEqual([]);
		},
	);
});
