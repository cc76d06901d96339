import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../../src/lib/labs/checks.ts';
import type { IamSetupFacts } from '../../../src/lib/labs/facts.ts';
import { IAM_SETUP_CHECKS } from '../../../src/lib/labs/iam-setup/index.ts';
import { messageFor, toText } from '../../../src/lib/labs/report.ts';
import type { EvalContext } from '../../../src/lib/labs/result.ts';
import { USER_POLICY, VALUES, correctFacts, inline } from '../../fixtures/labs/setup.ts';

const ctx: EvalContext = { values: VALUES, shell: 'bash', lang: 'en' };
const result = (change: (f: IamSetupFacts) => IamSetupFacts, id: string) =>
	evaluateChecks(IAM_SETUP_CHECKS, change(correctFacts()), ctx).find((r) => r.id === id)!;

describe('iam-setup advice (warn) and explanations', () => {
	it('PassRole allowed only under a condition → warn, with the condition spelled out', () => {
		const policy = structuredClone(USER_POLICY) as { Statement: Record<string, unknown>[] };
		policy.Statement[1]!['Condition'] = {
			StringEquals: { 'iam:PassedToService': 'codedeploy.amazonaws.com' },
		};
		const r = result(
			(f) => ({ ...f, userPolicies: { status: 'ok', value: [inline('CodeDeployUserAccess', policy)] } }),
			'user-least-privilege',
		);
		expect(r.status).toBe('warn');
		expect(messageFor(r, 'en')).toContain(
			'allowed only when key iam:PassedToService satisfies StringEquals codedeploy.amazonaws.com',
		);
	});
	it('an explicit Deny on PassRole fails even with an Allow', () => {
		const policy = structuredClone(USER_POLICY) as { Statement: unknown[] };
		policy.Statement.push({ Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' });
		expect(
			result(
				(f) => ({ ...f, userPolicies: { status: 'ok', value: [inline('CodeDeployUserAccess', policy)] } }),
				'user-least-privilege',
			).status,
		).toBe('fail');
	});
	it('the docs’ restricted instance policy without the bucket ARN → warn: no s3:ListBucket', () => {
		const policy = {
			Version: '2012-10-17',
			Statement: [
				{
					Effect: 'Allow',
					Action: ['s3:Get*', 's3:List*'],
					Resource: ['arn:aws:s3:::newbucketcodedeploy/*', 'arn:aws:s3:::aws-codedeploy-eu-west-3/*'],
				},
			],
		};
		const r = result(
			(f) => ({
				...f,
				instanceRolePolicies: { status: 'ok', value: [inline('CodeDeployDemo-EC2-Permissions', policy)] },
			}),
			'instance-role-s3',
		);
		expect(r).toMatchObject({ status: 'warn', messageKey: 'instance-role-s3.no-list' });
	});
	it('a bucket policy granting the instance role is an accepted alternative', () => {
		const policy = {
			Version: '2012-10-17',
			Statement: [
				{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::aws-codedeploy-eu-west-3/*' },
			],
		};
		const bucketPolicy = JSON.stringify({
			Version: '2012-10-17',
			Statement: [
				{
					Effect: 'Allow',
					Principal: { AWS: 'arn:aws:iam::123456789012:role/CodeDeployDemo-EC2-Instance-Profile' },
					Action: ['s3:GetObject', 's3:ListBucket'],
					Resource: ['arn:aws:s3:::newbucketcodedeploy', 'arn:aws:s3:::newbucketcodedeploy/*'],
				},
			],
		});
		const r = result(
			(f) => ({
				...f,
				instanceRolePolicies: { status: 'ok', value: [inline('P', policy)] },
				bucketPolicy: { status: 'ok', value: bucketPolicy },
			}),
			'instance-role-s3',
		);
		expect(r.status).toBe('pass');
	});
	it('the too-broad statement is named in the explanation', () => {
		const broad = {
			Version: '2012-10-17',
			Statement: [{ Sid: 'EverythingS3', Effect: 'Allow', Action: 's3:*', Resource: '*' }],
		};
		const r = result(
			(f) => ({
				...f,
				instanceRolePolicies: { status: 'ok', value: [inline('CodeDeployDemo-EC2-Permissions', broad)] },
			}),
			'instance-role-scope',
		);
		expect(messageFor(r, 'en')).toContain(
			'(statement "EverythingS3" (no. 1) of "CodeDeployDemo-EC2-Permissions")',
		);
		expect(r.fix?.commands[0]).toBe(
			'aws iam delete-role-policy --role-name CodeDeployDemo-EC2-Instance-Profile --policy-name CodeDeployDemo-EC2-Permissions',
		);
	});
	it('Block Public Access partly off but nothing public → warn', () => {
		const r = result(
			(f) => ({
				...f,
				publicAccessBlock: {
					status: 'ok',
					value: {
						blockPublicAcls: true,
						ignorePublicAcls: true,
						blockPublicPolicy: false,
						restrictPublicBuckets: false,
					},
				},
			}),
			'bucket-private',
		);
		expect(r.status).toBe('warn');
	});
	it('a public policy neutralised by RestrictPublicBuckets is not public', () => {
		const pub = JSON.stringify({
			Version: '2012-10-17',
			Statement: [
				{
					Effect: 'Allow',
					Principal: '*',
					Action: 's3:GetObject',
					Resource: 'arn:aws:s3:::newbucketcodedeploy/*',
				},
			],
		});
		const r = result(
			(f) => ({
				...f,
				publicAccessBlock: {
					status: 'ok',
					value: {
						blockPublicAcls: true,
						ignorePublicAcls: true,
						blockPublicPolicy: false,
						restrictPublicBuckets: true,
					},
				},
				bucketPolicy: { status: 'ok', value: pub },
			}),
			'bucket-private',
		);
		expect(r.status).toBe('warn');
	});
	it('no root MFA → warn; service role with the instance policy too → warn', () => {
		expect(
			result(
				(f) => ({
					...f,
					accountSummary: { status: 'ok', value: { AccountAccessKeysPresent: 0, AccountMFAEnabled: 0 } },
				}),
				'root-keys',
			).status,
		).toBe('warn');
		const both = result(
			(f) => ({
				...f,
				serviceRoleAttached: {
					status: 'ok',
					value: [
						{ name: 'a', arn: 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole' },
						{ name: 'b', arn: 'arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforAWSCodeDeploy' },
					],
				},
			}),
			'service-role-policy',
		);
		expect(both.status).toBe('warn');
	});
	it('wrong account → identity fails', () => {
		const r = evaluateChecks(IAM_SETUP_CHECKS, correctFacts(), {
			...ctx,
			values: { ...VALUES, accountId: '999999999999' },
		})[0]!;
		expect(r).toMatchObject({ status: 'fail', messageKey: 'identity.wrong-account' });
	});
	it('the text report lists every check, with fixes and docs for failures', () => {
		const results = evaluateChecks(IAM_SETUP_CHECKS, { ...correctFacts(), user: { status: 'missing' } }, ctx);
		const text = toText(
			{
				lab: 'iam-setup',
				params: VALUES,
				principal: 'arn:x',
				startedAt: '2026-11-26T15:00:00.000Z',
				results,
			},
			'en',
		);
		expect(text).toContain('✘ FAIL  user: IAM user codedeploy-user does not exist.');
		expect(text).toContain('      aws iam create-user --user-name codedeploy-user');
		expect(text).toContain('In the console: IAM console › Users › codedeploy-user');
		expect(text).toContain('- SKIPPED  user-access-key');
		expect(text.match(/^(✔|!|✘|\?|-) /gm)).toHaveLength(13);
	});
});
