/**
 * Simulated students for instructor mode: accounts in the practice account, each with (some of) the iam-setup lab
 * and the checker role made from the shipped plain IAM JSON (labs/instructor). Built with the AWS SDK (tests only).
 */
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
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKER_ROLE_NAME, SHIPPED } from '../../../labs/instructor/checker-role.ts';
import type { RunningSandbox } from '../../../labs/sandbox/index.ts';
import { labFiles, parseLab } from '../../../src/lib/labs/schema.ts';
import { renderFile } from '../../../src/lib/labs/shell.ts';

const lab = parseLab(
	readFileSync(join(import.meta.dirname, '../../../content/labs/iam-setup.yaml'), 'utf8'),
).lab!;
const instructorDir = join(import.meta.dirname, '../../../labs/instructor');
const shipped = (name: string) => readFileSync(join(instructorDir, name), 'utf8');

export interface SimulatedStudent {
	readonly name: string;
	readonly accountId: string;
	readonly bucket: string;
	/** How far the student got: `full` is the whole lab; `user` only step 1; `none` nothing. */
	readonly progress: 'full' | 'user' | 'none';
	/** The ExternalId their checker role requires; `undefined`: no checker role deployed. */
	readonly roleExternalId?: string;
}

export const roleArnOf = (accountId: string) => `arn:aws:iam::${accountId}:role/${CHECKER_ROLE_NAME}`;

/** Creates the student's account and what they built in it; returns the account's administrator keys. */
export async function setUpStudent(
	sandbox: RunningSandbox,
	student: SimulatedStudent,
	instructorAccount: string,
): Promise<Keys> {
	const admin = sandbox.createAccount(student.accountId);
	const config = {
		endpoint: sandbox.url,
		region: 'eu-west-3',
		credentials: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
		maxAttempts: 1,
	};
	const iam = new IAMClient(config);
	const s3 = new S3Client({ ...config, forcePathStyle: true });
	if (student.roleExternalId !== undefined) {
		const trust = shipped(SHIPPED.trust)
			.replace('INSTRUCTOR_ACCOUNT_ID', instructorAccount)
			.replace('EXTERNAL_ID', student.roleExternalId);
		await iam.send(new CreateRoleCommand({ RoleName: CHECKER_ROLE_NAME, AssumeRolePolicyDocument: trust }));
		await iam.send(
			new PutRolePolicyCommand({
				RoleName: CHECKER_ROLE_NAME,
				PolicyName: 'AtelierLabChecker',
				PolicyDocument: shipped(SHIPPED.permissions),
			}),
		);
	}
	if (student.progress === 'none') return admin;
	const values = {
		region: 'eu-west-3',
		userName: 'codedeploy-user',
		serviceRoleName: 'CodeDeployServiceRole',
		instanceRoleName: 'CodeDeployDemo-EC2-Instance-Profile',
		instanceProfileName: 'CodeDeployDemo-EC2-Instance-Profile',
		bucket: student.bucket,
		accountId: student.accountId,
	};
	const files = labFiles(lab);
	const file = (name: string) => renderFile(files[name]!, values);
	await iam.send(new CreateUserCommand({ UserName: values.userName }));
	await iam.send(new CreateAccessKeyCommand({ UserName: values.userName }));
	if (student.progress === 'user') return admin;
	await iam.send(
		new CreateRoleCommand({
			RoleName: values.serviceRoleName,
			AssumeRolePolicyDocument: file('CodeDeployDemo-Trust.json'),
		}),
	);
	await iam.send(
		new AttachRolePolicyCommand({
			RoleName: values.serviceRoleName,
			PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole',
		}),
	);
	await iam.send(
		new PutUserPolicyCommand({
			UserName: values.userName,
			PolicyName: 'CodeDeployUserAccess',
			PolicyDocument: file('codedeploy-user-policy.json'),
		}),
	);
	await iam.send(
		new CreatePolicyCommand({
			PolicyName: 'AtelierLabChecker',
			PolicyDocument: file('AtelierLabChecker.json'),
		}),
	);
	await iam.send(
		new AttachUserPolicyCommand({
			UserName: values.userName,
			PolicyArn: `arn:aws:iam::${values.accountId}:policy/AtelierLabChecker`,
		}),
	);
	await iam.send(
		new CreateRoleCommand({
			RoleName: values.instanceRoleName,
			AssumeRolePolicyDocument: file('CodeDeployDemo-EC2-Trust.json'),
		}),
	);
	await iam.send(
		new PutRolePolicyCommand({
			RoleName: values.instanceRoleName,
			PolicyName: 'CodeDeployDemo-EC2-Permissions',
			PolicyDocument: file('CodeDeployDemo-EC2-Permissions.json'),
		}),
	);
	await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: values.instanceProfileName }));
	await iam.send(
		new AddRoleToInstanceProfileCommand({
			InstanceProfileName: values.instanceProfileName,
			RoleName: values.instanceRoleName,
		}),
	);
	await s3.send(
		new CreateBucketCommand({
			Bucket: values.bucket,
			CreateBucketConfiguration: { LocationConstraint: 'eu-west-3' },
		}),
	);
	return admin;
}

interface Keys {
	readonly accessKeyId: string;
	readonly secretAccessKey: string;
}

/** A roster line (RFC 4180 quoting left to the caller's names, which are plain here). */
export const rosterLine = (s: SimulatedStudent, externalId = s.roleExternalId ?? 'none-given') =>
	`${s.name},${s.accountId},${roleArnOf(s.accountId)},${externalId},${s.bucket}`;
