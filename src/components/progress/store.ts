/**
 * The learner store as the page's widgets use it: one shared instance per page, repairs saved at once (so a
 * notice shows once, not on every page), and writes that re-read storage first so that two widgets on the
 * same page (a quiz and an AppSpec editor) never overwrite each other.
 */
import { translator } from '../../lib/i18n/catalog.ts';
import type { Lang } from '../../lib/i18n/localized.ts';
import { messages } from '../../lib/progress/progress.messages.ts';
import { messages as pageMessages } from './messages.ts';
import { browserStorage, openStore, type ProgressStore } from '../../lib/progress/storage.ts';
import type { ProgressState } from '../../lib/progress/types.ts';

let shared: ProgressStore | undefined;
let openingNotice: { readonly code: string; readonly parts: readonly string[] } | undefined;

export function courseStore(): ProgressStore {
	if (!shared) {
		shared = openStore(browserStorage());
		const { notice, repaired } = shared.loaded;
		if (notice) {
			openingNotice = { code: notice, parts: repaired ?? [] };
			// Save the migrated or repaired state now: the raw value is already in the backup key.
			shared.replace(shared.state);
		}
	}
	return shared;
}

/** Applies `change` to the freshest state and saves it (in memory only when storage is unavailable). */
export function updateStore(change: (state: ProgressState) => ProgressState): ProgressState {
	const store = courseStore();
	if (store.persistent) store.reload();
	return store.replace(change(store.state));
}

/** The notices to show in the page language: how the stored data was read, and whether it can be saved. */
export function storeNotices(lang: Lang): string[] {
	const store = courseStore();
	const t = translator(messages, lang);
	const notices: string[] = [];
	if (openingNotice) {
		const key = `notice.${openingNotice.code}` as Parameters<typeof t>[0];
		notices.push(t(key, { parts: partNames(openingNotice.parts, lang) }));
	}
	if (!store.persistent) notices.push(t('notice.storage-unavailable'));
	return notices;
}

/** Fills a widget's notice area (a `role="status"` element), or hides it when there is nothing to say. */
export function showNotices(area: HTMLElement | null, lang: Lang): void {
	if (!area) return;
	const notices = storeNotices(lang);
	area.replaceChildren(
		...notices.map((text) => {
			const p = document.createElement('p');
			p.textContent = text;
			return p;
		}),
	);
	area.hidden = notices.length === 0;
}

/** The damaged parts of the store, named for the learner ("quiz results, lessons visited"). */
export function partNames(parts: readonly string[], lang: Lang): string {
	const t = translator(pageMessages, lang);
	return parts.map((part) => t(`ns.${part}` as Parameters<typeof t>[0])).join(', ');
}
