import { describe, expect, it } from 'vitest';
import { dueQuestions, nextReviewAt } from '../../../src/lib/progress/review-queue.ts';
import { reduce } from '../../../src/lib/progress/reducer.ts';
import { emptyState } from '../../../src/lib/progress/types.ts';
import { grade } from '../../../src/lib/quiz/grade.ts';
import { recordAnswer } from '../../../src/lib/quiz/record.ts';
import { scheduleAnswer } from '../../../src/lib/quiz/review.ts';
import { questionOf, sampleQuiz } from './helpers.ts';

const DAY = 86_400_000;
const start = new Date('2026-11-26T10:00:00.000Z');
const at = (days: number) => new Date(start.getTime() + days * DAY);
const quiz = sampleQuiz();
const single = questionOf(quiz, 'sample-single');

function answer(state: ReturnType<typeof emptyState>, optionId: string, now: Date, attemptId?: string) {
	const given = { type: 'single' as const, optionId };
	return recordAnswer(
		state,
		{ quizId: 'sample', attemptId, answer: given, result: grade(single, given) },
		now,
	);
}

describe('spaced review', () => {
	it('does not schedule a question answered right first time', () => {
		expect(scheduleAnswer(undefined, { quizId: 'q', correct: true }, start)).toBeUndefined();
		expect(answer(emptyState(), 'a', start).review).toEqual({});
	});

	it('schedules every missed question and serves it when due', () => {
		let state = reduce(emptyState(), {
			type: 'quiz/start',
			quizId: 'sample',
			attemptId: 'a1',
			at: start.toISOString(),
		});
		state = answer(state, 'b', start, 'a1');
		expect(Object.keys(state.review)).toEqual(['sample-single']);
		expect(state.quizzes['sample']?.current?.answers['sample-single']?.score).toBe(0);
		expect(dueQuestions(state, start)).toEqual([]);
		expect(dueQuestions(state, at(1))).toEqual([
			{ questionId: 'sample-single', quizId: 'sample', due: at(1).toISOString() },
		]);
		expect(nextReviewAt(state)).toBe(at(1).toISOString());
	});

	it('pushes the next review further out after each right answer, and back after a lapse', () => {
		let state = answer(emptyState(), 'b', start);
		state = answer(state, 'a', at(1));
		const firstGap = Date.parse(state.review['sample-single']?.card.due ?? '') - at(1).getTime();
		const second = new Date(Date.parse(state.review['sample-single']?.card.due ?? ''));
		state = answer(state, 'a', second);
		const secondGap = Date.parse(state.review['sample-single']?.card.due ?? '') - second.getTime();
		expect(firstGap).toBeGreaterThan(DAY);
		expect(secondGap).toBeGreaterThan(firstGap);
		const lapse = new Date(Date.parse(state.review['sample-single']?.card.due ?? ''));
		state = answer(state, 'b', lapse);
		expect(Date.parse(state.review['sample-single']?.card.due ?? '') - lapse.getTime()).toBeLessThan(
			secondGap,
		);
		expect(state.review['sample-single']?.card.lapses).toBe(1);
	});

	it('treats partial credit as a miss', () => {
		const multiple = questionOf(quiz, 'sample-multiple');
		const given = { type: 'multiple' as const, optionIds: ['a', 'b'] };
		const state = recordAnswer(
			emptyState(),
			{ quizId: 'sample', answer: given, result: grade(multiple, given) },
			start,
		);
		expect(state.review['sample-multiple']).toBeDefined();
		expect(state.quizzes['sample']?.questions['sample-multiple']?.score).toBe(0.666667);
	});

	it('orders due questions by due date', () => {
		let state = answer(emptyState(), 'b', start);
		const multiple = questionOf(quiz, 'sample-multiple');
		const given = { type: 'multiple' as const, optionIds: [] };
		state = recordAnswer(state, { quizId: 'sample', answer: given, result: grade(multiple, given) }, at(-2));
		expect(dueQuestions(state, at(5)).map((d) => d.questionId)).toEqual(['sample-multiple', 'sample-single']);
	});
});

describe('review from the final test', () => {
	it('files a missed question under the quiz it comes from', () => {
		const given = { type: 'single' as const, optionId: 'b' };
		const state = recordAnswer(
			emptyState(),
			{ quizId: 'final', sourceQuizId: 'sample', answer: given, result: grade(single, given) },
			start,
		);
		expect(state.review['sample-single']?.quizId).toBe('sample');
		expect(state.quizzes['final']?.questions['sample-single']?.score).toBe(0);
	});
});
