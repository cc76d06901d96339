import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, harness, type Harness } from './support.ts';

/**
 * The real AWS CLIs against the practice account: v1 (the image's `aws`) and v2 (Debian's, at /usr/bin/aws), with
 * `--endpoint-url` and credentials from the environment. Outside CI a missing CLI skips with a message; under
 * CI=true it fails, so the suite cannot pass by silently testing nothing.
 */

interface Cli {
	readonly label: string;
	readonly path: string;
	/** Exit status of a service error: 255 in v1, 254 in v2 (reference §4.12). */
	readonly serviceError: number;
}

function detect(path: string, major: '1' | '2'): Cli | undefined {
	try {
		const version = execFileSync(path, ['--version'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		return version.startsWith(`aws-cli/${major}.`)
			? { label: `AWS CLI v${major}`, path, serviceError: major === '1' ? 255 : 254 }
			: undefined;
	} catch {
		return undefined;
	}
}

const CLIS: [string, Cli | undefined][] = [
	['AWS CLI v1 (aws on PATH)', detect('aws', '1')],
	['AWS CLI v2 (/usr/bin/aws)', detect('/usr/bin/aws', '2')],
];

interface Result {
	code: number;
	stdout: string;
	stderr: string;
}

for (const [label, found] of CLIS) {
	if (!found) {
		if (process.env['CI'] === 'true')
			it(`${label} is installed (required under CI)`, () => expect.fail(`${label} not found`));
		else {
			console.warn(`[sandbox] ${label} not found: skipping its tests (install it, see the README).`);
			it.skip(`${label}: not installed`, () => {});
		}
		continue;
	}
	const awsCli = found;
	describe.concurrent(`${awsCli.label} against the practice account`, { timeout: 600_000 }, () => {
		let h: Harness;
		let work: string;
		beforeAll(async () => {
			h = await harness();
			work = mkdtempSync(join(tmpdir(), 'atelier-cli-'));
		});
		afterAll(() => h.close());

		function aws(
			args: string[],
			keys: { accessKeyId: string; secretAccessKey: string } = h.sandbox.credentials,
		): Promise<Result> {
			const env = {
				PATH: process.env['PATH'] ?? '',
				HOME: work,
				AWS_ACCESS_KEY_ID: keys.accessKeyId,
				AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
				AWS_DEFAULT_REGION: 'eu-west-3',
				AWS_PAGER: '',
				AWS_CONFIG_FILE: join(work, 'config'),
				AWS_SHARED_CREDENTIALS_FILE: join(work, 'credentials'),
			};
			return new Promise((resolve) => {
				execFile(
					awsCli.path,
					['--endpoint-url', h.sandbox.url, '--output', 'json', ...args],
					{ env },
					(error, stdout, stderr) => {
						const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
						resolve({ code, stdout, stderr });
					},
				);
			});
		}
		async function ok(
			args: string[],
			keys?: { accessKeyId: string; secretAccessKey: string },
		): Promise<unknown> {
			const result = await aws(args, keys);
			expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
			return result.stdout.trim() ? (JSON.parse(result.stdout) as unknown) : undefined;
		}
		const file = (name: string) => `file://${join(FIXTURES, name)}`;

		// Independent commands run side by side: each CLI start costs seconds of Python start-up.
		it('runs the iam-setup sequence of reference §2 and reads it back decoded', async () => {
			const profile = 'CodeDeployDemo-EC2-Instance-Profile';
			const service = 'CodeDeployServiceRole';
			const [me] = await Promise.all([
				ok(['sts', 'get-caller-identity']),
				ok(['iam', 'create-user', '--user-name', 'codedeploy-user']),
				ok([
					'iam',
					'create-role',
					'--role-name',
					service,
					'--assume-role-policy-document',
					file('CodeDeployDemo-Trust.json'),
				]),
				ok([
					'iam',
					'create-role',
					'--role-name',
					profile,
					'--assume-role-policy-document',
					file('CodeDeployDemo-EC2-Trust.json'),
				]),
				ok(['iam', 'create-instance-profile', '--instance-profile-name', profile]),
			]);
			expect(me).toMatchObject({ Arn: 'arn:aws:iam::000000000000:user/admin' });

			const [key, pathless, wrongFile] = await Promise.all([
				ok(['iam', 'create-access-key', '--user-name', 'codedeploy-user']) as Promise<{
					AccessKey: { AccessKeyId: string; SecretAccessKey: string };
				}>,
				aws([
					'iam',
					'attach-role-policy',
					'--role-name',
					service,
					'--policy-arn',
					'arn:aws:iam::aws:policy/AWSCodeDeployRole',
				]),
				aws([
					'iam',
					'put-role-policy',
					'--role-name',
					profile,
					'--policy-name',
					'x',
					'--policy-document',
					file('CodeDeployDemo-EC2-Trust.json'),
				]),
				ok([
					'iam',
					'attach-role-policy',
					'--role-name',
					service,
					'--policy-arn',
					'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole',
				]),
				ok([
					'iam',
					'put-role-policy',
					'--role-name',
					profile,
					'--policy-name',
					'CodeDeployDemo-EC2-Permissions',
					'--policy-document',
					file('CodeDeployDemo-EC2-Permissions.json'),
				]),
				ok([
					'iam',
					'add-role-to-instance-profile',
					'--instance-profile-name',
					profile,
					'--role-name',
					profile,
				]),
			]);
			expect(pathless.code).toBe(awsCli.serviceError);
			expect(pathless.stderr).toContain(
				'(NoSuchEntity) when calling the AttachRolePolicy operation: Policy arn:aws:iam::aws:policy/AWSCodeDeployRole does not exist or is not attachable.',
			);
			expect(wrongFile.stderr).toContain(
				'(MalformedPolicyDocument) when calling the PutRolePolicy operation: Policy document should not specify a principal.',
			);

			const learner = {
				accessKeyId: key.AccessKey.AccessKeyId,
				secretAccessKey: key.AccessKey.SecretAccessKey,
			};
			const [learnerIdentity, got, version, attached, denied] = await Promise.all([
				ok(['sts', 'get-caller-identity'], learner),
				ok(['iam', 'get-instance-profile', '--instance-profile-name', profile]) as Promise<{
					InstanceProfile: {
						Roles: { AssumeRolePolicyDocument: { Statement: { Principal: { Service: string } }[] } }[];
					};
				}>,
				ok([
					'iam',
					'get-policy-version',
					'--policy-arn',
					'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole',
					'--version-id',
					'v11',
				]) as Promise<{
					PolicyVersion: { Document: { Statement: { Action: string[] }[] } };
				}>,
				ok(['iam', 'list-attached-role-policies', '--role-name', service]),
				// The learner has no permissions yet: IAM's denial message comes through the CLI.
				aws(['iam', 'list-attached-role-policies', '--role-name', service], learner),
			]);
			expect(learnerIdentity).toMatchObject({ Arn: 'arn:aws:iam::000000000000:user/codedeploy-user' });
			// botocore URL-decodes and parses the documents: an object here proves the encoding is what it expects.
			expect(got.InstanceProfile.Roles[0]!.AssumeRolePolicyDocument.Statement[0]!.Principal.Service).toBe(
				'ec2.amazonaws.com',
			);
			expect(version.PolicyVersion.Document.Statement[0]!.Action).toContain('ec2:TerminateInstances');
			expect(attached).toEqual({
				AttachedPolicies: [
					{
						PolicyName: 'AWSCodeDeployRole',
						PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole',
					},
				],
			});
			expect(denied.code).toBe(awsCli.serviceError);
			expect(denied.stderr).toContain(
				'(AccessDenied) when calling the ListAttachedRolePolicies operation: User: arn:aws:iam::000000000000:user/codedeploy-user is not authorized to perform: iam:ListAttachedRolePolicies',
			);
		});

		it('creates the revision bucket in the lab region, uploads, downloads, presigns and follows the region', async () => {
			const bucket = 'newbucketcodedeploy';
			writeFileSync(join(work, 'app.txt'), 'revision 1\n');
			await ok([
				's3api',
				'create-bucket',
				'--bucket',
				bucket,
				'--region',
				'eu-west-3',
				'--create-bucket-configuration',
				'LocationConstraint=eu-west-3',
			]);
			const [location, pab, noPolicy, missing, upload] = await Promise.all([
				ok(['s3api', 'get-bucket-location', '--bucket', bucket]),
				ok(['s3api', 'get-public-access-block', '--bucket', bucket]),
				aws(['s3api', 'get-bucket-policy', '--bucket', bucket]),
				aws(['s3api', 'head-bucket', '--bucket', 'no-such-bucket-here']),
				aws(['s3', 'cp', join(work, 'app.txt'), `s3://${bucket}/dir/app.txt`, '--only-show-errors']),
			]);
			expect(location).toEqual({ LocationConstraint: 'eu-west-3' });
			expect(pab).toMatchObject({
				PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
			});
			expect(noPolicy.stderr).toContain('NoSuchBucketPolicy');
			expect(missing.stderr).toContain('(404)');
			expect(upload.code).toBe(0);

			const [downloaded, listing, presigned, otherRegion] = await Promise.all([
				aws(['s3', 'cp', `s3://${bucket}/dir/app.txt`, '-']),
				aws(['s3', 'ls', `s3://${bucket}/`, '--recursive']),
				aws(['s3', 'presign', `s3://${bucket}/dir/app.txt`]),
				// A CLI configured for another region still reaches the bucket: the 301 + x-amz-bucket-region is followed.
				aws(['s3api', 'list-objects-v2', '--bucket', bucket, '--region', 'us-east-1']),
			]);
			expect(downloaded.stdout).toBe('revision 1\n');
			expect(listing.stdout).toContain('dir/app.txt');
			expect(otherRegion.code).toBe(0);
			expect(otherRegion.stdout).toContain('dir/app.txt');
			const response = await fetch(presigned.stdout.trim());
			expect([response.status, await response.text()]).toEqual([200, 'revision 1\n']);
			const tampered = await fetch(
				presigned.stdout.trim().replace('X-Amz-Expires=3600', 'X-Amz-Expires=7200'),
			);
			expect(tampered.status).toBe(403);
			expect((await aws(['s3', 'rb', `s3://${bucket}`, '--force'])).code).toBe(0);
		});
	});
}
