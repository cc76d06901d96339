/**
 * `npm run bench`: builds the site and reports, per page type, the JavaScript and CSS shipped (raw and
 * gzipped) and the build time; then every benchmark section in labs/bench/*.ts (validator, simulator, labs…).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSite } from '../site/server.ts';
import { projectRoot, siteDirs } from '../site/paths.ts';
import { pageAssets, totals } from '../site/weight.ts';
import { printSection, type BenchSection } from '../bench/section.ts';

const outDir = join(projectRoot, 'test-results/bench-site');
const started = performance.now();
await buildSite(outDir);
const buildSeconds = (performance.now() - started) / 1000;
const { clientDir } = siteDirs(outDir);

printSection({
	title: 'Build',
	rows: [{ name: 'astro build (wall time)', value: `${buildSeconds.toFixed(1)} s` }],
});
printSection(pageWeights(clientDir));

const benchDir = join(projectRoot, 'labs/bench');
for (const file of readdirSync(benchDir)
	.filter((name) => name.endsWith('.ts') && name !== 'section.ts')
	.sort()) {
	const module = (await import(pathToFileURL(join(benchDir, file)).href)) as {
		bench?: () => Promise<BenchSection>;
	};
	if (module.bench) printSection(await module.bench());
}

/** Page types: each is the first built page matching its test (in French; English pages weigh the same). */
function pageWeights(dir: string): BenchSection {
	const sitemap = readFileSync(join(dir, 'sitemap-0.xml'), 'utf8');
	const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
	const html = (path: string) => readFileSync(join(dir, path, 'index.html'), 'utf8');
	const types: [string, (path: string) => boolean][] = [
		['home', (p) => p === '/fr/'],
		['plain lesson', (p) => /^\/fr\/\d\d-/.test(p) && !/<cd-/.test(html(p))],
		['glossary', (p) => p === '/fr/glossary/'],
		['lesson with AppSpec editor', (p) => p.startsWith('/fr/') && html(p).includes('<cd-appspec-editor')],
		['lesson with quiz', (p) => p.startsWith('/fr/') && html(p).includes('<cd-quiz')],
		['lesson with simulator', (p) => p.startsWith('/fr/') && html(p).includes('<cd-deploy-sim')],
		['lab page', (p) => p.startsWith('/fr/') && html(p).includes('<cd-lab-check')],
	];
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	const rows = types.flatMap(([name, matches]) => {
		const path = pages.find(matches);
		if (!path) return [];
		const assets = pageAssets(dir, path);
		const js = totals(assets, (a) => a.kind === 'js');
		const ours = totals(assets, (a) => a.kind === 'js' && !a.framework);
		const css = totals(assets, (a) => a.kind === 'css');
		return [
			{
				name: `${name} (${path})`,
				value: `JS ${kb(js.raw)} raw / ${kb(js.gzip)} gz (course: ${kb(ours.raw)} / ${kb(ours.gzip)} gz) · CSS ${kb(css.raw)} / ${kb(css.gzip)} gz`,
			},
		];
	});
	return { title: 'Page weight (loaded up front; lazy chunks excluded)', rows };
}
