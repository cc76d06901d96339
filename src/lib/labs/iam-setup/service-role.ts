import { trustAllowsService, trustedServices } from '../../iam/index.ts';
import type { IamSetupFacts, RoleFacts } from '../facts.ts';
import { ok, unreadable, withFix, type EvalContext, type Verdict } from '../result.ts';
import { CODEDEPLOY_ROLE_POLICY, EC2_CODEDEPLOY_POLICY, OTHER_PLATFORM_POLICIES, value } from './names.ts';
import { missingRole, trustOf } from './role-common.ts';

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
