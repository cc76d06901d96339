/**
 * Lab checks against a slow network (issue 6): the practice account adds 50 ms to every response.
 * - one iam-setup check, as a ratio to that latency (target ≤ 8×: independent checks run concurrently, only the
 *   longest dependent chain of calls is paid in sequence);
 * - a class of 50 students at concurrency 8, as a ratio to one student's lab through the same instructor path
 *   (AssumeRole + checks) (target ≤ 1.5 × ceil(50/8)).
 * Students are simulated accounts with the whole lab and the shipped checker role (test/unit/executable-labs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
	setUpStudent,
	roleArnOf,
	type SimulatedStudent,
} from '../../test/unit/executable-labs/class-fixtures.ts';
import { runClass } from '../class/run-class.ts';
import type { Student } from '../class/roster.ts';
import { runLabCheck, type RunOptions } from '../engine/run.ts';
import { adminCredentials, BOOTSTRAP_ACCOUNT } from '../sandbox/state.ts';
import { loadState, readServerInfo, startSandbox } from '../sandbox/index.ts';
import { summarize, type BenchSection } from './section.ts';

const LATENCY_MS = 50;
const CLASS_SIZE = 50;
const CONCURRENCY = 8;

const simulated = (i: number): SimulatedStudent => ({
	name: `student-${i}`,
	accountId: String(100000000000 + i),
	bucket: `atelier-bench-student-${i}`,
	progress: 'full',
	roleExternalId: `bench-external-${i}`,
});

const rosterEntry = (s: SimulatedStudent, line: number): Student => ({
	line,
	name: s.name,
	accountId: s.accountId,
	roleArn: roleArnOf(s.accountId),
	externalId: s.roleExternalId!,
	params: { bucket: s.bucket },
});

async function time(task: () => Promise<unknown>, runs: number): Promise<number[]> {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await task();
		samples.push(performance.now() - started);
	}
	return samples;
}

const ms = (samples: number[]) => {
	const { median, p95 } = summarize(samples);
	return {
		median,
		text: `median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (${samples.length} runs)`,
	};
};

/**
 * The practice account in its own process, as AWS is remote: its CPU (SigV4 verification, policy evaluation)
 * then does not share the checker's event loop, which would bill the class run for the server's work.
 */
async function serveWithLatency(stateDir: string): Promise<{ url: string; child: ChildProcess }> {
	const bin = join(import.meta.dirname, '../bin/sandbox.ts');
	const args = [bin, '--port', '0', '--state-dir', stateDir, '--latency-ms', String(LATENCY_MS), '--quiet'];
	const child = spawn(process.execPath, args, { stdio: 'ignore' });
	for (let i = 0; i < 300; i++) {
		const info = readServerInfo(stateDir);
		if (info && info.pid === child.pid) return { url: info.url, child };
		if (child.exitCode !== null) break;
		await delay(50);
	}
	child.kill();
	throw new Error('the practice account did not start');
}

export async function bench(): Promise<BenchSection> {
	const dir = mkdtempSync(join(tmpdir(), 'atelier-bench-lab-latency-'));
	const students = Array.from({ length: CLASS_SIZE }, (_, i) => simulated(i + 1));
	let server: ChildProcess | undefined;
	try {
		// Build the class without latency, then serve the same state with 50 ms per response.
		const builder = await startSandbox({ port: 0, stateDir: dir });
		const keys = [];
		for (const student of students) keys.push(await setUpStudent(builder, student, BOOTSTRAP_ACCOUNT));
		await builder.stop();
		const served = await serveWithLatency(dir);
		server = served.child;
		const instructor = adminCredentials(loadState(dir), BOOTSTRAP_ACCOUNT)!;
		const run: RunOptions = {
			endpointUrl: served.url,
			env: {},
			credentials: { accessKeyId: instructor.accessKeyId, secretAccessKey: instructor.secretAccessKey },
			missingRetries: 0,
			maxAttempts: 1,
			lang: 'en',
		};
		const first = students[0]!;
		const direct = await runLabCheck(
			'iam-setup',
			{ bucket: first.bucket, accountId: first.accountId },
			{ ...run, assumeRoleArn: roleArnOf(first.accountId), assumeRoleExternalId: first.roleExternalId! },
		);
		const notPassing = direct.results.filter((r) => r.status !== 'pass').map((r) => `${r.id}:${r.status}`);
		if (notPassing.length > 0) throw new Error(`bench setup is not a correct lab: ${notPassing.join(', ')}`);

		// One lab check with the account's own keys: what a learner's `lab check` costs.
		const own = { ...run, credentials: { ...keys[0]! } };
		const labCheck = ms(await time(() => runLabCheck('iam-setup', { bucket: first.bucket }, own), 7));
		const oneStudent = ms(
			await time(
				() => runClass({ labId: 'iam-setup', students: [rosterEntry(first, 2)], concurrency: 1, run }),
				5,
			),
		);
		const roster = students.map((s, i) => rosterEntry(s, i + 2));
		const wholeClass = ms(
			await time(async () => {
				const report = await runClass({
					labId: 'iam-setup',
					students: roster,
					concurrency: CONCURRENCY,
					run,
				});
				if (report.outcomes.some((o) => o.kind !== 'checked'))
					throw new Error('a bench student was not checked');
			}, 3),
		);
		const classTarget = 1.5 * Math.ceil(CLASS_SIZE / CONCURRENCY);
		const classRatio = wholeClass.median / oneStudent.median;
		const labRatio = labCheck.median / LATENCY_MS;
		return {
			title: `Lab checks with ${LATENCY_MS} ms per request (practice account)`,
			rows: [
				{
					name: 'iam-setup lab check',
					value: `${labCheck.text} = ${labRatio.toFixed(1)}× the latency (target ≤ 8×: ${labRatio <= 8 ? 'met' : 'MISSED'})`,
				},
				{ name: 'one student via lab class (AssumeRole + checks)', value: oneStudent.text },
				{
					name: `class of ${CLASS_SIZE} at concurrency ${CONCURRENCY}`,
					value: `${wholeClass.text} = ${classRatio.toFixed(2)}× one student (target ≤ ${classTarget}: ${classRatio <= classTarget ? 'met' : 'MISSED'})`,
				},
			],
		};
	} finally {
		if (server && server.exitCode === null && server.signalCode === null) {
			const exited = new Promise((resolve) => server!.once('exit', resolve));
			server.kill();
			await exited;
		}
		rmSync(dir, { recursive: true, force: true });
	}
}

if (import.meta.main) {
	const { printSection } = await import('./section.ts');
	printSection(await bench());
}
