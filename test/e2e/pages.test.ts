import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
		it(`${path} loads cleanly and passes axe in both themes`, async () => {
			const { page, problems } = await openPage(context);
			try {
				const response = await page.goto(siteUrl() + path, { waitUntil: 'networkidle' });
				expect(response?.status()).toBe(200);
				for (const theme of ['light', 'dark'] as const) {
					await page.evaluate((value) => {
						localStorage.setItem('starlight-theme', value);
						document.documentElement.dataset['theme'] = value;
					}, theme);
					const results = await new AxeBuilder({ page }).analyze();
					const serious = results.violations
						.filter((v) => v.impact === 'serious' || v.impact === 'critical')
						.map(
							(v) =>
								`${theme}: ${v.id} (${v.impact}) ${v.nodes
									.map((n) => n.target.join(' '))
									.slice(0, 3)
									.join(' | ')}`,
						);
					expect(serious, `axe on ${path}`).toEqual([]);
				}
				expect(problems.errors, `problems on ${path}`).toEqual([]);
			} finally {
				await page.close();
			}
		});
	}
});
