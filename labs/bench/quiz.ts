import { fileURLToPath } from 'node:url';
import { serialize, load } from '../../src/lib/progress/load.ts';
import { reduce } from '../../src/lib/progress/reducer.ts';
import { emptyState, type ProgressState } from '../../src/lib/progress/types.ts';
import { planAttempt } from '../../src/lib/quiz/attempt.ts';
import { resolveQuiz } from '../../src/lib/quiz/bank.ts';
import { grade } from '../../src/lib/quiz/grade.ts';
import { recordAnswer } from '../../src/lib/quiz/record.ts';
import type { Answer } from '../../src/lib/quiz/answer.ts';
import type { Question } from '../../src/lib/quiz/schema.ts';
import { loadQuizBank } from '../quiz/load.ts';
import { toMoodleXml } from '../quiz/moodle-xml.ts';

export interface BenchSection {
	title: string;
	rows: { name: string; value: string }[];
}

const BANK_DIR = fileURLToPath(new URL('../../content/quizzes/', import.meta.url));

/** Median and p95 of `runs` timings of `task`, in milliseconds. */
function measure(task: () => unknown, runs: number): string {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		task();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
	return `median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms (${runs} runs)`;
}

/** A wrong-but-valid answer of the question's type, so grading and review scheduling both run. */
function someAnswer(question: Question): Answer {
	switch (question.type) {
		case 'single':
			return { type: 'single', optionId: question.options[0]?.id ?? null };
		case 'multiple':
			return { type: 'multiple', optionIds: question.options.slice(0, 2).map((o) => o.id) };
		case 'true-false':
			return { type: 'true-false', value: !question.answer };
		case 'ordering':
			return { type: 'ordering', itemIds: question.items.map((i) => i.id).reverse() };
		case 'matching':
			return { type: 'matching', matches: Object.fromEntries(question.pairs.map((p) => [p.id, p.id])) };
		case 'short':
			return { type: 'short', text: 'nope' };
		case 'appspec-fix':
			return { type: 'appspec-fix', source: question.source };
	}
}

/** A learner who answered every question of the bank 10 times: a large but realistic store. */
function heavyState(): ProgressState {
	const bank = loadQuizBank(BANK_DIR);
	let state = emptyState();
	const now = new Date('2026-11-26T10:00:00Z');
	for (let round = 0; round < 10; round++) {
		for (const quizId of bank.quizzes.keys()) {
			const quiz = resolveQuiz(bank, quizId);
			const attemptId = `${quizId}-${round}`;
			state = reduce(state, { type: 'quiz/start', quizId, attemptId, at: now.toISOString() });
			for (const entry of quiz.questions) {
				const answer = someAnswer(entry.question);
				state = recordAnswer(
					state,
					{ quizId, attemptId, answer, result: grade(entry.question, answer) },
					now,
				);
			}
			state = reduce(state, {
				type: 'quiz/finish',
				quizId,
				attemptId,
				questionCount: quiz.questions.length,
				at: now.toISOString(),
			});
		}
	}
	return state;
}

export async function bench(): Promise<BenchSection> {
	const bank = loadQuizBank(BANK_DIR);
	const quizzes = [...bank.quizzes.keys()].map((id) => resolveQuiz(bank, id));
	const questions = [...bank.questions.values()].map((entry) => entry.question);
	const answers = questions.map(someAnswer);
	const state = heavyState();
	const raw = serialize(state);
	return {
		title: `Quiz and learner store (${questions.length} questions, ${bank.quizzes.size} quizzes)`,
		rows: [
			{
				name: 'loadQuizBank (read, parse, validate every file)',
				value: measure(() => loadQuizBank(BANK_DIR), 30),
			},
			{
				name: 'grade every question once',
				value: measure(() => questions.forEach((q, i) => grade(q, answers[i]!)), 200),
			},
			{
				name: 'planAttempt for every quiz',
				value: measure(() => quizzes.forEach((q) => planAttempt(q, 'bench')), 200),
			},
			{
				name: 'export the whole bank to Moodle XML',
				value: measure(() => toMoodleXml(quizzes, { lang: 'fr', siteUrl: 'https://x', category: 'c' }), 50),
			},
			{
				name: `load() a store of ${(raw.length / 1024).toFixed(0)} KB (10 rounds of every quiz)`,
				value: measure(() => load(raw), 50),
			},
		],
	};
}
