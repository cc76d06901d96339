import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { allPagePaths, clientDir, siteUrl, skipReason } from './support/site.ts';

/** Words of a page's main content (what Pagefind indexes), lower-cased. */
function bodyWords(path: string): Set<string> {
	const html = readFileSync(join(clientDir, path, 'index.html'), 'utf8');
	const main = html.split('data-pagefind-body')[1] ?? '';
	const text = main.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ');
	return new Set(text.toLowerCase().match(/\p{L}{9,}/gu) ?? []);
}

/**
 * A word that appears in exactly one lesson's body, chosen from the built pages so the test follows the
 * content instead of hard-coding a word that may be edited away. Pagefind stems words, so no other page may
 * contain a word sharing its stem either (approximated by all but the last three letters).
 */
function uniqueWord(lang: 'fr' | 'en'): { word: string; path: string } {
	const pages = allPagePaths().filter((path) => path.startsWith(`/${lang}/`));
	const words = new Map(pages.map((path) => [path, [...bodyWords(path)]]));
	for (const [path, own] of words) {
		if (!/^\/(fr|en)\/\d\d-/.test(path)) continue; // a lesson, not a home or glossary page
		for (const word of own) {
			const stem = word.slice(0, -3);
			const elsewhere = [...words].some(
				([other, list]) => other !== path && list.some((candidate) => candidate.startsWith(stem)),
			);
			if (!elsewhere && /^\p{Ll}+$/u.test(word)) return { word, path };
		}
	}
	throw new Error(`no word unique to one ${lang} page`);
}

describe.skipIf(skipReason() !== '')('search (Pagefind)', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	for (const lang of ['fr', 'en'] as const) {
		it(`a word found in only one ${lang} lesson returns that lesson first`, async () => {
			const { word, path } = uniqueWord(lang);
			const page = await browser.newPage();
			await page.goto(`${siteUrl()}/${lang}/`);
			await page.locator('button[data-open-modal]').first().click();
			await page.locator('.pagefind-ui__search-input').fill(word);
			const first = page.locator('.pagefind-ui__result-link').first();
			await first.waitFor();
			const href = await first.getAttribute('href');
			expect(new URL(href ?? '', siteUrl()).pathname.replace(/#.*$/, '')).toBe(path);
			await page.close();
		});
	}
});
