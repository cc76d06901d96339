import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { allPagePaths, siteUrl, skipReason } from './support/site.ts';

/** A lesson (not a home page) present in both languages. */
function aLesson(): string {
	const lesson = allPagePaths().find((path) => /^\/fr\/\d\d-[^/]+\/[^/]+\/$/.test(path));
	if (!lesson) throw new Error('no lesson found in the sitemap');
	return lesson;
}

describe.skipIf(skipReason() !== '')('navigation', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('the language switcher lands on the twin lesson, both ways', async () => {
		const page = await browser.newPage();
		const fr = aLesson();
		const en = fr.replace(/^\/fr\//, '/en/');
		await page.goto(siteUrl() + fr);
		await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
		await page.waitForURL(siteUrl() + en);
		await page.locator('starlight-lang-select select').first().selectOption({ label: 'Français' });
		await page.waitForURL(siteUrl() + fr);
		await page.close();
	});

	for (const [locale, expected] of [
		['en-GB', '/en/'],
		['fr-CA', '/fr/'],
		['de-DE', '/fr/'],
	] as const) {
		it(`/ sends a browser that prefers ${locale} to ${expected}`, async () => {
			const context = await browser.newContext({ locale });
			const page = await context.newPage();
			await page.goto(siteUrl() + '/');
			await page.waitForURL(siteUrl() + expected);
			await context.close();
		});
	}
});
