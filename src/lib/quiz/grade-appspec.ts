import { result, type GradeContext, type GradeResult } from './answer.ts';
import type { AppSpecPredicate, QuestionOf } from './schema.ts';

/**
 * AppSpec fix-it: right when the injected validator reports no error on the learner's file and every
 * predicate of the question holds on the parsed value. Without a validator the question is `ungradable`
 * (the UI says so); it is never marked wrong or right by guesswork.
 */
export function gradeAppSpecFix(
	question: QuestionOf<'appspec-fix'>,
	source: string,
	context: GradeContext,
): GradeResult {
	const validate = context.validateAppSpec;
	if (!validate)
		return { questionId: question.id, score: 0, correct: false, status: 'ungradable', parts: [] };
	const { value, diagnostics } = validate(source, { platform: question.platform });
	const errorCodes = diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
	const failedPredicates = question.predicates
		.map((predicate, index) => (predicateHolds(value, predicate) ? -1 : index))
		.filter((index) => index >= 0);
	const ok = errorCodes.length === 0 && failedPredicates.length === 0;
	return { ...result(question.id, ok ? 1 : 0, []), appSpec: { errorCodes, failedPredicates } };
}

export function predicateHolds(value: unknown, predicate: AppSpecPredicate): boolean {
	let node: unknown = value;
	for (const key of predicate.path) {
		if (node === null || typeof node !== 'object') return predicate.exists === false;
		node = (node as Record<string | number, unknown>)[key];
	}
	const exists = node !== undefined;
	if (predicate.exists !== undefined && exists !== predicate.exists) return false;
	if ('equals' in predicate && predicate.equals !== undefined) return deepEqual(node, predicate.equals);
	return predicate.exists !== undefined || exists;
}

function deepEqual(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	const keysA = Object.keys(a);
	const keysB = Object.keys(b);
	if (keysA.length !== keysB.length) return false;
	return keysA.every((key) =>
		deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
	);
}
