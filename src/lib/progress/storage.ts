import { BACKUP_KEY, STORE_KEY } from './key.ts';
import { load, serialize, type LoadResult } from './load.ts';
import { reduce, type ProgressAction } from './reducer.ts';
import type { ProgressState } from './types.ts';

/** The part of the Web Storage API the store uses, passed in so this module stays testable and pure. */
export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

export interface ProgressStore {
	readonly state: ProgressState;
	/** Why the loaded state differs from what was stored; shown once by the UI. */
	readonly loaded: LoadResult;
	/** False when storage is missing, blocked (private mode) or full: progress lives for this page only. */
	readonly persistent: boolean;
	dispatch(action: ProgressAction): ProgressState;
	/** Re-reads storage (another tab wrote, or after an import). */
	reload(): ProgressState;
	/** Replaces the whole state (import) and saves it. */
	replace(state: ProgressState): ProgressState;
	subscribe(listener: (state: ProgressState) => void): () => void;
}

/**
 * Opens the learner store over a Storage-like object. Every storage call is guarded: reading may throw
 * (blocked storage), writing may throw (quota, private mode), and in both cases the quiz keeps working
 * with in-memory state. Data that had to be reset is first copied to BACKUP_KEY.
 */
export function openStore(storage: StorageLike | null | undefined): ProgressStore {
	let persistent = storage !== null && storage !== undefined;
	const listeners = new Set<(state: ProgressState) => void>();

	const read = (): LoadResult => {
		let raw: string | null = null;
		try {
			raw = storage ? storage.getItem(STORE_KEY) : null;
		} catch {
			persistent = false;
		}
		const result = load(raw);
		if (result.notice && result.notice !== 'migrated' && raw !== null) tryWrite(BACKUP_KEY, raw);
		return result;
	};
	const tryWrite = (key: string, value: string): boolean => {
		if (!storage) return false;
		try {
			storage.setItem(key, value);
			return true;
		} catch {
			return false;
		}
	};
	const save = (next: ProgressState): ProgressState => {
		state = next;
		persistent = tryWrite(STORE_KEY, serialize(next));
		for (const listener of listeners) listener(next);
		return next;
	};

	let loaded = read();
	let state = loaded.state;
	return {
		get state() {
			return state;
		},
		get loaded() {
			return loaded;
		},
		get persistent() {
			return persistent;
		},
		dispatch: (action) => save(reduce(state, action)),
		reload: () => {
			loaded = read();
			state = loaded.state;
			for (const listener of listeners) listener(state);
			return state;
		},
		replace: (next) => save(next),
		subscribe: (listener) => {
			listeners.add(listener);
			return () => void listeners.delete(listener);
		},
	};
}

/** `localStorage` when the browser lets us touch it, otherwise null (some private modes throw on access). */
export function browserStorage(): StorageLike | null {
	try {
		const storage = (globalThis as { localStorage?: StorageLike }).localStorage;
		return storage ?? null;
	} catch {
		return null;
	}
}
