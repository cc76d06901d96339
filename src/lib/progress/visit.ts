import { STORE_KEY, STORE_VERSION } from './key.ts';

/**
 * Records "lesson visited" from the per-page script. Deliberately tiny (no zod, no reducer, no quiz code):
 * it runs on every lesson page within the site's 5 KB script budget. It only adds one key to
 * `lessonsVisited` in a store of the current version; anything it does not understand (older version,
 * damaged data) is left untouched for the full loader to migrate or repair with a notice.
 * Returns true when the visit is recorded (or already was); never throws.
 */
export function recordLessonVisit(
	storage: { getItem(key: string): string | null; setItem(key: string, value: string): void } | null,
	lesson: string,
	at: string,
): boolean {
	try {
		if (!storage) return false;
		const raw = storage.getItem(STORE_KEY);
		const doc = raw ? JSON.parse(raw) : { version: STORE_VERSION };
		if (!isPlain(doc) || doc['version'] !== STORE_VERSION) return false;
		const visited = doc['lessonsVisited'] ?? {};
		if (!isPlain(visited)) return false;
		if (typeof visited[lesson] === 'string') return true;
		doc['lessonsVisited'] = { ...visited, [lesson]: at };
		storage.setItem(STORE_KEY, JSON.stringify(doc));
		return true;
	} catch {
		return false;
	}
}

function isPlain(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
