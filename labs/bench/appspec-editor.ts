/**
 * The AppSpec editor in Chromium, against a production build: how long after a keystroke the markers are set
 * (and painted) on a 200-line file, and what activating the editor downloads (Monaco, its workers, the
 * validator), raw and gzipped. Reuses the site `npm run bench` builds, or builds one of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../test/e2e/support/browser.ts';
import { SERVER_EVENTS } from '../../src/lib/appspec/events.ts';
import { STORE_KEY } from '../../src/lib/progress/key.ts';
import { emptyState } from '../../src/lib/progress/types.ts';
import { buildSite, freePort, serveSite } from '../site/server.ts';
import { projectRoot, siteDirs } from '../site/paths.ts';
import { summarize, type BenchSection } from './section.ts';

const EDITOR_ID = 'appspec-lifecycle-example';
const PAGE = '/fr/05-appspec/02-hooks-lifecycle/';
const KEYSTROKES = 40;

/** A valid EC2 AppSpec of exactly `lines` lines: files, then each scriptable event with several scripts. */
export function longAppSpec(lines = 200): string {
	const out = ['version: 0.0', 'os: linux', 'files:'];
	for (let i = 0; out.length < 60; i++)
		out.push(`  - source: app/part${i}`, `    destination: /srv/shop/part${i}`);
	out.push('hooks:');
	const events = SERVER_EVENTS;
	for (let e = 0; out.length < lines; e++) {
		out.push(`  ${events[e % events.length] ?? 'AfterInstall'}:`);
		for (let s = 0; s < 11 && out.length < lines - 1; s++)
			out.push(`    - location: scripts/step_${e}_${s}.sh`, '      timeout: 60');
	}
	return `${out.slice(0, lines).join('\n')}\n`;
}

async function siteDir(): Promise<string> {
	const override = process.env['APPSPEC_BENCH_SITE'];
	if (override) return override;
	const shared = join(projectRoot, 'test-results/bench-site');
	if (existsSync(join(shared, 'client', PAGE, 'index.html'))) return shared;
	const own = join(projectRoot, 'test-results/bench-editor');
	await buildSite(own);
	return own;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Sizes of the built files behind `urls`, grouped. */
function sizes(clientDir: string, urls: readonly string[], pick: RegExp) {
	let raw = 0;
	let gzip = 0;
	for (const url of urls) {
		const path = new URL(url).pathname;
		if (!pick.test(path)) continue;
		const bytes = readFileSync(join(clientDir, path));
		raw += bytes.length;
		gzip += gzipSync(bytes, { level: 9 }).length;
	}
	return `${kb(raw)} raw / ${kb(gzip)} gz`;
}

async function keystrokeLatencies(
	page: Page,
): Promise<{ markers: number[]; painted: number[]; validate: number[] }> {
	await page.evaluate(() => {
		const state = { t0: 0, markers: [] as number[], painted: [] as number[], validate: [] as number[] };
		(window as unknown as { __bench: typeof state }).__bench = state;
		addEventListener('keydown', () => (state.t0 = performance.now()), true);
		document.addEventListener('cd-appspec-validated', (event) => {
			if (!state.t0) return;
			const detail = (event as CustomEvent<{ validateMs?: number }>).detail;
			if (typeof detail?.validateMs === 'number') state.validate.push(detail.validateMs);
			const t0 = state.t0;
			state.t0 = 0;
			state.markers.push(performance.now() - t0);
			requestAnimationFrame(() => state.painted.push(performance.now() - t0));
		});
	});
	for (let i = 0; i < KEYSTROKES; i++) {
		await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
		await page.waitForFunction(
			(n) => (window as unknown as { __bench: { painted: number[] } }).__bench.painted.length > n,
			i,
		);
	}
	type Collected = { markers: number[]; painted: number[]; validate: number[] };
	return page.evaluate(() => (window as unknown as { __bench: Collected }).__bench);
}

export async function bench(): Promise<BenchSection> {
	const dir = await siteDir();
	const { clientDir } = siteDirs(dir);
	const site = await serveSite(await freePort(), dir);
	const browser = await launchBrowser();
	try {
		const page = await browser.newPage();
		const source = longAppSpec();
		const store = {
			...emptyState(),
			editorEdits: { [EDITOR_ID]: { source, updatedAt: new Date(0).toISOString() } },
		};
		await page.addInitScript(
			([key, value]) => localStorage.setItem(key ?? '', value ?? ''),
			[STORE_KEY, JSON.stringify(store)],
		);
		const requests: string[] = [];
		page.on('request', (request) => requests.push(request.url()));
		await page.goto(site.url + PAGE, { waitUntil: 'networkidle' });
		const beforeActivation = requests.length;

		const editor = `cd-appspec-editor[data-id="${EDITOR_ID}"]`;
		const started = Date.now();
		await page.locator(`${editor} .cd-aps-saved`).click();
		await page.locator(`${editor} .monaco-editor`).waitFor({ timeout: 60_000 });
		const activationMs = Date.now() - started;
		await page.waitForLoadState('networkidle');
		// Cursor in the middle of the file, at the end of a line.
		await page.keyboard.press('Control+Home');
		for (let i = 0; i < 100; i++) await page.keyboard.press('ArrowDown');
		await page.keyboard.press('End');
		const { markers, painted, validate } = await keystrokeLatencies(page);
		const activation = requests.slice(beforeActivation);
		const m = summarize(markers);
		const p = summarize(painted);
		const v = summarize(validate);
		return {
			title: 'AppSpec editor (Chromium, production build)',
			rows: [
				{
					name: 'keystroke → markers set, 200-line file',
					value: `median ${m.median.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms (${markers.length} keystrokes)`,
				},
				{
					name: 'keystroke → next frame after markers',
					value: `median ${p.median.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms`,
				},
				{
					name: 'of which validation + problems list',
					value: validate.length
						? `median ${v.median.toFixed(1)} ms, p95 ${v.p95.toFixed(1)} ms`
						: 'n/a (older build)',
				},
				{ name: 'activation (click → editor shown)', value: `${activationMs} ms` },
				{
					name: 'lazy Monaco JS (session chunk)',
					value: sizes(clientDir, activation, /\/_astro\/session\.[^/]+\.js$/),
				},
				{
					name: 'lazy workers (editor + YAML)',
					value: sizes(clientDir, activation, /\/_astro\/(editor|yaml)\.worker-[^/]+\.js$/),
				},
				{
					name: 'lazy validator chunk(s)',
					value: sizes(clientDir, requests, /\/_astro\/(check|api|schemas)\.[^/]+\.js$/),
				},
				{ name: 'all loaded on activation', value: sizes(clientDir, activation, /\/_astro\//) },
			],
		};
	} finally {
		await browser.close();
		await site.stop();
	}
}
