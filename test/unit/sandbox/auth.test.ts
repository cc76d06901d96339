import {
	AttachRolePolicyCommand,
	CreateAccessKeyCommand,
	CreateRoleCommand,
	CreateUserCommand,
	GetRoleCommand,
	ListAttachedRolePoliciesCommand,
	ListRolesCommand,
	PutRolePolicyCommand,
	PutUserPolicyCommand,
	UpdateAccessKeyCommand,
	type IAMClient,
} from '@aws-sdk/client-iam';
import {
	CreateBucketCommand,
	DeleteBucketCommand,
	GetObjectCommand,
	ListObjectsV2Command,
	PutObjectCommand,
} from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, fixture, harness, status, type Harness, type Keys } from './support.ts';

let h: Harness;
let iam: IAMClient;
let learnerKeys: Keys;

beforeAll(async () => {
	h = await harness();
	iam = h.clients().iam;
	await iam.send(new CreateUserCommand({ UserName: 'codedeploy-user' }));
	const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'codedeploy-user' }));
	learnerKeys = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
	await iam.send(
		new PutUserPolicyCommand({
			UserName: 'codedeploy-user',
			PolicyName: 'CodeDeployUserAccess',
			PolicyDocument: fixture('codedeploy-user-policy.json'),
		}),
	);
	await iam.send(
		new CreateRoleCommand({
			RoleName: 'CodeDeployServiceRole',
			AssumeRolePolicyDocument: fixture('CodeDeployDemo-Trust.json'),
		}),
	);
});
afterAll(() => h.close());

describe('SigV4 verification', () => {
	it('rejects a wrong secret with SignatureDoesNotMatch (403) on IAM, STS and S3', async () => {
		const wrong = h.clients({ ...h.sandbox.credentials, secretAccessKey: 'x'.repeat(40) });
		for (const call of [
			() => wrong.iam.send(new ListRolesCommand({})),
			() => wrong.sts.send(new GetCallerIdentityCommand({})),
			() => wrong.s3.send(new ListObjectsV2Command({ Bucket: 'any-bucket' })),
		]) {
			const error = await failure(call);
			expect([error.name, status(error)]).toEqual(['SignatureDoesNotMatch', 403]);
		}
	});

	it('rejects an unknown key: InvalidClientTokenId for IAM/STS, InvalidAccessKeyId for S3', async () => {
		const unknown = h.clients({ accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'x'.repeat(40) });
		const sts = await failure(() => unknown.sts.send(new GetCallerIdentityCommand({})));
		expect([sts.name, status(sts), sts.message]).toEqual([
			'InvalidClientTokenId',
			403,
			'The security token included in the request is invalid.',
		]);
		const s3 = await failure(() => unknown.s3.send(new ListObjectsV2Command({ Bucket: 'any-bucket' })));
		expect([s3.name, status(s3)]).toEqual(['InvalidAccessKeyId', 403]);
	});

	it('rejects a body changed after signing', async () => {
		const { iam: tampering } = h.clients();
		tampering.middlewareStack.add(
			(next) => async (args) => {
				const request = args.request as { body: string };
				request.body = request.body.replace('UserName=mallory', 'UserName=mallorz');
				return next(args);
			},
			{ step: 'finalizeRequest', priority: 'low' },
		);
		const error = await failure(() => tampering.send(new CreateUserCommand({ UserName: 'mallory' })));
		expect([error.name, status(error)]).toEqual(['SignatureDoesNotMatch', 403]);
	});

	it('refuses a signature made with a clock 20 minutes off (troubleshooting: clock skew)', async () => {
		const config = {
			endpoint: h.sandbox.url,
			region: 'eu-west-3',
			credentials: { ...h.sandbox.credentials },
			maxAttempts: 1,
			systemClockOffset: -20 * 60 * 1000,
		};
		const { IAMClient } = await import('@aws-sdk/client-iam');
		const { S3Client } = await import('@aws-sdk/client-s3');
		const iamError = await failure(() => new IAMClient(config).send(new ListRolesCommand({})));
		expect([iamError.name, status(iamError)]).toEqual(['SignatureDoesNotMatch', 403]);
		expect(iamError.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z/);
		const s3Error = await failure(() =>
			new S3Client(config).send(new ListObjectsV2Command({ Bucket: 'any-bucket' })),
		);
		expect([s3Error.name, status(s3Error)]).toEqual(['RequestTimeTooSkewed', 403]);
	});

	it('stops accepting a key once it is made inactive', async () => {
		const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'admin' }));
		const keys = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
		expect((await h.clients(keys).sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
			'arn:aws:iam::000000000000:user/admin',
		);
		await iam.send(
			new UpdateAccessKeyCommand({ UserName: 'admin', AccessKeyId: keys.accessKeyId, Status: 'Inactive' }),
		);
		const error = await failure(() => h.clients(keys).sts.send(new GetCallerIdentityCommand({})));
		expect(error.name).toBe('InvalidClientTokenId');
	});
});

describe('authorisation by the caller’s policies (the docs’ Step 3 user)', () => {
	it('lets the restricted user do what its policy allows', async () => {
		const learner = h.clients(learnerKeys);
		expect(
			(await learner.iam.send(new GetRoleCommand({ RoleName: 'CodeDeployServiceRole' }))).Role?.RoleName,
		).toBe('CodeDeployServiceRole');
		await learner.s3.send(new CreateBucketCommand({ Bucket: 'learner-bucket' }));
		await learner.s3.send(new DeleteBucketCommand({ Bucket: 'learner-bucket' }));
	});

	it('denies what it does not allow, with IAM’s message naming the action and the resource (pitfall 6)', async () => {
		const learner = h.clients(learnerKeys);
		const error = await failure(() =>
			learner.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'CodeDeployServiceRole' })),
		);
		expect([error.name, status(error)]).toEqual(['AccessDenied', 403]);
		expect(error.message).toBe(
			'User: arn:aws:iam::000000000000:user/codedeploy-user is not authorized to perform: iam:ListAttachedRolePolicies on resource: arn:aws:iam::000000000000:role/CodeDeployServiceRole because no identity-based policy allows the iam:ListAttachedRolePolicies action',
		);
		const create = await failure(() => learner.iam.send(new CreateUserCommand({ UserName: 'escalate' })));
		expect(create.name).toBe('AccessDenied');
		// GetCallerIdentity needs no permission at all.
		expect((await learner.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
			'arn:aws:iam::000000000000:user/codedeploy-user',
		);
	});

	it('applies an explicit Deny over an Allow', async () => {
		await iam.send(
			new PutUserPolicyCommand({
				UserName: 'codedeploy-user',
				PolicyName: 'NoDelete',
				PolicyDocument: JSON.stringify({
					Version: '2012-10-17',
					Statement: [{ Effect: 'Deny', Action: 'iam:DeleteRole', Resource: '*' }],
				}),
			}),
		);
		const { iam: learner } = h.clients(learnerKeys);
		const { DeleteRoleCommand } = await import('@aws-sdk/client-iam');
		const error = await failure(() =>
			learner.send(new DeleteRoleCommand({ RoleName: 'CodeDeployServiceRole' })),
		);
		expect(error.message).toContain('with an explicit deny in an identity-based policy');
	});
});

describe('STS AssumeRole', () => {
	const trust = (principal: string, externalId?: string) =>
		JSON.stringify({
			Version: '2012-10-17',
			Statement: [
				{
					Effect: 'Allow',
					Principal: { AWS: principal },
					Action: 'sts:AssumeRole',
					...(externalId && { Condition: { StringEquals: { 'sts:ExternalId': externalId } } }),
				},
			],
		});

	it('gives temporary credentials that carry the role’s permissions, only to the restricted bucket objects', async () => {
		const s3 = h.clients().s3;
		await s3.send(new CreateBucketCommand({ Bucket: 'newbucketcodedeploy' }));
		await s3.send(new PutObjectCommand({ Bucket: 'newbucketcodedeploy', Key: 'app.zip', Body: 'zip' }));
		await iam.send(
			new CreateRoleCommand({
				RoleName: 'reader',
				AssumeRolePolicyDocument: trust('arn:aws:iam::000000000000:root'),
			}),
		);
		// The docs' restricted instance-role policy: objects only, no s3:ListBucket (reference §1.4, pitfall 7).
		await iam.send(
			new PutRolePolicyCommand({
				RoleName: 'reader',
				PolicyName: 'objects-only',
				PolicyDocument: JSON.stringify({
					Version: '2012-10-17',
					Statement: [
						{
							Effect: 'Allow',
							Action: ['s3:Get*', 's3:List*'],
							Resource: ['arn:aws:s3:::newbucketcodedeploy/*'],
						},
					],
				}),
			}),
		);
		const { Credentials, AssumedRoleUser } = await h
			.clients()
			.sts.send(
				new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/reader', RoleSessionName: 'agent' }),
			);
		expect(Credentials?.AccessKeyId).toMatch(/^ASIA/);
		expect(AssumedRoleUser?.Arn).toBe('arn:aws:sts::000000000000:assumed-role/reader/agent');
		const session = h.clients({
			accessKeyId: Credentials!.AccessKeyId!,
			secretAccessKey: Credentials!.SecretAccessKey!,
			sessionToken: Credentials!.SessionToken!,
		});
		const me = await session.sts.send(new GetCallerIdentityCommand({}));
		expect(me.UserId).toMatch(/^AROA[A-Z0-9]+:agent$/);
		const got = await session.s3.send(
			new GetObjectCommand({ Bucket: 'newbucketcodedeploy', Key: 'app.zip' }),
		);
		expect(await got.Body?.transformToString()).toBe('zip');
		const put = await failure(() =>
			session.s3.send(new PutObjectCommand({ Bucket: 'newbucketcodedeploy', Key: 'x', Body: 'x' })),
		);
		expect([put.name, status(put)]).toEqual(['AccessDenied', 403]);
		const missing = await failure(() =>
			session.s3.send(new GetObjectCommand({ Bucket: 'newbucketcodedeploy', Key: 'nope' })),
		);
		expect([missing.name, status(missing)]).toEqual(['AccessDenied', 403]);
		const list = await failure(() =>
			session.s3.send(new ListObjectsV2Command({ Bucket: 'newbucketcodedeploy' })),
		);
		expect(list.name).toBe('AccessDenied');
		const noToken = h.clients({
			accessKeyId: Credentials!.AccessKeyId!,
			secretAccessKey: Credentials!.SecretAccessKey!,
		});
		expect((await failure(() => noToken.sts.send(new GetCallerIdentityCommand({})))).name).toBe(
			'InvalidClientTokenId',
		);
	});

	it('assumes a student’s checker role across accounts only with the right ExternalId', async () => {
		const student = h.sandbox.createAccount('111111111111');
		const studentIam = h.clients(student).iam;
		await studentIam.send(
			new CreateRoleCommand({
				RoleName: 'AtelierLabChecker',
				AssumeRolePolicyDocument: trust('arn:aws:iam::000000000000:root', 'class-42'),
			}),
		);
		await studentIam.send(
			new AttachRolePolicyCommand({
				RoleName: 'AtelierLabChecker',
				PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess',
			}),
		);
		const instructor = h.clients().sts;
		const RoleArn = 'arn:aws:iam::111111111111:role/AtelierLabChecker';
		for (const ExternalId of [undefined, 'class-41']) {
			const error = await failure(() =>
				instructor.send(
					new AssumeRoleCommand({
						RoleArn,
						RoleSessionName: 'instructor',
						...(ExternalId && { ExternalId }),
					}),
				),
			);
			expect([error.name, status(error), error.message]).toEqual([
				'AccessDenied',
				403,
				`User: arn:aws:iam::000000000000:user/admin is not authorized to perform: sts:AssumeRole on resource: ${RoleArn}`,
			]);
		}
		// The restricted learner of account 000000000000 has no sts:AssumeRole: both sides must allow.
		const learner = await failure(() =>
			h
				.clients(learnerKeys)
				.sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'learner', ExternalId: 'class-42' })),
		);
		expect(learner.name).toBe('AccessDenied');

		const { Credentials } = await instructor.send(
			new AssumeRoleCommand({ RoleArn, RoleSessionName: 'instructor', ExternalId: 'class-42' }),
		);
		const checker = h.clients({
			accessKeyId: Credentials!.AccessKeyId!,
			secretAccessKey: Credentials!.SecretAccessKey!,
			sessionToken: Credentials!.SessionToken!,
		});
		expect(await checker.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
			Account: '111111111111',
			Arn: 'arn:aws:sts::111111111111:assumed-role/AtelierLabChecker/instructor',
		});
		expect((await checker.iam.send(new ListRolesCommand({}))).Roles?.map((r) => r.RoleName)).toEqual([
			'AtelierLabChecker',
		]);
		const write = await failure(() => checker.iam.send(new CreateUserCommand({ UserName: 'x' })));
		expect(write.message).toMatch(
			/^User: arn:aws:sts::111111111111:assumed-role\/AtelierLabChecker\/instructor is not authorized/,
		);
	});
});
