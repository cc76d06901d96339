import { parsePolicy, type Policy, type PolicyDiagnostic } from '../../src/lib/iam/index.ts';
import { AwsError, malformedPolicy } from './errors.ts';
import type { SandboxState } from './state.ts';

/**
 * Write-time validation of policy documents, as IAM does it (reference §1.1, §6 #10): a learner who forgets
 * `file://`, pastes a trust policy as a permissions policy or misspells a service gets AWS's own error codes.
 */

/** Service principals the sandbox accepts; anything else is IAM's "Invalid principal in policy". */
const KNOWN_SERVICES = new Set([
	'codedeploy',
	'ec2',
	'lambda',
	'ecs',
	'ecs-tasks',
	'ssm',
	's3',
	'cloudformation',
	'codepipeline',
	'codebuild',
	'autoscaling',
	'elasticloadbalancing',
	'events',
	'states',
	'apigateway',
	'sns',
	'sqs',
	'logs',
	'monitoring',
	'eks',
	'rds',
	'glue',
	'firehose',
	'delivery.logs',
	'edgelambda',
	'scheduler',
	'elasticbeanstalk',
	'application-autoscaling',
	'backup',
	'config',
	'cloudtrail',
	'ecr',
]);

const REGION = /^(us|eu|ap|sa|ca|me|af|il|mx)-(gov-)?[a-z]+-\d$|^cn-[a-z]+-\d$/;

export function isKnownServicePrincipal(principal: string): boolean {
	const match = /^([a-z0-9.-]+?)(?:\.([a-z]{2}-[a-z-]+-\d))?\.amazonaws\.com(\.cn)?$/.exec(principal);
	if (!match) return false;
	const [, service = '', region] = match;
	if (region !== undefined && !REGION.test(region)) return false;
	return KNOWN_SERVICES.has(service);
}

type Kind = 'inline' | 'managed' | 'trust';

function diagnosticMessage(d: PolicyDiagnostic, kind: Kind): string {
	switch (d.code) {
		case 'policy.json-invalid':
			return 'This policy contains invalid Json';
		case 'policy.version-unknown':
			return 'The policy failed legacy parsing';
		case 'statement.action-missing':
			return 'Policy statement must contain actions.';
		case 'statement.resource-missing':
			return 'Policy statement must contain resources.';
		case 'statement.principal-in-identity-policy':
			return kind === 'inline'
				? 'Policy document should not specify a principal.'
				: 'Has prohibited field Principal';
		case 'statement.principal-missing':
			return 'Missing required field Principal';
		case 'statement.action-malformed':
			return 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';
		default:
			return 'Syntax errors in policy.';
	}
}

function parseOrThrow(document: string, kind: Kind): Policy {
	const { policy, diagnostics } = parsePolicy(document, { kind: kind === 'trust' ? 'resource' : 'identity' });
	// IAM accepts a document without Version (it defaults to 2008-10-17).
	const errors = diagnostics.filter((d) => d.code !== 'policy.version-missing');
	// A trust policy pasted as a permissions policy: IAM names the principal, not the missing Resource.
	const first = errors.find((d) => d.code === 'statement.principal-in-identity-policy') ?? errors[0];
	if (first || !policy)
		throw malformedPolicy(first ? diagnosticMessage(first, kind) : 'Syntax errors in policy.');
	return policy;
}

/** Managed policies count non-whitespace characters against 6 144 (inline user 2 048, role 10 240, group 5 120). */
function checkSize(document: string, quota: string, max: number): void {
	if (document.replace(/\s/g, '').length > max)
		throw new AwsError('LimitExceeded', 409, `Cannot exceed quota for ${quota}: ${max}`);
}

const INLINE_QUOTAS = {
	user: ['UserPolicySize', 2048],
	group: ['GroupPolicySize', 5120],
	role: ['RolePolicySize', 10240],
} as const;

export function validateIdentityPolicy(
	document: string,
	kind: 'inline' | 'managed',
	holder?: keyof typeof INLINE_QUOTAS,
): void {
	parseOrThrow(document, kind);
	if (kind === 'managed') checkSize(document, 'PolicySize', 6144);
	else if (holder) checkSize(document, INLINE_QUOTAS[holder][0], INLINE_QUOTAS[holder][1]);
}

/** Trust policies: a principal is required, `Resource` is refused, and every principal must exist (reference §1.1). */
export function validateTrustPolicy(state: SandboxState, document: string): void {
	const policy = parseOrThrow(document, 'trust');
	checkSize(document, 'ACLSizePerRole', 2048);
	for (const statement of policy.statements) {
		if (statement.resource || statement.notResource) throw malformedPolicy('Has prohibited field Resource');
		for (const action of statement.action ?? [])
			if (!/^sts:/i.test(action) && action !== '*')
				throw malformedPolicy('AssumeRole policy may only specify STS AssumeRole actions.');
		const principal = statement.principal ?? statement.notPrincipal;
		if (!principal || principal === '*') continue;
		for (const [type, ids] of Object.entries(principal))
			for (const id of ids) {
				if (type === 'Service' && !isKnownServicePrincipal(id)) throw invalidPrincipal('SERVICE', id);
				if (type === 'AWS' && !awsPrincipalExists(state, id)) throw invalidPrincipal('AWS', id);
			}
	}
}

function invalidPrincipal(type: string, id: string): AwsError {
	return malformedPolicy(`Invalid principal in policy: "${type}":"${id}"`);
}

/** An account id, `*`, or an ARN; ARNs inside a sandbox account must name a user or role that exists. */
function awsPrincipalExists(state: SandboxState, id: string): boolean {
	if (id === '*' || /^\d{12}$/.test(id)) return true;
	const match =
		/^arn:aws:iam::(\d{12}):(root|user\/(?:.*\/)?([\w+=,.@-]+)|role\/(?:.*\/)?([\w+=,.@-]+))$/.exec(id);
	if (!match) return false;
	const [, accountId = '', , userName, roleName] = match;
	const account = state.accounts[accountId];
	if (!account) return true;
	if (userName !== undefined) return account.users[userName]?.arn === id;
	if (roleName !== undefined) return account.roles[roleName]?.arn === id;
	return true;
}
