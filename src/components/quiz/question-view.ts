/**
 * The browser side of one server-rendered question (QuestionBlock.astro): display order, reading and
 * restoring an answer, locking, and the feedback after grading. Shared by `cd-quiz` and `cd-review`.
 */
import type { Answer, GradeResult } from '../../lib/quiz/answer.ts';
import type { BankQuestion } from '../../lib/quiz/bank.ts';
import { explain } from '../../lib/quiz/present.ts';
import { translator, type Translate } from '../../lib/i18n/catalog.ts';
import type { Lang } from '../../lib/i18n/localized.ts';
import { inlineHtml } from './inline.ts';
import { messages } from './messages.ts';

type Key = keyof (typeof messages)['fr'];

const controls = (item: HTMLElement) => [
	...item.querySelectorAll<HTMLInputElement | HTMLSelectElement>('fieldset input, fieldset select'),
];
const selects = (item: HTMLElement) => [...item.querySelectorAll<HTMLSelectElement>('fieldset select')];

/** Puts choices, items and right-hand answers in the attempt's order. */
export function applyOrder(item: HTMLElement, order: readonly string[] | undefined): void {
	if (!order) return;
	const type = item.dataset['type'];
	if (type === 'single' || type === 'multiple') {
		const list = item.querySelector('[data-list]');
		for (const id of order) {
			const li = list?.querySelector(`:scope > li[data-id="${CSS.escape(id)}"]`);
			if (li) list?.append(li);
		}
	}
	if (type === 'ordering' || type === 'matching') {
		for (const select of selects(item)) {
			for (const id of order) {
				const option = [...select.options].find((o) => o.value === id);
				if (option) select.append(option);
			}
		}
	}
	if (type === 'ordering') setOrdering(item, order);
}

function setOrdering(item: HTMLElement, itemIds: readonly string[]): void {
	selects(item).forEach((select, index) => {
		select.value = itemIds[index] ?? '';
		select.dataset['value'] = select.value;
	});
}

/** Ordering: choosing an item for a position swaps it with the position that held it, so each item stays once. */
export function onOrderingChange(item: HTMLElement, changed: HTMLSelectElement): void {
	const previous = changed.dataset['value'] ?? '';
	const other = selects(item).find((s) => s !== changed && s.value === changed.value);
	if (other) {
		other.value = previous;
		other.dataset['value'] = previous;
	}
	changed.dataset['value'] = changed.value;
}

/** The learner's answer, or null when nothing was answered yet. */
export function readAnswer(item: HTMLElement): Answer | null {
	const checked = controls(item)
		.filter((c): c is HTMLInputElement => c instanceof HTMLInputElement && c.checked)
		.map((c) => c.value);
	switch (item.dataset['type']) {
		case 'single':
			return checked[0] ? { type: 'single', optionId: checked[0] } : null;
		case 'true-false':
			return checked[0] ? { type: 'true-false', value: checked[0] === 'true' } : null;
		case 'multiple':
			return checked.length > 0 ? { type: 'multiple', optionIds: checked } : null;
		case 'ordering':
			return { type: 'ordering', itemIds: selects(item).map((s) => s.value) };
		case 'matching': {
			const matches: Record<string, string | null> = {};
			for (const s of selects(item)) matches[s.dataset['left'] ?? ''] = s.value || null;
			return Object.values(matches).some((v) => v !== null) ? { type: 'matching', matches } : null;
		}
		case 'appspec-fix': {
			const editor = item.querySelector<HTMLElement & { source?: string }>('cd-appspec-editor');
			const source = editor?.source ?? editor?.dataset['initial'] ?? '';
			return { type: 'appspec-fix', source };
		}
		case 'short': {
			const text = item.querySelector<HTMLInputElement>('fieldset input[type="text"]')?.value ?? '';
			return text.trim() ? { type: 'short', text } : null;
		}
		default:
			return null;
	}
}

/** Restores a stored answer into the controls (reload mid-attempt). */
export function writeAnswer(item: HTMLElement, answer: Answer): void {
	for (const control of controls(item)) {
		if (!(control instanceof HTMLInputElement)) continue;
		if (answer.type === 'single') control.checked = control.value === answer.optionId;
		if (answer.type === 'true-false') control.checked = control.value === String(answer.value);
		if (answer.type === 'multiple') control.checked = answer.optionIds.includes(control.value);
		if (answer.type === 'short' && control.type === 'text') control.value = answer.text;
	}
	if (answer.type === 'ordering') setOrdering(item, answer.itemIds);
	if (answer.type === 'matching')
		for (const s of selects(item)) s.value = answer.matches[s.dataset['left'] ?? ''] ?? '';
}

export function setLocked(item: HTMLElement, locked: boolean): void {
	for (const control of controls(item)) control.disabled = locked;
	const check = item.querySelector<HTMLButtonElement>('[data-action="check"]');
	if (check) check.hidden = locked;
}

/** Back to a blank question: no answer, no feedback, unlocked. */
export function clearQuestion(item: HTMLElement): void {
	setLocked(item, false);
	for (const control of controls(item)) {
		if (control instanceof HTMLInputElement) {
			control.checked = false;
			if (control.type === 'text') control.value = '';
		} else if (item.dataset['type'] === 'matching') control.value = '';
	}
	const feedback = item.querySelector<HTMLElement>('[data-feedback]');
	if (feedback) {
		feedback.hidden = true;
		feedback.replaceChildren();
	}
}

/** The one-line verdict, also announced in the live region. */
export function verdict(result: GradeResult, lang: Lang): string {
	const t = translator(messages, lang);
	if (result.status === 'ungradable') return t('verdictUngradable');
	if (result.correct) return t('verdictRight');
	if (result.score > 0) return t('verdictPartial', { percent: Math.round(result.score * 100) });
	return t('verdictWrong');
}

/** Shows the verdict and every explanation that applies, each linking to the lesson section. */
export function showFeedback(
	item: HTMLElement,
	entry: BankQuestion,
	result: GradeResult,
	lang: Lang,
	base: string,
): void {
	const t = translator(messages, lang);
	const feedback = item.querySelector<HTMLElement>('[data-feedback]');
	if (!feedback) return;
	const state = result.correct ? 'right' : result.score > 0 ? 'partial' : 'wrong';
	feedback.dataset['state'] = state;
	const lines = explain(entry, result, lang, base)
		// Choice questions: what the learner chose, and the right answers they missed (what is true).
		.filter((e) => e.id === 'question' || e.chosen || e.correct)
		.map(
			(e) =>
				`<li>${label(entry, e, t, lang)}${inlineHtml(e.text)} <a href="${e.lessonUrl}">${t('lessonLink')}</a></li>`,
		);
	feedback.innerHTML =
		`<p class="cd-quiz-verdict"><strong>${state === 'right' ? '✓' : '✗'} ${verdict(result, lang)}</strong></p>` +
		solution(entry, t, lang) +
		`<ul class="cd-quiz-explanations">${lines.join('')}</ul>`;
	feedback.hidden = false;
}

function label(
	entry: BankQuestion,
	e: { id: string; chosen: boolean; correct: boolean },
	t: Translate<Key>,
	lang: Lang,
): string {
	const q = entry.question;
	if (q.type !== 'single' && q.type !== 'multiple') return '';
	const option = q.options.find((o) => o.id === e.id);
	const mark = e.correct ? `✓ ${t('optionRight')}` : `✗ ${t('optionWrong')}`;
	const who = e.chosen ? t('yourChoice') : t('notChosen');
	return `<strong>${mark} (${who})</strong> ${inlineHtml(option?.text[lang] ?? '')}<br>`;
}

/** The right answer for the types whose explanations do not list it option by option. */
function solution(entry: BankQuestion, t: Translate<Key>, lang: Lang): string {
	const q = entry.question;
	switch (q.type) {
		case 'true-false':
			return `<p>${t('answerIs')} ${q.answer ? t('choiceTrue') : t('choiceFalse')}</p>`;
		case 'ordering':
			return `<p>${t('correctOrder')}</p><ol>${q.items.map((i) => `<li>${inlineHtml(i.text[lang])}</li>`).join('')}</ol>`;
		case 'matching':
			return `<p>${t('correctPairs')}</p><ul>${q.pairs
				.map((p) => `<li>${inlineHtml(p.left[lang])} → ${inlineHtml(p.right[lang])}</li>`)
				.join('')}</ul>`;
		case 'short':
			return `<p>${t('acceptedAnswers')} ${q.accepted.map((a) => inlineHtml(a)).join(' · ')}</p>`;
		default:
			return '';
	}
}
