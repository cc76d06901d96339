import { withFix, type CheckResult, type EvalContext, type Verdict } from './result.ts';

const CHECKER_FILE = 'AtelierLabChecker.json';

/** "Cannot verify (missing permission)": the fix is step 3's read-only checker policy, when the lab defines it. */
function withCheckerPolicyFix(verdict: Verdict, ctx: EvalContext): Verdict {
	if (
		verdict.messageKey !== 'check.denied' ||
		verdict.fix ||
		!ctx.files?.[CHECKER_FILE] ||
		!ctx.values['userName']
	)
		return verdict;
	return withFix(
		verdict,
		ctx,
		[
			{ file: CHECKER_FILE },
			[
				'aws',
				'iam',
				'create-policy',
				'--policy-name',
				'AtelierLabChecker',
				'--policy-document',
				`file://${CHECKER_FILE}`,
			],
			[
				'aws',
				'iam',
				'attach-user-policy',
				'--user-name',
				'{userName}',
				'--policy-arn',
				'arn:aws:iam::{accountId}:policy/AtelierLabChecker',
			],
		],
		'console.iam-user-permissions',
	);
}

/** `pass`: the prerequisite passed (or warned). `exists`: its resource exists. `usable`: it could be verified. */
export interface Prerequisite {
	readonly check: string;
	readonly when: 'pass' | 'exists' | 'usable';
}

export interface CheckDefinition<F> {
	readonly id: string;
	/** The facts this check reads: the engine gathers exactly these (shared reads are made once). */
	readonly facts: readonly (keyof F & string)[];
	readonly requires?: readonly Prerequisite[];
	readonly docs?: string;
	evaluate(facts: F, ctx: EvalContext): Verdict;
}

function satisfied(prerequisite: Prerequisite, result: CheckResult | undefined): boolean {
	if (!result) return false;
	switch (prerequisite.when) {
		case 'pass':
			return result.status === 'pass' || result.status === 'warn';
		case 'exists':
			return result.exists ?? (result.status === 'pass' || result.status === 'warn');
		case 'usable':
			return result.status !== 'error' && result.status !== 'skipped';
	}
}

/** The `skipped` result when a prerequisite is not met, naming it; undefined when the check may run. */
export function skipFor<F>(
	definition: CheckDefinition<F>,
	results: ReadonlyMap<string, CheckResult>,
): CheckResult | undefined {
	for (const prerequisite of definition.requires ?? []) {
		const result = results.get(prerequisite.check);
		if (satisfied(prerequisite, result)) continue;
		return {
			id: definition.id,
			status: 'skipped',
			messageKey: `skipped.${prerequisite.when}`,
			params: { check: prerequisite.check, status: result?.status ?? 'skipped' },
		};
	}
	return undefined;
}

/** Runs an evaluator; a thrown error becomes `error` (never a false verdict about the learner's setup). */
export function runEvaluator<F>(definition: CheckDefinition<F>, facts: F, ctx: EvalContext): CheckResult {
	try {
		const verdict = withCheckerPolicyFix(definition.evaluate(facts, ctx), ctx);
		return {
			id: definition.id,
			...verdict,
			...(definition.docs !== undefined && verdict.status !== 'pass' && { docs: definition.docs }),
		};
	} catch (error) {
		return {
			id: definition.id,
			status: 'error',
			messageKey: 'check.internal-error',
			params: { message: error instanceof Error ? error.message : String(error) },
		};
	}
}

/** Pure, in-order evaluation of a whole lab over complete facts (tests, and the engine once facts are in). */
export function evaluateChecks<F>(
	definitions: readonly CheckDefinition<F>[],
	facts: F,
	ctx: EvalContext,
): CheckResult[] {
	const results = new Map<string, CheckResult>();
	for (const definition of definitions) {
		const result = skipFor(definition, results) ?? runEvaluator(definition, facts, ctx);
		results.set(definition.id, result);
	}
	return definitions.map((d) => results.get(d.id) as CheckResult);
}
