/**
 * The simulator widgets' JavaScript, read from the site `npm run bench` builds (test-results/bench-site): what a
 * lesson that embeds `<cd-deploy-sim>` loads up front, what loads on the learner's first scenario change (the
 * engine's validator, with zod), and the comparison widget. Sizes of built files: exact for a given build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot, siteDirs } from '../site/paths.ts';
import { pageAssets, totals } from '../site/weight.ts';
import type { BenchSection } from './section.ts';

const SIM_PAGE = '/fr/06-deployment-types/02-deployment-configurations/';
const COMPARE_PAGE = '/fr/02-why-codedeploy/01-manual-scripted-codedeploy/';

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]\.\/([^"'`]+)["'`]\s*\)/g;

interface Size {
	raw: number;
	gzip: number;
}

/** The files reachable from `entry` by static imports, and the dynamic imports they name. */
function closure(astroDir: string, entry: string): { files: Set<string>; lazy: Set<string> } {
	const files = new Set<string>();
	const lazy = new Set<string>();
	const visit = (file: string) => {
		if (files.has(file)) return;
		files.add(file);
		const text = readFileSync(join(astroDir, file), 'utf8');
		for (const m of text.matchAll(STATIC_IMPORT)) if (m[1]) visit(m[1]);
		for (const m of text.matchAll(DYNAMIC_IMPORT)) if (m[1]) lazy.add(m[1]);
	};
	visit(entry);
	return { files, lazy };
}

function size(astroDir: string, files: Iterable<string>): Size {
	let raw = 0;
	let gzip = 0;
	for (const file of files) {
		const text = readFileSync(join(astroDir, file));
		raw += text.length;
		gzip += gzipSync(text, { level: 9 }).length;
	}
	return { raw, gzip };
}

const kb = (s: Size) => `${(s.raw / 1024).toFixed(1)} KB raw / ${(s.gzip / 1024).toFixed(1)} KB gzip`;

function entryScript(clientDir: string, page: string, component: string): string | undefined {
	const html = readFileSync(join(clientDir, page, 'index.html'), 'utf8');
	const match = new RegExp(`src="[^"]*/_astro/(${component}\\.astro_astro_type_script[^"]+)"`).exec(html);
	return match?.[1];
}

/** `outDir`: the built site to read (the bench runner's by default). */
export async function bench(outDir = join(projectRoot, 'test-results/bench-site')): Promise<BenchSection> {
	const title = 'Simulator widgets: JavaScript (built site)';
	const { clientDir } = siteDirs(outDir);
	const astroDir = join(clientDir, '_astro');
	if (!existsSync(join(clientDir, SIM_PAGE, 'index.html')))
		return {
			title,
			rows: [{ name: 'not measured', value: 'no build in test-results/bench-site (npm run bench)' }],
		};
	const rows: { name: string; value: string }[] = [];
	const simEntry = entryScript(clientDir, SIM_PAGE, 'DeploySim');
	if (simEntry) {
		const sim = closure(astroDir, simEntry);
		const lazyFiles = new Set<string>();
		for (const file of sim.lazy)
			for (const f of closure(astroDir, file).files) if (!sim.files.has(f)) lazyFiles.add(f);
		const upFront = size(astroDir, sim.files);
		const lazy = size(astroDir, lazyFiles);
		rows.push(
			{ name: 'cd-deploy-sim, loaded up front', value: kb(upFront) },
			{ name: 'cd-deploy-sim, on the first scenario change', value: `${kb(lazy)} (validator + zod)` },
			{
				name: 'cd-deploy-sim, total',
				value: kb({ raw: upFront.raw + lazy.raw, gzip: upFront.gzip + lazy.gzip }),
			},
		);
	}
	const page = totals(pageAssets(clientDir, SIM_PAGE), (a) => a.kind === 'js' && !a.framework);
	rows.push({ name: `course JS on ${SIM_PAGE} (up front)`, value: kb(page) });
	const cmpEntry = entryScript(clientDir, COMPARE_PAGE, 'CompareMethods');
	if (cmpEntry)
		rows.push({
			name: 'cd-compare-methods, loaded up front',
			value: kb(size(astroDir, closure(astroDir, cmpEntry).files)),
		});
	return { title, rows };
}
