import { STORE_KEY, STORE_VERSION } from './key.ts';

/** What the sidebar and the course home need on every page: visited lessons and best quiz scores. */
export interface ProgressPeek {
	readonly lessonsVisited: readonly string[];
	/** Quiz id → best score (0 to 1) of finished attempts. */
	readonly bestScores: Readonly<Record<string, number>>;
}

/**
 * Reads the store for per-page progress display, with no zod and no reducer (the 5 KB per-page budget).
 * Defensive: anything unexpected reads as "no progress"; it never throws and never writes.
 */
export function peekProgress(storage: { getItem(key: string): string | null } | null): ProgressPeek {
	const empty: ProgressPeek = { lessonsVisited: [], bestScores: {} };
	try {
		const doc: unknown = JSON.parse((storage && storage.getItem(STORE_KEY)) || 'null');
		if (!isPlain(doc) || doc['version'] !== STORE_VERSION) return empty;
		const visited = isPlain(doc['lessonsVisited']) ? Object.keys(doc['lessonsVisited']) : [];
		const bestScores: Record<string, number> = {};
		const quizzes = isPlain(doc['quizzes']) ? doc['quizzes'] : {};
		for (const [id, quiz] of Object.entries(quizzes)) {
			const attempts = isPlain(quiz) && Array.isArray(quiz['attempts']) ? quiz['attempts'].length : 0;
			const best = isPlain(quiz) ? quiz['best'] : undefined;
			if (attempts > 0 && typeof best === 'number' && best >= 0 && best <= 1) bestScores[id] = best;
		}
		return { lessonsVisited: visited, bestScores };
	} catch {
		return empty;
	}
}

function isPlain(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
