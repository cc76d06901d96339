import { reduce } from '../progress/reducer.ts';
import type { ProgressState } from '../progress/types.ts';
import type { Answer, GradeResult } from './answer.ts';
import { scheduleAnswer } from './review.ts';

/**
 * Records a graded answer in the learner store: the attempt's answer (or, from the review page, the latest
 * score only) and the question's review schedule. Returns the new state; the caller saves it.
 * `ungradable` answers (appspec-fix without a validator) are not recorded.
 */
export function recordAnswer(
	state: ProgressState,
	input: {
		readonly quizId: string;
		/**
		 * The quiz the question comes from (`BankQuestion.quizId`), when it differs from `quizId` (the final test):
		 * the review schedule and per-module summaries are filed under it. Defaults to `quizId`.
		 */
		readonly sourceQuizId?: string | undefined;
		/** The attempt the answer belongs to; omit for answers given on the review page. */
		readonly attemptId?: string | undefined;
		readonly answer: Answer;
		readonly result: GradeResult;
	},
	now: Date,
): ProgressState {
	const { quizId, attemptId, answer, result } = input;
	if (result.status === 'ungradable') return state;
	const at = now.toISOString();
	const questionId = result.questionId;
	let next =
		attemptId === undefined
			? reduce(state, { type: 'review/answer', quizId, questionId, score: result.score, at })
			: reduce(state, {
					type: 'quiz/answer',
					quizId,
					attemptId,
					questionId,
					answer,
					score: result.score,
					at,
				});
	const reviewQuizId = input.sourceQuizId ?? quizId;
	const entry = scheduleAnswer(
		state.review[questionId],
		{ quizId: reviewQuizId, correct: result.correct },
		now,
	);
	if (entry) next = reduce(next, { type: 'review/set', questionId, entry });
	return next;
}
