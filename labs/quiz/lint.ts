import { COURSE_MODULES } from '../../src/lib/course/modules.ts';
import { resolveQuiz } from '../../src/lib/quiz/bank.ts';
import type { QuizFileError } from '../../src/lib/quiz/parse.ts';
import type { LessonRef } from '../../src/lib/quiz/schema.ts';
import { checkLessonRef, type LessonIndex } from './lessons.ts';
import { checkBankFiles, type LoadedQuizFile } from './load.ts';

/** A module quiz must have at least this many questions (issue 4). */
export const MIN_MODULE_QUESTIONS = 8;

/**
 * Everything `quiz lint` reports: the bank checks (invalid file, missing explanation, no correct answer,
 * duplicate id, unknown reference) plus lesson links that do not resolve in both languages, an unknown
 * module, a module quiz that is too short and a draw asking for more questions than exist.
 */
export function lintBank(files: readonly LoadedQuizFile[], lessons: LessonIndex): QuizFileError[] {
	const { errors, bank } = checkBankFiles(files);
	const modules = new Set(COURSE_MODULES.map((m) => m.slug));
	for (const { file, result } of files) {
		if (!result.ok) continue;
		const { quiz, lineOf } = result;
		const report = (path: (string | number)[], code: string, message: string) =>
			errors.push({ file, line: lineOf(path), column: 1, field: path.join('.'), message, code });
		if (quiz.module !== undefined && !modules.has(quiz.module)) {
			report(['module'], 'unknown-module', `unknown module "${quiz.module}"`);
		}
		if (quiz.module !== undefined && (quiz.questions?.length ?? 0) < MIN_MODULE_QUESTIONS) {
			report(
				['questions'],
				'too-few-questions',
				`a module quiz needs at least ${MIN_MODULE_QUESTIONS} questions`,
			);
		}
		if (quiz.draw) {
			const available = countDrawable(bank, quiz.id);
			if (available < quiz.draw.count) {
				report(
					['draw', 'count'],
					'draw-too-large',
					`draws ${quiz.draw.count} questions, only ${available} exist`,
				);
			}
		}
		quiz.questions?.forEach((question, q) => {
			const refs: { path: (string | number)[]; ref: LessonRef }[] = [
				{ path: ['questions', q, 'lesson'], ref: question.lesson },
			];
			if (question.type === 'single' || question.type === 'multiple') {
				question.options.forEach((option, o) => {
					if (option.lesson)
						refs.push({ path: ['questions', q, 'options', o, 'lesson'], ref: option.lesson });
				});
			}
			for (const { path, ref } of refs) {
				for (const problem of checkLessonRef(ref, lessons)) {
					const where =
						problem.code === 'anchor-not-found' ? `${problem.page}#${problem.anchor}` : problem.page;
					report(path, problem.code, `${problem.lang}: ${where}`);
				}
			}
		});
	}
	return errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function countDrawable(bank: ReturnType<typeof checkBankFiles>['bank'], quizId: string): number {
	try {
		return resolveQuiz(bank, quizId).questions.length;
	} catch {
		return 0;
	}
}
