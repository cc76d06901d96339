import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '../../../labs/sandbox/index.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/sandbox');

export function fixture(name: string): string {
	return readFileSync(join(FIXTURES, name), 'utf8');
}

export interface Keys {
	readonly accessKeyId: string;
	readonly secretAccessKey: string;
	readonly sessionToken?: string;
}

export interface Harness {
	readonly sandbox: RunningSandbox;
	readonly dir: string;
	clients(keys?: Keys, region?: string): { iam: IAMClient; sts: STSClient; s3: S3Client };
	close(): Promise<void>;
}

/** A sandbox on a free port with its own temporary state directory. */
export async function harness(options: { latencyMs?: number } = {}): Promise<Harness> {
	const dir = mkdtempSync(join(tmpdir(), 'atelier-sandbox-'));
	const sandbox = await startSandbox({ port: 0, stateDir: dir, ...options });
	return {
		sandbox,
		dir,
		clients(keys = sandbox.credentials, region = 'eu-west-3') {
			const config = { endpoint: sandbox.url, region, credentials: { ...keys }, maxAttempts: 1 };
			return { iam: new IAMClient(config), sts: new STSClient(config), s3: new S3Client(config) };
		},
		async close() {
			await sandbox.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Runs `fn` and returns the error it throws (fails the test when it does not throw). */
export async function failure(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
	try {
		await fn();
	} catch (error) {
		return error as Error & Record<string, unknown>;
	}
	throw new Error('expected the call to fail');
}

export function status(error: Record<string, unknown>): number | undefined {
	return (error['$metadata'] as { httpStatusCode?: number } | undefined)?.httpStatusCode;
}
