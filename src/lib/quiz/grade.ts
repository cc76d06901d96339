import { result, type Answer, type GradeContext, type GradeResult } from './answer.ts';
import { gradeAppSpecFix } from './grade-appspec.ts';
import { matchesAccepted } from './normalize.ts';
import type { Question, QuestionOf } from './schema.ts';

/**
 * Grades one answer. Pure: same question and answer, same result. An answer of another type than the
 * question scores 0. The partial-credit rules are stated in README.md ("Grading rules") and mirror Moodle's.
 */
export function grade(question: Question, answer: Answer, context: GradeContext = {}): GradeResult {
	switch (question.type) {
		case 'single':
			return gradeSingle(question, answer.type === 'single' ? answer.optionId : null);
		case 'multiple':
			return gradeMultiple(question, answer.type === 'multiple' ? answer.optionIds : []);
		case 'true-false':
			return gradeTrueFalse(question, answer.type === 'true-false' ? answer.value : null);
		case 'ordering':
			return gradeOrdering(question, answer.type === 'ordering' ? answer.itemIds : []);
		case 'matching':
			return gradeMatching(question, answer.type === 'matching' ? answer.matches : {});
		case 'short':
			return gradeShort(question, answer.type === 'short' ? answer.text : '');
		case 'appspec-fix':
			return gradeAppSpecFix(question, answer.type === 'appspec-fix' ? answer.source : '', context);
	}
}

function gradeSingle(question: QuestionOf<'single'>, optionId: string | null): GradeResult {
	const parts = question.options.map((o) => ({ id: o.id, chosen: o.id === optionId, correct: o.correct }));
	const chosen = question.options.find((o) => o.id === optionId);
	return result(question.id, chosen?.correct ? 1 : 0, parts);
}

/**
 * Multiple choice: each correct option chosen earns 1/(number of correct options), each wrong option chosen
 * costs 1/(number of wrong options), and the total is clamped to 0..1. Choosing everything, or nothing,
 * scores 0.
 */
function gradeMultiple(question: QuestionOf<'multiple'>, optionIds: readonly string[]): GradeResult {
	const chosen = new Set(optionIds);
	const correctCount = question.options.filter((o) => o.correct).length;
	const wrongCount = question.options.length - correctCount;
	let score = 0;
	for (const option of question.options) {
		if (!chosen.has(option.id)) continue;
		score += option.correct ? 1 / correctCount : -1 / wrongCount;
	}
	const parts = question.options.map((o) => ({ id: o.id, chosen: chosen.has(o.id), correct: o.correct }));
	return result(question.id, score, parts);
}

function gradeTrueFalse(question: QuestionOf<'true-false'>, value: boolean | null): GradeResult {
	const parts = [
		{ id: 'true', chosen: value === true, correct: question.answer },
		{ id: 'false', chosen: value === false, correct: !question.answer },
	];
	return result(question.id, value === question.answer ? 1 : 0, parts);
}

/**
 * Ordering (Moodle's "relative to the next item, excluding the last"): for every item but the last in the
 * correct order, a point when the learner placed the right item immediately after it; score = points /
 * (items - 1). Part `correct` says whether that item is followed by its correct successor.
 */
function gradeOrdering(question: QuestionOf<'ordering'>, itemIds: readonly string[]): GradeResult {
	const expected = question.items.map((item) => item.id);
	const placedNext = new Map<string, string | undefined>();
	itemIds.forEach((id, index) => placedNext.set(id, itemIds[index + 1]));
	let points = 0;
	const parts = expected.map((id, index) => {
		const successor = expected[index + 1];
		const ok = successor === undefined ? itemIds.at(-1) === id : placedNext.get(id) === successor;
		if (successor !== undefined && ok) points++;
		return { id, chosen: itemIds.includes(id), correct: ok };
	});
	const complete = itemIds.length === expected.length && new Set(itemIds).size === expected.length;
	return result(question.id, complete ? points / (expected.length - 1) : 0, parts);
}

/** Matching: each left-hand item matched to its own right-hand answer earns 1/(number of pairs). */
function gradeMatching(
	question: QuestionOf<'matching'>,
	matches: Readonly<Record<string, string | null>>,
): GradeResult {
	const parts = question.pairs.map((pair) => {
		const choice = matches[pair.id] ?? null;
		return { id: pair.id, chosen: choice !== null, correct: choice === pair.id };
	});
	const right = parts.filter((part) => part.correct).length;
	return result(question.id, right / question.pairs.length, parts);
}

function gradeShort(question: QuestionOf<'short'>, text: string): GradeResult {
	const ok = matchesAccepted(text, question.accepted);
	return result(question.id, ok ? 1 : 0, [{ id: 'answer', chosen: text.trim() !== '', correct: ok }]);
}
