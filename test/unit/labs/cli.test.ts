import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isAllowedOperation } from '../../../src/lib/labs/allowlist.ts';
import { globalRecorder } from '../../../labs/aws/recorder.ts';
import { cli } from '../../../labs/cli/lab.ts';
import { memoryIo } from '../../../labs/cli/io.ts';
import { startFakeAws, type FakeAws, type World } from '../../fixtures/labs/fake-aws.ts';
import { correctWorld } from '../../fixtures/labs/world.ts';

const servers: FakeAws[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => {
	// Every command the CLI runs sent, across all these paths, is on the read-only allowlist.
	expect(globalRecorder.sent.length).toBeGreaterThan(0);
	expect(globalRecorder.sent.filter((c) => !isAllowedOperation(c.service, c.operation))).toEqual([]);
});

const KEYS = {
	AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEKEY000001',
	AWS_SECRET_ACCESS_KEY: 'example-secret',
	LANG: 'en_US.UTF-8',
};

async function runCli(args: string[], change: (w: World) => void = () => {}) {
	const world = correctWorld();
	change(world);
	const server = await startFakeAws(world);
	servers.push(server);
	const io = memoryIo({ ...KEYS, AWS_ENDPOINT_URL: server.url });
	const code = await cli(args, io.io, { missingRetries: 0, maxAttempts: 2 });
	return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('lab CLI', () => {
	it('json: the documented shape on stdout only, exit 0 when everything passes', async () => {
		const { code, stdout, stderr } = await runCli([
			'check',
			'iam-setup',
			'--param',
			'bucket=newbucketcodedeploy',
			'--format',
			'json',
		]);
		expect(code).toBe(0);
		expect(stderr).toBe('');
		const report = JSON.parse(stdout);
		expect(Object.keys(report)).toEqual(['lab', 'params', 'principal', 'startedAt', 'results', 'summary']);
		expect(report.params).toMatchObject({
			region: 'eu-west-3',
			userName: 'codedeploy-user',
			bucket: 'newbucketcodedeploy',
		});
		expect(new Date(report.startedAt).toISOString()).toBe(report.startedAt);
		expect(report.summary).toEqual({ pass: 13, warn: 0, fail: 0, error: 0, skipped: 0 });
		expect(Object.keys(report.results[0])).toEqual(['id', 'status', 'message', 'messageKey', 'params']);
		expect(report.results[0].message).toContain(
			'Checks run as arn:aws:iam::123456789012:user/codedeploy-user',
		);
	});

	it('exit 1 when a check fails, with the fix in the JSON', async () => {
		const { code, stdout } = await runCli(
			['check', 'iam-setup', '-p', 'bucket=newbucketcodedeploy', '--format', 'json', '--lang', 'fr'],
			(w) => {
				w.profiles['CodeDeployDemo-EC2-Instance-Profile'] = [];
			},
		);
		expect(code).toBe(1);
		const failed = JSON.parse(stdout).results.find((r: { id: string }) => r.id === 'instance-profile');
		expect(failed.status).toBe('fail');
		expect(failed.message).toContain('ne contient aucun rôle');
		expect(failed.fix.commands).toEqual([
			'aws iam add-role-to-instance-profile --instance-profile-name CodeDeployDemo-EC2-Instance-Profile --role-name CodeDeployDemo-EC2-Instance-Profile',
		]);
	});

	it('exit 3 when something could not be verified and nothing failed', async () => {
		const { code } = await runCli(
			['check', 'iam-setup', '--param', 'bucket=newbucketcodedeploy', '--format', 'json'],
			(w) => w.deny.add('iam:GetAccountSummary'),
		);
		expect(code).toBe(3);
	});

	it('text: a checklist on stdout, progress on stderr', async () => {
		const { code, stdout, stderr } = await runCli(
			['check', 'iam-setup', '--param', 'bucket=newbucketcodedeploy'],
			(w) => {
				w.roles['CodeDeployServiceRole']!.attached = [];
			},
		);
		expect(code).toBe(1);
		expect(stdout).toContain('✘ FAIL  service-role-policy:');
		expect(stdout).toContain(
			'aws iam attach-role-policy --role-name CodeDeployServiceRole --policy-arn arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole',
		);
		expect(stdout).toMatch(/12 passed, 0 warning\(s\), 1 failed/);
		expect(stderr).toContain('Checking 13/13');
	});

	it('junit: failures and errors as testcases', async () => {
		const { stdout } = await runCli(
			['check', 'iam-setup', '--param', 'bucket=newbucketcodedeploy', '--format', 'junit'],
			(w) => {
				w.summary['AccountAccessKeysPresent'] = 1;
			},
		);
		expect(stdout).toContain('<testsuite name="iam-setup" tests="13" failures="1" errors="0" skipped="0"');
		expect(stdout).toMatch(
			/<testcase classname="lab.iam-setup" name="root-keys"><failure message="The root user has access keys/,
		);
	});

	it('usage errors exit 2: region conflict, invalid names, missing bucket, unknown lab, bad format', async () => {
		const cases = [
			[
				'check',
				'iam-setup',
				'--region',
				'us-east-1',
				'--param',
				'region=eu-west-3',
				'--param',
				'bucket=newbucketcodedeploy',
			],
			['check', 'iam-setup', '--param', 'bucket=Bad_Bucket'],
			['check', 'iam-setup'],
			['check', 'nope'],
			['check', 'iam-setup', '--param', 'bucket=newbucketcodedeploy', '--format', 'xml'],
			['check', 'iam-setup', '--param', 'oops'],
			['check', 'iam-setup', '--param', 'bucket=newbucketcodedeploy', '--param', 'accountId=12'],
			['destroy'],
		];
		for (const args of cases) {
			const io = memoryIo({ LANG: 'en_US.UTF-8' });
			expect(await cli(args, io.io), args.join(' ')).toBe(2);
			expect(io.stdout()).toBe('');
			expect(io.stderr()).toContain('Usage:');
		}
		const io = memoryIo({ LANG: 'en_US.UTF-8' });
		await cli(
			[
				'check',
				'iam-setup',
				'--region',
				'us-east-1',
				'--param',
				'region=eu-west-3',
				'--param',
				'bucket=b-ok',
			],
			io.io,
		);
		expect(io.stderr()).toContain('--region us-east-1 contradicts --param region=eu-west-3');
	});

	it('--region sets the lab region when it agrees (or alone)', async () => {
		const { code, stdout } = await runCli([
			'check',
			'iam-setup',
			'--region',
			'eu-west-3',
			'--param',
			'region=eu-west-3',
			'--param',
			'bucket=newbucketcodedeploy',
			'--format',
			'json',
		]);
		expect(code).toBe(0);
		expect(JSON.parse(stdout).params.region).toBe('eu-west-3');
	});

	it('--endpoint-url wins over AWS_ENDPOINT_URL', async () => {
		const world = correctWorld();
		const server = await startFakeAws(world);
		servers.push(server);
		const io = memoryIo({ ...KEYS, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
		const code = await cli(
			[
				'check',
				'iam-setup',
				'--param',
				'bucket=newbucketcodedeploy',
				'--endpoint-url',
				server.url,
				'--format',
				'json',
			],
			io.io,
			{ missingRetries: 0 },
		);
		expect(code).toBe(0);
	});

	it('policy: prints the AtelierLabChecker policy generated from the allowlist', async () => {
		const io = memoryIo({});
		expect(
			await cli(
				['policy', '--param', 'accountId=123456789012', '--param', 'bucket=newbucketcodedeploy'],
				io.io,
			),
		).toBe(0);
		const policy = JSON.parse(io.stdout());
		expect(policy.Version).toBe('2012-10-17');
		expect(JSON.stringify(policy)).toContain('arn:aws:s3:::newbucketcodedeploy');
		expect(JSON.stringify(policy)).not.toContain('sts:AssumeRole');
	});
	it('an unreachable endpoint is "could not verify" (exit 3), everything else skipped', async () => {
		const server = await startFakeAws(correctWorld());
		await server.close();
		const io = memoryIo({ ...KEYS });
		const code = await cli(
			[
				'check',
				'iam-setup',
				'--param',
				'bucket=newbucketcodedeploy',
				'--endpoint-url',
				server.url,
				'--format',
				'json',
			],
			io.io,
			{ missingRetries: 0, maxAttempts: 1 },
		);
		expect(code).toBe(3);
		const report = JSON.parse(io.stdout());
		expect(report.results[0]).toMatchObject({
			id: 'identity',
			status: 'error',
			messageKey: 'identity.unreachable',
		});
		expect(report.summary).toEqual({ pass: 0, warn: 0, fail: 0, error: 1, skipped: 12 });
		expect(report.principal).toBeNull();
	});
	it('--assume-role (instructor mode): STS AssumeRole, then every check with the assumed credentials', async () => {
		const world = correctWorld();
		const server = await startFakeAws(world);
		servers.push(server);
		const io = memoryIo({ ...KEYS, AWS_ENDPOINT_URL: server.url });
		const code = await cli(
			[
				'check',
				'iam-setup',
				'--param',
				'bucket=newbucketcodedeploy',
				'--assume-role',
				'arn:aws:iam::123456789012:role/Instructor',
				'--format',
				'json',
			],
			io.io,
			{ missingRetries: 0 },
		);
		expect(code).toBe(0);
		expect(server.received[0]).toBe('AssumeRole');
		expect(world.keysSeen?.[0]).toBe('AKIAEXAMPLEKEY000001');
		expect(new Set(world.keysSeen?.slice(1))).toEqual(new Set(['ASIAEXAMPLEASSUMED01']));
	});
});
