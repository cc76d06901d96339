import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: browsers cannot be downloaded on these machines, so Playwright drives the system one. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Flags for a headless Chromium in a closed network, as root: without the background-networking flags
 * Chromium keeps trying to reach Google's hosts, which this machine refuses.
 */
const FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

/** What went wrong while a page loaded: console errors, uncaught exceptions and failed requests. */
export interface PageProblems {
	readonly errors: string[];
}

/** Opens a page that records console errors, page errors and failed or 4xx/5xx requests. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; problems: PageProblems }> {
	const page = await context.newPage();
	const problems: PageProblems = { errors: [] };
	page.on('console', (message) => {
		if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
	page.on('requestfailed', (request) =>
		problems.errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`),
	);
	page.on('response', (response) => {
		if (response.status() >= 400) problems.errors.push(`HTTP ${response.status()}: ${response.url()}`);
	});
	return { page, problems };
}
