import { format, type Lang } from './localized.ts';

/**
 * A message catalog: the same keys in French and English. Every catalog lives in a file named
 * `messages.ts` or `<name>.messages.ts` (anywhere under `src/`) exporting `messages`, so the parity test can find them all.
 */
export interface Catalog<K extends string = string> {
	readonly fr: Readonly<Record<K, string>>;
	readonly en: Readonly<Record<K, string>>;
}

/** Declares a catalog; the type makes a key missing in one language a compile error. */
export function defineCatalog<K extends string>(catalog: Catalog<K>): Catalog<K> {
	return catalog;
}

export type Translate<K extends string> = (key: K, params?: Readonly<Record<string, unknown>>) => string;

/** Returns `t(key, params)` for one language of a catalog. */
export function translator<K extends string>(catalog: Catalog<K>, lang: Lang): Translate<K> {
	const table = catalog[lang];
	return (key, params) => format(table[key], params);
}
