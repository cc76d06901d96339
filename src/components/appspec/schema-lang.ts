/**
 * The published JSON Schema carries both languages in each description ("français / English", see
 * src/lib/appspec/schema/describe.ts) because VS Code shows one text. In the course's editor, hover and
 * completion docs show only the page's language.
 */
import type { Lang } from '../../lib/i18n/localized.ts';

const SEPARATOR = ' / ';

/** The half of a bilingual description for `lang`; a text without the separator is kept whole. */
export function pickDescription(text: string, lang: Lang): string {
	const at = text.indexOf(SEPARATOR);
	if (at < 0) return text;
	return lang === 'fr' ? text.slice(0, at) : text.slice(at + SEPARATOR.length);
}

/** A deep copy of `schema` whose `description` strings are in `lang` only. */
export function localizeSchema<T>(schema: T, lang: Lang): T {
	const walk = (node: unknown): unknown => {
		if (Array.isArray(node)) return node.map(walk);
		if (typeof node !== 'object' || node === null) return node;
		const out: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(node)) {
			out[key] =
				key === 'description' && typeof value === 'string' ? pickDescription(value, lang) : walk(value);
		}
		return out;
	};
	return walk(schema) as T;
}
