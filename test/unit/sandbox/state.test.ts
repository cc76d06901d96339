import { CreateUserCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadState, readServerInfo, startSandbox } from '../../../labs/sandbox/index.ts';
import { CorruptStateError, STATE_FILE } from '../../../labs/sandbox/store.ts';

const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'atelier-sandbox-state-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const ROOT = join(import.meta.dirname, '../../..');

describe('sandbox state', () => {
	it('survives a restart: same admin keys, same entities and objects', async () => {
		const dir = tempDir();
		const first = await startSandbox({ port: 0, stateDir: dir });
		// A copy: the SDK adds bookkeeping fields to the credentials object it is given.
		const config = {
			endpoint: first.url,
			region: 'eu-west-3',
			credentials: { ...first.credentials },
			maxAttempts: 1,
		};
		await new IAMClient(config).send(new CreateUserCommand({ UserName: 'codedeploy-user' }));
		const { S3Client } = await import('@aws-sdk/client-s3');
		const s3 = new S3Client(config);
		await s3.send(new CreateBucketCommand({ Bucket: 'newbucketcodedeploy' }));
		await s3.send(new PutObjectCommand({ Bucket: 'newbucketcodedeploy', Key: 'app.zip', Body: 'revision' }));
		await first.stop();

		const second = await startSandbox({ port: 0, stateDir: dir });
		try {
			expect([second.credentials.accessKeyId, second.credentials.secretAccessKey]).toEqual([
				first.credentials.accessKeyId,
				first.credentials.secretAccessKey,
			]);
			const again = { ...config, endpoint: second.url };
			expect(
				(await new IAMClient(again).send(new GetUserCommand({ UserName: 'codedeploy-user' }))).User?.UserName,
			).toBe('codedeploy-user');
			const got = await new S3Client(again).send(
				new GetObjectCommand({ Bucket: 'newbucketcodedeploy', Key: 'app.zip' }),
			);
			expect(await got.Body?.transformToString()).toBe('revision');
		} finally {
			await second.stop();
		}
	});

	it('keeps every acknowledged write when the process is killed mid-flight (write + fsync + rename)', async () => {
		const dir = tempDir();
		const child = spawn(
			process.execPath,
			['labs/bin/sandbox.ts', 'start', '--port', '0', '--state-dir', dir, '--quiet'],
			{
				cwd: ROOT,
				env: { ...process.env, LANG: 'en_US.UTF-8' },
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		try {
			const url = await new Promise<string>((resolve, reject) => {
				let out = '';
				child.stdout.on('data', (chunk: Buffer) => {
					out += chunk.toString();
					const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
					if (match) resolve(match[1]!);
				});
				child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
			});
			expect(readServerInfo(dir)?.url).toBe(url);
			const credentials = loadState(dir);
			const admin = credentials.accounts['000000000000']!.users['admin']!.accessKeys[0]!;
			const iam = new IAMClient({
				endpoint: url,
				region: 'eu-west-3',
				credentials: { accessKeyId: admin.id, secretAccessKey: admin.secret },
				maxAttempts: 1,
			});
			const acknowledged: string[] = [];
			const calls = Array.from({ length: 40 }, (_, i) =>
				iam
					.send(new CreateUserCommand({ UserName: `u${i}` }))
					.then(() => {
						acknowledged.push(`u${i}`);
						if (acknowledged.length === 15) child.kill('SIGKILL');
					})
					.catch(() => undefined),
			);
			await Promise.all(calls);
			await new Promise((resolve) =>
				child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve),
			);
			expect(acknowledged.length).toBeGreaterThanOrEqual(15);
			const state = loadState(dir);
			for (const name of acknowledged)
				expect(state.accounts['000000000000']!.users[name], name).toBeDefined();
			// The dead process's server.json is not mistaken for a running sandbox.
			expect(readServerInfo(dir)).toBeUndefined();
		} finally {
			child.kill('SIGKILL');
		}
	});

	it('refuses a corrupt state file instead of silently starting over', () => {
		const dir = tempDir();
		writeFileSync(join(dir, STATE_FILE), '{"format":"atelier-sandbox/1", "accou');
		expect(() => loadState(dir)).toThrow(CorruptStateError);
		expect(readFileSync(join(dir, STATE_FILE), 'utf8')).toContain('accou');
	});
});
