import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { loadQuizBank } from '../../../labs/quiz/load.ts';
import { projectRoot } from '../../../labs/site/paths.ts';
import type { Lang } from '../../../src/lib/i18n/localized.ts';
import { translator } from '../../../src/lib/i18n/catalog.ts';
import type { Question } from '../../../src/lib/quiz/schema.ts';
import { messages as quizMessages } from '../../../src/components/quiz/messages.ts';
import { messages as pageMessages } from '../../../src/components/progress/messages.ts';
import { messages as storeMessages } from '../../../src/lib/progress/progress.messages.ts';
import { STORE_KEY } from '../../../src/lib/progress/key.ts';

/** The bank as the site was built from it: expected texts come from the YAML, not from copies in the tests. */
export const bank = loadQuizBank(join(projectRoot, 'content/quizzes'), {
	docsDir: join(projectRoot, 'src/content/docs'),
});

export const LANGS: readonly Lang[] = ['fr', 'en'];
export const quizText = (lang: Lang) => translator(quizMessages, lang);
export const pageText = (lang: Lang) => translator(pageMessages, lang);
export const storeText = (lang: Lang) => translator(storeMessages, lang);

/** Module 01's quiz sits at the end of its last lesson. */
export const quizPagePath = (lang: Lang) => `/${lang}/01-pipeline/02-targets-and-groups/`;

export function question(id: string): Question {
	const entry = bank.questions.get(id);
	if (!entry) throw new Error(`no question ${id} in the bank`);
	return entry.question;
}

export function questionItem(page: Page, id: string): Locator {
	return page.locator(`.cd-quiz-item[data-question="${id}"]`).first();
}

/** The ids of a question's choices, items or right-hand answers, in the order the page shows them. */
export async function displayedOrder(item: Locator): Promise<string[]> {
	return item.evaluate((node) => {
		const choices = [...node.querySelectorAll('[data-list] > li[data-id]')].map(
			(li) => li.getAttribute('data-id') ?? '',
		);
		if (choices.length > 0) return choices;
		const select = node.querySelector('select');
		return select ? [...select.options].map((o) => o.value).filter(Boolean) : [];
	});
}

/** Answers one question through its form controls, rightly or wrongly, then presses its check button. */
export async function answer(item: Locator, q: Question, right: boolean, checkLabel: string): Promise<void> {
	switch (q.type) {
		case 'single': {
			const option = q.options.find((o) => o.correct === right);
			await item.locator(`input[value="${option?.id}"]`).check();
			break;
		}
		case 'multiple':
			for (const option of q.options.filter((o) => o.correct === right))
				await item.locator(`input[value="${option.id}"]`).check();
			break;
		case 'true-false':
			await item.locator(`input[value="${String(right ? q.answer : !q.answer)}"]`).check();
			break;
		case 'ordering': {
			const ids = q.items.map((i) => i.id);
			const wanted = right ? ids : [...ids].reverse();
			const selects = item.locator('select');
			for (let index = 0; index < wanted.length; index++)
				await selects.nth(index).selectOption(wanted[index] ?? '');
			break;
		}
		case 'matching':
			for (const [index, pair] of q.pairs.entries()) {
				const wrong = q.pairs[(index + 1) % q.pairs.length]?.id ?? '';
				await item.locator(`select[data-left="${pair.id}"]`).selectOption(right ? pair.id : wrong);
			}
			break;
		case 'short':
			await item.locator('input[type="text"]').fill(right ? (q.accepted[0] ?? '') : 'not the answer');
			break;
		case 'appspec-fix':
			throw new Error('appspec-fix questions are answered in the editor');
	}
	await item.getByRole('button', { name: checkLabel }).click();
}

export async function storedProgress(page: Page): Promise<Record<string, unknown> | null> {
	const raw = await page.evaluate((key) => localStorage.getItem(key), STORE_KEY);
	return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
}

export { STORE_KEY };
