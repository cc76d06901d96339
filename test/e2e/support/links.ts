import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface BrokenLink {
	readonly page: string;
	readonly href: string;
	readonly reason: string;
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory())
			return entry.name === 'pagefind' || entry.name === '_astro' ? [] : htmlFiles(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

const decodeEntities = (text: string) =>
	text
		.replace(/&amp;/g, '&')
		.replace(/&#x27;|&#39;/g, "'")
		.replace(/&quot;/g, '"');

/** The ids a page defines (anchors a link may target). */
function idsOf(html: string): Set<string> {
	return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1] ?? '')));
}

/**
 * Checks every internal `<a href>` of a built site: the target page exists and, when the link has a
 * fragment, the target defines that id. `base` is the sub-path the site was built for (`/` or `/atelier/`).
 */
export function checkLinks(clientDir: string, base: string, origin: string): BrokenLink[] {
	const files = htmlFiles(clientDir);
	const idCache = new Map<string, Set<string>>();
	const ids = (file: string) => {
		if (!idCache.has(file)) idCache.set(file, idsOf(readFileSync(file, 'utf8')));
		return idCache.get(file) ?? new Set<string>();
	};
	const broken: BrokenLink[] = [];
	for (const file of files) {
		const pagePath =
			'/' +
			relative(clientDir, file)
				.replace(/index\.html$/, '')
				.replace(/\\/g, '/');
		const pageUrl = new URL(base.replace(/\/$/, '') + pagePath, origin);
		const html = readFileSync(file, 'utf8');
		for (const match of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
			const href = decodeEntities(match[1] ?? '');
			const target = new URL(href, pageUrl);
			if (target.origin !== origin || /^(mailto|javascript):/.test(href)) continue;
			const problem = resolve(target, { clientDir, base, file, ids });
			if (problem) broken.push({ page: pagePath, href, reason: problem });
		}
	}
	return broken;
}

function resolve(
	target: URL,
	site: { clientDir: string; base: string; file: string; ids: (file: string) => Set<string> },
): string | undefined {
	const path = decodeURIComponent(target.pathname);
	if (!path.startsWith(site.base)) return `outside the base path ${site.base}`;
	const inside = path.slice(site.base.length);
	const candidates = [join(site.clientDir, inside, 'index.html'), join(site.clientDir, inside)];
	const targetFile = candidates.find((candidate) => existsSync(candidate) && candidate.endsWith('.html'));
	if (!targetFile) {
		return candidates.some((candidate) => existsSync(candidate) && !candidate.endsWith('/'))
			? undefined
			: 'no such page';
	}
	const fragment = decodeURIComponent(target.hash.slice(1));
	if (fragment && fragment !== '_top' && !site.ids(targetFile).has(fragment))
		return `no #${fragment} on that page`;
	return undefined;
}
