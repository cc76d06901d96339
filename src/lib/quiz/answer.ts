/** What a learner submitted for one question; shaped per type, keyed on ids (never on positions or text). */
export type Answer =
	| { readonly type: 'single'; readonly optionId: string | null }
	| { readonly type: 'multiple'; readonly optionIds: readonly string[] }
	| { readonly type: 'true-false'; readonly value: boolean | null }
	| { readonly type: 'ordering'; readonly itemIds: readonly string[] }
	/** Left-hand pair id → chosen right-hand id (a pair id or a distractor id), or null when left empty. */
	| { readonly type: 'matching'; readonly matches: Readonly<Record<string, string | null>> }
	| { readonly type: 'short'; readonly text: string }
	| { readonly type: 'appspec-fix'; readonly source: string };

/** Per-part outcome, so the UI can mark each option/item and show its explanation. */
export interface PartResult {
	readonly id: string;
	/** The learner chose it (choice), put it here (ordering), or matched it (matching). */
	readonly chosen: boolean;
	readonly correct: boolean;
}

export interface GradeResult {
	readonly questionId: string;
	/** 0 to 1, partial credit included. */
	readonly score: number;
	/** True only for full marks. */
	readonly correct: boolean;
	/** `ungradable`: an appspec-fix question with no validator injected; never counted as wrong. */
	readonly status: 'graded' | 'ungradable';
	readonly parts: readonly PartResult[];
	/** appspec-fix: codes of the validator's errors and the indexes of failed predicates. */
	readonly appSpec?: { readonly errorCodes: readonly string[]; readonly failedPredicates: readonly number[] };
}

/** The AppSpec validator's contract (src/lib/appspec), injected so the quiz core runs without it. */
export type AppSpecValidator = (
	source: string,
	options: { platform: 'server' | 'ecs' | 'lambda' },
) => {
	value?: unknown;
	diagnostics: readonly { code: string; severity: 'error' | 'warning' | 'info' }[];
};

export interface GradeContext {
	readonly validateAppSpec?: AppSpecValidator | undefined;
}

/** A graded result with the score clamped to 0..1. */
export function result(questionId: string, score: number, parts: readonly PartResult[]): GradeResult {
	// Rounded so 1/3 + 1/3 + 1/3 is exactly 1 and stored scores stay short.
	const rounded = Math.round(Math.min(1, Math.max(0, score)) * 1e6) / 1e6;
	return { questionId, score: rounded, correct: rounded === 1, status: 'graded', parts };
}
