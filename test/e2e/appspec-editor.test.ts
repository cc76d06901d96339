import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { siteUrl, skipReason } from './support/site.ts';

/** What only the editor session brings: Monaco's code, its workers and its icon font. */
const MONACO_REQUEST = /\/_astro\/(session|editor\.worker|yaml\.worker|codicon)[.-]/;
const EDITOR = 'cd-appspec-editor[data-id="appspec-version-quoted"]';

const problemsText = (page: Page) => page.locator(`${EDITOR} .cd-aps-problems-body`).innerText();

describe.skipIf(skipReason() !== '')('AppSpec editor', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	for (const lang of ['fr', 'en'] as const) {
		const path = `/${lang}/05-appspec/01-structure/`;

		it(`${lang}: Monaco loads on interaction only; typing, markers, problems, quick fixes and saved edits work`, async () => {
			const context = await browser.newContext();
			try {
				const { page, problems } = await openPage(context);
				const requests: string[] = [];
				page.on('request', (request) => requests.push(request.url()));

				await page.goto(siteUrl() + path, { waitUntil: 'networkidle' });
				await page.mouse.wheel(0, 2000);
				await page.waitForTimeout(300);
				expect(
					requests.filter((url) => MONACO_REQUEST.test(url)),
					'Monaco before interaction',
				).toEqual([]);
				expect(await page.locator('.monaco-editor').count()).toBe(0);
				// Without interaction the build-time diagnostics are there, in the page's language.
				expect(await problemsText(page)).toContain('version-quoted');

				await page.locator(`${EDITOR} .cd-aps-surface`).click();
				await page.locator(`${EDITOR} .monaco-editor`).waitFor({ timeout: 30_000 });
				expect(requests.some((url) => MONACO_REQUEST.test(url))).toBe(true);
				await page.locator(`${EDITOR} .squiggly-error`).first().waitFor();

				// A keystroke: a top-level key AWS ignores gets a warning marker and a problems entry.
				await page.keyboard.press('Control+Home');
				await page.keyboard.type('colour: blue\n');
				await page.locator(`${EDITOR} .squiggly-warning`).first().waitFor();
				await expect.poll(() => problemsText(page)).toContain('key-unknown');

				// The quick fix from the problems list: "0.0" → 0.0.
				await page.locator(`${EDITOR} .cd-aps-fix`).first().click();
				await expect.poll(() => problemsText(page)).not.toContain('version-quoted');

				// The quick fix as a Monaco code action: cursor on `os: Linux`, Ctrl+. then Enter.
				await page.keyboard.press('Control+Home');
				await page.keyboard.press('ArrowDown');
				await page.keyboard.press('ArrowDown');
				await page.keyboard.press('End');
				await page.keyboard.press('Control+.');
				await page.locator('.action-widget').filter({ hasText: 'linux' }).first().waitFor();
				await page.keyboard.press('Enter');
				await expect.poll(() => problemsText(page)).not.toContain('os-invalid');

				// A position in the problems list moves the cursor there, in the editor.
				await page.locator(`${EDITOR} .cd-aps-goto`).first().click();
				await expect
					.poll(() =>
						page.evaluate((sel) => !!document.activeElement?.closest(`${sel} .monaco-editor`), EDITOR),
					)
					.toBe(true);

				// Keyboard: Escape leaves the editor (Tab indents inside it); the theme follows Starlight's.
				await page.keyboard.press('Escape');
				await page.keyboard.press('Escape');
				await expect
					.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action')))
					.toBe('reset');
				for (const [theme, monacoTheme] of [
					['light', 'vs'],
					['dark', 'vs-dark'],
				] as const) {
					await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
					await page.locator(`${EDITOR} .monaco-editor.${monacoTheme}`).waitFor();
				}

				// Saved through the learner store: after a reload the edit is there (before and after activation).
				await page.waitForTimeout(600);
				const stored = await page.evaluate(() => localStorage.getItem('atelier-codedeploy:progress') ?? '');
				expect(stored).toContain('colour: blue');
				await page.reload({ waitUntil: 'networkidle' });
				const saved = page.locator(`${EDITOR} .cd-aps-saved`);
				expect(await saved.innerText()).toContain('colour: blue');
				expect(await saved.innerText()).toContain('version: 0.0');
				await expect.poll(() => problemsText(page)).toContain('key-unknown');
				await saved.click();
				await page.locator(`${EDITOR} .monaco-editor`).waitFor({ timeout: 30_000 });
				await expect.poll(() => page.locator(`${EDITOR} .view-lines`).innerText()).toContain('colour');

				// Download gives the current text as appspec.yml; reset brings the example back and forgets the edit.
				const [download] = await Promise.all([
					page.waitForEvent('download'),
					page.locator(`${EDITOR} [data-action="download"]`).click(),
				]);
				expect(download.suggestedFilename()).toBe('appspec.yml');
				expect(readFileSync(await download.path(), 'utf8')).toContain('colour: blue');
				await page.locator(`${EDITOR} [data-action="reset"]`).click();
				await expect.poll(() => problemsText(page)).toContain('version-quoted');
				await expect
					.poll(() => page.evaluate(() => localStorage.getItem('atelier-codedeploy:progress') ?? ''))
					.not.toContain('colour: blue');

				expect(problems.errors).toEqual([]);
			} finally {
				await context.close();
			}
		});
	}

	for (const [lang, versionDoc] of [
		['fr', 'Toujours le nombre 0.0'],
		['en', 'Always the number 0.0'],
	] as const) {
		it(`${lang}: completion from the JSON Schema, hover docs in the page language`, async () => {
			const context = await browser.newContext();
			try {
				const { page, problems } = await openPage(context);
				const editor = 'cd-appspec-editor[data-id="appspec-validate-service"]';
				await page.goto(`${siteUrl()}/${lang}/05-appspec/02-hooks-lifecycle/`, { waitUntil: 'networkidle' });
				await page.locator(`${editor} .cd-aps-surface`).click();
				await page.locator(`${editor} .monaco-editor`).waitFor({ timeout: 30_000 });
				await page.keyboard.press('Control+End');
				await page.keyboard.type('  Valid');
				await page.keyboard.press('Control+Space');
				await expect
					.poll(() => page.locator('.suggest-widget').innerText(), { timeout: 10_000 })
					.toContain('ValidateService');
				await page.keyboard.press('Escape');
				await page.locator(`${editor} .view-line span`, { hasText: 'version' }).first().hover();
				await expect
					.poll(() => page.locator('.monaco-hover').first().innerText(), { timeout: 10_000 })
					.toContain(versionDoc);
				expect(problems.errors).toEqual([]);
			} finally {
				await context.close();
			}
		});
	}

	it('without JavaScript: the highlighted file and its problems, no dead buttons', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		try {
			const page = await context.newPage();
			await page.goto(`${siteUrl()}/en/05-appspec/01-structure/`);
			expect(await page.locator(`${EDITOR} .cd-aps-static`).innerText()).toContain('version: "0.0"');
			expect(await problemsText(page)).toMatch(/line 1, column 10[\s\S]*version-quoted/);
			expect(await page.locator(`${EDITOR} .cd-aps-fix`).first().isVisible()).toBe(false);
			expect(await page.locator(`${EDITOR} .cd-aps-toolbar`).isVisible()).toBe(false);
		} finally {
			await context.close();
		}
	});

	it('the live editor passes axe in both themes', async () => {
		const context = await browser.newContext();
		try {
			const page = await context.newPage();
			await page.goto(`${siteUrl()}/fr/05-appspec/01-structure/`, { waitUntil: 'networkidle' });
			await page.locator(`${EDITOR} .cd-aps-surface`).click();
			await page.locator(`${EDITOR} .monaco-editor`).waitFor({ timeout: 30_000 });
			for (const theme of ['light', 'dark']) {
				await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
				const results = await new AxeBuilder({ page }).include(EDITOR).analyze();
				const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
				expect(serious.map((v) => `${theme}: ${v.id}`)).toEqual([]);
			}
		} finally {
			await context.close();
		}
	});

	it('works when the browser refuses storage, and says edits will not be kept', async () => {
		const context = await browser.newContext();
		try {
			await context.addInitScript(() => {
				Object.defineProperty(window, 'localStorage', {
					get() {
						throw new DOMException('blocked', 'SecurityError');
					},
				});
			});
			const page = await context.newPage();
			await page.goto(`${siteUrl()}/en/05-appspec/01-structure/`, { waitUntil: 'networkidle' });
			expect(await page.locator(`${EDITOR} .cd-aps-note`).innerText()).toMatch(/storage is unavailable/);
			await page.locator(`${EDITOR} .cd-aps-fix`).first().click();
			await page.locator(`${EDITOR} .monaco-editor`).waitFor({ timeout: 30_000 });
			await expect.poll(() => problemsText(page)).not.toContain('version-quoted');
		} finally {
			await context.close();
		}
	});

	it('a goal reached is shown and remembered', async () => {
		const context = await browser.newContext();
		try {
			const { page, problems } = await openPage(context);
			const editor = 'cd-appspec-editor[data-id="appspec-mode-octal"]';
			await page.goto(`${siteUrl()}/en/05-appspec/01-structure/`, { waitUntil: 'networkidle' });
			const status = page.locator(`${editor} .cd-aps-goal-status`);
			expect(await status.innerText()).toMatch(/Not reached/);
			// The fix button activates the editor (Monaco loads), then applies the fix.
			await page.locator(`${editor} .cd-aps-fix`).first().click();
			await page.locator(`${editor} .monaco-editor`).waitFor({ timeout: 30_000 });
			await expect.poll(() => status.innerText()).toMatch(/Goal reached/);
			await page.waitForTimeout(600);
			await page.goto(`${siteUrl()}/fr/05-appspec/01-structure/`, { waitUntil: 'networkidle' });
			expect(await page.locator(`${editor} .cd-aps-goal-status`).innerText()).toMatch(/déjà réussi|atteint/);
			expect(problems.errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
