import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT } from '../../src/lib/progress/transfer.ts';
import { seriousViolations, setTheme } from './support/axe.ts';
import { launchBrowser, openPage } from './support/browser.ts';
import {
	answer,
	LANGS,
	pageText,
	question,
	questionItem,
	quizPagePath,
	quizText,
	STORE_KEY,
	storeText,
	storedProgress,
} from './support/quiz.ts';
import { siteUrl, skipReason } from './support/site.ts';

const MISSED = 'pipeline-codedeploy-job';
/** Requests cut short because the test navigated on (favicon, search index preloads) are not faults. */
const faults = (problems: { errors: string[] }) =>
	problems.errors.filter((e) => !e.includes('net::ERR_ABORTED'));
const DAY = 86_400_000;

describe.skipIf(skipReason() !== '')('progress, export/import and review', () => {
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		for (const context of contexts) await context.close();
		await browser?.close();
	});
	const newPage = async (options: Parameters<Browser['newContext']>[0] = {}) => {
		const context = await browser.newContext(options);
		contexts.push(context);
		const opened = await openPage(context);
		return { context, ...opened };
	};
	const go = async (page: Page, path: string, ready: string) => {
		await page.goto(siteUrl() + path);
		await page.locator(ready).waitFor();
		await page.waitForLoadState('networkidle');
	};
	/** Visits module 01's two lessons and misses one question of its quiz. */
	const learn = async (page: Page, lang: 'fr' | 'en') => {
		await page.goto(`${siteUrl()}/${lang}/01-pipeline/01-cicd-on-aws/`, { waitUntil: 'networkidle' });
		await go(page, quizPagePath(lang), 'cd-quiz.is-ready');
		await answer(questionItem(page, MISSED), question(MISSED), false, quizText(lang)('check'));
		await questionItem(page, MISSED).locator('[data-feedback]').waitFor();
	};
	const row = (page: Page, module: string) => page.locator(`cd-progress tr[data-module="${module}"]`);

	for (const lang of LANGS) {
		const t = pageText(lang);

		it(`${lang}: lessons visited and quiz results show in the sidebar, the home map and My progress, after a reload`, async () => {
			const { page, problems } = await newPage();
			await learn(page, lang);
			await page.reload();
			await page.waitForLoadState('networkidle');
			const badge = page.locator('nav.sidebar details').first().locator('.cd-progress-badge');
			expect(await badge.getAttribute('aria-label')).toMatch(/2/);
			await go(page, `/${lang}/`, '.cd-module-map');
			expect(
				await page.locator('.cd-module-map__item[data-module="01-pipeline"] .cd-progress-badge').count(),
			).toBe(1);
			await go(page, `/${lang}/progress/`, 'cd-progress.is-ready');
			expect(await row(page, '01-pipeline').locator('[data-cell="lessons"]').innerText()).toBe(
				t('lessonsOf', { visited: 2, total: 2 }),
			);
			expect(await row(page, '02-why-codedeploy').locator('[data-cell="lessons"]').innerText()).toBe(
				t('lessonsOf', { visited: 0, total: 2 }),
			);
			expect(await page.locator('cd-progress [data-next]').innerText()).toContain(
				t('continueWith', { module: '' }).trim(),
			);
			expect(faults(problems)).toEqual([]);
		});

		it(`${lang}: the whole store is exported to a file and imported into a fresh browser`, async () => {
			const first = await newPage({ acceptDownloads: true });
			await learn(first.page, lang);
			await go(first.page, `/${lang}/progress/`, 'cd-progress.is-ready');
			const [download] = await Promise.all([
				first.page.waitForEvent('download'),
				first.page.getByRole('button', { name: t('exportButton') }).click(),
			]);
			expect(download.suggestedFilename()).toMatch(/^atelier-codedeploy-progress-\d{4}-\d\d-\d\d\.json$/);
			const path = await download.path();
			const file = JSON.parse(readFileSync(path, 'utf8')) as { format: string; store: unknown };
			expect(file.format).toBe(EXPORT_FORMAT);
			expect(file.store).toEqual(await storedProgress(first.page));

			const second = await newPage();
			await go(second.page, `/${lang}/progress/`, 'cd-progress.is-ready');
			await second.page.getByLabel(t('importLabel')).setInputFiles(path);
			const status = second.page.locator('cd-progress [data-transfer-status]');
			await expect.poll(() => status.innerText()).toContain(storeText(lang)('import.done'));
			expect(await row(second.page, '01-pipeline').locator('[data-cell="lessons"]').innerText()).toBe(
				t('lessonsOf', { visited: 2, total: 2 }),
			);
			await second.page.reload();
			await second.page.locator('cd-progress.is-ready').waitFor();
			expect(await storedProgress(second.page)).toEqual(file.store);
			expect(await row(second.page, '01-pipeline').locator('[data-cell="due"]').innerText()).toBe(t('none'));
			expect([...faults(first.problems), ...faults(second.problems)]).toEqual([]);
		});

		it(`${lang}: a bad file is refused with a message in both languages, and progress is kept`, async () => {
			const { page, problems } = await newPage();
			await learn(page, lang);
			await go(page, `/${lang}/progress/`, 'cd-progress.is-ready');
			const before = await storedProgress(page);
			const input = page.getByLabel(t('importLabel'));
			const status = page.locator('cd-progress [data-transfer-status]');
			await input.setInputFiles({
				name: 'notes.json',
				mimeType: 'application/json',
				buffer: Buffer.from('{"a":1}'),
			});
			await expect.poll(() => status.innerText()).toContain(storeText('fr')('import.not-a-progress-file'));
			expect(await status.innerText()).toContain(storeText('en')('import.not-a-progress-file'));
			await input.setInputFiles({
				name: 'broken.json',
				mimeType: 'application/json',
				buffer: Buffer.from('{oops'),
			});
			await expect.poll(() => status.innerText()).toContain(storeText(lang)('import.not-json'));
			// An export written by a newer course version cannot be read here: refused, not half-read.
			const newer = JSON.stringify({
				format: EXPORT_FORMAT,
				exportedAt: new Date().toISOString(),
				store: { version: 99 },
			});
			await input.setInputFiles({
				name: 'newer.json',
				mimeType: 'application/json',
				buffer: Buffer.from(newer),
			});
			await expect.poll(() => status.innerText()).toContain(storeText(lang)('import.newer-version'));
			expect(await storedProgress(page)).toEqual(before);
			expect(faults(problems)).toEqual([]);
		});

		it(`${lang}: damaged stored progress shows a notice on My progress, never a crash`, async () => {
			const { page, problems } = await newPage();
			await learn(page, lang);
			// One damaged namespace: only that part is reset, the rest (lessons visited) is kept.
			await page.evaluate((key) => {
				const doc = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
				localStorage.setItem(key, JSON.stringify({ ...doc, review: 'garbage' }));
			}, STORE_KEY);
			// The per-page script leaves data it does not understand alone: a lesson page loads cleanly.
			await page.goto(`${siteUrl()}/${lang}/02-why-codedeploy/01-manual-scripted-codedeploy/`);
			await go(page, `/${lang}/progress/`, 'cd-progress.is-ready');
			const notice = page.locator('cd-progress [data-notice]');
			expect(await notice.isVisible()).toBe(true);
			expect(await notice.innerText()).toContain(
				storeText(lang)('notice.repaired', { parts: t('ns.review') }),
			);
			expect(await row(page, '01-pipeline').locator('[data-cell="lessons"]').innerText()).toBe(
				t('lessonsOf', { visited: 2, total: 2 }),
			);
			// Unreadable JSON: everything reset, with its own notice.
			await page.evaluate((key) => localStorage.setItem(key, 'not json at all'), STORE_KEY);
			await page.reload();
			await page.locator('cd-progress.is-ready').waitFor();
			expect(await notice.innerText()).toContain(storeText(lang)('notice.reset-corrupt'));
			expect(faults(problems)).toEqual([]);
		});

		it(`${lang}: a missed question comes due on the review page when the clock moves on`, async () => {
			const { context, page, problems } = await newPage();
			await learn(page, lang);
			const tq = quizText(lang);
			await go(page, `/${lang}/review/`, 'cd-review.is-ready');
			expect(await page.locator('cd-review [data-due] .cd-quiz-item').count()).toBe(0);
			expect(await page.locator('cd-review [data-status]').innerText()).toContain(t('reviewEmpty'));

			const later = await context.newPage();
			await later.clock.install({ time: new Date(Date.now() + 2 * DAY) });
			await go(later, `/${lang}/review/`, 'cd-review.is-ready');
			const due = later.locator('cd-review [data-due] .cd-quiz-item');
			expect(await due.count()).toBe(1);
			expect(await due.getAttribute('data-question')).toBe(MISSED);
			const q = question(MISSED);
			expect(await due.locator('legend').innerText()).toContain(q.prompt[lang]);
			await answer(due, q, true, tq('check'));
			await expect.poll(() => due.locator('[data-feedback]').innerText()).toContain(tq('verdictRight'));
			const stored = await storedProgress(later);
			const entry = (stored?.['review'] as Record<string, { card: { due: string; reps: number } }>)[MISSED];
			// Answered right: rescheduled further out than the first one-day interval.
			expect(Date.parse(entry?.card.due ?? '') - (Date.now() + 2 * DAY)).toBeGreaterThan(DAY);
			expect(entry?.card.reps).toBe(2);

			const violations: string[] = [];
			for (const theme of ['light', 'dark'] as const) {
				await setTheme(later, theme);
				violations.push(...(await seriousViolations(later, `review ${theme}`)));
			}
			expect(violations).toEqual([]);

			await later.reload();
			await later.locator('cd-review.is-ready').waitFor();
			expect(await later.locator('cd-review [data-due] .cd-quiz-item').count()).toBe(0);
			expect(faults(problems)).toEqual([]);
		});
	}
});
