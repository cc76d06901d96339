import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const docsRoot = join(import.meta.dirname, '../../../src/content/docs');

/** Relative paths (`01-pipeline/01-x.mdx`) of every page of one language. */
export function pagesOf(lang: 'fr' | 'en'): string[] {
	const root = join(docsRoot, lang);
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return walk(path);
			return /\.mdx?$/.test(entry.name) ? [relative(root, path)] : [];
		});
	return walk(root).sort();
}

export function readPage(lang: 'fr' | 'en', page: string): string {
	return readFileSync(join(docsRoot, lang, page), 'utf8');
}

/** A lesson is a page inside a module folder (`NN-slug/…`); home, glossary, progress and review are not. */
export function isLesson(page: string): boolean {
	return /^\d\d-[a-z0-9-]+\//.test(page);
}

/** The components a page embeds, counted (`<Objectives>` twice → Objectives: 2), code blocks excluded. */
export function embeddedComponents(source: string): Record<string, number> {
	const withoutCode = source.replace(/^```[\s\S]*?^```/gm, '');
	const counts: Record<string, number> = {};
	for (const match of withoutCode.matchAll(/<([A-Z][A-Za-z0-9]*)[\s/>]/g)) {
		const name = match[1] ?? '';
		counts[name] = (counts[name] ?? 0) + 1;
	}
	return counts;
}

/** Splits `---\n…\n---` frontmatter from the body; the offset lets errors report real line numbers. */
export function frontmatterOf(source: string): string | undefined {
	return /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
}
