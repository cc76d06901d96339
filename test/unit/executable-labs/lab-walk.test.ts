/**
 * Executable instructions (issue 6 §2): the whole iam-setup lab, as its text says, run once with the real AWS CLI v2
 * and once with v1 against the practice account. Before a step, that step's checks do not pass; after its solution
 * commands, they and every earlier step's checks pass; at the end they also pass with the learner's own keys; the
 * lab's cleanup commands then leave the account exactly as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_ACCOUNT, startSandbox } from '../../../labs/sandbox/index.ts';
import {
	accountsView,
	CliRunner,
	findClis,
	lab,
	toolsPresent,
	verdicts,
	type AwsCli,
	type Verdicts,
} from './support.ts';
import { LAB_VALUES, runCleanup, runSolution, type WalkTarget } from './walk.ts';

/** Account-level checks that hold from the start with the administrator's keys: they guard, no step creates them. */
const GUARDS = new Set(['identity', 'root-keys']);

const clis = findClis();
const present = toolsPresent('executable lab instructions', [
	...(clis.v2 ? [] : ['AWS CLI v2 at /usr/bin/aws']),
	...(clis.v1 ? [] : ['AWS CLI v1 (`aws`)']),
]);

const accountView = (snapshot: string) => accountsView(snapshot, BOOTSTRAP_ACCOUNT);

const statusesOf = (v: Verdicts, ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, v[id]]));

async function walk(cli: AwsCli): Promise<void> {
	const stateDir = mkdtempSync(join(tmpdir(), `atelier-walk-${cli.label}-`));
	const sandbox = await startSandbox({ port: 0, stateDir });
	const runner = new CliRunner(cli, sandbox.url);
	try {
		const values = LAB_VALUES(`atelier-walk-${cli.label}`, BOOTSTRAP_ACCOUNT);
		const target: WalkTarget = { runner, admin: sandbox.credentials, values };
		const check = () => verdicts(sandbox.url, sandbox.credentials, { bucket: values['bucket']! });
		const initial = accountView(sandbox.snapshot());
		const done: string[] = [];
		for (const step of lab.steps) {
			const before = await check();
			const created = step.checks.filter((id) => !GUARDS.has(id));
			const passingTooSoon = created.filter((id) => before[id] === 'pass' || before[id] === 'warn');
			expect(passingTooSoon, `${cli.label}: before step ${step.id}`).toEqual([]);
			await runSolution(target, step);
			done.push(...step.checks);
			const after = await check();
			const expected = Object.fromEntries(done.map((id) => [id, 'pass']));
			expect(statusesOf(after, done), `${cli.label}: after step ${step.id}`).toEqual(expected);
		}
		expect(target.learner, 'step 1 created an access key').toBeDefined();
		const asLearner = await verdicts(sandbox.url, target.learner!, { bucket: values['bucket']! });
		expect(asLearner, `${cli.label}: every check, with the learner's keys`).toEqual(
			Object.fromEntries(lab.checks.map((id) => [id, 'pass'])),
		);

		await runCleanup(target);
		expect(accountView(sandbox.snapshot()), `${cli.label}: the account after cleanup`).toEqual(initial);
		const afterCleanup = await check();
		const left = lab.checks.filter((id) => !GUARDS.has(id) && afterCleanup[id] === 'pass');
		expect(left, `${cli.label}: checks still passing after cleanup`).toEqual([]);
	} finally {
		await sandbox.stop();
		rmSync(stateDir, { recursive: true, force: true });
		rmSync(runner.workDir, { recursive: true, force: true });
	}
}

describe.skipIf(!present)('iam-setup executed step by step with the real AWS CLI (practice account)', () => {
	for (const cli of [clis.v2, clis.v1]) {
		if (!cli) continue;
		it.concurrent(
			`AWS CLI ${cli.label}: each step's checks fail before and pass after; cleanup restores the account`,
			{
				timeout: 240_000,
			},
			() => walk(cli),
		);
	}
});
