import type { Localized } from '../i18n/localized.ts';
import type { Question, QuizFile } from './schema.ts';
import { seededRandom, shuffled } from './shuffle.ts';

/** A question with the quiz and module it comes from (the final test mixes several). */
export interface BankQuestion {
	readonly question: Question;
	readonly quizId: string;
	readonly module: string | undefined;
}

export interface QuizBank {
	readonly quizzes: ReadonlyMap<string, QuizFile>;
	/** Every authored question by its id (ids are unique across the bank). */
	readonly questions: ReadonlyMap<string, BankQuestion>;
}

/** A quiz ready to show: its questions in order, whether authored in the file or drawn from others. */
export interface ResolvedQuiz {
	readonly id: string;
	readonly module: string | undefined;
	readonly title: Localized;
	readonly intro: Localized | undefined;
	readonly questions: readonly BankQuestion[];
}

/** Indexes validated quiz files. Duplicate ids are the linter's job; here the first one wins. */
export function buildBank(files: readonly QuizFile[]): QuizBank {
	const quizzes = new Map<string, QuizFile>();
	const questions = new Map<string, BankQuestion>();
	for (const quiz of files) {
		if (!quizzes.has(quiz.id)) quizzes.set(quiz.id, quiz);
		for (const question of quiz.questions ?? []) {
			if (!questions.has(question.id))
				questions.set(question.id, { question, quizId: quiz.id, module: quiz.module });
		}
	}
	return { quizzes, questions };
}

/** Resolves a quiz's questions; throws for an unknown quiz or a reference to a missing question. */
export function resolveQuiz(bank: QuizBank, quizId: string): ResolvedQuiz {
	const quiz = bank.quizzes.get(quizId);
	if (!quiz) throw new Error(`unknown quiz "${quizId}"`);
	return {
		id: quiz.id,
		module: quiz.module,
		title: quiz.title,
		intro: quiz.intro,
		questions: questionsOf(bank, quiz),
	};
}

function questionsOf(bank: QuizBank, quiz: QuizFile): BankQuestion[] {
	if (quiz.questions)
		return quiz.questions.map((question) => ({ question, quizId: quiz.id, module: quiz.module }));
	if (quiz.include) {
		return quiz.include.map((id) => {
			const entry = bank.questions.get(id);
			if (!entry) throw new Error(`quiz "${quiz.id}" includes unknown question "${id}"`);
			return entry;
		});
	}
	if (quiz.draw) return drawQuestions(bank, quiz.draw);
	return [];
}

/**
 * Draws `count` questions with a fixed seed, spread evenly over the source quizzes: each quiz's questions are
 * shuffled, then taken round-robin. The same seed always gives the same test, so the page can be rendered
 * without JavaScript and the export matches it.
 */
export function drawQuestions(
	bank: QuizBank,
	draw: { readonly from: 'all' | readonly string[]; readonly count: number; readonly seed: string },
): BankQuestion[] {
	const sources = [...bank.quizzes.values()]
		.filter((quiz) => quiz.questions && (draw.from === 'all' || draw.from.includes(quiz.id)))
		.sort((a, b) => a.id.localeCompare(b.id));
	const random = seededRandom(draw.seed);
	const pools = sources.map((quiz) =>
		shuffled(
			(quiz.questions ?? []).filter((q) => q.type !== 'appspec-fix'),
			random,
		).map((question) => ({ question, quizId: quiz.id, module: quiz.module })),
	);
	const picked: BankQuestion[] = [];
	for (let round = 0; picked.length < draw.count && pools.some((pool) => pool.length > round); round++) {
		for (const pool of pools) {
			const entry = pool[round];
			if (entry && picked.length < draw.count) picked.push(entry);
		}
	}
	return picked;
}
