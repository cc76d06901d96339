import { globMatch } from './wildcard.ts';

/** The outcome of one Condition block: decided, or unknown because the request's context was not given. */
export type ConditionOutcome = 'true' | 'false' | 'unknown';

type Context = Readonly<Record<string, string | readonly string[]>>;

/**
 * Evaluates a statement's `Condition` block (IAM-UG condition operators, multi-value conditions): operators and keys
 * are ANDed, the values of one key ORed (negated operators: none may match). A key absent from the context fails the
 * condition, except for `…IfExists`, negated operators and `Null`. Without a context nothing can be decided.
 */
export function evaluateConditionBlock(
	block: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>,
	context: Context | undefined,
): ConditionOutcome {
	if (context === undefined) return Object.keys(block).length === 0 ? 'true' : 'unknown';
	const lowered = new Map(
		Object.entries(context).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? [v] : [...v]]),
	);
	let outcome: ConditionOutcome = 'true';
	for (const [operator, keys] of Object.entries(block)) {
		for (const [key, expected] of Object.entries(keys)) {
			const result = evaluateOne(operator, lowered.get(key.toLowerCase()), expected);
			if (result === 'false') return 'false';
			if (result === 'unknown') outcome = 'unknown';
		}
	}
	return outcome;
}

function evaluateOne(
	rawOperator: string,
	actual: string[] | undefined,
	expected: readonly string[],
): ConditionOutcome {
	let operator = rawOperator;
	let setMode: 'any' | 'all' | undefined;
	const qualifier = /^(ForAnyValue|ForAllValues):(.+)$/i.exec(operator);
	if (qualifier) {
		setMode = qualifier[1]?.toLowerCase() === 'foranyvalue' ? 'any' : 'all';
		operator = qualifier[2] ?? '';
	}
	const ifExists = /IfExists$/i.test(operator);
	if (ifExists) operator = operator.slice(0, -'IfExists'.length);
	if (operator.toLowerCase() === 'null') {
		const wantsMissing = expected.some((v) => v.toLowerCase() === 'true');
		return (actual === undefined) === wantsMissing ? 'true' : 'false';
	}
	const compare = COMPARATORS[operator.toLowerCase()];
	if (!compare) return 'unknown';
	if (actual === undefined || actual.length === 0) {
		if (ifExists || setMode === 'all') return 'true';
		return compare.negated ? 'true' : 'false';
	}
	const matchesValue = (value: string) => expected.some((e) => compare.test(value, e));
	let positive: boolean;
	if (setMode === 'all') positive = actual.every(matchesValue);
	else positive = actual.some(matchesValue);
	if (compare.negated) {
		// Negated operators: true when no expected value matches (for ForAllValues: every value matches none).
		const none = setMode === 'all' ? actual.every((v) => !matchesValue(v)) : !actual.some(matchesValue);
		return none ? 'true' : 'false';
	}
	return positive ? 'true' : 'false';
}

interface Comparator {
	readonly negated: boolean;
	test(actual: string, expected: string): boolean;
}

const eq = (a: string, e: string) => a === e;
const like = (a: string, e: string) => globMatch(e, a);
const num = (f: (a: number, e: number) => boolean) => (a: string, e: string) =>
	!Number.isNaN(Number(a)) && !Number.isNaN(Number(e)) && f(Number(a), Number(e));
const date = (f: (a: number, e: number) => boolean) => (a: string, e: string) => {
	const ta = Date.parse(a);
	const te = Date.parse(e);
	return !Number.isNaN(ta) && !Number.isNaN(te) && f(ta, te);
};

const COMPARATORS: Readonly<Record<string, Comparator>> = {
	stringequals: { negated: false, test: eq },
	stringnotequals: { negated: true, test: eq },
	stringequalsignorecase: { negated: false, test: (a, e) => a.toLowerCase() === e.toLowerCase() },
	stringnotequalsignorecase: { negated: true, test: (a, e) => a.toLowerCase() === e.toLowerCase() },
	stringlike: { negated: false, test: like },
	stringnotlike: { negated: true, test: like },
	arnequals: { negated: false, test: like },
	arnlike: { negated: false, test: like },
	arnnotequals: { negated: true, test: like },
	arnnotlike: { negated: true, test: like },
	bool: { negated: false, test: (a, e) => a.toLowerCase() === e.toLowerCase() },
	numericequals: { negated: false, test: num((a, e) => a === e) },
	numericnotequals: { negated: true, test: num((a, e) => a === e) },
	numericlessthan: { negated: false, test: num((a, e) => a < e) },
	numericlessthanequals: { negated: false, test: num((a, e) => a <= e) },
	numericgreaterthan: { negated: false, test: num((a, e) => a > e) },
	numericgreaterthanequals: { negated: false, test: num((a, e) => a >= e) },
	dateequals: { negated: false, test: date((a, e) => a === e) },
	datenotequals: { negated: true, test: date((a, e) => a === e) },
	datelessthan: { negated: false, test: date((a, e) => a < e) },
	datelessthanequals: { negated: false, test: date((a, e) => a <= e) },
	dategreaterthan: { negated: false, test: date((a, e) => a > e) },
	dategreaterthanequals: { negated: false, test: date((a, e) => a >= e) },
	ipaddress: { negated: false, test: (a, e) => ipInCidr(a, e) },
	notipaddress: { negated: true, test: (a, e) => ipInCidr(a, e) },
};

/** IPv4 only; an IPv6 value simply does not match. */
function ipInCidr(ip: string, cidr: string): boolean {
	const [base, bitsText] = cidr.split('/');
	const a = ipv4(ip);
	const b = ipv4(base ?? '');
	const bits = bitsText === undefined ? 32 : Number(bitsText);
	if (a === undefined || b === undefined || !(bits >= 0 && bits <= 32)) return false;
	const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
	return (a & mask) >>> 0 === (b & mask) >>> 0;
}

function ipv4(text: string): number | undefined {
	const parts = text.split('.').map(Number);
	if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
	return parts.reduce((acc, p) => ((acc << 8) | p) >>> 0, 0);
}
