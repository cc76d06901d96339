/**
 * Adapter tests: the real SDK clients (labs/aws) against a loopback server speaking AWS wire formats.
 * Every command the clients send is recorded and must be on the read-only allowlist.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isAllowedOperation } from '../../../src/lib/labs/allowlist.ts';
import { CommandRecorder, globalRecorder } from '../../../labs/aws/recorder.ts';
import { readAws } from '../../../labs/aws/read.ts';
import { runLabCheck } from '../../../labs/engine/run.ts';
import { startFakeAws, type FakeAws, type World } from '../../fixtures/labs/fake-aws.ts';
import { correctWorld } from '../../fixtures/labs/world.ts';
import { ACCOUNT, trust } from '../../fixtures/labs/setup.ts';

const servers: FakeAws[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => {
	// Across every test path of this file: nothing outside the allowlist was ever sent.
	expect(globalRecorder.sent.length).toBeGreaterThan(0);
	expect(globalRecorder.sent.filter((c) => !isAllowedOperation(c.service, c.operation))).toEqual([]);
});

async function check(
	lab: string,
	change: (w: World) => void = () => {},
	params: Record<string, string> = {},
) {
	const world = correctWorld();
	change(world);
	const server = await startFakeAws(world);
	servers.push(server);
	const recorder = new CommandRecorder();
	const report = await runLabCheck(
		lab,
		{ bucket: 'newbucketcodedeploy', ...params },
		{
			endpointUrl: server.url,
			env: {},
			credentials: { accessKeyId: 'AKIAEXAMPLEKEY000001', secretAccessKey: 'example-secret' },
			maxAttempts: 3,
			missingRetries: 0,
			lang: 'en',
			recorder,
		},
	);
	expect(recorder.sent.filter((c) => !isAllowedOperation(c.service, c.operation))).toEqual([]);
	const status = Object.fromEntries(report.results.map((r) => [r.id, r.status]));
	return {
		report,
		status,
		server,
		recorder,
		result: (id: string) => report.results.find((r) => r.id === id)!,
	};
}

describe('iam-setup through the SDK', () => {
	it('a correct account passes every check, reading URL-encoded documents and every page', async () => {
		const { report, status, server } = await check('iam-setup');
		expect(Object.values(status)).toEqual(Array(13).fill('pass'));
		expect(report.principal).toBe(`arn:aws:iam::${ACCOUNT}:user/codedeploy-user`);
		// pageSize 1: the instance role's second inline policy and second managed policy are on later pages.
		expect(server.received.filter((op) => op === 'ListRolePolicies').length).toBeGreaterThanOrEqual(2);
		expect(server.received.filter((op) => op === 'ListAttachedRolePolicies').length).toBeGreaterThanOrEqual(
			2,
		);
		// Facts are read once even when several checks need them.
		expect(server.received.filter((op) => op === 'GetCallerIdentity')).toHaveLength(1);
	});

	it('a policy found only on a later page still counts (M3 would be a false failure otherwise)', async () => {
		const { status } = await check('iam-setup', (w) => {
			w.roles['CodeDeployServiceRole']!.attached.unshift(
				'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
				'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy',
			);
		});
		expect(status['service-role-policy']).toBe('pass');
	});

	it('decodes the trust policy and fails M1 with the found principal', async () => {
		const { status, result } = await check('iam-setup', (w) => {
			w.roles['CodeDeployServiceRole']!.trust = trust('ec2.amazonaws.com');
		});
		expect(status['service-role']).toBe('fail');
		expect(result('service-role').params['found']).toBe('ec2.amazonaws.com');
	});

	it('HeadBucket without a body: 404 → missing, 403 → another account, 301 + header → other region', async () => {
		const missing = await check('iam-setup', (w) => void delete w.buckets['newbucketcodedeploy']);
		expect(missing.result('bucket').messageKey).toBe('bucket.missing');
		expect(missing.status['bucket-private']).toBe('skipped');
		const taken = await check('iam-setup', (w) => void (w.buckets['newbucketcodedeploy']!.owned = false));
		expect(taken.result('bucket').messageKey).toBe('bucket.forbidden');
		const elsewhere = await check(
			'iam-setup',
			(w) => void (w.buckets['newbucketcodedeploy']!.region = 'us-east-1'),
		);
		expect(elsewhere.result('bucket')).toMatchObject({
			status: 'fail',
			messageKey: 'bucket.other-region',
			params: { found: 'us-east-1' },
		});
		// The configuration reads then go to the bucket's own region and succeed.
		expect(elsewhere.status['bucket-private']).toBe('pass');
	});

	it('a wrong-region HEAD answered with 400 + x-amz-bucket-region (newer regions) is read the same way', async () => {
		const { result } = await check('iam-setup', (w) => {
			w.buckets['newbucketcodedeploy']!.region = 'ap-southeast-7';
			w.redirectStatus = 400;
		});
		expect(result('bucket')).toMatchObject({
			messageKey: 'bucket.other-region',
			params: { found: 'ap-southeast-7' },
		});
	});

	it('S3 404 error envelopes (no public access block, no policy) are "absent", not errors', async () => {
		const { result } = await check('iam-setup', (w) => void delete w.buckets['newbucketcodedeploy']!.block);
		expect(result('bucket-private')).toMatchObject({ status: 'warn', messageKey: 'bucket-private.no-block' });
	});

	it('AccessDenied is "could not verify", naming the refused action; exit status 3 material', async () => {
		const { status, result } = await check('iam-setup', (w) => {
			w.deny.add('iam:GetPolicyVersion');
			w.deny.add('iam:GetAccountSummary');
			w.deny.add('s3:GetBucketPublicAccessBlock');
		});
		expect(result('user-least-privilege')).toMatchObject({
			status: 'error',
			messageKey: 'check.denied',
			params: { action: 'iam:GetPolicyVersion' },
		});
		expect(result('root-keys').params['action']).toBe('iam:GetAccountSummary');
		expect(result('bucket-private').params['action']).toBe('s3:GetBucketPublicAccessBlock');
		expect(Object.values(status)).not.toContain('fail');
	});

	it('retries throttling (Rate exceeded) and still answers', async () => {
		const { status, server } = await check('iam-setup', (w) => {
			w.throttleOnce.add('GetRole');
			w.throttleOnce.add('GetCallerIdentity');
		});
		expect(status['identity']).toBe('pass');
		expect(status['service-role']).toBe('pass');
		expect(server.received.filter((op) => op === 'GetCallerIdentity')).toHaveLength(2);
	});

	it('root credentials fail identity and root-keys (M11)', async () => {
		const { status } = await check('iam-setup', (w) => {
			w.caller = `arn:aws:iam::${ACCOUNT}:root`;
			w.summary['AccountAccessKeysPresent'] = 1;
		});
		expect(
			Object.entries(status)
				.filter(([, s]) => s === 'fail')
				.map(([id]) => id),
		).toEqual(['identity', 'root-keys']);
	});
});

describe('first-deployment through the SDK', () => {
	it('a successful deployment passes every check', async () => {
		const { status } = await check('first-deployment');
		expect(status).toEqual({
			identity: 'pass',
			application: 'pass',
			'deployment-group': 'pass',
			'deployment-group-role': 'pass',
			'deployment-group-instances': 'pass',
			revision: 'pass',
			'last-deployment': 'pass',
		});
	});

	it('a failed deployment names the lifecycle event, the instance and the error code, across target pages', async () => {
		const { result } = await check('first-deployment', (w) => {
			w.applications['DemoApp']!.groups['DemoDG']!.last = 'd-FAIL';
			w.deployments['d-FAIL'] = {
				status: 'Failed',
				error: ['HEALTH_CONSTRAINTS', 'The overall deployment failed'],
				targets: [
					{ id: 'i-ok', status: 'Succeeded', events: [{ name: 'ApplicationStart', status: 'Succeeded' }] },
					{
						id: 'i-0abc',
						status: 'Failed',
						events: [
							{ name: 'DownloadBundle', status: 'Succeeded' },
							{
								name: 'ApplicationStart',
								status: 'Failed',
								code: 'ScriptMissing',
								script: 'start_server.sh',
								message: 'Script does not exist at specified location',
							},
						],
					},
				],
			};
		});
		const r = result('last-deployment');
		expect(r).toMatchObject({
			status: 'fail',
			messageKey: 'last-deployment.event-failed',
			params: { event: 'ApplicationStart', instance: 'i-0abc', code: 'ScriptMissing' },
		});
	});

	it('missing application, untagged instances and missing revision', async () => {
		const noApp = await check('first-deployment', (w) => void delete w.applications['DemoApp']);
		expect(noApp.status).toMatchObject({
			application: 'fail',
			'deployment-group': 'skipped',
			'last-deployment': 'skipped',
		});
		const noInstances = await check('first-deployment', (w) => void (w.instances = []), {
			revisionKey: 'other.zip',
		});
		expect(noInstances.status).toMatchObject({ 'deployment-group-instances': 'fail', revision: 'fail' });
	});
});

describe('readAws', () => {
	it('retries NoSuchEntity briefly (IAM eventual consistency), then reports missing', async () => {
		let calls = 0;
		const options = { limit: <T>(task: () => Promise<T>) => task(), missingRetries: 2, missingDelayMs: 0 };
		const flaky = await readAws('iam', 'GetRole', options, async () => {
			if (++calls < 2)
				throw Object.assign(new Error('nope'), { name: 'NoSuchEntityException', Code: 'NoSuchEntity' });
			return 'found';
		});
		expect(flaky).toEqual({ status: 'ok', value: 'found' });
		calls = 0;
		const never = await readAws('iam', 'GetRole', options, async () => {
			calls++;
			throw Object.assign(new Error('nope'), { name: 'NoSuchEntityException' });
		});
		expect(never).toEqual({ status: 'missing' });
		expect(calls).toBe(3);
	});
});
