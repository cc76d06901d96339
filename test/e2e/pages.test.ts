import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, setTheme } from './support/axe.ts';
import { launchBrowser, openPage } from './support/browser.ts';
import { allPagePaths, siteUrl, skipReason } from './support/site.ts';

// `/` only redirects to a language (navigation.test.ts covers it); every other page is checked here.
const pages = allPagePaths().filter((path) => path !== '/');

describe.skipIf(skipReason() !== '')('every page, both languages', () => {
	let browser: Browser;
	let context: BrowserContext;
	beforeAll(async () => {
		browser = await launchBrowser();
		context = await browser.newContext();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('the sitemap lists the course in both languages', () => {
		expect(pages.some((path) => path.startsWith('/fr/'))).toBe(true);
		expect(pages.some((path) => path.startsWith('/en/'))).toBe(true);
	});

	for (const path of pages) {
		it(`${path} loads cleanly and passes axe in both themes and on a narrow screen`, async () => {
			const { page, problems } = await openPage(context);
			try {
				const response = await page.goto(siteUrl() + path, { waitUntil: 'networkidle' });
				expect(response?.status()).toBe(200);
				const violations: string[] = [];
				for (const theme of ['light', 'dark'] as const) {
					await setTheme(page, theme);
					violations.push(...(await seriousViolations(page, theme)));
				}
				// Narrow screens: wide tables and code blocks must stay reachable by keyboard.
				await page.setViewportSize({ width: 375, height: 800 });
				violations.push(...(await seriousViolations(page, 'dark, 375 px')));
				expect(violations, `axe on ${path}`).toEqual([]);
				expect(problems.errors, `problems on ${path}`).toEqual([]);
			} finally {
				await page.close();
			}
		});
	}
});
