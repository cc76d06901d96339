/**
 * Mistake variants (issue 6 §2): a correct iam-setup is made once with the AWS CLI v2 and saved as a sandbox
 * snapshot; each mistake starts from that snapshot in its own practice account, applies only its change with the
 * CLI, and must make exactly the checks of the issue-5 table fail (nothing else failing, nothing unverifiable).
 * v1 runs the whole lab in lab-walk.test.ts; the mistakes use v2 only, in parallel, to keep the suite short.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_ACCOUNT, startSandbox } from '../../../labs/sandbox/index.ts';
import { keysFrom, M16_ATTEMPTS, MISTAKES, type Mistake } from './mistakes.ts';
import { accountsView, CliRunner, failing, findClis, lab, pool, toolsPresent, verdicts } from './support.ts';
import type { Keys, Verdicts } from './support.ts';
import { LAB_VALUES, runSolution, type WalkTarget } from './walk.ts';

const cli = findClis().v2;
const present = toolsPresent('lab mistake variants', cli ? [] : ['AWS CLI v2 at /usr/bin/aws']);
const values = LAB_VALUES('atelier-mistakes', BOOTSTRAP_ACCOUNT);
const checkValues = { bucket: values['bucket']! };

interface Correct {
	readonly snapshot: string;
	readonly admin: Keys;
	readonly learner: Keys;
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
	task: (sandbox: Awaited<ReturnType<typeof startSandbox>>, runner: CliRunner) => Promise<T>,
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

async function makeCorrect(): Promise<Correct> {
	const sandbox = await startSandbox({ port: 0, stateDir: temp('atelier-mistakes-correct-') });
	const runner = new CliRunner(cli!, sandbox.url);
	dirs.push(runner.workDir);
	try {
		const target: WalkTarget = { runner, admin: sandbox.credentials, values };
		for (const step of lab.steps) await runSolution(target, step);
		const all = await verdicts(sandbox.url, sandbox.credentials, checkValues);
		if (failing(all).length > 0) throw new Error(`the correct setup fails ${failing(all).join(', ')}`);
		return {
			snapshot: sandbox.snapshot(),
			admin: sandbox.credentials,
			learner: target.learner!,
			workDir: runner.workDir,
		};
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
					const { admin, learner } = correct;
					const applied = await mistake.apply({ runner, sandbox, admin, learner, values });
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
