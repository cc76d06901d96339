import {
	AddRoleToInstanceProfileCommand,
	AttachRolePolicyCommand,
	CreateAccessKeyCommand,
	CreateInstanceProfileCommand,
	CreateRoleCommand,
	CreateUserCommand,
	PutRolePolicyCommand,
	PutUserPolicyCommand,
	UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutBucketPolicyCommand, PutPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLabCheck } from '../../../labs/engine/run.ts';
import { fixture, harness, type Harness } from './support.ts';

/**
 * The lab checker (issue 5) against the practice account: a correct iam-setup passes every check, and a few
 * mistakes of the lab's table make exactly their checks fail. The full mistake matrix, driven by the lab file's
 * own commands through the AWS CLIs, belongs to the executable-instructions suite.
 */

const BUCKET = 'newbucketcodedeploy';
const SERVICE_ROLE = 'CodeDeployServiceRole';
const INSTANCE = 'CodeDeployDemo-EC2-Instance-Profile';
let h: Harness;
let correct: string;

async function check(
	credentials: { accessKeyId: string; secretAccessKey: string } = h.sandbox.credentials,
): Promise<Record<string, string>> {
	const report = await runLabCheck(
		'iam-setup',
		{ bucket: BUCKET },
		{
			endpointUrl: h.sandbox.url,
			credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
			missingRetries: 0,
			maxAttempts: 1,
			lang: 'en',
		},
	);
	return Object.fromEntries(report.results.map((r) => [r.id, r.status]));
}

function failing(statuses: Record<string, string>): string[] {
	return Object.entries(statuses)
		.filter(([, s]) => s !== 'pass')
		.map(([id, s]) => `${id}:${s}`);
}

beforeAll(async () => {
	h = await harness();
	const { iam, s3 } = h.clients();
	await iam.send(new CreateUserCommand({ UserName: 'codedeploy-user' }));
	await iam.send(new CreateAccessKeyCommand({ UserName: 'codedeploy-user' }));
	const userPolicy = fixture('codedeploy-user-policy.json').replace(
		'"Resource": "arn:aws:iam::000000000000:role/CodeDeployServiceRole"',
		`"Resource": ["arn:aws:iam::000000000000:role/${SERVICE_ROLE}", "arn:aws:iam::000000000000:role/${INSTANCE}"]`,
	);
	await iam.send(
		new PutUserPolicyCommand({
			UserName: 'codedeploy-user',
			PolicyName: 'CodeDeployUserAccess',
			PolicyDocument: userPolicy,
		}),
	);
	await iam.send(
		new CreateRoleCommand({
			RoleName: SERVICE_ROLE,
			AssumeRolePolicyDocument: fixture('CodeDeployDemo-Trust.json'),
		}),
	);
	await iam.send(
		new AttachRolePolicyCommand({
			RoleName: SERVICE_ROLE,
			PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole',
		}),
	);
	await iam.send(
		new CreateRoleCommand({
			RoleName: INSTANCE,
			AssumeRolePolicyDocument: fixture('CodeDeployDemo-EC2-Trust.json'),
		}),
	);
	await iam.send(
		new PutRolePolicyCommand({
			RoleName: INSTANCE,
			PolicyName: 'CodeDeployDemo-EC2-Permissions',
			PolicyDocument: fixture('CodeDeployDemo-EC2-Permissions.json'),
		}),
	);
	await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: INSTANCE }));
	await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: INSTANCE, RoleName: INSTANCE }));
	await s3.send(
		new CreateBucketCommand({
			Bucket: BUCKET,
			CreateBucketConfiguration: { LocationConstraint: 'eu-west-3' },
		}),
	);
	correct = h.sandbox.snapshot();
});
afterAll(() => h.close());

describe('the lab checker against the practice account', { timeout: 60_000 }, () => {
	it('passes every check on the correct setup', async () => {
		expect(failing(await check())).toEqual([]);
	});

	it('M2: a regional CodeDeploy principal for another region fails only service-role', async () => {
		h.sandbox.restore(correct);
		await h.clients().iam.send(
			new UpdateAssumeRolePolicyCommand({
				RoleName: SERVICE_ROLE,
				PolicyDocument: fixture('CodeDeployDemo-Trust.json').replace(
					'codedeploy.amazonaws.com',
					'codedeploy.us-east-1.amazonaws.com',
				),
			}),
		);
		expect(failing(await check())).toEqual(['service-role:fail']);
	});

	it('M11: working with root keys fails identity and root-keys, and nothing else', async () => {
		h.sandbox.restore(correct);
		const root = h.sandbox.createRootKey();
		expect(failing(await check(root))).toEqual(['identity:fail', 'root-keys:fail']);
	});

	it('M13: the bucket in another region fails only bucket', async () => {
		h.sandbox.restore(correct);
		const s3 = h.clients(undefined, 'us-east-1').s3;
		const { DeleteBucketCommand } = await import('@aws-sdk/client-s3');
		await h.clients().s3.send(new DeleteBucketCommand({ Bucket: BUCKET }));
		await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
		expect(failing(await check())).toEqual(['bucket:fail']);
	});

	it('M15: a public bucket policy (Block Public Access off) fails only bucket-private', async () => {
		h.sandbox.restore(correct);
		const { s3 } = h.clients();
		await s3.send(
			new PutPublicAccessBlockCommand({
				Bucket: BUCKET,
				PublicAccessBlockConfiguration: {
					BlockPublicAcls: false,
					IgnorePublicAcls: false,
					BlockPublicPolicy: false,
					RestrictPublicBuckets: false,
				},
			}),
		);
		const open = {
			Version: '2012-10-17',
			Statement: [
				{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` },
			],
		};
		await s3.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: JSON.stringify(open) }));
		expect(failing(await check())).toEqual(['bucket-private:fail']);
	});
});
