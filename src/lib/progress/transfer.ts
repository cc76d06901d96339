import { STORE_VERSION } from './key.ts';
import { fromDocument, MIGRATIONS, type LoadResult } from './load.ts';
import type { ProgressState } from './types.ts';

/** Marks an exported file so an import can tell it from any other JSON file. */
export const EXPORT_FORMAT = 'atelier-codedeploy-progress';

/** Files larger than this are refused before parsing (a learner store is a few hundred KB at most). */
export const MAX_IMPORT_BYTES = 5_000_000;

export interface ExportFile {
	readonly format: typeof EXPORT_FORMAT;
	readonly exportedAt: string;
	readonly store: ProgressState;
}

/** The whole store as the text of a `.json` file to download. */
export function exportStore(state: ProgressState, now: Date): string {
	const file: ExportFile = { format: EXPORT_FORMAT, exportedAt: now.toISOString(), store: state };
	return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name for the download, e.g. `atelier-codedeploy-progress-2026-11-26.json`. */
export function exportFileName(now: Date): string {
	return `${EXPORT_FORMAT}-${now.toISOString().slice(0, 10)}.json`;
}

export type ImportResult =
	| ({ readonly ok: true } & LoadResult)
	| {
			readonly ok: false;
			readonly error: 'too-large' | 'not-json' | 'not-a-progress-file' | 'newer-version';
	  };

/**
 * Reads an exported file (or a bare store document). Unlike `load`, a file that is not a progress export
 * is refused rather than reset: the learner keeps the current progress and sees why. Older versions migrate.
 */
export function importStore(text: string, migrations = MIGRATIONS, version = STORE_VERSION): ImportResult {
	if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: 'too-large' };
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		return { ok: false, error: 'not-json' };
	}
	const store = isExport(doc) ? doc['store'] : doc;
	const loaded = fromDocument(store, migrations, version);
	if (loaded.notice === 'reset-corrupt') return { ok: false, error: 'not-a-progress-file' };
	if (loaded.notice === 'newer-version') return { ok: false, error: 'newer-version' };
	return { ok: true, ...loaded };
}

function isExport(doc: unknown): doc is Record<string, unknown> {
	return (
		typeof doc === 'object' && doc !== null && (doc as Record<string, unknown>)['format'] === EXPORT_FORMAT
	);
}
