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
import { firstUnreadable, ok, withFix, type EvalContext, type Verdict } from '../result.ts';
import { ADMIN_POLICY, CODEDEPLOY_ROLE_POLICY, value } from './names.ts';
import { instancePolicyCommand, missingRole, trustOf } from './role-common.ts';
import { parsePolicies } from './user.ts';

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
