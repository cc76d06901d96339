import type { ProgressState } from './types.ts';

export interface DueQuestion {
	readonly questionId: string;
	readonly quizId: string;
	readonly due: string;
}

/** Questions whose review is due at `now`, most overdue first (ties by id, so the order is stable). */
export function dueQuestions(state: ProgressState, now: Date): DueQuestion[] {
	const limit = now.getTime();
	return Object.entries(state.review)
		.filter(([, entry]) => Date.parse(entry.card.due) <= limit)
		.map(([questionId, entry]) => ({ questionId, quizId: entry.quizId, due: entry.card.due }))
		.sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || a.questionId.localeCompare(b.questionId));
}

/** When the next review falls due (ISO), or undefined when nothing is scheduled. */
export function nextReviewAt(state: ProgressState): string | undefined {
	let next: string | undefined;
	for (const entry of Object.values(state.review)) {
		if (next === undefined || Date.parse(entry.card.due) < Date.parse(next)) next = entry.card.due;
	}
	return next;
}
