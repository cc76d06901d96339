/**
 * Mistake variants (issue 6 §2): a correct iam-setup is made once and saved as a sandbox snapshot; each mistake
 * starts from that snapshot in its own practice account, applies only its change with the AWS CLI, and must make
 * exactly the checks of the issue-5 table fail (nothing else failing, nothing unverifiable).
 * v1 runs the whole lab in lab-walk.test.ts; the mistakes use v2 only, in parallel, to keep the suite short.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_ACCOUNT, startSandbox, type RunningSandbox } from '../../../labs/sandbox/index.ts';
import { labFiles } from '../../../src/lib/labs/schema.ts';
import { renderFile } from '../../../src/lib/labs/shell.ts';
import { setUpStudent } from './class-fixtures.ts';
import { keysFrom, M16_ATTEMPTS, MISTAKES, type Mistake } from './mistakes.ts';
import { accountsView, CliRunner, failing, findClis, lab, pool, toolsPresent, verdicts } from './support.ts';
import type { Keys, Verdicts } from './support.ts';
import { LAB_VALUES } from './walk.ts';

const cli = findClis().v2;
const present = toolsPresent('lab mistake variants', cli ? [] : ['AWS CLI v2 at /usr/bin/aws']);
const STUDENT_ACCOUNT = '111111111111';
const values = LAB_VALUES('atelier-mistakes', STUDENT_ACCOUNT);
const checkValues = { bucket: values['bucket']! };

interface Correct {
	readonly snapshot: string;
	/** The student account's administrator. */
	readonly admin: Keys;
	/** Holds the lab's JSON files, which M16 misuses. */
	readonly workDir: string;
}

const dirs: string[] = [];
const temp = (prefix: string) => {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	dirs.push(dir);
	return dir;
};

/** Each variant gets its own practice account restored from the correct setup. */
async function withRestored<T>(
	correct: Correct,
	name: string,
	task: (sandbox: RunningSandbox, runner: CliRunner) => Promise<T>,
): Promise<T> {
	const sandbox = await startSandbox({ port: 0, stateDir: temp(`atelier-mistake-${name}-`) });
	const runner = new CliRunner(cli!, sandbox.url, 'eu-west-3', name === 'M16' ? correct.workDir : undefined);
	if (name !== 'M16') dirs.push(runner.workDir);
	try {
		sandbox.restore(correct.snapshot);
		return await task(sandbox, runner);
	} finally {
		await sandbox.stop();
	}
}

/**
 * The correct setup, made once through the SDK (lab-walk.test.ts proves the lab's own CLI commands make the same
 * setup; replaying them here would only add a minute of CLI start-ups).
 */
async function makeCorrect(): Promise<Correct> {
	const sandbox = await startSandbox({ port: 0, stateDir: temp('atelier-mistakes-correct-') });
	try {
		const admin = await setUpStudent(
			sandbox,
			{ name: 'learner', accountId: STUDENT_ACCOUNT, bucket: values['bucket']!, progress: 'full' },
			BOOTSTRAP_ACCOUNT,
		);
		const all = await verdicts(sandbox.url, admin, checkValues);
		const notPassing = Object.entries(all).filter(([, status]) => status !== 'pass');
		if (notPassing.length > 0)
			throw new Error(`the correct setup does not pass: ${JSON.stringify(notPassing)}`);
		const workDir = temp('atelier-mistakes-files-');
		const files = labFiles(lab);
		for (const name of ['CodeDeployDemo-EC2-Trust.json', 'CodeDeployDemo-EC2-Permissions.json'])
			writeFileSync(join(workDir, name), renderFile(files[name]!, values));
		return { snapshot: sandbox.snapshot(), admin, workDir };
	} finally {
		await sandbox.stop();
	}
}

describe.skipIf(!present)(
	'iam-setup mistakes M1–M16 applied with the AWS CLI to a saved correct setup',
	() => {
		const outcomes = new Map<string, Verdicts>();
		let m16: { title: string; error: RegExp; outcome: string }[] = [];
		let m16Unchanged = false;

		beforeAll(async () => {
			const correct = await makeCorrect();
			const variant = (mistake: Mistake) =>
				withRestored(correct, mistake.id, async (sandbox, runner) => {
					const { admin } = correct;
					const applied = await mistake.apply({ runner, sandbox, admin, values });
					outcomes.set(mistake.id, await verdicts(sandbox.url, keysFrom(applied) ?? admin, checkValues));
				});
			// M16 is caught when the command runs: each attempt is refused and leaves the account unchanged.
			const attemptM16 = () =>
				withRestored(correct, 'M16', async (sandbox, runner) => {
					m16 = await Promise.all(
						M16_ATTEMPTS.map(async ({ title, args, error }) => ({
							title,
							error,
							outcome: await runner.aws(args, correct.admin).then(
								() => 'accepted',
								(e: unknown) => String(e),
							),
						})),
					);
					m16Unchanged =
						JSON.stringify(accountsView(sandbox.snapshot())) ===
						JSON.stringify(accountsView(correct.snapshot));
				});
			await Promise.all([pool(MISTAKES, 4, variant), attemptM16()]);
		}, 240_000);

		afterAll(() => {
			for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
		});

		for (const mistake of MISTAKES) {
			it(`${mistake.id} ${mistake.title} → ${mistake.fails.join(' and ')}`, () => {
				const outcome = outcomes.get(mistake.id)!;
				expect(failing(outcome)).toEqual([...mistake.fails].sort());
				expect(Object.entries(outcome).filter(([, s]) => s === 'error')).toEqual([]);
			});
		}

		it('M16 (trust document as permissions, file:// forgotten) is refused when the command runs', () => {
			expect(m16).toHaveLength(M16_ATTEMPTS.length);
			for (const attempt of m16) expect(attempt.outcome, attempt.title).toMatch(attempt.error);
			expect(m16Unchanged, 'the refused commands changed nothing').toBe(true);
		});
	},
);
