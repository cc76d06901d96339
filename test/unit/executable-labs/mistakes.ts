/**
 * The learner mistakes of reference §5.4 (M1–M15) as AWS CLI commands, each applied to a correct iam-setup, with the
 * checks that must then fail (the issue-5 table). M16 (a trust document used as the permissions policy, or
 * `file://` forgotten) is refused by the practice account when the command runs: see `M16_ATTEMPTS`.
 */
import type { RunningSandbox } from '../../../labs/sandbox/index.ts';
import type { CliRunner, Keys } from './support.ts';

export interface MistakeContext {
	readonly runner: CliRunner;
	readonly sandbox: RunningSandbox;
	/** The account's administrator (the checks run with these keys too, unless the mistake says otherwise). */
	readonly admin: Keys;
	readonly values: Readonly<Record<string, string>>;
}

export interface Mistake {
	readonly id: string;
	readonly title: string;
	readonly fails: readonly string[];
	/** Applies the change; resolves to `{ keys }` when the checks must run with other keys (M11). */
	apply(ctx: MistakeContext): Promise<unknown>;
}

const trust = (service: string) => ({
	Version: '2012-10-17',
	Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
});

const SERVICE_ROLE = 'CodeDeployServiceRole';
const INSTANCE_ROLE = 'CodeDeployDemo-EC2-Instance-Profile';
const USER = 'codedeploy-user';
const AWS_POLICY = 'arn:aws:iam::aws:policy/';

async function updateTrust(ctx: MistakeContext, role: string, service: string): Promise<void> {
	ctx.runner.write(`${role}-trust.json`, trust(service));
	await ctx.runner.aws(
		[
			'iam',
			'update-assume-role-policy',
			'--role-name',
			role,
			'--policy-document',
			`file://${role}-trust.json`,
		],
		ctx.admin,
	);
}

const attachRole = (ctx: MistakeContext, role: string, policy: string) =>
	ctx.runner.aws(['iam', 'attach-role-policy', '--role-name', role, '--policy-arn', policy], ctx.admin);

const deleteBucket = (ctx: MistakeContext) =>
	ctx.runner.aws(['s3api', 'delete-bucket', '--bucket', ctx.values['bucket']!], ctx.admin);

export const MISTAKES: readonly Mistake[] = [
	{
		id: 'M1',
		title: 'service role trusts ec2.amazonaws.com',
		fails: ['service-role'],
		apply: (ctx) => updateTrust(ctx, SERVICE_ROLE, 'ec2.amazonaws.com'),
	},
	{
		id: 'M2',
		title: 'service role trusts CodeDeploy in another region only',
		fails: ['service-role'],
		apply: (ctx) => updateTrust(ctx, SERVICE_ROLE, 'codedeploy.us-east-1.amazonaws.com'),
	},
	{
		id: 'M3',
		title: 'the ECS variant instead of AWSCodeDeployRole',
		fails: ['service-role-policy'],
		async apply(ctx) {
			await ctx.runner.aws(
				[
					'iam',
					'detach-role-policy',
					'--role-name',
					SERVICE_ROLE,
					'--policy-arn',
					`${AWS_POLICY}service-role/AWSCodeDeployRole`,
				],
				ctx.admin,
			);
			await attachRole(ctx, SERVICE_ROLE, `${AWS_POLICY}AWSCodeDeployRoleForECS`);
		},
	},
	{
		id: 'M4',
		title: 'AWSCodeDeployRole on the instance role',
		fails: ['instance-role-scope'],
		apply: (ctx) => attachRole(ctx, INSTANCE_ROLE, `${AWS_POLICY}service-role/AWSCodeDeployRole`),
	},
	{
		id: 'M5',
		title: 'instance role trusts codedeploy.amazonaws.com',
		fails: ['instance-role'],
		apply: (ctx) => updateTrust(ctx, INSTANCE_ROLE, 'codedeploy.amazonaws.com'),
	},
	{
		id: 'M6',
		title: 'instance profile left empty',
		fails: ['instance-profile'],
		apply: (ctx) =>
			ctx.runner.aws(
				[
					'iam',
					'remove-role-from-instance-profile',
					'--instance-profile-name',
					INSTANCE_ROLE,
					'--role-name',
					INSTANCE_ROLE,
				],
				ctx.admin,
			),
	},
	{
		id: 'M7',
		title: 'instance role reads another bucket',
		fails: ['instance-role-s3'],
		async apply(ctx) {
			ctx.runner.write('other-bucket.json', {
				Version: '2012-10-17',
				Statement: [
					{
						Effect: 'Allow',
						Action: ['s3:Get*', 's3:List*'],
						Resource: ['arn:aws:s3:::some-other-bucket', 'arn:aws:s3:::some-other-bucket/*'],
					},
				],
			});
			await ctx.runner.aws(
				[
					'iam',
					'put-role-policy',
					'--role-name',
					INSTANCE_ROLE,
					'--policy-name',
					'CodeDeployDemo-EC2-Permissions',
					'--policy-document',
					'file://other-bucket.json',
				],
				ctx.admin,
			);
		},
	},
	{
		id: 'M8',
		title: 'AmazonS3FullAccess on the instance role',
		fails: ['instance-role-scope'],
		apply: (ctx) => attachRole(ctx, INSTANCE_ROLE, `${AWS_POLICY}AmazonS3FullAccess`),
	},
	{
		id: 'M9',
		title: 'the learner is an administrator through a group',
		fails: ['user-least-privilege'],
		async apply(ctx) {
			await ctx.runner.aws(['iam', 'create-group', '--group-name', 'Admins'], ctx.admin);
			await ctx.runner.aws(
				[
					'iam',
					'attach-group-policy',
					'--group-name',
					'Admins',
					'--policy-arn',
					`${AWS_POLICY}AdministratorAccess`,
				],
				ctx.admin,
			);
			await ctx.runner.aws(
				['iam', 'add-user-to-group', '--group-name', 'Admins', '--user-name', USER],
				ctx.admin,
			);
		},
	},
	{
		id: 'M9b',
		title: 'AdministratorAccess attached to the learner',
		fails: ['user-least-privilege'],
		apply: (ctx) =>
			ctx.runner.aws(
				[
					'iam',
					'attach-user-policy',
					'--user-name',
					USER,
					'--policy-arn',
					`${AWS_POLICY}AdministratorAccess`,
				],
				ctx.admin,
			),
	},
	{
		id: 'M10',
		title: 'no iam:PassRole on the roles',
		fails: ['user-least-privilege'],
		async apply(ctx) {
			ctx.runner.write('no-passrole.json', {
				Version: '2012-10-17',
				Statement: [{ Effect: 'Allow', Action: ['codedeploy:*', 'ec2:*', 's3:*'], Resource: '*' }],
			});
			await ctx.runner.aws(
				[
					'iam',
					'put-user-policy',
					'--user-name',
					USER,
					'--policy-name',
					'CodeDeployUserAccess',
					'--policy-document',
					'file://no-passrole.json',
				],
				ctx.admin,
			);
		},
	},
	{
		id: 'M11',
		title: 'working with root keys',
		fails: ['identity', 'root-keys'],
		async apply(ctx) {
			// Root keys are made in the console only; the practice account stages them through its own API.
			const root = ctx.sandbox.createRootKey(ctx.values['accountId']);
			const who = JSON.parse(await ctx.runner.aws(['sts', 'get-caller-identity'], root)) as { Arn: string };
			if (!who.Arn.endsWith(':root')) throw new Error(`root keys resolved to ${who.Arn}`);
			return { keys: root };
		},
	},
	{
		id: 'M12',
		title: 'the learner has no access key',
		fails: ['user-access-key'],
		async apply(ctx) {
			const listed = await ctx.runner.aws(['iam', 'list-access-keys', '--user-name', USER], ctx.admin);
			const keys = (JSON.parse(listed) as { AccessKeyMetadata: { AccessKeyId: string }[] }).AccessKeyMetadata;
			if (keys.length === 0) throw new Error('the correct setup has no learner key');
			for (const key of keys)
				await ctx.runner.aws(
					['iam', 'delete-access-key', '--user-name', USER, '--access-key-id', key.AccessKeyId],
					ctx.admin,
				);
		},
	},
	{
		id: 'M13',
		title: 'bucket in us-east-1',
		fails: ['bucket'],
		async apply(ctx) {
			await deleteBucket(ctx);
			await ctx.runner.aws(
				['s3api', 'create-bucket', '--bucket', ctx.values['bucket']!, '--region', 'us-east-1'],
				ctx.admin,
			);
		},
	},
	{
		id: 'M14',
		title: 'bucket created under a misspelt name (404)',
		fails: ['bucket'],
		async apply(ctx) {
			await deleteBucket(ctx);
			await ctx.runner.aws(
				[
					's3api',
					'create-bucket',
					'--bucket',
					`${ctx.values['bucket']!}-typo`,
					'--create-bucket-configuration',
					'LocationConstraint=eu-west-3',
				],
				ctx.admin,
			);
		},
	},
	{
		id: 'M14b',
		title: 'bucket name owned by another account (403)',
		fails: ['bucket'],
		async apply(ctx) {
			await deleteBucket(ctx);
			const other = ctx.sandbox.createAccount('999999999999');
			await ctx.runner.aws(
				[
					's3api',
					'create-bucket',
					'--bucket',
					ctx.values['bucket']!,
					'--create-bucket-configuration',
					'LocationConstraint=eu-west-3',
				],
				other,
			);
		},
	},
	{
		id: 'M15',
		title: 'bucket made public',
		fails: ['bucket-private'],
		async apply(ctx) {
			const bucket = ctx.values['bucket']!;
			await ctx.runner.aws(
				[
					's3api',
					'put-public-access-block',
					'--bucket',
					bucket,
					'--public-access-block-configuration',
					'BlockPublicAcls=false,IgnorePublicAcls=false,BlockPublicPolicy=false,RestrictPublicBuckets=false',
				],
				ctx.admin,
			);
			ctx.runner.write('public.json', {
				Version: '2012-10-17',
				Statement: [
					{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` },
				],
			});
			await ctx.runner.aws(
				['s3api', 'put-bucket-policy', '--bucket', bucket, '--policy', 'file://public.json'],
				ctx.admin,
			);
		},
	},
];

/** M16: the commands AWS (and the practice account) refuse, with the error code the CLI prints. */
export const M16_ATTEMPTS: readonly { title: string; args: readonly string[]; error: RegExp }[] = [
	{
		title: 'the trust document used as the permissions policy',
		args: [
			'iam',
			'put-role-policy',
			'--role-name',
			INSTANCE_ROLE,
			'--policy-name',
			'CodeDeployDemo-EC2-Permissions',
			'--policy-document',
			'file://CodeDeployDemo-EC2-Trust.json',
		],
		error: /MalformedPolicyDocument/,
	},
	{
		title: 'file:// forgotten',
		args: [
			'iam',
			'put-role-policy',
			'--role-name',
			INSTANCE_ROLE,
			'--policy-name',
			'CodeDeployDemo-EC2-Permissions',
			'--policy-document',
			'CodeDeployDemo-EC2-Permissions.json',
		],
		error: /MalformedPolicyDocument/,
	},
];

/** The keys a mistake asks the checker to use instead of the administrator's. */
export function keysFrom(applied: unknown): Keys | undefined {
	if (typeof applied !== 'object' || applied === null || !('keys' in applied)) return undefined;
	return (applied as { keys: Keys }).keys;
}
