import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../labs/cli/io.ts';
import { cli } from '../../../labs/cli/sandbox.ts';
import { practiceAccountTarget, readServerInfo } from '../../../labs/sandbox/index.ts';
import { failure } from './support.ts';

const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'atelier-sandbox-cli-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const EN = { LANG: 'en_US.UTF-8' };

async function run(argv: string[]) {
	const m = memoryIo(EN);
	const code = await cli(argv, m.io);
	return { code, stdout: m.stdout(), stderr: m.stderr() };
}

interface Creds {
	accessKeyId: string;
	secretAccessKey: string;
	accountId: string;
	endpoint?: string;
}

describe('npm run sandbox (CLI)', () => {
	it('prints the admin credentials as JSON for scripts, the same on every call', async () => {
		const dir = tempDir();
		const first = await run(['credentials', '--format', 'json', '--state-dir', dir]);
		expect(first.code).toBe(0);
		const creds = JSON.parse(first.stdout) as Creds;
		expect(creds).toMatchObject({ accountId: '000000000000', endpoint: 'http://127.0.0.1:4566' });
		expect(creds.accessKeyId).toMatch(/^AKIA/);
		expect(JSON.parse((await run(['credentials', '--format', 'json', '--state-dir', dir])).stdout)).toEqual(
			creds,
		);
		// reset forgets them.
		expect((await run(['reset', '--state-dir', dir])).code).toBe(0);
		const after = JSON.parse(
			(await run(['credentials', '--format', 'json', '--state-dir', dir])).stdout,
		) as Creds;
		expect(after.accessKeyId).not.toBe(creds.accessKeyId);
	});

	it('creates a student account in the state file when no sandbox runs', async () => {
		const dir = tempDir();
		const created = await run([
			'account',
			'create',
			'--id',
			'111111111111',
			'--format',
			'json',
			'--state-dir',
			dir,
		]);
		expect(created.code).toBe(0);
		const student = JSON.parse(created.stdout) as Creds;
		expect(student.accountId).toBe('111111111111');
		const listed = JSON.parse(
			(await run(['credentials', '--account', '111111111111', '--format', 'json', '--state-dir', dir]))
				.stdout,
		) as Creds;
		expect(listed.accessKeyId).toBe(student.accessKeyId);
		const again = await run(['account', 'create', '--id', '111111111111', '--state-dir', dir]);
		expect(again.code).toBe(2);
		expect(again.stderr).toContain('already exists');
	});

	it('saves and restores snapshots of the state file', async () => {
		const dir = tempDir();
		const file = join(dir, 'correct-setup.json');
		expect((await run(['snapshot', 'save', file, '--state-dir', dir])).code).toBe(0);
		expect((await run(['account', 'create', '--id', '444444444444', '--state-dir', dir])).code).toBe(0);
		expect((await run(['snapshot', 'restore', file, '--state-dir', dir])).code).toBe(0);
		expect((await run(['credentials', '--account', '444444444444', '--state-dir', dir])).code).toBe(2);
		expect((await run(['snapshot', 'restore', '--state-dir', dir])).code).toBe(2);
	});

	it('starts a sandbox, reaches it for account create and root keys, and stops on abort', async () => {
		const dir = tempDir();
		const abort = new AbortController();
		const m = memoryIo(EN);
		const running = cli(['start', '--port', '0', '--state-dir', dir, '--quiet'], m.io, abort.signal);
		let url: string | undefined;
		for (let i = 0; i < 200 && !url; i++) {
			await new Promise((resolve) => setTimeout(resolve, 10));
			url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(m.stdout())?.[1];
		}
		expect(url).toBeDefined();
		expect(m.stdout()).toContain('aws configure set aws_access_key_id AKIA');
		expect(m.stdout()).toContain('--profile atelier-sandbox');
		expect(readServerInfo(dir)?.url).toBe(url);
		const target = practiceAccountTarget({ stateDir: dir });
		expect(target).toMatchObject({ endpoint: url, accountId: '000000000000', running: true });

		const student = JSON.parse(
			(await run(['account', 'create', '--id', '222222222222', '--format', 'json', '--state-dir', dir]))
				.stdout,
		) as Creds;
		expect(student.endpoint).toBe(url);
		const sts = (c: Creds) =>
			new STSClient({ endpoint: url!, region: 'eu-west-3', credentials: { ...c }, maxAttempts: 1 });
		expect((await sts(student).send(new GetCallerIdentityCommand({}))).Arn).toBe(
			'arn:aws:iam::222222222222:user/admin',
		);

		// Staging mistake M11: root keys exist and can be used.
		const root = JSON.parse(
			(
				await run([
					'root-keys',
					'create',
					'--account',
					'222222222222',
					'--format',
					'json',
					'--state-dir',
					dir,
				])
			).stdout,
		) as Creds;
		expect((await sts(root).send(new GetCallerIdentityCommand({}))).Arn).toBe(
			'arn:aws:iam::222222222222:root',
		);
		const iam = new IAMClient({
			endpoint: url!,
			region: 'eu-west-3',
			credentials: { ...student },
			maxAttempts: 1,
		});
		expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.['AccountAccessKeysPresent']).toBe(
			1,
		);
		expect((await run(['root-keys', 'delete', '--account', '222222222222', '--state-dir', dir])).code).toBe(
			0,
		);
		expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.['AccountAccessKeysPresent']).toBe(
			0,
		);

		// Snapshots go through the running sandbox, which owns the state.
		const file = join(dir, 'snapshot.json');
		expect((await run(['snapshot', 'save', file, '--state-dir', dir])).code).toBe(0);
		const lateStudent = JSON.parse(
			(await run(['account', 'create', '--id', '555555555555', '--format', 'json', '--state-dir', dir]))
				.stdout,
		) as Creds;
		expect((await sts(lateStudent).send(new GetCallerIdentityCommand({}))).Account).toBe('555555555555');
		expect((await run(['snapshot', 'restore', file, '--state-dir', dir])).code).toBe(0);
		const gone = await failure(() =>
			new STSClient({
				endpoint: url!,
				region: 'eu-west-3',
				credentials: { ...lateStudent },
				maxAttempts: 1,
			}).send(new GetCallerIdentityCommand({})),
		);
		expect(gone.name).toBe('InvalidClientTokenId');

		abort.abort();
		expect(await running).toBe(0);
		expect(readServerInfo(dir)).toBeUndefined();
		expect(practiceAccountTarget({ stateDir: dir, env: {} })).toMatchObject({
			endpoint: 'http://127.0.0.1:4566',
			running: false,
			credentials: { accessKeyId: target!.credentials.accessKeyId },
		});
	});

	it('exits 2 on usage errors', async () => {
		const dir = tempDir();
		for (const argv of [
			['frobnicate'],
			['credentials', '--format', 'xml'],
			['start', '--port', 'eighty'],
			['account', 'create'],
			['--no-such-flag'],
		]) {
			const result = await run([...argv, '--state-dir', dir]);
			expect(result.code, argv.join(' ')).toBe(2);
			expect(result.stderr).toContain('Usage');
		}
		const badId = await run(['account', 'create', '--id', '12345', '--state-dir', dir]);
		expect([badId.code, badId.stderr]).toEqual([
			2,
			'The practice account refused the request: Invalid account id 12345: 12 digits expected.\n',
		]);
	});
});
