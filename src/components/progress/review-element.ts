/**
 * `<cd-review>`: shows the questions whose review is due (FSRS schedule in the learner store), in the page's
 * language, graded exactly as in the quizzes; each answer reschedules the question (a miss brings it back
 * sooner, a right answer pushes it further out).
 */
import { translator } from '../../lib/i18n/catalog.ts';
import type { Lang } from '../../lib/i18n/localized.ts';
import { dueQuestions, nextReviewAt } from '../../lib/progress/review-queue.ts';
import { planAttempt } from '../../lib/quiz/attempt.ts';
import type { BankQuestion } from '../../lib/quiz/bank.ts';
import { grade } from '../../lib/quiz/grade.ts';
import { gradeContext } from '../quiz/appspec-grading.ts';
import { messages as quizMessages } from '../quiz/messages.ts';
import {
	applyOrder,
	onOrderingChange,
	readAnswer,
	setLocked,
	showFeedback,
	verdict,
} from '../quiz/question-view.ts';
import { messages } from './messages.ts';
import { courseStore, showNotices, updateStore } from './store.ts';

/** At most this many questions per session, most overdue first: a long absence should not bury the learner. */
const SESSION_SIZE = 20;

interface BankData {
	readonly questions: Readonly<Record<string, BankQuestion>>;
	readonly titles: Readonly<Record<string, string>>;
}

class ReviewElement extends HTMLElement {
	#lang: Lang = 'fr';
	#data: BankData = { questions: {}, titles: {} };

	connectedCallback(): void {
		if (this.classList.contains('is-ready')) return;
		this.#lang = this.dataset['lang'] === 'en' ? 'en' : 'fr';
		this.#data = JSON.parse(this.querySelector('script[data-bank]')?.textContent ?? '{}') as BankData;
		showNotices(this.querySelector('[data-notice]'), this.#lang);
		this.#showDue();
		this.addEventListener('click', (event) => {
			const button = event.target instanceof Element ? event.target.closest('button') : null;
			const item = button?.closest<HTMLElement>('.cd-quiz-item');
			if (button?.dataset['action'] !== 'check' || !item) return;
			// A chunk that fails to load (offline) must not leave the learner without an answer.
			void this.#check(item).catch(() =>
				this.#announce(translator(quizMessages, this.#lang)('verdictUngradable')),
			);
		});
		this.addEventListener('change', (event) => {
			const target = event.target;
			const item = target instanceof HTMLElement ? target.closest<HTMLElement>('.cd-quiz-item') : null;
			if (item?.dataset['type'] === 'ordering' && target instanceof HTMLSelectElement)
				onOrderingChange(item, target);
		});
		this.classList.add('is-ready');
	}

	#showDue(): void {
		const t = translator(messages, this.#lang);
		const tq = translator(quizMessages, this.#lang);
		const now = new Date();
		const due = dueQuestions(courseStore().state, now)
			.filter((d) => this.#data.questions[d.questionId])
			.slice(0, SESSION_SIZE);
		const list = this.querySelector('[data-due]');
		const pool = this.querySelector('[data-pool]');
		due.forEach((entry, index) => {
			const item = pool?.querySelector<HTMLElement>(
				`.cd-quiz-item[data-question="${CSS.escape(entry.questionId)}"]`,
			);
			const question = this.#data.questions[entry.questionId];
			if (!item || !question) return;
			// A fresh order for each due date, stable across reloads until it is answered.
			const plan = planAttempt(
				{
					id: 'review',
					module: undefined,
					title: { fr: '', en: '' },
					intro: undefined,
					questions: [question],
				},
				`review:${entry.due}`,
			);
			applyOrder(item, plan.order[entry.questionId]);
			const number = item.querySelector('.cd-quiz-number');
			if (number) number.textContent = tq('questionNumber', { number: index + 1 });
			const from = document.createElement('p');
			from.className = 'cd-review-from';
			from.textContent = t('reviewFrom', { quiz: this.#data.titles[question.quizId] ?? question.quizId });
			item.prepend(from);
			item.hidden = false;
			list?.append(item);
		});
		const status = this.querySelector('[data-status]');
		if (!status) return;
		const next = nextReviewAt(courseStore().state);
		if (due.length > 0) status.textContent = t('reviewDueCount', { count: due.length });
		else if (next) status.textContent = `${t('reviewEmpty')} ${t('reviewNext', { date: this.#date(next) })}`;
		else status.textContent = t('reviewNothing');
	}

	async #check(item: HTMLElement): Promise<void> {
		const tq = translator(quizMessages, this.#lang);
		const t = translator(messages, this.#lang);
		const questionId = item.dataset['question'] ?? '';
		const entry = this.#data.questions[questionId];
		const number = [...this.querySelectorAll('[data-due] > .cd-quiz-item')].indexOf(item) + 1;
		const answer = readAnswer(item);
		if (!entry || !answer) {
			this.#announce(tq('unanswered', { number }));
			item.querySelector<HTMLElement>('fieldset input, fieldset select')?.focus();
			return;
		}
		const result = grade(entry.question, answer, await gradeContext(entry.question));
		if (result.status === 'ungradable') {
			this.#announce(tq('verdictUngradable'));
			return;
		}
		// The scheduler (ts-fsrs) loads with the first answer, not with the page.
		const { recordAnswer } = await import('../../lib/quiz/record.ts');
		const state = updateStore((s) => recordAnswer(s, { quizId: entry.quizId, answer, result }, new Date()));
		setLocked(item, true);
		showFeedback(item, entry, result, this.#lang, this.dataset['base'] ?? '/');
		const due = state.review[questionId]?.card.due;
		if (due) {
			const note = document.createElement('p');
			note.textContent = t('reviewRescheduled', { date: this.#date(due) });
			item.querySelector('[data-feedback]')?.append(note);
		}
		item.querySelector<HTMLElement>('[data-feedback]')?.focus();
		this.#announce(tq('liveVerdict', { number, verdict: verdict(result, this.#lang) }));
	}

	#date(iso: string): string {
		return new Intl.DateTimeFormat(this.#lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(
			new Date(iso),
		);
	}

	#announce(text: string): void {
		const live = this.querySelector('[data-live]');
		if (!live) return;
		live.textContent = '';
		window.setTimeout(() => (live.textContent = text), 50);
	}
}

if (!customElements.get('cd-review')) customElements.define('cd-review', ReviewElement);
