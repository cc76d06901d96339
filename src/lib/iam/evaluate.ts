import { evaluateConditionBlock, type ConditionOutcome } from './conditions.ts';
import type {
	Evaluation,
	PendingCondition,
	Policy,
	PolicySet,
	PrincipalSpec,
	Request,
	RequestPrincipal,
	Statement,
	StatementRef,
} from './types.ts';
import { actionMatches, resourceMatches } from './wildcard.ts';

type Source = StatementRef['source'];

interface Match {
	readonly ref: StatementRef;
	readonly outcome: ConditionOutcome;
	readonly statement: Statement;
}

/**
 * Decides one request the way IAM does within one account (IAM-UG evaluation logic, reference §5.1):
 * an explicit Deny anywhere wins; otherwise an Allow in an identity policy or in the resource policy allows,
 * and a permissions boundary, when given, must allow as well. Conditions that cannot be decided without the
 * request context make the answer `conditional`, with the conditions listed.
 */
export function evaluate(request: Request, policies: PolicySet): Evaluation {
	const identity = collect(request, policies.identity, 'identity');
	const resource = collect(request, policies.resource ?? [], 'resource');
	const boundary = policies.boundary ? collect(request, policies.boundary, 'boundary') : undefined;
	const all = [...identity, ...resource, ...(boundary ?? [])];
	const denies = all.filter((m) => m.ref.effect === 'Deny' && m.outcome !== 'false');
	const hardDeny = denies.find((m) => m.outcome === 'true');
	if (hardDeny) return { decision: 'explicit-deny', statement: hardDeny.ref };

	const allowish = (m: Match) => m.ref.effect === 'Allow' && m.outcome !== 'false';
	const resourceAllows = resource.filter(allowish);
	let identityAllows = identity.filter(allowish);
	let boundaryPending: PendingCondition[] = [];
	if (boundary && identityAllows.length > 0) {
		// A boundary caps identity-based permissions only; a same-account resource policy still grants on its own.
		const boundaryAllows = boundary.filter(allowish);
		if (boundaryAllows.length === 0) {
			if (resourceAllows.length === 0) return { decision: 'implicit-deny', deniedByBoundary: true };
			identityAllows = [];
		} else if (!boundaryAllows.some((m) => m.outcome === 'true'))
			boundaryPending = boundaryAllows.flatMap(pending);
	}
	const allows = [...identityAllows, ...resourceAllows];
	if (allows.length === 0) return { decision: 'implicit-deny' };
	const identityHard =
		boundaryPending.length === 0 ? identityAllows.find((m) => m.outcome === 'true') : undefined;
	const hardAllow = identityHard ?? resourceAllows.find((m) => m.outcome === 'true');
	const pendingDenies = denies.flatMap(pending);
	if (hardAllow && pendingDenies.length === 0) return { decision: 'allow', statement: hardAllow.ref };
	const first = hardAllow ?? allows[0];
	const allowConditions = hardAllow ? [] : [...allows.flatMap(pending), ...boundaryPending];
	return conditional(first, [...allowConditions, ...pendingDenies]);
}

function conditional(first: Match | undefined, conditions: PendingCondition[]): Evaluation {
	return { decision: 'conditional', ...(first && { statement: first.ref }), conditions };
}

function collect(request: Request, policies: readonly Policy[], source: Source): Match[] {
	return policies.flatMap((policy, policyIndex) =>
		policy.statements.flatMap((statement): Match[] => {
			if (!statementApplies(statement, request, source)) return [];
			const outcome = statement.condition
				? evaluateConditionBlock(statement.condition, request.context)
				: 'true';
			if (outcome === 'false') return [];
			const ref: StatementRef = {
				policy: policy.name ?? `${source}#${policyIndex + 1}`,
				index: statement.index,
				effect: statement.effect,
				source,
				...(statement.sid !== undefined && { sid: statement.sid }),
			};
			return [{ ref, outcome, statement }];
		}),
	);
}

function statementApplies(statement: Statement, request: Request, source: Source): boolean {
	const actionHit = statement.action
		? statement.action.some((a) => actionMatches(a, request.action))
		: !(statement.notAction ?? []).some((a) => actionMatches(a, request.action));
	if (!actionHit) return false;
	if (statement.resource) {
		if (!statement.resource.some((r) => resourceMatches(substitute(r, request), request.resource)))
			return false;
	} else if (statement.notResource) {
		if (statement.notResource.some((r) => resourceMatches(substitute(r, request), request.resource)))
			return false;
	}
	if (source !== 'resource') return true;
	if (statement.principal)
		return !!request.principal && principalMatches(statement.principal, request.principal);
	if (statement.notPrincipal)
		return !request.principal || !principalMatches(statement.notPrincipal, request.principal);
	return false;
}

/** Principals: `"*"` or `{"AWS": "*"}` is anyone; an account id or `:root` ARN covers every principal of the account. */
export function principalMatches(spec: PrincipalSpec, principal: RequestPrincipal): boolean {
	if (spec === '*') return true;
	const ids = spec[principal.type] ?? [];
	return ids.some((id) => {
		if (id === '*') return true;
		if (principal.type === 'Service') return id.toLowerCase() === principal.id.toLowerCase();
		if (principal.type === 'AWS' && principal.account) {
			if (id === principal.account || id === `arn:aws:iam::${principal.account}:root`) return true;
		}
		return id === principal.id;
	});
}

/** Policy variables (`${aws:username}`) are filled from the context when known; `${*}`, `${?}`, `${$}` are literals. */
function substitute(pattern: string, request: Request): string {
	if (!pattern.includes('${')) return pattern;
	return pattern.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
		if (name === '*' || name === '?' || name === '$') return name;
		const value = request.context ? findKey(request.context, name) : undefined;
		return value ?? whole;
	});
}

function findKey(context: NonNullable<Request['context']>, key: string): string | undefined {
	const lower = key.toLowerCase();
	for (const [k, v] of Object.entries(context))
		if (k.toLowerCase() === lower) return typeof v === 'string' ? v : v[0];
	return undefined;
}

function pending(match: Match): PendingCondition[] {
	if (match.outcome !== 'unknown' || !match.statement.condition) return [];
	return Object.entries(match.statement.condition).flatMap(([operator, keys]) =>
		Object.entries(keys).map(([key, values]) => ({ operator, key, values, statement: match.ref })),
	);
}
