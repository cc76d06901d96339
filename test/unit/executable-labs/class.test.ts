/**
 * Instructor mode end to end against the practice account: simulated students in their own accounts deploy the
 * checker role from the shipped plain IAM JSON; the instructor (account 000000000000) runs `lab class` with a
 * roster, and gets one report row per student — checked, role not reachable, or invalid row — in every format.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../labs/class/roster.ts';
import { memoryIo } from '../../../labs/cli/io.ts';
import { cli } from '../../../labs/cli/lab.ts';
import { BOOTSTRAP_ACCOUNT, startSandbox, type RunningSandbox } from '../../../labs/sandbox/index.ts';
import { rosterLine, setUpStudent, type SimulatedStudent } from './class-fixtures.ts';

const STUDENTS: readonly SimulatedStudent[] = [
	{
		name: 'Alice',
		accountId: '111111111111',
		bucket: 'alice-revisions',
		progress: 'full',
		roleExternalId: 'ext-alice-1',
	},
	{
		name: 'Bob',
		accountId: '222222222222',
		bucket: 'bob-revisions',
		progress: 'user',
		roleExternalId: 'ext-bob-22',
	},
	{
		name: 'Carol',
		accountId: '333333333333',
		bucket: 'carol-revisions',
		progress: 'full',
		roleExternalId: 'the-right-one',
	},
	{ name: 'Dave', accountId: '444444444444', bucket: 'dave-revisions', progress: 'full' },
];
const HEADER = 'name,accountId,roleArn,externalId,bucket';

let sandbox: RunningSandbox;
let dir: string;
const ioFor = (extra: Record<string, string> = {}) =>
	memoryIo(
		{
			AWS_ACCESS_KEY_ID: sandbox.credentials.accessKeyId,
			AWS_SECRET_ACCESS_KEY: sandbox.credentials.secretAccessKey,
			LANG: 'en_US.UTF-8',
			...extra,
		},
		dir,
	);
const roster = (name: string, lines: readonly string[]) => {
	writeFileSync(join(dir, name), `${lines.join('\r\n')}\r\n`);
	return name;
};
const run = async (args: string[], extra?: Record<string, string>) => {
	const io = ioFor(extra);
	const code = await cli(['class', '--endpoint-url', sandbox.url, ...args], io.io, {
		missingRetries: 0,
		maxAttempts: 1,
	});
	return { code, stdout: io.stdout(), stderr: io.stderr() };
};

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'atelier-class-'));
	sandbox = await startSandbox({ port: 0, stateDir: join(dir, 'state') });
	for (const student of STUDENTS) await setUpStudent(sandbox, student, BOOTSTRAP_ACCOUNT);
	roster('class.csv', [
		HEADER,
		rosterLine(STUDENTS[0]!),
		rosterLine(STUDENTS[1]!),
		rosterLine(STUDENTS[2]!, 'a-wrong-one'),
		rosterLine(STUDENTS[3]!),
		'"Erin, the ""late"" one",12345,arn:aws:iam::12345:role/x,ext-erin,erin-revisions',
		`Frank,${STUDENTS[0]!.accountId},arn:aws:iam::${STUDENTS[0]!.accountId}:role/AtelierLabCheckerRole,ext-alice-1,`,
	]);
}, 60_000);

afterAll(async () => {
	await sandbox.stop();
	rmSync(dir, { recursive: true, force: true });
});

interface JsonStudent {
	name: string;
	status: string;
	principal: string | null;
	reason?: string;
	results?: { id: string; status: string; message: string }[];
}

describe('lab class against simulated student accounts', () => {
	let report: { students: JsonStudent[]; checks: string[]; totals: Record<string, unknown> };
	let stderr = '';
	let code = -1;
	beforeAll(async () => {
		const out = await run(['--roster', 'class.csv', '--format', 'json', '--concurrency', '3']);
		code = out.code;
		stderr = out.stderr;
		report = JSON.parse(out.stdout) as typeof report;
	}, 60_000);

	it('exits 0 and reports every student, in roster order, none dropped', () => {
		expect(code).toBe(0);
		expect(report.students.map((s) => [s.name, s.status])).toEqual([
			['Alice', 'checked'],
			['Bob', 'checked'],
			['Carol', 'assume-failed'],
			['Dave', 'assume-failed'],
			['Erin, the "late" one', 'invalid'],
			['Frank', 'params'],
		]);
		expect(report.totals).toMatchObject({ students: 6, checked: 2, notChecked: 4 });
	});

	it('checks through the assumed checker role: a finished lab passes, a started one fails where it stops', () => {
		const [alice, bob] = report.students;
		expect(alice!.principal).toBe(
			'arn:aws:sts::111111111111:assumed-role/AtelierLabCheckerRole/atelier-lab-check',
		);
		expect(alice!.results!.filter((r) => r.status !== 'pass')).toEqual([]);
		const bobStatus = Object.fromEntries(bob!.results!.map((r) => [r.id, r.status]));
		expect(bobStatus).toMatchObject({
			identity: 'pass',
			user: 'pass',
			'user-access-key': 'pass',
			'service-role': 'fail',
			'instance-profile': 'fail',
			bucket: 'fail',
		});
		expect(Object.values(bobStatus)).not.toContain('error');
	});

	it('says why a student could not be checked', () => {
		const byName = Object.fromEntries(report.students.map((s) => [s.name, s]));
		expect(byName['Carol']!.reason).toMatch(/AssumeRole refused \(AccessDenied\)/);
		expect(byName['Dave']!.reason).toMatch(/AccessDenied/);
		expect(byName['Erin, the "late" one']!.reason).toMatch(/not an AWS account ID/);
		expect(byName['Frank']!.reason).toMatch(/bucket/);
	});

	it('shows progress on stderr, one line per student', () => {
		expect(stderr).toMatch(/Checking 6 student\(s\), lab iam-setup, 3 at a time/);
		for (let i = 1; i <= 6; i++) expect(stderr).toContain(`[${i}/6]`);
	});
});

describe('lab class formats', () => {
	it('CSV (default, stdout): RFC 4180, one row per student and a totals row', async () => {
		const { code, stdout } = await run(['--roster', 'class.csv']);
		expect(code).toBe(0);
		const { records, error } = parseCsv(stdout);
		expect(error).toBeUndefined();
		const [header, ...rows] = records.map((r) => r.fields);
		expect(header!.slice(0, 4)).toEqual(['name', 'accountId', 'status', 'identity']);
		expect(header!.at(-1)).toBe('failures');
		expect(rows).toHaveLength(7);
		expect(rows[4]![0]).toBe('Erin, the "late" one');
		expect(rows[0]![header!.indexOf('bucket-private')]).toBe('pass');
		expect(rows[1]![header!.indexOf('failures')]).toMatch(/service-role: /);
		expect(rows[6]!.slice(0, 3)).toEqual(['Total (passed / checked)', '', '2/6']);
		expect(rows[6]![header!.indexOf('user')]).toBe('2/2');
		expect(rows[6]![header!.indexOf('bucket')]).toBe('1/2');
	});

	it('HTML in French to a file: a students × checks grid with headers, marks besides words, and the messages', async () => {
		const { code, stdout } = await run([
			'--roster',
			'class.csv',
			'--format',
			'html',
			'--out',
			'report.html',
			'--lang',
			'fr',
		]);
		expect(code).toBe(0);
		expect(stdout).toBe('');
		const html = readFileSync(join(dir, 'report.html'), 'utf8');
		expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
		expect(html).toContain('<caption>');
		expect(html).toContain('<th scope="col"><code>instance-role-s3</code></th>');
		expect(html).toContain('<th scope="row">Alice</th>');
		expect(html).toContain('Erin, the &#34;late&#34; one');
		expect(html).toContain('rôle inaccessible');
		expect(html).not.toMatch(/<script|<link|src="http/);
		expect((html.match(/<tr>/g) ?? []).length).toBe(1 + 6 + 1);
	});

	it('JUnit: one testsuite per student, a failure per failed check, an error for a student not checked', async () => {
		const { code, stdout } = await run(['--roster', 'class.csv', '--format', 'junit']);
		expect(code).toBe(0);
		expect((stdout.match(/<testsuite /g) ?? []).length).toBe(6);
		expect(stdout).toMatch(/<testsuite name="Bob \(222222222222\)" tests="13" failures="[1-9]\d*"/);
		expect(stdout).toMatch(/name="Carol \(333333333333\)" tests="1" failures="0" errors="1"/);
	});
});

describe('lab class exit codes and usage errors', () => {
	it('exits 3 when no student could be checked, and still writes the report', async () => {
		roster('unreachable.csv', [HEADER, rosterLine(STUDENTS[2]!, 'wrong'), rosterLine(STUDENTS[3]!)]);
		const { code, stdout, stderr } = await run(['--roster', 'unreachable.csv']);
		expect(code).toBe(3);
		expect(stdout.split('\r\n').filter(Boolean)).toHaveLength(4);
		expect(stderr).toContain('No student could be checked.');
	});

	it.each([
		[['--format', 'xml', '--roster', 'class.csv'], /Unknown format "xml"/],
		[['--concurrency', '0', '--roster', 'class.csv'], /--concurrency expects/],
		[['--lab', 'nope', '--roster', 'class.csv'], /Unknown lab "nope"/],
		[[], /--roster roster.csv/],
		[['--roster', 'missing.csv'], /Cannot read missing.csv/],
		[['--bogus'], /Usage:/],
	])('exits 2 for %j', async (args, message) => {
		const { code, stderr } = await run(args);
		expect(code).toBe(2);
		expect(stderr).toMatch(message);
	});

	it('exits 2 on a bad header or an unknown parameter column', async () => {
		roster('bad-header.csv', ['name,account,roleArn,externalId', 'x,111111111111,arn,e']);
		roster('bad-column.csv', [`${HEADER},colour`, `${rosterLine(STUDENTS[0]!)},blue`]);
		const header = await run(['--roster', 'bad-header.csv']);
		expect([header.code, header.stderr]).toEqual([
			2,
			expect.stringMatching(/must start with name,accountId/),
		]);
		const column = await run(['--roster', 'bad-column.csv']);
		expect([column.code, column.stderr]).toEqual([2, expect.stringMatching(/Unknown column "colour"/)]);
	});
});
