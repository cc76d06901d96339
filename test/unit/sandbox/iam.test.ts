import {
	AddRoleToInstanceProfileCommand,
	AddUserToGroupCommand,
	AttachRolePolicyCommand,
	AttachUserPolicyCommand,
	CreateAccessKeyCommand,
	CreateGroupCommand,
	CreateInstanceProfileCommand,
	CreatePolicyCommand,
	CreateRoleCommand,
	CreateUserCommand,
	DeleteRoleCommand,
	GetAccountSummaryCommand,
	GetGroupPolicyCommand,
	GetInstanceProfileCommand,
	GetPolicyCommand,
	GetPolicyVersionCommand,
	GetRoleCommand,
	GetRolePolicyCommand,
	GetUserCommand,
	ListAccessKeysCommand,
	ListAttachedRolePoliciesCommand,
	ListAttachedUserPoliciesCommand,
	ListGroupsForUserCommand,
	ListInstanceProfilesForRoleCommand,
	ListRolePoliciesCommand,
	PutGroupPolicyCommand,
	PutRolePolicyCommand,
	UpdateAssumeRolePolicyCommand,
	type IAMClient,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, fixture, harness, status, type Harness } from './support.ts';

const TRUST = fixture('CodeDeployDemo-Trust.json');
const EC2_TRUST = fixture('CodeDeployDemo-EC2-Trust.json');
const EC2_PERMISSIONS = fixture('CodeDeployDemo-EC2-Permissions.json');
const SERVICE_ROLE_POLICY = 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole';

let h: Harness;
let iam: IAMClient;

beforeAll(async () => {
	h = await harness();
	iam = h.clients().iam;
});
afterAll(() => h.close());

describe('the iam-setup sequence (reference §2) with the AWS SDK v3', () => {
	it('creates the user, its key, both roles, the instance profile, and reads them back as AWS would', async () => {
		await iam.send(new CreateUserCommand({ UserName: 'codedeploy-user' }));
		const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'codedeploy-user' }));
		expect(AccessKey?.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
		const learner = h.clients({
			accessKeyId: AccessKey!.AccessKeyId!,
			secretAccessKey: AccessKey!.SecretAccessKey!,
		});
		const me = await learner.sts.send(new GetCallerIdentityCommand({}));
		expect(me).toMatchObject({
			Arn: 'arn:aws:iam::000000000000:user/codedeploy-user',
			Account: '000000000000',
		});
		expect(me.UserId).toMatch(/^AIDA/);

		await iam.send(
			new CreateRoleCommand({ RoleName: 'CodeDeployServiceRole', AssumeRolePolicyDocument: TRUST }),
		);
		await iam.send(
			new AttachRolePolicyCommand({ RoleName: 'CodeDeployServiceRole', PolicyArn: SERVICE_ROLE_POLICY }),
		);
		const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'CodeDeployServiceRole' }));
		expect(Role?.Arn).toBe('arn:aws:iam::000000000000:role/CodeDeployServiceRole');
		expect(Role?.RoleId).toMatch(/^AROA/);
		// URL-encoded, whitespace kept, exactly the document sent (reference §4.5).
		expect(Role?.AssumeRolePolicyDocument).not.toContain('{');
		expect(decodeURIComponent(Role!.AssumeRolePolicyDocument!)).toBe(TRUST);

		const attached = await iam.send(
			new ListAttachedRolePoliciesCommand({ RoleName: 'CodeDeployServiceRole' }),
		);
		expect(attached.AttachedPolicies).toEqual([
			{ PolicyName: 'AWSCodeDeployRole', PolicyArn: SERVICE_ROLE_POLICY },
		]);
		expect(attached.IsTruncated).toBe(false);

		const name = 'CodeDeployDemo-EC2-Instance-Profile';
		await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: EC2_TRUST }));
		await iam.send(
			new PutRolePolicyCommand({
				RoleName: name,
				PolicyName: 'CodeDeployDemo-EC2-Permissions',
				PolicyDocument: EC2_PERMISSIONS,
			}),
		);
		await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: name }));
		await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: name }));

		const { InstanceProfile } = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name }));
		expect(InstanceProfile?.InstanceProfileId).toMatch(/^AIPA/);
		expect(InstanceProfile?.Roles?.map((r) => r.RoleName)).toEqual([name]);
		// The role inside the profile is encoded too (moto gets this wrong, reference §4.11).
		expect(decodeURIComponent(InstanceProfile!.Roles![0]!.AssumeRolePolicyDocument!)).toBe(EC2_TRUST);
		const forRole = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: name }));
		expect(forRole.InstanceProfiles?.map((p) => p.InstanceProfileName)).toEqual([name]);

		expect((await iam.send(new ListRolePoliciesCommand({ RoleName: name }))).PolicyNames).toEqual([
			'CodeDeployDemo-EC2-Permissions',
		]);
		const inline = await iam.send(
			new GetRolePolicyCommand({ RoleName: name, PolicyName: 'CodeDeployDemo-EC2-Permissions' }),
		);
		expect(inline.PolicyDocument).toMatch(/^%7B%0A(%20|%09)+%22Version%22%3A%20%222012-10-17%22/);
		expect(decodeURIComponent(inline.PolicyDocument!)).toBe(EC2_PERMISSIONS);
	});

	it('serves the AWS managed policies with their real paths, versions and documents', async () => {
		const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: SERVICE_ROLE_POLICY }));
		expect(Policy).toMatchObject({
			PolicyName: 'AWSCodeDeployRole',
			Path: '/service-role/',
			DefaultVersionId: 'v11',
		});
		expect(Policy?.AttachmentCount).toBe(1);
		const { PolicyVersion } = await iam.send(
			new GetPolicyVersionCommand({ PolicyArn: SERVICE_ROLE_POLICY, VersionId: 'v11' }),
		);
		expect(PolicyVersion?.IsDefaultVersion).toBe(true);
		const document = JSON.parse(decodeURIComponent(PolicyVersion!.Document!)) as {
			Statement: { Action: string[] }[];
		};
		expect(document.Statement[0]!.Action).toContain('ec2:TerminateInstances');
		expect(document.Statement[0]!.Action).toHaveLength(40);
		expect(document.Statement[0]!.Action.some((a) => a.startsWith('s3:'))).toBe(false);
		const admin = await iam.send(
			new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
		);
		expect(admin.Policy).toMatchObject({ Path: '/', DefaultVersionId: 'v1' });
		for (const arn of [
			'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
			'arn:aws:iam::aws:policy/AWSCodeDeployFullAccess',
			'arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforAWSCodeDeploy',
			'arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS',
		])
			expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.Arn).toBe(arn);
	});

	it('restricts the user with a customer-managed policy and a group, and lists them', async () => {
		const { Policy } = await iam.send(
			new CreatePolicyCommand({
				PolicyName: 'CodeDeployUserAccess',
				PolicyDocument: fixture('codedeploy-user-policy.json'),
			}),
		);
		expect(Policy?.Arn).toBe('arn:aws:iam::000000000000:policy/CodeDeployUserAccess');
		expect(Policy?.PolicyId).toMatch(/^ANPA/);
		await iam.send(new AttachUserPolicyCommand({ UserName: 'codedeploy-user', PolicyArn: Policy!.Arn! }));
		const listed = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'codedeploy-user' }));
		expect(listed.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['CodeDeployUserAccess']);

		await iam.send(new CreateGroupCommand({ GroupName: 'Deployers' }));
		await iam.send(new AddUserToGroupCommand({ GroupName: 'Deployers', UserName: 'codedeploy-user' }));
		const doc = JSON.stringify({
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }],
		});
		await iam.send(
			new PutGroupPolicyCommand({ GroupName: 'Deployers', PolicyName: 'read-self', PolicyDocument: doc }),
		);
		const groups = await iam.send(new ListGroupsForUserCommand({ UserName: 'codedeploy-user' }));
		expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['Deployers']);
		expect(groups.Groups?.[0]?.GroupId).toMatch(/^AGPA/);
		const got = await iam.send(
			new GetGroupPolicyCommand({ GroupName: 'Deployers', PolicyName: 'read-self' }),
		);
		expect(decodeURIComponent(got.PolicyDocument!)).toBe(doc);
		expect(
			(await iam.send(new ListAccessKeysCommand({ UserName: 'codedeploy-user' }))).AccessKeyMetadata,
		).toHaveLength(1);
	});

	it('answers GetUser without a name with the caller, and GetAccountSummary with no root keys', async () => {
		expect((await iam.send(new GetUserCommand({}))).User?.UserName).toBe('admin');
		const { SummaryMap } = await iam.send(new GetAccountSummaryCommand({}));
		expect(SummaryMap).toMatchObject({
			AccountAccessKeysPresent: 0,
			AccountMFAEnabled: 1,
			Roles: 2,
			InstanceProfiles: 1,
		});
	});
});

describe('URL-encoding of policy documents', () => {
	it('escapes everything outside RFC 3986 unreserved characters, including / * and spaces, never as +', async () => {
		const document = `{"Version": "2012-10-17",\n "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b/k!'()~"}]}`;
		await iam.send(new CreateRoleCommand({ RoleName: 'enc', AssumeRolePolicyDocument: EC2_TRUST }));
		await iam.send(new PutRolePolicyCommand({ RoleName: 'enc', PolicyName: 'p', PolicyDocument: document }));
		const raw = (await iam.send(new GetRolePolicyCommand({ RoleName: 'enc', PolicyName: 'p' })))
			.PolicyDocument!;
		expect(raw).toContain('s3%3AGet%2A');
		expect(raw).toContain('%3A%3A%3Ab%2Fk%21%27%28%29~');
		expect(raw).toContain('%0A%20%22Statement');
		expect(raw).not.toMatch(/[+ /*]/);
		expect(decodeURIComponent(raw)).toBe(document);
	});
});

describe('IAM errors, with AWS codes and statuses', () => {
	it('NoSuchEntity (404) for a missing role, user or instance profile', async () => {
		const role = await failure(() => iam.send(new GetRoleCommand({ RoleName: 'Nope' })));
		expect([role.name, status(role), role.message]).toEqual([
			'NoSuchEntityException',
			404,
			'The role with name Nope cannot be found.',
		]);
		const profile = await failure(() =>
			iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'Nope' })),
		);
		expect(profile.message).toBe('Instance Profile Nope cannot be found.');
		expect(status(await failure(() => iam.send(new GetUserCommand({ UserName: 'Nope' }))))).toBe(404);
	});

	it('EntityAlreadyExists (409) on a second CreateUser', async () => {
		const error = await failure(() => iam.send(new CreateUserCommand({ UserName: 'codedeploy-user' })));
		expect([error.name, status(error)]).toEqual(['EntityAlreadyExistsException', 409]);
	});

	it('NoSuchEntity for AWSCodeDeployRole without its service-role/ path (pitfall 2)', async () => {
		const error = await failure(() =>
			iam.send(
				new AttachRolePolicyCommand({
					RoleName: 'enc',
					PolicyArn: 'arn:aws:iam::aws:policy/AWSCodeDeployRole',
				}),
			),
		);
		expect([error.name, status(error), error.message]).toEqual([
			'NoSuchEntityException',
			404,
			'Policy arn:aws:iam::aws:policy/AWSCodeDeployRole does not exist or is not attachable.',
		]);
		const malformed = await failure(() => iam.send(new GetPolicyCommand({ PolicyArn: 'AWSCodeDeployRole' })));
		expect([malformed.name, status(malformed)]).toEqual(['InvalidInputException', 400]);
	});

	it('MalformedPolicyDocument (400) for a forgotten file://, a trust policy used as permissions, a misspelt service', async () => {
		const cases: [() => Promise<unknown>, string][] = [
			[
				() =>
					iam.send(
						new CreateRoleCommand({ RoleName: 'x', AssumeRolePolicyDocument: 'CodeDeployDemo-Trust.json' }),
					),
				'This policy contains invalid Json',
			],
			[
				() =>
					iam.send(new PutRolePolicyCommand({ RoleName: 'enc', PolicyName: 'trust', PolicyDocument: TRUST })),
				'Policy document should not specify a principal.',
			],
			[
				() => iam.send(new CreatePolicyCommand({ PolicyName: 'trust', PolicyDocument: TRUST })),
				'Has prohibited field Principal',
			],
			[
				() =>
					iam.send(
						new CreateRoleCommand({
							RoleName: 'x',
							AssumeRolePolicyDocument: TRUST.replace('codedeploy.amazonaws', 'codedepoly.amazonaws'),
						}),
					),
				'Invalid principal in policy: "SERVICE":"codedepoly.amazonaws.com"',
			],
			[
				() =>
					iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'enc', PolicyDocument: EC2_PERMISSIONS })),
				'Missing required field Principal',
			],
		];
		for (const [call, message] of cases) {
			const error = await failure(call);
			expect([error.name, status(error), error.message]).toEqual([
				'MalformedPolicyDocumentException',
				400,
				message,
			]);
		}
		// A regional CodeDeploy principal is valid; a wrong-but-valid service too (M1 must be storable).
		await iam.send(
			new UpdateAssumeRolePolicyCommand({
				RoleName: 'enc',
				PolicyDocument: TRUST.replace('codedeploy.amazonaws.com', 'codedeploy.eu-west-3.amazonaws.com'),
			}),
		);
	});

	it('LimitExceeded (409): a third access key, a second role in a profile', async () => {
		await iam.send(new CreateAccessKeyCommand({ UserName: 'codedeploy-user' }));
		const keys = await failure(() => iam.send(new CreateAccessKeyCommand({ UserName: 'codedeploy-user' })));
		expect([keys.name, status(keys), keys.message]).toEqual([
			'LimitExceededException',
			409,
			'Cannot exceed quota for AccessKeysPerUser: 2',
		]);
		const profile = await failure(() =>
			iam.send(
				new AddRoleToInstanceProfileCommand({
					InstanceProfileName: 'CodeDeployDemo-EC2-Instance-Profile',
					RoleName: 'enc',
				}),
			),
		);
		expect([profile.name, status(profile)]).toEqual(['LimitExceededException', 409]);
	});

	it('DeleteConflict (409) for a role still in use', async () => {
		const error = await failure(() => iam.send(new DeleteRoleCommand({ RoleName: 'CodeDeployServiceRole' })));
		expect([error.name, status(error)]).toEqual(['DeleteConflictException', 409]);
	});
});
