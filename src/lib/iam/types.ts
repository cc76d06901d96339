/** The shapes of an IAM policy after parsing: every "string or array" element is normalised to an array. */

export type Effect = 'Allow' | 'Deny';

/** A principal as written in a resource policy (trust policy, bucket policy). `'*'` means anyone. */
export type PrincipalSpec = '*' | Readonly<Record<string, readonly string[]>>;

/** `Condition` block: operator → key → values (values always strings, as IAM compares them as text). */
export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export interface Statement {
	/** Position in the document's `Statement` list (0-based), used to name the deciding statement. */
	readonly index: number;
	readonly sid?: string;
	readonly effect: Effect;
	readonly action?: readonly string[];
	readonly notAction?: readonly string[];
	readonly resource?: readonly string[];
	readonly notResource?: readonly string[];
	readonly principal?: PrincipalSpec;
	readonly notPrincipal?: PrincipalSpec;
	readonly condition?: ConditionBlock;
}

export interface Policy {
	/** A name shown in explanations: the inline policy name, the managed policy ARN, "trust policy"… */
	readonly name?: string;
	readonly version?: string;
	readonly id?: string;
	readonly statements: readonly Statement[];
}

/** A problem found while parsing; `path` is a JSON pointer into the document (`/Statement/0/Effect`). */
export interface PolicyDiagnostic {
	readonly code: PolicyDiagnosticCode;
	readonly severity: 'error' | 'warning';
	readonly path: string;
	readonly params: Readonly<Record<string, string | number>>;
}

export type PolicyDiagnosticCode =
	| 'policy.json-invalid'
	| 'policy.not-object'
	| 'policy.too-large'
	| 'policy.version-missing'
	| 'policy.version-unknown'
	| 'policy.statement-missing'
	| 'policy.unknown-field'
	| 'statement.not-object'
	| 'statement.effect-invalid'
	| 'statement.action-missing'
	| 'statement.action-and-not-action'
	| 'statement.resource-missing'
	| 'statement.resource-and-not-resource'
	| 'statement.principal-in-identity-policy'
	| 'statement.principal-missing'
	| 'statement.value-not-string'
	| 'statement.action-malformed'
	| 'statement.condition-malformed'
	| 'statement.unknown-field';

/** What is being asked: "may `principal` do `action` on `resource`, given what we know (`context`)?" */
export interface Request {
	readonly action: string;
	readonly resource: string;
	/** Only resource policies (trust, bucket) look at it. */
	readonly principal?: RequestPrincipal;
	/**
	 * Condition keys known for the request (`aws:RequestedRegion`, `s3:prefix`…). Omitted: conditions cannot be
	 * decided and are reported ("allowed only when …"). Given: strict AWS semantics (a missing key fails the condition).
	 */
	readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

/** `{ type: 'Service', id: 'codedeploy.amazonaws.com' }`, `{ type: 'AWS', id: 'arn:aws:iam::123456789012:root' }`. */
export interface RequestPrincipal {
	readonly type: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';
	readonly id: string;
	/** The principal's account, so `"AWS": "123456789012"` and `…:root` match any principal of that account. */
	readonly account?: string;
}

export interface PolicySet {
	/** The principal's own policies: inline and managed, its groups' too. */
	readonly identity: readonly Policy[];
	/** The resource's policy (trust policy of a role, bucket policy). */
	readonly resource?: readonly Policy[];
	/** A permissions boundary: when given, it must allow too. */
	readonly boundary?: readonly Policy[];
}

/** A reference to the statement that decided, for explanations. */
export interface StatementRef {
	readonly policy: string;
	readonly index: number;
	readonly sid?: string;
	readonly effect: Effect;
	readonly source: 'identity' | 'resource' | 'boundary';
}

/** A condition that could not be decided offline: "allowed only when `key` `operator` `values`". */
export interface PendingCondition {
	readonly operator: string;
	readonly key: string;
	readonly values: readonly string[];
	readonly statement: StatementRef;
}

/**
 * - `allow`: an Allow matched without unresolved conditions, and no Deny applies.
 * - `conditional`: the answer depends on conditions not known offline (see `conditions`).
 * - `explicit-deny`: a Deny matched (wins over every Allow).
 * - `implicit-deny`: nothing allows it.
 */
export type Decision = 'allow' | 'conditional' | 'explicit-deny' | 'implicit-deny';

export interface Evaluation {
	readonly decision: Decision;
	/** The statement that decided (the Deny, or the first Allow); absent for an implicit deny. */
	readonly statement?: StatementRef;
	/** Conditional Allow statements ("allowed only when …") and conditional Deny ones ("denied when …"). */
	readonly conditions?: readonly PendingCondition[];
	/** When a boundary is given and does not allow the request, the identity Allow is cancelled by it. */
	readonly deniedByBoundary?: boolean;
}
