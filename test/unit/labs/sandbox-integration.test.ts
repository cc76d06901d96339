/**
 * End to end with the practice account (labs/sandbox): an administrator replays the iam-setup lab's solution with
 * the lab's own files, then the checker runs with the LEARNER's keys. It proves that the step 3 policies
 * (CodeDeployUserAccess + the generated AtelierLabChecker) let the learner verify everything read-only, as the
 * sandbox authorises every call with the same offline evaluator.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	AddRoleToInstanceProfileCommand,
	AttachRolePolicyCommand,
	AttachUserPolicyCommand,
	CreateAccessKeyCommand,
	CreateInstanceProfileCommand,
	CreatePolicyCommand,
	CreateRoleCommand,
	CreateUserCommand,
	IAMClient,
	PutRolePolicyCommand,
	PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labFiles, parseLab } from '../../../src/lib/labs/schema.ts';
import { renderFile } from '../../../src/lib/labs/shell.ts';
import { runLabCheck } from '../../../labs/engine/run.ts';
import { startSandbox, type RunningSandbox } from '../../../labs/sandbox/index.ts';

const lab = parseLab(
	readFileSync(join(import.meta.dirname, '../../../content/labs/iam-setup.yaml'), 'utf8'),
).lab!;
let sandbox: RunningSandbox;
let dir: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'atelier-lab-sandbox-'));
	sandbox = await startSandbox({ port: 0, stateDir: dir });
});
afterAll(async () => {
	await sandbox.stop();
	rmSync(dir, { recursive: true, force: true });
});

async function setUp(values: Record<string, string>, skip: Set<string> = new Set()) {
	const config = {
		endpoint: sandbox.url,
		region: 'eu-west-3',
		credentials: { ...sandbox.credentials },
		maxAttempts: 1,
	};
	const iam = new IAMClient(config);
	const s3 = new S3Client({ ...config, forcePathStyle: true });
	const files = labFiles(lab);
	const file = (name: string) => renderFile(files[name]!, values);
	await iam.send(new CreateUserCommand({ UserName: values['userName'] }));
	const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: values['userName'] }));
	await iam.send(
		new CreateRoleCommand({
			RoleName: values['serviceRoleName'],
			AssumeRolePolicyDocument: file('CodeDeployDemo-Trust.json'),
		}),
	);
	if (!skip.has('service-role-policy'))
		await iam.send(
			new AttachRolePolicyCommand({
				RoleName: values['serviceRoleName'],
				PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole',
			}),
		);
	await iam.send(
		new PutUserPolicyCommand({
			UserName: values['userName'],
			PolicyName: 'CodeDeployUserAccess',
			PolicyDocument: file('codedeploy-user-policy.json'),
		}),
	);
	// The customer-managed policy is created once per account; a second learner just attaches it.
	await iam
		.send(
			new CreatePolicyCommand({
				PolicyName: 'AtelierLabChecker',
				PolicyDocument: file('AtelierLabChecker.json'),
			}),
		)
		.catch((error: Error) => {
			if (error.name !== 'EntityAlreadyExistsException') throw error;
		});
	const checkerArn = `arn:aws:iam::${values['accountId']}:policy/AtelierLabChecker`;
	await iam.send(new AttachUserPolicyCommand({ UserName: values['userName'], PolicyArn: checkerArn }));
	await iam.send(
		new CreateRoleCommand({
			RoleName: values['instanceRoleName'],
			AssumeRolePolicyDocument: file('CodeDeployDemo-EC2-Trust.json'),
		}),
	);
	await iam.send(
		new PutRolePolicyCommand({
			RoleName: values['instanceRoleName'],
			PolicyName: 'CodeDeployDemo-EC2-Permissions',
			PolicyDocument: file('CodeDeployDemo-EC2-Permissions.json'),
		}),
	);
	await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: values['instanceProfileName'] }));
	await iam.send(
		new AddRoleToInstanceProfileCommand({
			InstanceProfileName: values['instanceProfileName'],
			RoleName: values['instanceRoleName'],
		}),
	);
	await s3.send(
		new CreateBucketCommand({
			Bucket: values['bucket'],
			CreateBucketConfiguration: { LocationConstraint: 'eu-west-3' },
		}),
	);
	return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

describe('iam-setup against the practice account', () => {
	it('the lab solution passes every check, verified with the learner’s own keys', async () => {
		const values = {
			region: 'eu-west-3',
			userName: 'codedeploy-user',
			serviceRoleName: 'CodeDeployServiceRole',
			instanceRoleName: 'CodeDeployDemo-EC2-Instance-Profile',
			instanceProfileName: 'CodeDeployDemo-EC2-Instance-Profile',
			bucket: 'atelier-revisions-1',
			accountId: '000000000000',
		};
		const credentials = await setUp(values);
		const report = await runLabCheck(
			'iam-setup',
			{ bucket: values.bucket },
			{ endpointUrl: sandbox.url, env: {}, credentials, missingRetries: 0, maxAttempts: 1, lang: 'en' },
		);
		const notPassing = report.results
			.filter((r) => r.status !== 'pass')
			.map((r) => `${r.id}:${r.status}:${r.messageKey}:${JSON.stringify(r.params)}`);
		// The practice account's root user has no MFA device: root-keys may only advise.
		expect(notPassing.filter((r) => !r.startsWith('root-keys:warn'))).toEqual([]);
		expect(report.principal).toBe('arn:aws:iam::000000000000:user/codedeploy-user');
	});

	it('a mistake (M3, no AWSCodeDeployRole) fails exactly its check', async () => {
		const values = {
			region: 'eu-west-3',
			userName: 'learner-two',
			serviceRoleName: 'CDServiceRole2',
			instanceRoleName: 'EC2Role2',
			instanceProfileName: 'EC2Profile2',
			bucket: 'atelier-revisions-2',
			accountId: '000000000000',
		};
		const credentials = await setUp(values, new Set(['service-role-policy']));
		const { bucket: _bucket, accountId: _account, ...names } = values;
		const report = await runLabCheck(
			'iam-setup',
			{ ...names, bucket: values.bucket },
			{ endpointUrl: sandbox.url, env: {}, credentials, missingRetries: 0, maxAttempts: 1, lang: 'en' },
		);
		expect(report.results.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual([
			'service-role-policy',
		]);
	});
});
