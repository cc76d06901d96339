/**
 * The quiz engine: schema, parsing with locations, grading, attempts, review scheduling.
 *
 * How a page uses it (the `<Quiz>` component and the `cd-quiz` element):
 * 1. Build time (Node): `loadQuizBank('content/quizzes', { docsDir: 'src/content/docs' })` from
 *    labs/quiz/load.ts, then `resolveQuiz(bank, id)`; render `presentQuestion(entry, lang)` as real form
 *    controls and `explain(...)`-style texts in `<details>`; pass the ResolvedQuiz as a data-* JSON attribute.
 * 2. In the element: `openStore(browserStorage())` (src/lib/progress); reuse `state.quizzes[id].current`
 *    if present, else `newAttemptId(new Date())` + dispatch `quiz/start`; `planAttempt(quiz, attemptId)`
 *    gives the shuffled order, `presentQuestion(entry, lang, plan)` the texts in that order.
 * 3. On check: `grade(question, answer, { validateAppSpec })`, then
 *    `store.replace(recordAnswer(store.state, { quizId, sourceQuizId: entry.quizId, attemptId, answer, result }, now))`
 *    and show `explain(entry, result, lang)`. At the end dispatch `quiz/finish` with the question count.
 * 4. Review page: `dueQuestions(store.state, now)` → look each id up in the bank; record with no `attemptId`.
 */
export * from './schema.ts';
export { parseQuizSource, formatQuizFileErrors, type QuizFileError, type QuizParseResult } from './parse.ts';
export type { Answer, AppSpecValidator, GradeContext, GradeResult, PartResult } from './answer.ts';
export { grade } from './grade.ts';
export { predicateHolds } from './grade-appspec.ts';
export { normalizeAnswer, matchesAccepted } from './normalize.ts';
export {
	buildBank,
	resolveQuiz,
	drawQuestions,
	type BankQuestion,
	type QuizBank,
	type ResolvedQuiz,
} from './bank.ts';
export { planAttempt, newAttemptId, type AttemptPlan } from './attempt.ts';
export { scheduleAnswer } from './review.ts';
export { recordAnswer } from './record.ts';
export { lessonUrl, lessonUrls, parseLessonRef, type LessonTarget } from './lesson-link.ts';
export { MOODLE_FRACTIONS, isMoodleFraction, moodlePercent } from './fractions.ts';
export {
	presentQuestion,
	explain,
	type PresentedQuestion,
	type PresentedChoice,
	type Explanation,
} from './present.ts';
