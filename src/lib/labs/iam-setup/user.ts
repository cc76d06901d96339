import { adminStatements, evaluate, parsePolicy, describeConditions, type Policy } from '../../iam/index.ts';
import type { IamSetupFacts, PolicyFact } from '../facts.ts';
import { firstUnreadable, ok, unreadable, withFix, type EvalContext, type Verdict } from '../result.ts';
import { ADMIN_POLICY, CHECKER_POLICY_SUFFIX, accountOf, roleArn, value } from './names.ts';

export function evaluateUser(facts: IamSetupFacts, ctx: EvalContext): Verdict {
	const read = facts.user;
	if (read.status === 'missing')
		return withFix(
			{
				status: 'fail',
				messageKey: 'user.missing',
				params: { userName: value(ctx, 'userName') },
				exists: false,
			},
			ctx,
			[['aws', 'iam', 'create-user', '--user-name', '{userName}']],
			'console.iam-users',
		);
	return (
		unreadable(read) ?? {
			status: 'pass',
			messageKey: 'user.pass',
			params: { userName: value(ctx, 'userName') },
		}
	);
}

export function evaluateAccessKey(facts: IamSetupFacts, ctx: EvalContext): Verdict {
	const keys = ok(facts.accessKeys);
	if (!keys)
		return (
			unreadable(facts.accessKeys) ?? {
				status: 'error',
				messageKey: 'check.denied',
				params: { action: 'iam:ListAccessKeys' },
			}
		);
	const active = keys.filter((k) => k.status === 'Active');
	const userName = value(ctx, 'userName');
	if (active.length === 0) {
		const inactive = keys[0];
		return withFix(
			{ status: 'fail', messageKey: 'user-access-key.none', params: { userName, inactive: keys.length } },
			ctx,
			inactive
				? [
						[
							'aws',
							'iam',
							'update-access-key',
							'--user-name',
							'{userName}',
							'--access-key-id',
							inactive.id,
							'--status',
							'Active',
						],
					]
				: [['aws', 'iam', 'create-access-key', '--user-name', '{userName}']],
			'console.iam-user-keys',
		);
	}
	if (active.length > 1)
		return withFix(
			{
				status: 'warn',
				messageKey: 'user-access-key.two-active',
				params: { userName, count: active.length },
			},
			ctx,
			// The checker cannot tell which key is in use (STS does not say): list them, deactivate the older one.
			[
				['aws', 'iam', 'list-access-keys', '--user-name', '{userName}'],
				[
					'aws',
					'iam',
					'update-access-key',
					'--user-name',
					'{userName}',
					'--access-key-id',
					'OLD_ACCESS_KEY_ID',
					'--status',
					'Inactive',
				],
			],
			'console.iam-user-keys',
		);
	return { status: 'pass', messageKey: 'user-access-key.pass', params: { userName } };
}

/** Parses policy facts (documents as IAM returned them), named after the policy and, if any, its group. */
export function parsePolicies(facts: readonly PolicyFact[]): Policy[] {
	return facts.flatMap((f) => {
		const label = f.group ? `${f.name} (${f.group})` : f.name;
		const { policy } = parsePolicy(f.document, { name: label });
		return policy ? [policy] : [];
	});
}

export function evaluateLeastPrivilege(facts: IamSetupFacts, ctx: EvalContext): Verdict {
	const all = ok(facts.userPolicies);
	if (!all)
		return (
			firstUnreadable(facts.userPolicies) ?? {
				status: 'error',
				messageKey: 'check.denied',
				params: { action: 'iam:ListAttachedUserPolicies' },
			}
		);
	const userName = value(ctx, 'userName');
	const relevant = all.filter(
		(f) => !f.name.endsWith(CHECKER_POLICY_SUFFIX) && f.name !== 'AtelierLabChecker',
	);
	const admin =
		relevant.find((f) => f.name === ADMIN_POLICY) ??
		relevant.find((f) => adminStatements(parsePolicies([f])).length > 0);
	if (admin) return adminVerdict(admin, userName, ctx);

	const policies = parsePolicies(relevant);
	const account = accountOf(facts, ctx);
	const region = value(ctx, 'region');
	const deploymentGroup = `arn:aws:codedeploy:${region}:${account}:deploymentgroup:*`;
	const codedeploy = evaluate(
		{ action: 'codedeploy:CreateDeployment', resource: deploymentGroup },
		{ identity: policies },
	);
	if (codedeploy.decision === 'implicit-deny' || codedeploy.decision === 'explicit-deny')
		return withFix(
			{ status: 'fail', messageKey: 'user-least-privilege.no-codedeploy', params: { userName } },
			ctx,
			stepThreeFix(),
			'console.iam-user-permissions',
		);
	const roles = [
		ok(facts.serviceRole)?.arn ?? roleArn(account, value(ctx, 'serviceRoleName')),
		ok(facts.instanceRole)?.arn ?? roleArn(account, value(ctx, 'instanceRoleName')),
	];
	const missing = roles.filter((role) => {
		const d = evaluate({ action: 'iam:PassRole', resource: role }, { identity: policies }).decision;
		return d === 'implicit-deny' || d === 'explicit-deny';
	});
	if (missing.length > 0)
		return withFix(
			{
				status: 'fail',
				messageKey: 'user-least-privilege.no-passrole',
				params: { userName, roles: missing.join(', ') },
			},
			ctx,
			stepThreeFix(),
			'console.iam-user-permissions',
			{ accountId: account },
		);
	const conditional = [
		codedeploy,
		...roles.map((r) => evaluate({ action: 'iam:PassRole', resource: r }, { identity: policies })),
	].find((e) => e.decision === 'conditional');
	if (conditional)
		return {
			status: 'warn',
			messageKey: 'user-least-privilege.conditional',
			params: { userName, conditions: describeConditions(conditional.conditions ?? [], ctx.lang) },
		};
	return { status: 'pass', messageKey: 'user-least-privilege.pass', params: { userName } };
}

function stepThreeFix() {
	return [
		{ file: 'codedeploy-user-policy.json' },
		[
			'aws',
			'iam',
			'put-user-policy',
			'--user-name',
			'{userName}',
			'--policy-name',
			'CodeDeployUserAccess',
			'--policy-document',
			'file://codedeploy-user-policy.json',
		],
	] as const;
}

function adminVerdict(admin: PolicyFact, userName: string, ctx: EvalContext): Verdict {
	const params = { userName, policy: admin.name, group: admin.group ?? '' };
	const messageKey = admin.group ? 'user-least-privilege.admin-group' : 'user-least-privilege.admin';
	let step: readonly string[];
	if (admin.group)
		step = ['aws', 'iam', 'remove-user-from-group', '--user-name', '{userName}', '--group-name', admin.group];
	else if (admin.kind === 'managed')
		step = ['aws', 'iam', 'detach-user-policy', '--user-name', '{userName}', '--policy-arn', admin.name];
	else step = ['aws', 'iam', 'delete-user-policy', '--user-name', '{userName}', '--policy-name', admin.name];
	return withFix(
		{ status: 'fail', messageKey, params },
		ctx,
		[step, ...stepThreeFix()],
		'console.iam-user-permissions',
	);
}
