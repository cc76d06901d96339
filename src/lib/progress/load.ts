import { STORE_VERSION } from './key.ts';
import { NAMESPACE_SCHEMAS, NAMESPACES, type Namespace } from './schema.ts';
import { emptyState, type ProgressState } from './types.ts';

/**
 * Why the loaded state is not simply what was stored. The UI shows a notice for each (never a crash):
 * - `reset-corrupt`: unreadable (not JSON, not an object, no version): started afresh;
 * - `repaired`: some namespaces were damaged and were reset, the others kept (`repaired` lists them);
 * - `migrated`: an older version was upgraded;
 * - `newer-version`: written by a newer version of the course; not readable here, started afresh.
 */
export type LoadNotice = 'reset-corrupt' | 'repaired' | 'migrated' | 'newer-version';

export interface LoadResult {
	readonly state: ProgressState;
	readonly notice?: LoadNotice;
	readonly repaired?: readonly Namespace[];
}

/** One step from version `n` to `n + 1`, on plain JSON. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Version `n` → `n + 1` upgrades. Version 1 is the first released schema, so the table is empty; when the
 * schema changes, bump STORE_VERSION and add the step here (tests run the chain with their own table).
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Reads the stored value. Never throws: whatever `raw` holds, a usable state comes back. */
export function load(raw: string | null, migrations = MIGRATIONS, version = STORE_VERSION): LoadResult {
	if (raw === null || raw.trim() === '') return { state: emptyState() };
	let doc: unknown;
	try {
		doc = JSON.parse(raw);
	} catch {
		return { state: emptyState(), notice: 'reset-corrupt' };
	}
	return fromDocument(doc, migrations, version);
}

/** Same as `load` for an already parsed document (used by import). */
export function fromDocument(doc: unknown, migrations = MIGRATIONS, version = STORE_VERSION): LoadResult {
	if (!isObject(doc) || typeof doc['version'] !== 'number' || !Number.isInteger(doc['version'])) {
		return { state: emptyState(), notice: 'reset-corrupt' };
	}
	const from = doc['version'];
	if (from > version) return { state: emptyState(), notice: 'newer-version' };
	if (from < 1) return { state: emptyState(), notice: 'reset-corrupt' };
	let current: Record<string, unknown> = doc;
	for (let step = from; step < version; step++) {
		const migrate = migrations[step];
		if (!migrate) return { state: emptyState(), notice: 'reset-corrupt' };
		try {
			current = migrate(current);
		} catch {
			return { state: emptyState(), notice: 'reset-corrupt' };
		}
	}
	const { state, repaired } = validated(current);
	if (repaired.length > 0) return { state, notice: 'repaired', repaired };
	return from < version ? { state, notice: 'migrated' } : { state };
}

/** Keeps each valid namespace; a missing one is simply empty, an invalid one is reset and reported. */
function validated(doc: Record<string, unknown>): { state: ProgressState; repaired: Namespace[] } {
	const state: Record<string, unknown> = { ...emptyState() };
	const repaired: Namespace[] = [];
	for (const name of NAMESPACES) {
		if (doc[name] === undefined) continue;
		const parsed = NAMESPACE_SCHEMAS[name].safeParse(doc[name]);
		if (parsed.success) state[name] = parsed.data;
		else repaired.push(name);
	}
	return { state: state as unknown as ProgressState, repaired };
}

export function serialize(state: ProgressState): string {
	return JSON.stringify(state);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
