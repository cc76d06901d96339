import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '../sandbox/index.ts';
import { sha256Hex, sign, type Authorization } from '../sandbox/sigv4.ts';
import { summarize, type BenchSection } from './section.ts';

/**
 * The practice account's own cost per request (no added latency): SigV4 verification, policy evaluation and, for
 * writes, the atomic state save (write + fsync + rename). Requests are signed here with the sandbox's SigV4 code,
 * since only labs/aws may use the AWS SDK.
 */

interface Call {
	readonly service: 'iam' | 'sts' | 's3';
	readonly method: string;
	readonly path: string;
	readonly body?: string | Buffer;
}

async function send(sandbox: RunningSandbox, call: Call): Promise<number> {
	const url = new URL(call.path, sandbox.url);
	const body = typeof call.body === 'string' ? Buffer.from(call.body) : (call.body ?? Buffer.alloc(0));
	const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
	const headers: Record<string, string> = {
		host: url.host,
		'x-amz-date': amzDate,
		'x-amz-content-sha256': sha256Hex(body),
		...(call.service !== 's3' && { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }),
	};
	const auth: Authorization = {
		accessKeyId: sandbox.credentials.accessKeyId,
		date: amzDate.slice(0, 8),
		region: 'eu-west-3',
		service: call.service,
		signedHeaders: Object.keys(headers).sort(),
		signature: '',
		amzDate,
		presigned: false,
	};
	const signature = sign(
		auth,
		{
			method: call.method,
			rawPath: url.pathname,
			rawQuery: url.search.slice(1),
			rawHeaders: Object.entries(headers).flat(),
			body,
		},
		sandbox.credentials.secretAccessKey,
	);
	const credential = `${auth.accessKeyId}/${auth.date}/${auth.region}/${auth.service}/aws4_request`;
	headers['authorization'] =
		`AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=${auth.signedHeaders.join(';')}, Signature=${signature}`;
	const { host: _host, ...sent } = headers;
	const response = await fetch(url, {
		method: call.method,
		headers: sent,
		...(body.length > 0 && { body: new Uint8Array(body) }),
	});
	await response.arrayBuffer();
	return response.status;
}

async function measure(sandbox: RunningSandbox, name: string, call: (i: number) => Call, runs = 200) {
	for (let i = 0; i < 10; i++) await send(sandbox, call(-1 - i));
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		const status = await send(sandbox, call(i));
		samples.push(performance.now() - started);
		if (status >= 300) throw new Error(`${name}: HTTP ${status}`);
	}
	const { median, p95 } = summarize(samples);
	return { name, value: `median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (${runs} runs)` };
}

const query = (action: string, params = '') => `Action=${action}&Version=2010-05-08${params}`;

export async function bench(): Promise<BenchSection> {
	const dir = mkdtempSync(join(tmpdir(), 'atelier-sandbox-bench-'));
	const sandbox = await startSandbox({ port: 0, stateDir: dir });
	try {
		const trust = encodeURIComponent(
			JSON.stringify({
				Version: '2012-10-17',
				Statement: [
					{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
				],
			}),
		);
		await send(sandbox, {
			service: 'iam',
			method: 'POST',
			path: '/',
			body: query('CreateRole', `&RoleName=bench&AssumeRolePolicyDocument=${trust}`),
		});
		await send(sandbox, {
			service: 's3',
			method: 'PUT',
			path: '/bench-bucket',
			body: '<CreateBucketConfiguration><LocationConstraint>eu-west-3</LocationConstraint></CreateBucketConfiguration>',
		});
		const megabyte = Buffer.alloc(1024 * 1024, 7);
		await send(sandbox, { service: 's3', method: 'PUT', path: '/bench-bucket/1mb.bin', body: megabyte });
		const rows = [
			await measure(sandbox, 'STS GetCallerIdentity', () => ({
				service: 'sts',
				method: 'POST',
				path: '/',
				body: 'Action=GetCallerIdentity&Version=2011-06-15',
			})),
			await measure(sandbox, 'IAM GetRole (policy-evaluated, encoded)', () => ({
				service: 'iam',
				method: 'POST',
				path: '/',
				body: query('GetRole', '&RoleName=bench'),
			})),
			await measure(sandbox, 'S3 HeadBucket', () => ({
				service: 's3',
				method: 'HEAD',
				path: '/bench-bucket',
			})),
			await measure(
				sandbox,
				'S3 GetObject 1 MB',
				() => ({ service: 's3', method: 'GET', path: '/bench-bucket/1mb.bin' }),
				50,
			),
			await measure(
				sandbox,
				'IAM CreateUser (write + fsync + rename)',
				(i) => ({
					service: 'iam',
					method: 'POST',
					path: '/',
					body: query('CreateUser', `&UserName=bench-${i + 20}`),
				}),
				100,
			),
		];
		return { title: 'Practice account (npm run sandbox), per request, in process', rows };
	} finally {
		await sandbox.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}
