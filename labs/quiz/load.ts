import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildBank, type QuizBank } from '../../src/lib/quiz/bank.ts';
import { formatQuizFileErrors, parseQuizSource, type QuizFileError } from '../../src/lib/quiz/parse.ts';
import type { Question, QuizFile } from '../../src/lib/quiz/schema.ts';
import { expandLessonRef, indexLessons, type LessonIndex } from './lessons.ts';

export interface LoadedQuizFile {
	readonly file: string;
	readonly result: ReturnType<typeof parseQuizSource>;
}

/** Parses every `<dir>/*.yaml`, sorted by name, keeping per-file results (the linter reports them all). */
export function readQuizFiles(dir: string): LoadedQuizFile[] {
	return readdirSync(dir)
		.filter((name) => name.endsWith('.yaml'))
		.sort()
		.map((name) => {
			const file = join(dir, name);
			return { file, result: parseQuizSource(readFileSync(file, 'utf8'), file) };
		});
}

/**
 * Every problem of the bank that does not need the lessons: invalid files, a quiz id that differs from its
 * file name, a question id used twice across files, an `include` or `draw.from` naming nothing.
 */
export function checkBankFiles(files: readonly LoadedQuizFile[]): {
	errors: QuizFileError[];
	bank: QuizBank;
} {
	const errors: QuizFileError[] = [];
	const quizzes: QuizFile[] = [];
	const firstUse = new Map<string, string>();
	for (const { file, result } of files) {
		if (!result.ok) {
			errors.push(...result.errors);
			continue;
		}
		const { quiz, lineOf } = result;
		const report = (path: (string | number)[], code: string, message: string) =>
			errors.push({ file, line: lineOf(path), column: 1, field: path.join('.'), message, code });
		if (basename(file) !== `${quiz.id}.yaml`) {
			report(['id'], 'id-mismatch', `the quiz id must match the file name (${quiz.id}.yaml)`);
		}
		quiz.questions?.forEach((question, index) => {
			const other = firstUse.get(question.id);
			if (other)
				report(
					['questions', index, 'id'],
					'duplicate-id',
					`question id "${question.id}" is also used in ${other}`,
				);
			else firstUse.set(question.id, basename(file));
		});
		quizzes.push(quiz);
	}
	const bank = buildBank(quizzes);
	for (const { file, result } of files) {
		if (!result.ok) continue;
		const { quiz, lineOf } = result;
		const report = (path: (string | number)[], code: string, message: string) =>
			errors.push({ file, line: lineOf(path), column: 1, field: path.join('.'), message, code });
		quiz.include?.forEach((id, index) => {
			if (!bank.questions.has(id)) report(['include', index], 'unknown-question', `unknown question "${id}"`);
		});
		const from = quiz.draw?.from;
		if (Array.isArray(from)) {
			from.forEach((id, index) => {
				if (!bank.quizzes.has(id)) report(['draw', 'from', index], 'unknown-quiz', `unknown quiz "${id}"`);
			});
		}
	}
	return { errors, bank };
}

/**
 * The build-time hook: loads and validates the whole bank from `dir` (normally `content/quizzes`). With
 * `docsDir` (normally `src/content/docs`), module-only lesson links are pointed at the module's first lesson.
 * Throws one Error listing every problem as `file:line:column field: message`, so the site build fails
 * pointing at the place to fix.
 */
export function loadQuizBank(dir: string, options: { readonly docsDir?: string } = {}): QuizBank {
	const files = readQuizFiles(dir);
	const { errors, bank } = checkBankFiles(files);
	if (errors.length > 0) throw new Error(`Invalid quiz bank:\n${formatQuizFileErrors(errors)}`);
	if (options.docsDir === undefined) return bank;
	// Module-only links (`05-appspec`) become links to the module's first lesson, so no URL points at a missing page.
	const lessons = indexLessons(options.docsDir);
	const quizzes = files.flatMap(({ result }) => (result.ok ? [withExpandedLinks(result.quiz, lessons)] : []));
	return buildBank(quizzes);
}

function withExpandedLinks(quiz: QuizFile, lessons: LessonIndex): QuizFile {
	if (!quiz.questions) return quiz;
	const questions = quiz.questions.map((question): Question => {
		const lesson = expandLessonRef(question.lesson, lessons);
		if (question.type !== 'single' && question.type !== 'multiple') return { ...question, lesson };
		const options = question.options.map((o) =>
			o.lesson ? { ...o, lesson: expandLessonRef(o.lesson, lessons) } : o,
		);
		return { ...question, lesson, options };
	});
	return { ...quiz, questions };
}
