import type { Lang } from '../i18n/localized.ts';

/** `NN-module`, `NN-module/NN-lesson`, optionally followed by `#anchor`. */
export const LESSON_REF_PATTERN = /^\d\d-[a-z0-9-]+(\/[a-z0-9][a-z0-9-]*)?(#[^\s#]+)?$/;

export type LessonRefInput = string | { readonly page: string; readonly fr: string; readonly en: string };

export interface LessonTarget {
	/** `03-strategies/01-strategies`, or `03-strategies` for a whole module. */
	readonly page: string;
	/** Heading id in each language (Starlight slugs headings per language, so they may differ). */
	readonly anchor: { readonly fr: string | undefined; readonly en: string | undefined };
}

/** Splits a lesson reference into its page and the anchor for each language. */
export function parseLessonRef(ref: LessonRefInput): LessonTarget {
	if (typeof ref !== 'string') {
		return { page: ref.page, anchor: { fr: stripHash(ref.fr), en: stripHash(ref.en) } };
	}
	const [page = '', anchor] = ref.split('#', 2);
	return { page, anchor: { fr: anchor, en: anchor } };
}

function stripHash(anchor: string): string {
	return anchor.startsWith('#') ? anchor.slice(1) : anchor;
}

/**
 * The URL of the lesson section in one language: `/fr/03-strategies/01-strategies/#canary`.
 * `base` is the site's base path (BASE_PATH), so a course hosted under a sub-path links correctly.
 */
export function lessonUrl(ref: LessonRefInput, lang: Lang, base = '/'): string {
	const target = parseLessonRef(ref);
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const anchor = target.anchor[lang];
	return `${prefix}${lang}/${target.page}/${anchor ? `#${anchor}` : ''}`;
}

/** Both language URLs at once, for data attributes and exports. */
export function lessonUrls(ref: LessonRefInput, base = '/'): { fr: string; en: string } {
	return { fr: lessonUrl(ref, 'fr', base), en: lessonUrl(ref, 'en', base) };
}
