import {
	adminStatements,
	describeStatement,
	evaluate,
	explainEvaluation,
	parsePolicy,
	trustAllowsService,
	trustedServices,
	type Evaluation,
	type Policy,
} from '../../iam/index.ts';
import type { IamSetupFacts, Read, RoleFacts } from '../facts.ts';
import { firstUnreadable, ok, unreadable, withFix, type EvalContext, type Verdict } from '../result.ts';
import {
	ADMIN_POLICY,
	CODEDEPLOY_ROLE_POLICY,
	EC2_CODEDEPLOY_POLICY,
	OTHER_PLATFORM_POLICIES,
	value,
} from './names.ts';
import { parsePolicies } from './user.ts';

function trustOf(role: RoleFacts): Policy | undefined {
	return parsePolicy(role.trustDocument, { kind: 'resource', name: 'trust policy' }).policy;
}

function missingRole(
	read: Read<RoleFacts>,
	key: 'service-role' | 'instance-role',
	nameKey: string,
	ctx: EvalContext,
	trustFile: string,
): Verdict | undefined {
	if (read.status === 'missing') {
		const create = [
			'aws',
			'iam',
			'create-role',
			'--role-name',
			`{${nameKey}}`,
			'--assume-role-policy-document',
			`file://${trustFile}`,
		];
		const steps =
			key === 'service-role'
				? [
						{ file: trustFile },
						create,
						[
							'aws',
							'iam',
							'attach-role-policy',
							'--role-name',
							'{serviceRoleName}',
							'--policy-arn',
							CODEDEPLOY_ROLE_POLICY,
						],
					]
				: [
						{ file: trustFile },
						create,
						{ file: 'CodeDeployDemo-EC2-Permissions.json' },
						instancePolicyCommand(),
					];
		return withFix(
			{ status: 'fail', messageKey: `${key}.missing`, params: { role: value(ctx, nameKey) }, exists: false },
			ctx,
			steps,
			'console.iam-roles',
		);
	}
	return unreadable(read);
}

export function evaluateServiceRole(facts: IamSetupFacts, ctx: EvalContext): Verdict {
	const trustFile = 'CodeDeployDemo-Trust.json';
	const early = missingRole(facts.serviceRole, 'service-role', 'serviceRoleName', ctx, trustFile);
	if (early) return early;
	const role = ok(facts.serviceRole) as RoleFacts;
	const region = value(ctx, 'region');
	const roleName = value(ctx, 'serviceRoleName');
	const trust = trustOf(role);
	const found = trust ? trustedServices(trust) : [];
	const params = { role: roleName, found: found.join(', ') || '—', region };
	const allowed =
		trust &&
		(trustAllowsService(trust, role.arn, 'codedeploy.amazonaws.com') ||
			trustAllowsService(trust, role.arn, `codedeploy.${region}.amazonaws.com`));
	if (allowed) return { status: 'pass', messageKey: 'service-role.pass', params, exists: true };
	const regional = found.some((s) => /^codedeploy\.[a-z0-9-]+\.amazonaws\.com$/.test(s));
	const fix = [
		{ file: trustFile },
		[
			'aws',
			'iam',
			'update-assume-role-policy',
			'--role-name',
			'{serviceRoleName}',
			'--policy-document',
			`file://${trustFile}`,
		],
	];
	const messageKey = regional ? 'service-role.other-region' : 'service-role.wrong-principal';
	return withFix({ status: 'fail', messageKey, params, exists: true }, ctx, fix, 'console.iam-role-trust');
}

export function evaluateServiceRolePolicy(facts: IamSetupFacts, ctx: EvalContext): Verdict {
	const attached = ok(facts.serviceRoleAttached);
	if (!attached)
		return (
			unreadable(facts.serviceRoleAttached) ?? {
				status: 'error',
				messageKey: 'check.denied',
				params: { action: 'iam:ListAttachedRolePolicies' },
			}
		);
	const arns = attached.map((p) => p.arn);
	const role = value(ctx, 'serviceRoleName');
	const attach = [
		'aws',
		'iam',
		'attach-role-policy',
		'--role-name',
		'{serviceRoleName}',
		'--policy-arn',
		CODEDEPLOY_ROLE_POLICY,
	];
	if (arns.includes(CODEDEPLOY_ROLE_POLICY)) {
		if (arns.includes(EC2_CODEDEPLOY_POLICY))
			return withFix(
				{ status: 'warn', messageKey: 'service-role-policy.instance-policy', params: { role } },
				ctx,
				[
					[
						'aws',
						'iam',
						'detach-role-policy',
						'--role-name',
						'{serviceRoleName}',
						'--policy-arn',
						EC2_CODEDEPLOY_POLICY,
					],
				],
			);
		return { status: 'pass', messageKey: 'service-role-policy.pass', params: { role } };
	}
	const variant = arns.find((a) => OTHER_PLATFORM_POLICIES.includes(a));
	if (variant) {
		const detach = [
			'aws',
			'iam',
			'detach-role-policy',
			'--role-name',
			'{serviceRoleName}',
			'--policy-arn',
			variant,
		];
		return withFix(
			{ status: 'fail', messageKey: 'service-role-policy.wrong-variant', params: { role, found: variant } },
			ctx,
			[detach, attach],
			'console.iam-role-permissions',
		);
	}
	return withFix(
		{
			status: 'fail',
			messageKey: 'service-role-policy.missing',
			params: { role, found: arns.join(', ') || '—' },
		},
		ctx,
		[attach],
		'console.iam-role-permissions',
	);
}

export function evaluateInstanceRole(facts: IamSetupFacts, ctx: EvalContext): Verdict {
	const trustFile = 'CodeDeployDemo-EC2-Trust.json';
	const early = missingRole(facts.instanceRole, 'instance-role', 'instanceRoleName', ctx, trustFile);
	if (early) return early;
	const role = ok(facts.instanceRole) as RoleFacts;
	const trust = trustOf(role);
	const found = trust ? trustedServices(trust) : [];
	const params = { role: value(ctx, 'instanceRoleName'), found: found.join(', ') || '—' };
	if (trust && trustAllowsService(trust, role.arn, 'ec2.amazonaws.com'))
		return { status: 'pass', messageKey: 'instance-role.pass', params, exists: true };
	const fix = [
		{ file: trustFile },
		[
			'aws',
			'iam',
			'update-assume-role-policy',
			'--role-name',
			'{instanceRoleName}',
			'--policy-document',
			`file://${trustFile}`,
		],
	];
	return withFix(
		{ status: 'fail', messageKey: 'instance-role.wrong-principal', params, exists: true },
		ctx,
		fix,
		'console.iam-role-trust',
	);
}

function instancePolicyCommand(): readonly string[] {
	return [
		'aws',
		'iam',
		'put-role-policy',
		'--role-name',
		'{instanceRoleName}',
		'--policy-name',
		'CodeDeployDemo-EC2-Permissions',
		'--policy-document',
		'file://CodeDeployDemo-EC2-Permissions.json',
	];
}

/** The bucket policy, as a resource policy, can also grant the instance role (an accepted alternative, reference §1.4). */
function bucketPolicies(facts: IamSetupFacts): Policy[] {
	const doc = ok(facts.bucketPolicy);
	const parsed = doc ? parsePolicy(doc, { kind: 'resource', name: 'bucket policy' }).policy : undefined;
	return parsed ? [parsed] : [];
}

function roleRequest(facts: IamSetupFacts, action: string, resource: string) {
	const arn = ok(facts.instanceRole)?.arn ?? '';
	const account = arn.split(':')[4] ?? '';
	return { action, resource, principal: { type: 'AWS' as const, id: arn, account } };
}

export function evaluateInstanceRoleS3(facts: IamSetupFacts, ctx: EvalContext): Verdict {
	const docs = ok(facts.instanceRolePolicies);
	if (!docs)
		return (
			firstUnreadable(facts.instanceRolePolicies) ?? {
				status: 'error',
				messageKey: 'check.denied',
				params: { action: 'iam:ListRolePolicies' },
			}
		);
	const policies = { identity: parsePolicies(docs), resource: bucketPolicies(facts) };
	const bucket = value(ctx, 'bucket');
	const region = value(ctx, 'region');
	const targets = [
		`arn:aws:s3:::${bucket}/${ctx.values['revisionKey'] ?? 'app.zip'}`,
		`arn:aws:s3:::aws-codedeploy-${region}/latest/install`,
	];
	const role = value(ctx, 'instanceRoleName');
	const fix = [{ file: 'CodeDeployDemo-EC2-Permissions.json' }, instancePolicyCommand()];
	for (const resource of targets) {
		const request = roleRequest(facts, 's3:GetObject', resource);
		const result = evaluate(request, policies);
		if (result.decision === 'implicit-deny' || result.decision === 'explicit-deny')
			return withFix(
				{
					status: 'fail',
					messageKey: 'instance-role-s3.cannot-read',
					params: { role, resource, why: explainEvaluation(request, result, ctx.lang) },
				},
				ctx,
				fix,
				'console.iam-role-permissions',
			);
		if (result.decision === 'conditional')
			return {
				status: 'warn',
				messageKey: 'instance-role-s3.conditional',
				params: { role, resource, why: explainEvaluation(request, result, ctx.lang) },
			};
	}
	const list = evaluate(roleRequest(facts, 's3:ListBucket', `arn:aws:s3:::${bucket}`), policies);
	if (list.decision !== 'allow')
		return withFix(
			{ status: 'warn', messageKey: 'instance-role-s3.no-list', params: { role, bucket } },
			ctx,
			fix,
		);
	return { status: 'pass', messageKey: 'instance-role-s3.pass', params: { role, bucket, region } };
}

/** Writes and deletes that an instance role never needs for CodeDeploy (M8), probed on the lab bucket and elsewhere. */
const OVERREACH_PROBES = [
	['s3:PutObject', 'arn:aws:s3:::{bucket}/app.zip'],
	['s3:DeleteObject', 'arn:aws:s3:::{bucket}/app.zip'],
	['s3:DeleteBucket', 'arn:aws:s3:::{bucket}'],
	['s3:PutObject', 'arn:aws:s3:::another-bucket-atelier/any'],
	['iam:PassRole', 'arn:aws:iam::*:role/any'],
] as const;

export function evaluateInstanceRoleScope(facts: IamSetupFacts, ctx: EvalContext): Verdict {
	const unread = firstUnreadable(facts.instanceRoleAttached, facts.instanceRolePolicies);
	if (unread) return unread;
	const attached = (ok(facts.instanceRoleAttached) ?? []).map((p) => p.arn);
	const docs = ok(facts.instanceRolePolicies) ?? [];
	const role = value(ctx, 'instanceRoleName');
	const detach = (arn: string) => [
		'aws',
		'iam',
		'detach-role-policy',
		'--role-name',
		'{instanceRoleName}',
		'--policy-arn',
		arn,
	];
	if (attached.includes(CODEDEPLOY_ROLE_POLICY))
		return withFix(
			{ status: 'fail', messageKey: 'instance-role-scope.service-policy', params: { role } },
			ctx,
			[detach(CODEDEPLOY_ROLE_POLICY)],
			'console.iam-role-permissions',
		);
	const policies = parsePolicies(docs);
	const adminDoc = attached.includes(ADMIN_POLICY) ? ADMIN_POLICY : adminStatements(policies)[0]?.policy;
	if (adminDoc)
		return withFix(
			{ status: 'fail', messageKey: 'instance-role-scope.admin', params: { role, policy: adminDoc } },
			ctx,
			[removePolicy(adminDoc, docs)],
			'console.iam-role-permissions',
		);
	const bucket = value(ctx, 'bucket');
	for (const [action, template] of OVERREACH_PROBES) {
		const resource = template.replace('{bucket}', bucket);
		const result: Evaluation = evaluate({ action, resource }, { identity: policies });
		if (result.decision !== 'allow' && result.decision !== 'conditional') continue;
		const culprit = result.statement?.policy ?? '';
		const params = {
			role,
			action,
			resource,
			statement: result.statement ? describeStatement(result.statement, ctx.lang) : '',
		};
		if (result.decision === 'conditional')
			return { status: 'warn', messageKey: 'instance-role-scope.conditional-write', params };
		return withFix(
			{ status: 'fail', messageKey: 'instance-role-scope.too-broad', params },
			ctx,
			[removePolicy(culprit, docs), { file: 'CodeDeployDemo-EC2-Permissions.json' }, instancePolicyCommand()],
			'console.iam-role-permissions',
		);
	}
	return { status: 'pass', messageKey: 'instance-role-scope.pass', params: { role } };
}

/** The command removing the policy that grants too much: detach a managed one, delete an inline one. */
function removePolicy(
	name: string,
	docs: IamSetupFacts['instanceRolePolicies'] extends Read<infer T> ? T : never,
): readonly string[] {
	const fact = docs.find((d) => d.name === name);
	if (name.startsWith('arn:') || fact?.kind === 'managed')
		return ['aws', 'iam', 'detach-role-policy', '--role-name', '{instanceRoleName}', '--policy-arn', name];
	return ['aws', 'iam', 'delete-role-policy', '--role-name', '{instanceRoleName}', '--policy-name', name];
}
