import type { IamSetupFacts } from '../facts.ts';
import type { EvalContext } from '../result.ts';

export const CODEDEPLOY_ROLE_POLICY = 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole';
export const EC2_CODEDEPLOY_POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforAWSCodeDeploy';
export const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';
export const CHECKER_POLICY_SUFFIX = ':policy/AtelierLabChecker';
/** Service-role policies for other compute platforms, chosen by mistake in the console (M3). */
export const OTHER_PLATFORM_POLICIES = [
	'arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS',
	'arn:aws:iam::aws:policy/AWSCodeDeployRoleForECSLimited',
	'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda',
	'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited',
	// The ARN without the service-role/ path does not exist; seen only if typed into a template.
	'arn:aws:iam::aws:policy/AWSCodeDeployRole',
];

/** The account the lab is about: the parameter, else the caller's, else a placeholder the learner recognises. */
export function accountOf(facts: Pick<IamSetupFacts, 'identity'>, ctx: EvalContext): string {
	if (ctx.values['accountId']) return ctx.values['accountId'];
	return facts.identity.status === 'ok' ? facts.identity.value.account : '123456789012';
}

export function roleArn(account: string, name: string): string {
	return `arn:aws:iam::${account}:role/${name}`;
}

export function value(ctx: EvalContext, key: string): string {
	return ctx.values[key] ?? '';
}
