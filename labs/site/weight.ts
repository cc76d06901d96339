import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from './paths.ts';

export interface Asset {
	readonly name: string;
	readonly kind: 'js' | 'css';
	readonly raw: number;
	readonly gzip: number;
	/** Shipped by Starlight/Astro themselves rather than by the course. */
	readonly framework: boolean;
}

const gzipSize = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** Starlight's own component file names: a script bundled from one of them is the framework's, not ours. */
function starlightComponentNames(): string[] {
	const dist = join(projectRoot, 'node_modules/@astrojs/starlight/dist');
	return ['components', 'components-internals', 'user-components']
		.map((dir) => join(dist, dir))
		.filter(existsSync)
		.flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.astro')));
}

/** The course's own component names: a bundle named like one of them may be ours, so it counts as ours. */
function ownComponentNames(): Set<string> {
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.astro') ? [entry.name] : [],
		);
	return new Set(walk(join(projectRoot, 'src')));
}

/** Inline script bodies of Starlight's components, to recognise them in a built page. */
function starlightInlineSources(): string[] {
	const dist = join(projectRoot, 'node_modules/@astrojs/starlight/dist');
	return ['components', 'components-internals']
		.map((dir) => join(dist, dir))
		.filter(existsSync)
		.flatMap((dir) =>
			readdirSync(dir)
				.filter((n) => n.endsWith('.astro'))
				.map((n) => readFileSync(join(dir, n), 'utf8')),
		);
}

// Bundles Astro and Starlight emit that are not named after a component: Expressive Code (`ec`), Astro's page
// script, the table-of-contents element and Pagefind's UI core (loaded lazily by the search dialog).
const FRAMEWORK_CHUNKS = /^(ec|page|starlight-toc|ui-core|pagefind)[.-]/;

/**
 * Astro inlines small bundled scripts (Starlight's theme, language and menu elements among them), minified
 * and unnamed. They are recognised by the Starlight names they use; the course's own scripts always use its
 * `cd-` element prefix or its `atelier-codedeploy` storage key, so they are never mistaken for the framework's.
 */
function mentionsOnlyStarlight(code: string): boolean {
	return /starlight|sl-sidebar/i.test(code) && !/atelier|\bcd-/.test(code);
}

/**
 * Every script and stylesheet a page loads up front — inline scripts, module scripts and what they import
 * statically (dynamic `import()`s are lazy and excluded) — with raw and gzipped sizes. Deterministic for a
 * given build, so budgets can be asserted in tests.
 */
export function pageAssets(clientDir: string, pagePath: string): Asset[] {
	const html = readFileSync(
		join(clientDir, pagePath, pagePath.endsWith('.html') ? '' : 'index.html'),
		'utf8',
	);
	// A Starlight override shares its name with the component it wraps (our Search.astro): such bundles are
	// counted as the course's, so the budget can only be overstated, never dodged by a name.
	const own = ownComponentNames();
	const componentNames = starlightComponentNames().filter((name) => !own.has(name));
	const inlineSources = starlightInlineSources();
	const assets: Asset[] = [];
	html.replace(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g, (_all, attrs: string, body: string) => {
		if (!body.trim() || /type="application\/(ld\+)?json"/.test(attrs)) return '';
		const framework =
			inlineSources.some((source) => source.includes(body.trim().slice(0, 60))) ||
			mentionsOnlyStarlight(body);
		assets.push({
			name: 'inline script',
			kind: 'js',
			raw: Buffer.byteLength(body),
			gzip: gzipSize(body),
			framework,
		});
		return '';
	});
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		const text = readFileSync(join(clientDir, '_astro', file), 'utf8');
		const framework =
			FRAMEWORK_CHUNKS.test(file) ||
			componentNames.some((name) => file.startsWith(`${name}_astro_type_script`)) ||
			mentionsOnlyStarlight(text);
		assets.push({ name: file, kind: 'js', raw: Buffer.byteLength(text), gzip: gzipSize(text), framework });
		for (const match of text.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+)["']/g)) {
			if (match[1]) visit(match[1]);
		}
	};
	for (const match of html.matchAll(/<script[^>]*\bsrc="[^"]*\/_astro\/([^"]+)"/g))
		if (match[1]) visit(match[1]);
	for (const match of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="[^"]*\/_astro\/([^"]+)"/g)) {
		const file = match[1] ?? '';
		const text = readFileSync(join(clientDir, '_astro', file));
		assets.push({ name: file, kind: 'css', raw: text.length, gzip: gzipSize(text), framework: false });
	}
	return assets;
}

export function totals(assets: readonly Asset[], filter: (asset: Asset) => boolean = () => true) {
	const chosen = assets.filter(filter);
	return { raw: chosen.reduce((sum, a) => sum + a.raw, 0), gzip: chosen.reduce((sum, a) => sum + a.gzip, 0) };
}
