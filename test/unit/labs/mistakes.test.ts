import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../../src/lib/labs/checks.ts';
import type { IamSetupFacts } from '../../../src/lib/labs/facts.ts';
import { IAM_SETUP_CHECKS } from '../../../src/lib/labs/iam-setup/index.ts';
import type { CheckResult, EvalContext } from '../../../src/lib/labs/result.ts';
import { labFiles, parseLab } from '../../../src/lib/labs/schema.ts';
import {
	ACCOUNT,
	ADMIN_DOCUMENT,
	CODEDEPLOY_ROLE_DOCUMENT,
	INSTANCE_POLICY,
	USER_POLICY,
	VALUES,
	awsEncode,
	correctFacts,
	inline,
	managed,
	trust,
} from '../../fixtures/labs/setup.ts';

const lab = parseLab(
	readFileSync(join(import.meta.dirname, '../../../content/labs/iam-setup.yaml'), 'utf8'),
).lab!;
const ctx: EvalContext = { values: VALUES, shell: 'bash', lang: 'en', files: labFiles(lab) };

function run(change: (facts: IamSetupFacts) => IamSetupFacts, context = ctx): CheckResult[] {
	return evaluateChecks(IAM_SETUP_CHECKS, change(correctFacts()), context);
}
/** The failing checks; every failure must carry a fix (commands or a console path). */
const failing = (results: CheckResult[]) => {
	const failed = results.filter((r) => r.status === 'fail');
	for (const r of failed)
		expect(r.fix && (r.fix.commands.length > 0 || r.fix.console), `${r.id} has no fix`).toBeTruthy();
	return failed.map((r) => r.id);
};
const byId = (results: CheckResult[], id: string) => results.find((r) => r.id === id)!;

const withRole = (facts: IamSetupFacts, key: 'serviceRole' | 'instanceRole', doc: unknown): IamSetupFacts => {
	const current = facts[key];
	if (current.status !== 'ok') throw new Error('fixture');
	return { ...facts, [key]: { status: 'ok', value: { ...current.value, trustDocument: awsEncode(doc) } } };
};

describe('iam-setup: a correct setup', () => {
	it('passes every check', () => {
		const results = run((f) => f);
		expect(results.map((r) => [r.id, r.status])).toEqual(IAM_SETUP_CHECKS.map((d) => [d.id, 'pass']));
	});
	it('keeps the check ids of the issue, in order', () => {
		expect(IAM_SETUP_CHECKS.map((d) => d.id)).toEqual(lab.checks);
	});
});

describe('iam-setup: each mistake fails exactly its checks (reference §5.4)', () => {
	it('M1 service role trusts ec2.amazonaws.com → service-role', () => {
		const results = run((f) => withRole(f, 'serviceRole', trust('ec2.amazonaws.com')));
		expect(failing(results)).toEqual(['service-role']);
		const r = byId(results, 'service-role');
		expect(r.messageKey).toBe('service-role.wrong-principal');
		expect(r.params['found']).toBe('ec2.amazonaws.com');
		expect(r.fix?.commands.at(-1)).toBe(
			'aws iam update-assume-role-policy --role-name CodeDeployServiceRole --policy-document file://CodeDeployDemo-Trust.json',
		);
		expect(r.fix?.commands[0]).toContain('"codedeploy.amazonaws.com"');
	});
	it('M2 regional principal for another region → service-role', () => {
		const results = run((f) => withRole(f, 'serviceRole', trust(['codedeploy.us-east-1.amazonaws.com'])));
		expect(failing(results)).toEqual(['service-role']);
		expect(byId(results, 'service-role').messageKey).toBe('service-role.other-region');
		// …while a regional list that includes the lab region passes.
		const ok = run((f) =>
			withRole(
				f,
				'serviceRole',
				trust(['codedeploy.us-east-1.amazonaws.com', 'codedeploy.eu-west-3.amazonaws.com']),
			),
		);
		expect(failing(ok)).toEqual([]);
	});
	it('M3 AWSCodeDeployRole missing, without its path, or the ECS variant → service-role-policy', () => {
		for (const arn of [
			'arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS',
			'arn:aws:iam::aws:policy/AWSCodeDeployRole',
			undefined,
		]) {
			const results = run((f) => ({
				...f,
				serviceRoleAttached: { status: 'ok', value: arn ? [{ name: 'X', arn }] : [] },
			}));
			expect(failing(results)).toEqual(['service-role-policy']);
			expect(byId(results, 'service-role-policy').fix?.commands.at(-1)).toBe(
				'aws iam attach-role-policy --role-name CodeDeployServiceRole --policy-arn arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole',
			);
		}
	});
	it('M4 AWSCodeDeployRole on the instance role → instance-role-scope', () => {
		const arn = 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole';
		const results = run((f) => ({
			...f,
			instanceRoleAttached: { status: 'ok', value: [{ name: 'AWSCodeDeployRole', arn }] },
			instanceRolePolicies: {
				status: 'ok',
				value: [
					inline('CodeDeployDemo-EC2-Permissions', INSTANCE_POLICY),
					managed(arn, CODEDEPLOY_ROLE_DOCUMENT),
				],
			},
		}));
		expect(failing(results)).toEqual(['instance-role-scope']);
		expect(byId(results, 'instance-role-scope').fix?.commands).toEqual([
			`aws iam detach-role-policy --role-name CodeDeployDemo-EC2-Instance-Profile --policy-arn ${arn}`,
		]);
	});
	it('M5 instance role trusts codedeploy.amazonaws.com → instance-role', () => {
		const results = run((f) => withRole(f, 'instanceRole', trust('codedeploy.amazonaws.com')));
		expect(failing(results)).toEqual(['instance-role']);
	});
	it('M6 instance profile missing, empty, or holding another role → instance-profile', () => {
		const variants: ((f: IamSetupFacts) => IamSetupFacts)[] = [
			(f) => ({ ...f, instanceProfile: { status: 'missing' } }),
			(f) => ({ ...f, instanceProfile: { status: 'ok', value: { arn: 'a', roles: [] } } }),
			(f) => ({
				...f,
				instanceProfile: { status: 'ok', value: { arn: 'a', roles: [{ name: 'OtherRole', arn: 'b' }] } },
			}),
		];
		const keys = variants.map((v) => {
			const results = run(v);
			expect(failing(results)).toEqual(['instance-profile']);
			return byId(results, 'instance-profile').messageKey;
		});
		expect(keys).toEqual([
			'instance-profile.missing',
			'instance-profile.empty',
			'instance-profile.wrong-role',
		]);
		expect(byId(run(variants[2]!), 'instance-profile').fix?.commands).toEqual([
			'aws iam remove-role-from-instance-profile --instance-profile-name CodeDeployDemo-EC2-Instance-Profile --role-name OtherRole',
			'aws iam add-role-to-instance-profile --instance-profile-name CodeDeployDemo-EC2-Instance-Profile --role-name CodeDeployDemo-EC2-Instance-Profile',
		]);
	});
	it('M7 instance role cannot read the bucket (or the resource kit) → instance-role-s3', () => {
		for (const resources of [
			['arn:aws:s3:::aws-codedeploy-eu-west-3/*'],
			['arn:aws:s3:::newbucketcodedeploy/*'],
		]) {
			const policy = {
				Version: '2012-10-17',
				Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: resources }],
			};
			const results = run((f) => ({
				...f,
				instanceRolePolicies: { status: 'ok', value: [inline('CodeDeployDemo-EC2-Permissions', policy)] },
			}));
			expect(failing(results)).toEqual(['instance-role-s3']);
			expect(String(byId(results, 'instance-role-s3').params['why'])).toContain(
				'No statement allows s3:GetObject',
			);
		}
	});
	it('M8 instance role too broad (s3:* on *, AmazonS3FullAccess, admin) → instance-role-scope', () => {
		const broad = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
		for (const extra of [
			inline('Broad', broad),
			managed('arn:aws:iam::aws:policy/AmazonS3FullAccess', broad),
			managed('arn:aws:iam::aws:policy/AdministratorAccess', ADMIN_DOCUMENT),
		]) {
			const results = run((f) => ({
				...f,
				instanceRoleAttached: {
					status: 'ok',
					value: extra.kind === 'managed' ? [{ name: 'x', arn: extra.name }] : [],
				},
				instanceRolePolicies: {
					status: 'ok',
					value: [inline('CodeDeployDemo-EC2-Permissions', INSTANCE_POLICY), extra],
				},
			}));
			expect(failing(results)).toEqual(['instance-role-scope']);
			expect(byId(results, 'instance-role-scope').fix?.commands[0]).toMatch(
				/detach-role-policy|delete-role-policy/,
			);
		}
	});
	it('M9 learner user is an administrator, directly or through a group → user-least-privilege', () => {
		const direct = run((f) => ({
			...f,
			userPolicies: {
				status: 'ok',
				value: [
					inline('CodeDeployUserAccess', USER_POLICY),
					managed('arn:aws:iam::aws:policy/AdministratorAccess', ADMIN_DOCUMENT),
				],
			},
		}));
		expect(failing(direct)).toEqual(['user-least-privilege']);
		expect(byId(direct, 'user-least-privilege').fix?.commands[0]).toBe(
			'aws iam detach-user-policy --user-name codedeploy-user --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
		);
		const group = run((f) => ({
			...f,
			userPolicies: {
				status: 'ok',
				value: [inline('CodeDeployUserAccess', USER_POLICY), inline('all', ADMIN_DOCUMENT, 'Admins')],
			},
		}));
		expect(failing(group)).toEqual(['user-least-privilege']);
		expect(byId(group, 'user-least-privilege').fix?.commands[0]).toBe(
			'aws iam remove-user-from-group --user-name codedeploy-user --group-name Admins',
		);
	});
	it('M10 no iam:PassRole on the instance role → user-least-privilege, naming the role', () => {
		const policy = structuredClone(USER_POLICY);
		policy.Statement[1]!.Resource = [`arn:aws:iam::${ACCOUNT}:role/CodeDeployServiceRole`];
		const results = run((f) => ({
			...f,
			userPolicies: { status: 'ok', value: [inline('CodeDeployUserAccess', policy)] },
		}));
		expect(failing(results)).toEqual(['user-least-privilege']);
		const r = byId(results, 'user-least-privilege');
		expect(r.params['roles']).toBe(`arn:aws:iam::${ACCOUNT}:role/CodeDeployDemo-EC2-Instance-Profile`);
		expect(r.fix?.commands.join('\n')).toContain(
			`arn:aws:iam::${ACCOUNT}:role/CodeDeployDemo-EC2-Instance-Profile`,
		);
	});
	it('M11 root keys → identity and root-keys', () => {
		const results = run((f) => ({
			...f,
			identity: {
				status: 'ok',
				value: { arn: `arn:aws:iam::${ACCOUNT}:root`, account: ACCOUNT, userId: ACCOUNT },
			},
			accountSummary: { status: 'ok', value: { AccountAccessKeysPresent: 1, AccountMFAEnabled: 1 } },
		}));
		expect(failing(results)).toEqual(['identity', 'root-keys']);
	});
	it('M12 no active access key → user-access-key; two active keys only warn', () => {
		const none = run((f) => ({ ...f, accessKeys: { status: 'ok', value: [] } }));
		expect(failing(none)).toEqual(['user-access-key']);
		expect(byId(none, 'user-access-key').fix?.commands).toEqual([
			'aws iam create-access-key --user-name codedeploy-user',
		]);
		const two = run((f) => ({
			...f,
			accessKeys: {
				status: 'ok',
				value: [
					{ id: 'A', status: 'Active' },
					{ id: 'B', status: 'Active' },
				],
			},
		}));
		expect(failing(two)).toEqual([]);
		expect(byId(two, 'user-access-key').status).toBe('warn');
	});
	it('M13 bucket in another region → bucket ("found, but in us-east-1")', () => {
		const results = run((f) => ({
			...f,
			bucket: { status: 'ok', value: { status: 'found', region: 'us-east-1' } },
		}));
		expect(failing(results)).toEqual(['bucket']);
		expect(byId(results, 'bucket')).toMatchObject({
			messageKey: 'bucket.other-region',
			params: { found: 'us-east-1', region: 'eu-west-3' },
		});
	});
	it('M14 bucket name typo (404) or taken by another account (403) → bucket', () => {
		const missing = run((f) => ({ ...f, bucket: { status: 'ok', value: { status: 'not-found' } } }));
		expect(failing(missing)).toEqual(['bucket']);
		expect(byId(missing, 'bucket').fix?.commands).toEqual([
			'aws s3api create-bucket --bucket newbucketcodedeploy --region eu-west-3 --create-bucket-configuration LocationConstraint=eu-west-3',
		]);
		expect(byId(missing, 'bucket-private').status).toBe('skipped');
		const taken = run((f) => ({ ...f, bucket: { status: 'ok', value: { status: 'forbidden' } } }));
		expect(failing(taken)).toEqual(['bucket']);
		expect(byId(taken, 'bucket').messageKey).toBe('bucket.forbidden');
	});
	it('M15 public bucket → bucket-private', () => {
		const publicPolicy = JSON.stringify({
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
		const results = run((f) => ({
			...f,
			publicAccessBlock: { status: 'missing' },
			bucketPolicy: { status: 'ok', value: publicPolicy },
		}));
		expect(failing(results)).toEqual(['bucket-private']);
		expect(byId(results, 'bucket-private').fix?.commands[0]).toBe(
			'aws s3api delete-bucket-policy --bucket newbucketcodedeploy',
		);
		const acl = run((f) => ({
			...f,
			publicAccessBlock: { status: 'missing' },
			bucketAclGrantees: { status: 'ok', value: ['http://acs.amazonaws.com/groups/global/AllUsers'] },
		}));
		expect(failing(acl)).toEqual(['bucket-private']);
	});
	it('M16 a trust document put as the permissions policy shows as M7 (the role reads nothing)', () => {
		const results = run((f) => ({
			...f,
			instanceRolePolicies: {
				status: 'ok',
				value: [inline('CodeDeployDemo-EC2-Permissions', trust('ec2.amazonaws.com'))],
			},
		}));
		expect(failing(results)).toEqual(['instance-role-s3']);
	});
});

describe('iam-setup: prerequisites and unverifiable reads', () => {
	it('unusable credentials make identity an error and skip everything else', () => {
		const results = run((f) => ({
			...f,
			identity: {
				status: 'failed',
				code: 'InvalidClientTokenId',
				message: 'The security token included in the request is invalid.',
			},
		}));
		expect(byId(results, 'identity').status).toBe('error');
		expect(results.slice(1).every((r) => r.status === 'skipped' && r.messageKey === 'skipped.usable')).toBe(
			true,
		);
	});
	it('a missing user skips its dependants with the reason', () => {
		const results = run((f) => ({ ...f, user: { status: 'missing' } }));
		expect(failing(results)).toEqual(['user']);
		expect(byId(results, 'user-access-key')).toMatchObject({
			status: 'skipped',
			messageKey: 'skipped.pass',
			params: { check: 'user' },
		});
	});
	it('a missing role skips its policy checks but a wrong trust does not', () => {
		const missing = run((f) => ({ ...f, serviceRole: { status: 'missing' } }));
		expect(byId(missing, 'service-role-policy').status).toBe('skipped');
		const wrong = run((f) => withRole(f, 'serviceRole', trust('ec2.amazonaws.com')));
		expect(byId(wrong, 'service-role-policy').status).toBe('pass');
	});
	it('AccessDenied on a read is an error naming the action, never a failure', () => {
		const results = run((f) => ({
			...f,
			serviceRoleAttached: { status: 'denied', action: 'iam:ListAttachedRolePolicies' },
			userPolicies: { status: 'denied', action: 'iam:GetPolicyVersion' },
		}));
		expect(failing(results)).toEqual([]);
		expect(byId(results, 'service-role-policy')).toMatchObject({
			status: 'error',
			messageKey: 'check.denied',
			params: { action: 'iam:ListAttachedRolePolicies' },
		});
		expect(byId(results, 'user-least-privilege').params['action']).toBe('iam:GetPolicyVersion');
		expect(byId(results, 'service-role-policy').fix?.commands.slice(1)).toEqual([
			'aws iam create-policy --policy-name AtelierLabChecker --policy-document file://AtelierLabChecker.json',
			'aws iam attach-user-policy --user-name codedeploy-user --policy-arn arn:aws:iam::123456789012:policy/AtelierLabChecker',
		]);
	});
	it('fixes quote learner names for the shell (bash and PowerShell)', () => {
		const odd = { ...VALUES, userName: 'dev@team,a' };
		const bash = run((f) => ({ ...f, user: { status: 'missing' } }), { ...ctx, values: odd });
		expect(byId(bash, 'user').fix?.commands).toEqual(['aws iam create-user --user-name dev@team,a']);
		const ps = run((f) => ({ ...f, user: { status: 'missing' } }), {
			...ctx,
			values: odd,
			shell: 'powershell',
		});
		expect(byId(ps, 'user').fix?.commands).toEqual(["aws iam create-user --user-name 'dev@team,a'"]);
		const plain = run((f) => ({ ...f, user: { status: 'missing' } }), {
			...ctx,
			values: { ...VALUES, userName: 'dev@team' },
			shell: 'powershell',
		});
		expect(byId(plain, 'user').fix?.commands).toEqual(["aws iam create-user --user-name 'dev@team'"]);
	});
});
