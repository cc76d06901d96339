/** The quiz engine: schema, parsing with locations, grading, attempts, review scheduling. */
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
