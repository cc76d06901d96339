import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';
import type { ReviewEntry, StoredCard } from '../progress/types.ts';

/**
 * Spaced review with FSRS (ts-fsrs). No fuzz (a reload must not move a due date) and no same-day learning
 * steps: a missed question comes back the next day, then at growing intervals while it is answered right.
 */
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

/**
 * The review entry after answering a question, or undefined when it needs none. A miss (score < 1, partial
 * credit included) always schedules the question; a right answer only advances a question already scheduled.
 */
export function scheduleAnswer(
	entry: ReviewEntry | undefined,
	answer: { readonly quizId: string; readonly correct: boolean },
	now: Date,
): ReviewEntry | undefined {
	if (!entry && answer.correct) return undefined;
	const card = entry ? toCard(entry.card) : createEmptyCard(now);
	const next = scheduler.next(card, now, answer.correct ? Rating.Good : Rating.Again).card;
	return { quizId: entry?.quizId ?? answer.quizId, card: toStored(next) };
}

function toCard(stored: StoredCard): Card {
	const card: Card = {
		due: new Date(stored.due),
		stability: stored.stability,
		difficulty: stored.difficulty,
		elapsed_days: stored.elapsed_days,
		scheduled_days: stored.scheduled_days,
		learning_steps: stored.learning_steps,
		reps: stored.reps,
		lapses: stored.lapses,
		state: stored.state,
	};
	if (stored.last_review) card.last_review = new Date(stored.last_review);
	return card;
}

function toStored(card: Card): StoredCard {
	return {
		due: card.due.toISOString(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
	};
}
