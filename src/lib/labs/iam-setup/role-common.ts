import { parsePolicy, type Policy } from '../../iam/index.ts';
import type { Read, RoleFacts } from '../facts.ts';
import { unreadable, withFix, type EvalContext, type Verdict } from '../result.ts';
import { CODEDEPLOY_ROLE_POLICY, value } from './names.ts';

/** Shared by the service-role and instance-role checks. */
export function trustOf(role: RoleFacts): Policy | undefined {
	return parsePolicy(role.trustDocument, { kind: 'resource', name: 'trust policy' }).policy;
}

export function missingRole(
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

export function instancePolicyCommand(): readonly string[] {
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
