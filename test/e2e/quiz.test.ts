import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonUrl } from '../../src/lib/quiz/lesson-link.ts';
import { seriousViolations, setTheme } from './support/axe.ts';
import { launchBrowser, openPage, type PageProblems } from './support/browser.ts';
import {
	answer,
	bank,
	displayedOrder,
	LANGS,
	question,
	questionItem,
	quizPagePath,
	quizText,
	STORE_KEY,
	storeText,
	storedProgress,
} from './support/quiz.ts';
import { siteUrl, skipReason } from './support/site.ts';

const QUIZ = '01-pipeline';
const SINGLE = 'pipeline-codedeploy-job';
const TRUE_FALSE = 'pipeline-codedeploy-alone';
const quiz = bank.quizzes.get(QUIZ);
/** Code spans are rendered as <code>: the page's text has no backticks. */
const plain = (text: string | undefined) => (text ?? '').replaceAll('`', '');
const questionIds = (quiz?.questions ?? []).map((q) => q.id);

describe.skipIf(skipReason() !== '')('the quiz in the page', () => {
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let problems: PageProblems;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});
	const fresh = async (options: Parameters<Browser['newContext']>[0] = {}) => {
		await context?.close();
		context = await browser.newContext(options);
		({ page, problems } = await openPage(context));
	};
	const open = async (lang: 'fr' | 'en') => {
		await page.goto(siteUrl() + quizPagePath(lang));
		await page.locator('cd-quiz.is-ready').waitFor();
		// Nothing left loading: a reload must not abort a request (that would be reported as a problem).
		await page.waitForLoadState('networkidle');
	};

	for (const lang of LANGS) {
		const t = quizText(lang);

		it(`${lang}: a wrong and a right answer are explained, recorded, and survive a reload`, async () => {
			await fresh();
			await open(lang);
			const single = questionItem(page, SINGLE);
			const order = await displayedOrder(single);
			const q = question(SINGLE);
			if (q.type !== 'single') throw new Error('expected a single-choice question');
			await answer(single, q, false, t('check'));

			const feedback = single.locator('[data-feedback]');
			await expect.poll(() => feedback.isVisible()).toBe(true);
			const text = await feedback.innerText();
			expect(text).toContain(t('verdictWrong'));
			const wrong = q.options.find((o) => !o.correct);
			const right = q.options.find((o) => o.correct);
			// Why the chosen option is wrong, and what is true (the right option's explanation).
			expect(text).toContain(plain(wrong?.explanation[lang]));
			expect(text).toContain(plain(right?.explanation[lang]));
			const href = await feedback.locator('a').first().getAttribute('href');
			expect(href).toBe(lessonUrl(right?.lesson ?? q.lesson, lang));
			await expect.poll(() => page.locator('cd-quiz [data-live]').textContent()).toContain(t('verdictWrong'));

			const tf = questionItem(page, TRUE_FALSE);
			const tfQuestion = question(TRUE_FALSE);
			await answer(tf, tfQuestion, true, t('check'));
			await expect.poll(() => tf.locator('[data-feedback]').innerText()).toContain(t('verdictRight'));
			if (tfQuestion.type === 'true-false')
				expect(await tf.locator('[data-feedback]').innerText()).toContain(
					plain(tfQuestion.explanation[lang]),
				);

			const stored = await storedProgress(page);
			const review = stored?.['review'] as Record<string, { quizId: string }>;
			expect(Object.keys(review)).toEqual([SINGLE]);
			expect(review[SINGLE]?.quizId).toBe(QUIZ);

			// Reload mid-attempt: same order, same answers, still explained and locked.
			await page.reload();
			await page.locator('cd-quiz.is-ready').waitFor();
			await page.waitForLoadState('networkidle');
			expect(await displayedOrder(single)).toEqual(order);
			expect(await single.locator(`input[value="${wrong?.id}"]`).isChecked()).toBe(true);
			expect(await single.locator(`input[value="${wrong?.id}"]`).isDisabled()).toBe(true);
			await expect.poll(() => feedback.innerText()).toContain(plain(wrong?.explanation[lang]));
			expect(await page.locator('cd-quiz [data-score]').innerText()).toContain(
				t('progressLine', { answered: 2, total: questionIds.length }),
			);
			expect(problems.errors).toEqual([]);
		});

		it(`${lang}: a full attempt gives a score; a retry is a new attempt with a new order`, async () => {
			await fresh();
			await open(lang);
			const before: string[][] = [];
			for (const [index, id] of questionIds.entries()) {
				const item = questionItem(page, id);
				before.push(await displayedOrder(item));
				// All right but the last one.
				await answer(item, question(id), index < questionIds.length - 1, t('check'));
			}
			const total = questionIds.length;
			const percent = Math.round(((total - 1) / total) * 100);
			const score = page.locator('cd-quiz [data-score]');
			await expect
				.poll(() => score.innerText())
				.toContain(t('score', { correct: total - 1, total, percent }));
			expect(await score.innerText()).toContain(t('missedNote'));

			await page
				.locator('cd-quiz')
				.getByRole('button', { name: t('retry') })
				.click();
			const after: string[][] = [];
			for (const id of questionIds) after.push(await displayedOrder(questionItem(page, id)));
			expect(after).not.toEqual(before);
			const first = questionItem(page, questionIds[0] ?? '');
			expect(await first.locator('[data-feedback]').isVisible()).toBe(false);
			expect(await score.innerText()).toContain(t('scoreBest', { percent }));
			const stored = await storedProgress(page);
			const progress = (stored?.['quizzes'] as Record<string, { attempts: unknown[]; best: number }>)[QUIZ];
			expect(progress?.attempts).toHaveLength(1);
			expect(progress?.best).toBeCloseTo((total - 1) / total, 3);
			expect(problems.errors).toEqual([]);
		});

		it(`${lang}: answered and explained, the quiz passes axe in both themes and at 375 px`, async () => {
			await fresh();
			await open(lang);
			for (const [index, id] of questionIds.slice(0, 4).entries())
				await answer(questionItem(page, id), question(id), index % 2 === 0, t('check'));
			const violations: string[] = [];
			for (const theme of ['light', 'dark'] as const) {
				await setTheme(page, theme);
				violations.push(...(await seriousViolations(page, theme)));
			}
			await page.setViewportSize({ width: 375, height: 800 });
			violations.push(...(await seriousViolations(page, 'dark, 375 px')));
			expect(violations).toEqual([]);
		});

		it(`${lang}: damaged stored progress is reset with a notice in the page language, and the quiz works`, async () => {
			await fresh();
			await open(lang);
			await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"quizzes":'), STORE_KEY);
			await page.reload();
			await page.locator('cd-quiz.is-ready').waitFor();
			await page.waitForLoadState('networkidle');
			const notice = page.locator('cd-quiz [data-notice]');
			expect(await notice.isVisible()).toBe(true);
			expect(await notice.innerText()).toContain(storeText(lang)('notice.reset-corrupt'));
			expect(await page.evaluate(() => localStorage.getItem('atelier-codedeploy:progress-backup'))).toBe(
				'{"version":1,"quizzes":',
			);
			await answer(questionItem(page, TRUE_FALSE), question(TRUE_FALSE), true, t('check'));
			await expect
				.poll(() => questionItem(page, TRUE_FALSE).locator('[data-feedback]').innerText())
				.toContain(t('verdictRight'));
			// Repaired once: the next page load has nothing to report.
			await page.reload();
			await page.locator('cd-quiz.is-ready').waitFor();
			await page.waitForLoadState('networkidle');
			expect(await notice.isVisible()).toBe(false);
			expect(problems.errors).toEqual([]);
		});

		it(`${lang}: when storage refuses writes (private mode, full quota) the quiz still works and says so`, async () => {
			await fresh();
			await context.addInitScript(() => {
				const setItem = Storage.prototype.setItem;
				Storage.prototype.setItem = function (key: string, value: string) {
					if (key.startsWith('atelier-codedeploy'))
						throw new DOMException('Quota exceeded', 'QuotaExceededError');
					setItem.call(this, key, value);
				};
			});
			await open(lang);
			const single = questionItem(page, SINGLE);
			const q = question(SINGLE);
			await answer(single, q, true, t('check'));
			await expect.poll(() => single.locator('[data-feedback]').innerText()).toContain(t('verdictRight'));
			expect(await page.locator('cd-quiz [data-notice]').innerText()).toContain(
				storeText(lang)('notice.storage-unavailable'),
			);
			expect(await page.locator('cd-quiz [data-score]').innerText()).toContain(
				t('progressLine', { answered: 1, total: questionIds.length }),
			);
			expect(problems.errors).toEqual([]);
		});

		it(`${lang}: without JavaScript, real form controls and the answers in <details>`, async () => {
			await fresh({ javaScriptEnabled: false });
			await page.goto(siteUrl() + quizPagePath(lang));
			const items = page.locator('cd-quiz .cd-quiz-item');
			expect(await items.count()).toBe(questionIds.length);
			expect(await page.locator('cd-quiz fieldset legend').count()).toBe(questionIds.length);
			expect(await page.locator('cd-quiz details.cd-quiz-answer').count()).toBe(questionIds.length);
			expect(
				await page
					.getByRole('button', { name: t('check') })
					.first()
					.isVisible(),
			).toBe(false);
			const single = questionItem(page, SINGLE);
			expect(await single.getByRole('radio').count()).toBeGreaterThan(1);
			await single.locator('details summary').click();
			const q = question(SINGLE);
			if (q.type === 'single')
				expect(await single.locator('details').innerText()).toContain(plain(q.options[0]?.explanation[lang]));
		});
	}

	for (const lang of LANGS) {
		const fixed = lang === 'fr';
		it(`${lang}: an AppSpec fix-it question is graded by the validator and its predicates (${fixed ? 'fixed' : 'broken part deleted'})`, async () => {
			await fresh();
			// Due for review now: the review page serves it (the module 05 quiz may not be embedded yet).
			const card = { due: '2026-01-01T00:00:00.000Z', stability: 0.2, difficulty: 6, elapsed_days: 0 };
			const review = {
				'appspec-fix-version': {
					quizId: '05-appspec',
					card: { ...card, scheduled_days: 1, learning_steps: 0, reps: 1, lapses: 0, state: 2 },
				},
			};
			await page.goto(`${siteUrl()}/${lang}/review/`, { waitUntil: 'networkidle' });
			await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
				STORE_KEY,
				JSON.stringify({ version: 1, review }),
			] as const);
			await page.reload({ waitUntil: 'networkidle' });
			await page.locator('cd-review.is-ready').waitFor();
			const item = page.locator('[data-due] .cd-quiz-item[data-question="appspec-fix-version"]');
			// Edited with the keyboard in the real editor (Monaco loads on the first click).
			await item.locator('.cd-aps-surface').click();
			await item.locator('.monaco-editor .view-lines').waitFor();
			await item.locator('.monaco-editor .view-lines').click();
			// Monaco takes the keyboard (a textarea, or an EditContext element in recent Chromium).
			await expect
				.poll(() => item.locator('.monaco-editor').evaluate((el) => el.contains(document.activeElement)))
				.toBe(true);
			if (fixed) {
				await page.keyboard.press('Control+Home');
				await page.keyboard.press('Shift+End');
				await page.keyboard.insertText('version: 0.0');
			} else {
				await page.keyboard.press('Control+A');
				await page.keyboard.insertText('version: 0.0\nos: linux');
			}
			const source = () =>
				item.locator('cd-appspec-editor').evaluate((el) => (el as HTMLElement & { source: string }).source);
			await expect.poll(source).toMatch(/^version: 0\.0\n/);
			await item.getByRole('button', { name: quizText(lang)('check') }).click();
			const verdict = quizText(lang)(fixed ? 'verdictRight' : 'verdictWrong');
			await expect.poll(() => item.locator('[data-feedback]').innerText()).toContain(verdict);
			expect(problems.errors).toEqual([]);
		});
	}

	it('keyboard only: a whole quiz answered, checked and scored without a mouse', async () => {
		await fresh();
		await open('en');
		const t = quizText('en');
		const inQuiz = () => page.evaluate(() => Boolean(document.activeElement?.closest('cd-quiz')));
		for (let presses = 0; presses < 300 && !(await inQuiz()); presses++) await page.keyboard.press('Tab');
		expect(await inQuiz()).toBe(true);
		for (const id of questionIds) {
			const item = questionItem(page, id);
			// Move through the question's controls, answering with the keys each control type uses.
			for (let step = 0; step < 30; step++) {
				const focused = await page.evaluate(() => {
					const el = document.activeElement as HTMLElement | null;
					return {
						tag: el?.tagName ?? '',
						type: el?.getAttribute('type') ?? '',
						action: el?.dataset['action'] ?? '',
						question: el?.closest<HTMLElement>('.cd-quiz-item')?.dataset['question'] ?? '',
					};
				});
				expect(focused.question, `focus stays on question ${id}`).toBe(id);
				if (focused.action === 'check') {
					await page.keyboard.press('Enter');
					break;
				}
				if (focused.type === 'radio') await page.keyboard.press('ArrowDown');
				if (focused.type === 'checkbox') await page.keyboard.press('Space');
				if (focused.type === 'text') await page.keyboard.type('CodePipeline');
				if (focused.tag === 'SELECT' && (await item.getAttribute('data-type')) === 'matching')
					await page.keyboard.press('ArrowDown');
				await page.keyboard.press('Tab');
			}
			await expect.poll(() => item.locator('[data-feedback]').isVisible()).toBe(true);
			// Focus lands on the explanation; Tab moves past its lesson links to the next question.
			for (let step = 0; step < 20; step++) {
				const next = await page.evaluate(
					(current) =>
						document.activeElement?.closest<HTMLElement>('.cd-quiz-item')?.dataset['question'] !== current,
					id,
				);
				if (next) break;
				await page.keyboard.press('Tab');
			}
		}
		await expect
			.poll(() => page.locator('cd-quiz [data-score]').innerText())
			.toContain(t('progressLine', { answered: questionIds.length, total: questionIds.length }));
		const visibleFocus = await page.evaluate(() => document.activeElement?.matches(':focus-visible'));
		expect(visibleFocus).toBe(true);
		expect(problems.errors).toEqual([]);
	});
});
