import { evaluate, parsePolicy, type Policy } from '../../src/lib/iam/index.ts';
import { AWS_MANAGED } from './aws-managed.ts';
import type { Caller } from './caller.ts';
import { AwsError } from './errors.ts';
import type { Account, PolicyHolder, SandboxState } from './state.ts';

/**
 * Authorisation with the same offline evaluator the lab checker uses (src/lib/iam), so a restricted user in the
 * practice account is restricted exactly as the checker predicts. The request context is always given, so
 * conditions are decided strictly; anything but `allow` is a denial.
 */

export type Context = Record<string, string | readonly string[]>;

const parsed = new Map<string, Policy | undefined>();

function parseCached(document: string, name: string, kind: 'identity' | 'resource'): Policy | undefined {
	const key = `${kind}\u0000${name}\u0000${document}`;
	if (!parsed.has(key)) {
		if (parsed.size > 2000) parsed.clear();
		parsed.set(key, parsePolicy(document, { name, kind }).policy);
	}
	return parsed.get(key);
}

/** The default version's document of an AWS or customer managed policy, if it exists in this account. */
export function managedDocument(account: Account, arn: string): string | undefined {
	const aws = AWS_MANAGED.get(arn);
	if (aws) return aws.document;
	const policy = account.policies[arn];
	return policy?.versions.find((v) => v.versionId === policy.defaultVersionId)?.document;
}

function holderPolicies(account: Account, holder: PolicyHolder): Policy[] {
	const inline = Object.entries(holder.inlinePolicies).map(([name, doc]) =>
		parseCached(doc, name, 'identity'),
	);
	const managed = holder.attached.map((arn) => {
		const doc = managedDocument(account, arn);
		return doc === undefined ? undefined : parseCached(doc, arn, 'identity');
	});
	return [...inline, ...managed].filter((p): p is Policy => p !== undefined);
}

/** The caller's identity policies: its own inline and managed ones, and its groups' (reference §5.1). */
export function identityPolicies(state: SandboxState, caller: Caller): Policy[] {
	const account = state.accounts[caller.accountId];
	if (!account) return [];
	if (caller.kind === 'user' && caller.userName) {
		const user = account.users[caller.userName];
		if (!user) return [];
		const groups = user.groups.flatMap((g) => (account.groups[g] ? [account.groups[g]] : []));
		return [user, ...groups].flatMap((holder) => holderPolicies(account, holder));
	}
	if (caller.kind === 'role' && caller.roleName) {
		const role = account.roles[caller.roleName];
		return role ? holderPolicies(account, role) : [];
	}
	return [];
}

const PRINCIPAL_TYPES = {
	user: 'User',
	root: 'Account',
	role: 'AssumedRole',
	anonymous: 'Anonymous',
} as const;

export function callerContext(caller: Caller, region: string): Context {
	const now = new Date();
	const context: Context = {
		'aws:PrincipalArn': caller.roleArn ?? caller.arn,
		'aws:PrincipalAccount': caller.accountId,
		'aws:PrincipalType': PRINCIPAL_TYPES[caller.kind],
		'aws:userid': caller.userId,
		'aws:RequestedRegion': region,
		'aws:SourceIp': '127.0.0.1',
		'aws:SecureTransport': 'false',
		'aws:CurrentTime': now.toISOString(),
		'aws:EpochTime': String(Math.floor(now.getTime() / 1000)),
	};
	if (caller.userName) context['aws:username'] = caller.userName;
	return context;
}

export interface AuthorizeOptions {
	/** A resource policy (bucket policy) and the account that owns the resource. */
	readonly resourcePolicy?: string;
	readonly resourceAccount?: string;
	readonly context?: Context;
}

export interface Verdict {
	readonly allowed: boolean;
	readonly explicitDeny: boolean;
}

export function decide(
	state: SandboxState,
	caller: Caller,
	region: string,
	action: string,
	resource: string,
	options: AuthorizeOptions = {},
): Verdict {
	const resourceAccount = options.resourceAccount ?? caller.accountId;
	const context = { ...callerContext(caller, region), ...options.context };
	const principal =
		caller.kind === 'anonymous'
			? { type: 'AWS' as const, id: '*' }
			: { type: 'AWS' as const, id: caller.roleArn ?? caller.arn, account: caller.accountId };
	const resourcePolicies = options.resourcePolicy
		? [parseCached(options.resourcePolicy, 'resource policy', 'resource')].filter((p): p is Policy => !!p)
		: [];
	const identity = caller.kind === 'root' ? [ROOT_POLICY] : identityPolicies(state, caller);
	const request = { action, resource, principal, context };
	if (resourceAccount === caller.accountId) {
		const result = evaluate(request, { identity, resource: resourcePolicies });
		return { allowed: result.decision === 'allow', explicitDeny: result.decision === 'explicit-deny' };
	}
	// Cross-account: both the caller's account and the resource's policy must allow; anonymous callers have no account.
	const own = caller.kind === 'anonymous' ? { decision: 'allow' } : evaluate(request, { identity });
	const theirs = evaluate(request, { identity: [], resource: resourcePolicies });
	return {
		allowed: own.decision === 'allow' && theirs.decision === 'allow',
		explicitDeny: own.decision === 'explicit-deny' || theirs.decision === 'explicit-deny',
	};
}

const ROOT_POLICY: Policy = {
	name: 'root',
	statements: [{ index: 0, effect: 'Allow', action: ['*'], resource: ['*'] }],
};

/** IAM's denial message (reference §3.3, IAM-UG troubleshoot_access-denied). */
export function accessDeniedMessage(
	caller: Caller,
	action: string,
	resource: string,
	verdict: Verdict,
): string {
	const why = verdict.explicitDeny
		? 'with an explicit deny in an identity-based policy'
		: `because no identity-based policy allows the ${action} action`;
	return `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${resource} ${why}`;
}

/** Throws IAM's AccessDenied (403) unless the caller may do `action` on `resource`. */
export function authorizeIam(
	state: SandboxState,
	caller: Caller,
	region: string,
	action: string,
	resource: string,
): void {
	const verdict = decide(state, caller, region, action, resource);
	if (!verdict.allowed)
		throw new AwsError('AccessDenied', 403, accessDeniedMessage(caller, action, resource, verdict));
}
