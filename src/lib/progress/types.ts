import type { Answer } from '../quiz/answer.ts';
import type { STORE_VERSION } from './key.ts';

/** An FSRS card as stored: the ts-fsrs `Card` with dates as ISO strings (JSON has no dates). */
export interface StoredCard {
	readonly due: string;
	readonly stability: number;
	readonly difficulty: number;
	readonly elapsed_days: number;
	readonly scheduled_days: number;
	readonly learning_steps: number;
	readonly reps: number;
	readonly lapses: number;
	/** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
	readonly state: number;
	readonly last_review?: string | undefined;
}

/** A question scheduled for spaced review (keyed on the question id, unique across the bank). */
export interface ReviewEntry {
	readonly quizId: string;
	readonly card: StoredCard;
}

export interface StoredAnswer {
	readonly answer: Answer;
	readonly score: number;
	readonly at: string;
}

export interface AttemptInProgress {
	readonly attemptId: string;
	readonly startedAt: string;
	readonly answers: Readonly<Record<string, StoredAnswer>>;
}

export interface FinishedAttempt {
	readonly attemptId: string;
	readonly finishedAt: string;
	/** 0 to 1: the sum of question scores over the number of questions. */
	readonly score: number;
	readonly questionCount: number;
	readonly correctCount: number;
}

export interface QuizProgress {
	readonly current?: AttemptInProgress | undefined;
	/** Most recent last, at most MAX_ATTEMPTS. */
	readonly attempts: readonly FinishedAttempt[];
	readonly best: number;
	/** Latest score per question, across attempts and reviews. */
	readonly questions: Readonly<Record<string, { readonly score: number; readonly at: string }>>;
}

export interface ExerciseProgress {
	readonly status: 'started' | 'done';
	readonly updatedAt: string;
	readonly data?: unknown;
}

export interface ProgressState {
	readonly version: typeof STORE_VERSION;
	readonly quizzes: Readonly<Record<string, QuizProgress>>;
	readonly review: Readonly<Record<string, ReviewEntry>>;
	/** `03-strategies/01-strategies` → first visit (ISO). */
	readonly lessonsVisited: Readonly<Record<string, string>>;
	readonly editorEdits: Readonly<Record<string, { readonly source: string; readonly updatedAt: string }>>;
	readonly exercises: Readonly<Record<string, ExerciseProgress>>;
	readonly labParams: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export function emptyState(): ProgressState {
	return {
		version: 1,
		quizzes: {},
		review: {},
		lessonsVisited: {},
		editorEdits: {},
		exercises: {},
		labParams: {},
	};
}
