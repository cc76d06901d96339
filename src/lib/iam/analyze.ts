import { evaluate } from './evaluate.ts';
import type { Policy, Statement } from './types.ts';
import { actionMatches } from './wildcard.ts';

/**
 * Questions the labs ask about whole policies rather than one request. They stay small and explainable:
 * each answer names the statements it found.
 */

/** The service principals a trust policy lets call `sts:AssumeRole` (unconditionally or not). */
export function trustedServices(trust: Policy): string[] {
	const services = new Set<string>();
	for (const statement of trust.statements) {
		if (statement.effect !== 'Allow' || !statement.principal || statement.principal === '*') continue;
		if (!coversAction(statement, 'sts:AssumeRole')) continue;
		for (const id of statement.principal['Service'] ?? []) services.add(id);
	}
	return [...services];
}

/** Does the trust policy let `service` assume the role (evaluated, so a Deny statement is honoured)? */
export function trustAllowsService(trust: Policy, roleArn: string, service: string): boolean {
	const result = evaluate(
		{ action: 'sts:AssumeRole', resource: roleArn, principal: { type: 'Service', id: service } },
		{ identity: [], resource: [trust] },
	);
	return result.decision === 'allow' || result.decision === 'conditional';
}

export interface FoundStatement {
	readonly policy: string;
	readonly index: number;
	readonly sid?: string;
}

/**
 * Admin-equivalent statements: an Allow without conditions that covers every action of every service (`*`, `*:*`,
 * or a NotAction that leaves them all) on every resource.
 */
export function adminStatements(policies: readonly Policy[]): FoundStatement[] {
	return policies.flatMap((policy, p) =>
		policy.statements
			.filter(
				(s) =>
					s.effect === 'Allow' &&
					!s.condition &&
					coversEverything(s) &&
					coversAllActionsOf(s, ['iam', 'ec2', 's3', 'sts', 'codedeploy', 'organizations']),
			)
			.map((s) => found(policy, p, s)),
	);
}

/** Statements in a bucket (resource) policy that grant anyone (`*`) access without a condition. */
export function publicStatements(policy: Policy): FoundStatement[] {
	return policy.statements
		.filter((s) => {
			if (s.effect !== 'Allow' || s.condition) return false;
			const principal = s.principal;
			if (principal === '*') return true;
			return !!principal && (principal['AWS'] ?? []).includes('*');
		})
		.map((s) => found(policy, 0, s));
}

function found(policy: Policy, p: number, s: Statement): FoundStatement {
	return { policy: policy.name ?? `#${p + 1}`, index: s.index, ...(s.sid !== undefined && { sid: s.sid }) };
}

function coversAction(statement: Statement, action: string): boolean {
	if (statement.action) return statement.action.some((a) => actionMatches(a, action));
	return !(statement.notAction ?? []).some((a) => actionMatches(a, action));
}

/** True when the statement covers `<service>:*`-level rights for every service listed (probes with an odd name). */
function coversAllActionsOf(statement: Statement, services: readonly string[]): boolean {
	return services.every((service) => coversAction(statement, `${service}:ZzProbeAnyAction`));
}

function coversEverything(statement: Statement): boolean {
	if (statement.resource) return statement.resource.includes('*');
	return statement.notResource !== undefined && statement.notResource.length === 0;
}
