import type { ResolvedQuiz } from './bank.ts';
import type { Question } from './schema.ts';
import { seededRandom, shuffled } from './shuffle.ts';

/**
 * The presentation of one attempt: option, item and choice orders, all derived from the attempt id. A reload
 * mid-attempt rebuilds the same orders from the stored id; a retry gets a new id and so new orders.
 */
export interface AttemptPlan {
	readonly attemptId: string;
	readonly quizId: string;
	readonly questionIds: readonly string[];
	/** Question id → ids in display order: options (choice), items (ordering), right-hand choices (matching). */
	readonly order: Readonly<Record<string, readonly string[]>>;
}

export function planAttempt(quiz: ResolvedQuiz, attemptId: string): AttemptPlan {
	const order: Record<string, readonly string[]> = {};
	for (const { question } of quiz.questions) {
		const ids = displayOrder(question, `${attemptId}:${question.id}`);
		if (ids) order[question.id] = ids;
	}
	return { attemptId, quizId: quiz.id, questionIds: quiz.questions.map((q) => q.question.id), order };
}

function displayOrder(question: Question, seed: string): readonly string[] | undefined {
	const random = seededRandom(seed);
	switch (question.type) {
		case 'single':
		case 'multiple':
			return shuffled(
				question.options.map((o) => o.id),
				random,
			);
		case 'ordering': {
			const correct = question.items.map((item) => item.id);
			const order = shuffled(correct, random);
			// Never start an ordering question already solved: rotate by one when the shuffle hit the answer.
			return order.every((id, index) => id === correct[index])
				? [...order.slice(1), ...order.slice(0, 1)]
				: order;
		}
		case 'matching':
			return shuffled([...question.pairs.map((p) => p.id), ...question.distractors.map((d) => d.id)], random);
		default:
			return undefined;
	}
}

/**
 * A new attempt id: time-ordered and random enough to differ between two retries in the same millisecond.
 * `random` is injectable so tests are deterministic.
 */
export function newAttemptId(now: Date, random: () => number = Math.random): string {
	const noise = Math.floor(random() * 36 ** 6)
		.toString(36)
		.padStart(6, '0');
	return `${now.getTime().toString(36)}-${noise}`;
}
