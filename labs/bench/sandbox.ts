import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLabCheck } from '../engine/run.ts';
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

const iam = (action: string, params: Record<string, string>): Call => ({
	service: 'iam',
	method: 'POST',
	path: '/',
	body: query(
		action,
		Object.entries(params)
			.map(([k, v]) => `&${k}=${encodeURIComponent(v)}`)
			.join(''),
	),
});

const trustFor = (service: string) =>
	JSON.stringify({
		Version: '2012-10-17',
		Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
	});

/** The correct iam-setup of reference §2, made with signed calls. */
async function correctSetup(sandbox: RunningSandbox): Promise<void> {
	const role = 'CodeDeployDemo-EC2-Instance-Profile';
	const userPolicy = {
		Version: '2012-10-17',
		Statement: [
			{
				Effect: 'Allow',
				Action: ['codedeploy:*', 'ec2:*', 's3:*', 'iam:GetRole', 'iam:CreateRole'],
				Resource: '*',
			},
			{
				Effect: 'Allow',
				Action: 'iam:PassRole',
				Resource: [
					'arn:aws:iam::000000000000:role/CodeDeployServiceRole',
					`arn:aws:iam::000000000000:role/${role}`,
				],
			},
		],
	};
	const s3Read = {
		Version: '2012-10-17',
		Statement: [
			{
				Effect: 'Allow',
				Action: ['s3:Get*', 's3:List*'],
				Resource: [
					'arn:aws:s3:::newbucketcodedeploy',
					'arn:aws:s3:::newbucketcodedeploy/*',
					'arn:aws:s3:::aws-codedeploy-eu-west-3/*',
				],
			},
		],
	};
	const calls: Call[] = [
		iam('CreateUser', { UserName: 'codedeploy-user' }),
		iam('CreateAccessKey', { UserName: 'codedeploy-user' }),
		iam('PutUserPolicy', {
			UserName: 'codedeploy-user',
			PolicyName: 'CodeDeployUserAccess',
			PolicyDocument: JSON.stringify(userPolicy),
		}),
		iam('CreateRole', {
			RoleName: 'CodeDeployServiceRole',
			AssumeRolePolicyDocument: trustFor('codedeploy.amazonaws.com'),
		}),
		iam('AttachRolePolicy', {
			RoleName: 'CodeDeployServiceRole',
			PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole',
		}),
		iam('CreateRole', { RoleName: role, AssumeRolePolicyDocument: trustFor('ec2.amazonaws.com') }),
		iam('PutRolePolicy', {
			RoleName: role,
			PolicyName: 'CodeDeployDemo-EC2-Permissions',
			PolicyDocument: JSON.stringify(s3Read),
		}),
		iam('CreateInstanceProfile', { InstanceProfileName: role }),
		iam('AddRoleToInstanceProfile', { InstanceProfileName: role, RoleName: role }),
		{
			service: 's3',
			method: 'PUT',
			path: '/newbucketcodedeploy',
			body: '<CreateBucketConfiguration><LocationConstraint>eu-west-3</LocationConstraint></CreateBucketConfiguration>',
		},
	];
	for (const call of calls) {
		const status = await send(sandbox, call);
		if (status !== 200) throw new Error(`setup: HTTP ${status}`);
	}
}

/** Wall time of the whole iam-setup lab check against the practice account with `latencyMs` per request. */
async function labCheckRow(latencyMs: number): Promise<{ name: string; value: string }> {
	const dir = mkdtempSync(join(tmpdir(), 'atelier-sandbox-bench-lab-'));
	const sandbox = await startSandbox({ port: 0, stateDir: dir, latencyMs });
	try {
		await correctSetup(sandbox);
		const run = () =>
			runLabCheck(
				'iam-setup',
				{ bucket: 'newbucketcodedeploy' },
				{
					endpointUrl: sandbox.url,
					credentials: { ...sandbox.credentials },
					missingRetries: 0,
					maxAttempts: 1,
				},
			);
		const first = await run();
		const failed = first.results.filter((r) => r.status !== 'pass').map((r) => r.id);
		if (failed.length > 0) throw new Error(`lab check against a correct setup: ${failed.join(', ')}`);
		const samples: number[] = [];
		for (let i = 0; i < 5; i++) {
			const started = performance.now();
			await run();
			samples.push(performance.now() - started);
		}
		const { median, p95 } = summarize(samples);
		const ratio = latencyMs > 0 ? ` = ${(median / latencyMs).toFixed(1)}× the latency` : '';
		return {
			name: `iam-setup lab check, ${latencyMs} ms per request`,
			value: `median ${median.toFixed(0)} ms${ratio}, p95 ${p95.toFixed(0)} ms (5 runs, all checks pass)`,
		};
	} finally {
		await sandbox.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

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
		rows.push(await labCheckRow(0), await labCheckRow(50));
		return { title: 'Practice account (npm run sandbox), in process', rows };
	} finally {
		await sandbox.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}
