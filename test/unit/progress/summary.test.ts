import { describe, expect, it } from 'vitest';
import { COURSE_MODULES } from '../../../src/lib/course/modules.ts';
import { reduce } from '../../../src/lib/progress/reducer.ts';
import { moduleSummaries } from '../../../src/lib/progress/summary.ts';
import { emptyState } from '../../../src/lib/progress/types.ts';

const AT = '2026-11-26T10:00:00.000Z';

describe('moduleSummaries', () => {
	it('summarises lessons, quiz scores and due reviews per module', () => {
		let state = reduce(emptyState(), { type: 'lesson/visit', lesson: '03-strategies/01-intro', at: AT });
		state = reduce(state, { type: 'quiz/start', quizId: 'quiz-03', attemptId: 'a', at: AT });
		state = reduce(state, {
			type: 'quiz/answer',
			quizId: 'quiz-03',
			attemptId: 'a',
			questionId: 'x',
			answer: { type: 'true-false', value: true },
			score: 1,
			at: AT,
		});
		state = reduce(state, {
			type: 'quiz/finish',
			quizId: 'quiz-03',
			attemptId: 'a',
			questionCount: 2,
			at: AT,
		});
		const card = {
			due: AT,
			stability: 1,
			difficulty: 5,
			elapsed_days: 0,
			scheduled_days: 1,
			learning_steps: 0,
			reps: 1,
			lapses: 0,
			state: 2,
		};
		state = reduce(state, { type: 'review/set', questionId: 'y', entry: { quizId: 'quiz-03', card } });
		const summaries = moduleSummaries(
			state,
			{
				modules: COURSE_MODULES,
				quizByModule: { '03-strategies': 'quiz-03' },
				lessonCounts: { '03-strategies': 2 },
			},
			new Date(AT),
		);
		expect(summaries).toHaveLength(COURSE_MODULES.length);
		expect(summaries.find((s) => s.module === '03-strategies')).toEqual({
			module: '03-strategies',
			lessonsVisited: 1,
			lessonsTotal: 2,
			quizId: 'quiz-03',
			attempts: 1,
			bestScore: 0.5,
			lastScore: 0.5,
			reviewDue: 1,
			completion: 0.5,
		});
		expect(summaries[0]).toMatchObject({ module: '01-pipeline', bestScore: undefined, completion: 0 });
	});
});
