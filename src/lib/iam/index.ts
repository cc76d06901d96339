/**
 * Offline IAM policy parsing, evaluation and explanation (pure: no I/O). Used by the lab checker
 * (src/lib/labs) and by the local practice account (labs/sandbox) to authorise requests.
 *
 * ```ts
 * const { policy, diagnostics } = parsePolicy(documentFromAws, { name: 'CodeDeployDemo-EC2-Permissions' });
 * const result = evaluate(
 *   { action: 's3:GetObject', resource: 'arn:aws:s3:::newbucketcodedeploy/app.zip' },
 *   { identity: [policy], resource: [bucketPolicy], boundary: [boundaryPolicy] },
 * );
 * result.decision; // 'allow' | 'conditional' | 'explicit-deny' | 'implicit-deny'
 * result.statement; // { policy, index, sid?, effect, source } — the statement that decided
 * result.conditions; // when 'conditional': the conditions the answer depends on ("allowed only when …")
 * explainEvaluation(request, result, 'fr'); // one sentence, naming the statement
 * ```
 *
 * Semantics (IAM User Guide, reference §5): explicit Deny beats Allow; identity or resource-policy Allow suffices
 * within one account; a boundary must also allow. Actions match case-insensitively, resources case-sensitively, both
 * with `*` (any run, across `/`) and `?` (one character); NotAction/NotResource/NotPrincipal are honoured.
 * Conditions: with `request.context` given, strict AWS semantics (a missing key fails the condition, except
 * `…IfExists`, negated operators and `Null`); without it, a statement with conditions is reported, not decided.
 * Policy documents from IAM are URL-encoded: `parsePolicy` decodes them (see `decodePolicyDocument`).
 * Sandbox tip: pass a `context` (even `{}`) to get a definite answer; treat anything but `allow` as denied.
 */
export { parsePolicy, decodePolicyDocument, type ParseOptions, type ParseResult } from './parse.ts';
export { evaluate, principalMatches } from './evaluate.ts';
export { evaluateConditionBlock, type ConditionOutcome } from './conditions.ts';
export { globMatch, actionMatches, resourceMatches } from './wildcard.ts';
export {
	trustedServices,
	trustAllowsService,
	adminStatements,
	publicStatements,
	type FoundStatement,
} from './analyze.ts';
export {
	explainEvaluation,
	evaluationMessage,
	describeStatement,
	describeConditions,
	describeDiagnostic,
	type IamMessageKey,
} from './explain.ts';
export type * from './types.ts';
