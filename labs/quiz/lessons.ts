import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseLessonRef, type LessonRefInput } from '../../src/lib/quiz/lesson-link.ts';

/** The lesson pages of one language: `03-strategies/01-overview` → heading ids on that page. */
export type LessonIndex = Record<'fr' | 'en', Map<string, Set<string>>>;

/** Reads `src/content/docs/{fr,en}/**.md(x)` and collects every heading id (as Starlight slugs them) and explicit id. */
export function indexLessons(docsDir: string): LessonIndex {
	return { fr: indexLanguage(join(docsDir, 'fr')), en: indexLanguage(join(docsDir, 'en')) };
}

function indexLanguage(root: string): Map<string, Set<string>> {
	const pages = new Map<string, Set<string>>();
	if (!existsSync(root)) return pages;
	for (const file of walk(root)) {
		const page = relative(root, file)
			.split(sep)
			.join('/')
			.replace(/\.mdx?$/, '')
			.replace(/(^|\/)index$/, '');
		pages.set(page, headingIds(readFileSync(file, 'utf8')));
	}
	return pages;
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return walk(path);
		return /\.mdx?$/.test(name) ? [path] : [];
	});
}

/** Heading ids the way Starlight (github-slugger over the heading's text) makes them, plus `id` attributes of HTML elements. */
export function headingIds(source: string): Set<string> {
	const ids = new Set<string>();
	const counts = new Map<string, number>();
	let fence: string | undefined;
	for (const line of source.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n')) {
		const fenceMatch = /^\s*(```+|~~~+)/.exec(line);
		if (fenceMatch?.[1]) {
			if (fence === undefined) fence = fenceMatch[1];
			else if (fenceMatch[1].startsWith(fence)) fence = undefined;
			continue;
		}
		if (fence !== undefined) continue;
		const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
		if (heading?.[1]) {
			const base = slugify(headingText(heading[1]));
			const seen = counts.get(base) ?? 0;
			counts.set(base, seen + 1);
			ids.add(seen === 0 ? base : `${base}-${seen}`);
		}
		// Explicit ids on plain HTML elements only: components such as <Term id="…"> do not render an anchor.
		for (const match of line.matchAll(/<[a-z][a-z0-9]*\s[^>]*\bid=["']([^"']+)["']/g))
			if (match[1]) ids.add(match[1]);
	}
	return ids;
}

/** The visible text of a Markdown heading: links, code spans, emphasis and inline tags reduced to their text. */
function headingText(markdown: string): string {
	return markdown
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/[`*_~]/g, '');
}

/** github-slugger's rule: lowercase, drop everything but letters, marks, digits, `_`, `-` and spaces; spaces → `-`. */
export function slugify(text: string): string {
	return text
		.toLowerCase()
		.trim()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
		.replace(/ /g, '-');
}

export type LessonProblem =
	| { readonly code: 'lesson-not-found'; readonly lang: 'fr' | 'en'; readonly page: string }
	| {
			readonly code: 'anchor-not-found';
			readonly lang: 'fr' | 'en';
			readonly page: string;
			readonly anchor: string;
	  };

/**
 * Checks that a lesson reference resolves in both languages. A module-only reference (`03-strategies`)
 * resolves when the module has at least one page; `expandLessonRef` then points it at the first one.
 */
export function checkLessonRef(ref: LessonRefInput, index: LessonIndex): LessonProblem[] {
	const target = parseLessonRef(ref);
	const problems: LessonProblem[] = [];
	for (const lang of ['fr', 'en'] as const) {
		const page = resolvePage(target.page, index[lang]);
		if (page === undefined) {
			problems.push({ code: 'lesson-not-found', lang, page: target.page });
			continue;
		}
		const anchor = target.anchor[lang];
		if (anchor && !index[lang].get(page)?.has(anchor)) {
			problems.push({ code: 'anchor-not-found', lang, page, anchor });
		}
	}
	return problems;
}

function resolvePage(page: string, pages: Map<string, Set<string>>): string | undefined {
	if (pages.has(page)) return page;
	if (page.includes('/')) return undefined;
	return [...pages.keys()].filter((key) => key.startsWith(`${page}/`)).sort()[0];
}

/** A module-only reference rewritten to the module's first lesson (same in both languages), when it exists. */
export function expandLessonRef(ref: LessonRefInput, index: LessonIndex): LessonRefInput {
	const target = parseLessonRef(ref);
	if (target.page.includes('/')) return ref;
	const fr = resolvePage(target.page, index.fr);
	const en = resolvePage(target.page, index.en);
	if (!fr || fr !== en) return ref;
	if (typeof ref === 'string') return ref.replace(target.page, fr);
	return { ...ref, page: fr };
}
