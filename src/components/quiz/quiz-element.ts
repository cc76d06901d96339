/**
 * `<cd-quiz>`: upgrades the server-rendered quiz (Quiz.astro). Each question is checked on its own (instant
 * feedback, explanations linked to the lessons); the order of options is fixed by the attempt id, which is
 * saved, so a reload mid-attempt rebuilds the same order and restores the answers; a retry starts a new attempt.
 * Every answer goes to the learner store (attempt, latest score, review schedule for missed questions).
 */
import { newAttemptId, planAttempt, type AttemptPlan } from '../../lib/quiz/attempt.ts';
import type { Answer, GradeResult } from '../../lib/quiz/answer.ts';
import type { BankQuestion, ResolvedQuiz } from '../../lib/quiz/bank.ts';
import { grade } from '../../lib/quiz/grade.ts';
import { reduce } from '../../lib/progress/reducer.ts';
import { translator } from '../../lib/i18n/catalog.ts';
import type { Lang } from '../../lib/i18n/localized.ts';
import { courseStore, showNotices, updateStore } from '../progress/store.ts';
import { gradeContext } from './appspec-grading.ts';
import { messages } from './messages.ts';
import {
	applyOrder,
	clearQuestion,
	onOrderingChange,
	readAnswer,
	setLocked,
	showFeedback,
	verdict,
	writeAnswer,
} from './question-view.ts';

class QuizElement extends HTMLElement {
	#quiz!: ResolvedQuiz;
	#lang: Lang = 'fr';
	#base = '/';
	#plan!: AttemptPlan;

	connectedCallback(): void {
		if (this.#plan) return;
		this.#quiz = JSON.parse(this.querySelector('script[data-quiz]')?.textContent ?? '{}') as ResolvedQuiz;
		this.#lang = this.dataset['lang'] === 'en' ? 'en' : 'fr';
		this.#base = this.dataset['base'] ?? '/';
		const current = courseStore().state.quizzes[this.#quiz.id]?.current;
		this.#start(current?.attemptId);
		if (current) void this.#restore(current.answers);
		showNotices(this.querySelector('[data-notice]'), this.#lang);
		this.#renderScore();
		this.addEventListener('click', (event) => this.#onClick(event));
		this.addEventListener('change', (event) => {
			const target = event.target;
			const item = target instanceof HTMLElement ? target.closest<HTMLElement>('.cd-quiz-item') : null;
			if (item?.dataset['type'] === 'ordering' && target instanceof HTMLSelectElement)
				onOrderingChange(item, target);
		});
		this.classList.add('is-ready');
	}

	/** Starts (or resumes) an attempt and lays the questions out in its order. */
	#start(resumeId: string | undefined): void {
		const attemptId = resumeId ?? newAttemptId(new Date());
		if (!resumeId) {
			const at = new Date().toISOString();
			updateStore((s) => reduce(s, { type: 'quiz/start', quizId: this.#quiz.id, attemptId, at }));
		}
		this.#plan = planAttempt(this.#quiz, attemptId);
		for (const item of this.#items()) {
			clearQuestion(item);
			applyOrder(item, this.#plan.order[item.dataset['question'] ?? '']);
		}
	}

	/** A reload mid-attempt: the answers given so far, locked and explained again. */
	async #restore(answers: Readonly<Record<string, { readonly answer: Answer }>>): Promise<void> {
		for (const [questionId, stored] of Object.entries(answers)) {
			const item = this.#item(questionId);
			const entry = this.#entry(questionId);
			if (!item || !entry) continue;
			writeAnswer(item, stored.answer);
			this.#showGraded(item, entry, grade(entry.question, stored.answer, await gradeContext(entry.question)));
		}
	}

	#entry(questionId: string): BankQuestion | undefined {
		return this.#quiz.questions.find((q) => q.question.id === questionId);
	}

	#items(): HTMLElement[] {
		return [...this.querySelectorAll<HTMLElement>('.cd-quiz-item')];
	}

	#item(questionId: string): HTMLElement | undefined {
		return this.#items().find((item) => item.dataset['question'] === questionId);
	}

	#onClick(event: Event): void {
		const button = event.target instanceof Element ? event.target.closest('button') : null;
		const action = button?.dataset['action'];
		if (action === 'retry') this.#retry();
		if (action !== 'check') return;
		const item = button?.closest<HTMLElement>('.cd-quiz-item');
		if (!item) return;
		// A chunk that fails to load (offline) must not leave the learner without an answer.
		void this.#check(item).catch(() => this.#announce(translator(messages, this.#lang)('verdictUngradable')));
	}

	async #check(item: HTMLElement): Promise<void> {
		const t = translator(messages, this.#lang);
		const questionId = item.dataset['question'] ?? '';
		const number = this.#items().indexOf(item) + 1;
		const entry = this.#entry(questionId);
		const answer = readAnswer(item);
		if (!entry || !answer) {
			this.#announce(t('unanswered', { number }));
			item.querySelector<HTMLElement>('fieldset input, fieldset select')?.focus();
			return;
		}
		const result = grade(entry.question, answer, await gradeContext(entry.question));
		const attemptId = this.#plan.attemptId;
		// The scheduler (ts-fsrs) loads with the first answer, not with the page.
		const { recordAnswer } = await import('../../lib/quiz/record.ts');
		updateStore((s) =>
			recordAnswer(
				s,
				{ quizId: this.#quiz.id, sourceQuizId: entry.quizId, attemptId, answer, result },
				new Date(),
			),
		);
		if (result.status === 'ungradable') {
			this.#announce(t('verdictUngradable'));
			return;
		}
		this.#showGraded(item, entry, result);
		// The check button is gone: keyboard and screen-reader users land on the explanation, the next Tab goes on.
		item.querySelector<HTMLElement>('[data-feedback]')?.focus();
		this.#announce(t('liveVerdict', { number, verdict: verdict(result, this.#lang) }));
		this.#finishIfComplete();
		this.#renderScore();
		showNotices(this.querySelector('[data-notice]'), this.#lang);
	}

	#showGraded(item: HTMLElement, entry: BankQuestion, result: GradeResult): void {
		setLocked(item, true);
		if (result.status === 'graded') showFeedback(item, entry, result, this.#lang, this.#base);
	}

	#finishIfComplete(): void {
		const current = courseStore().state.quizzes[this.#quiz.id]?.current;
		if (!current || Object.keys(current.answers).length < this.#quiz.questions.length) return;
		const at = new Date().toISOString();
		const { id } = this.#quiz;
		const questionCount = this.#quiz.questions.length;
		updateStore((s) =>
			reduce(s, { type: 'quiz/finish', quizId: id, attemptId: current.attemptId, questionCount, at }),
		);
	}

	#retry(): void {
		// AppSpec fix-it questions start again from the broken file (the editor's own reset clears its saved edit).
		for (const reset of this.querySelectorAll<HTMLButtonElement>('cd-appspec-editor [data-action="reset"]'))
			reset.click();
		this.#start(undefined);
		this.#renderScore();
		this.querySelector<HTMLElement>('.cd-quiz-item fieldset input, .cd-quiz-item fieldset select')?.focus();
	}

	#renderScore(): void {
		const t = translator(messages, this.#lang);
		const progress = courseStore().state.quizzes[this.#quiz.id];
		const total = this.#quiz.questions.length;
		const answered = Object.keys(progress?.current?.answers ?? {}).length;
		const last = progress?.current ? undefined : progress?.attempts.at(-1);
		const lines = [t('progressLine', { answered: last ? total : answered, total })];
		if (last) {
			lines.push(t('score', { correct: last.correctCount, total, percent: Math.round(last.score * 100) }));
			if (last.correctCount < total) lines.push(t('missedNote'));
		}
		if (progress && progress.attempts.length > 0)
			lines.push(t('scoreBest', { percent: Math.round(progress.best * 100) }));
		const score = this.querySelector('[data-score]');
		if (score) score.textContent = lines.join(' ');
	}

	#announce(text: string): void {
		const live = this.querySelector('[data-live]');
		if (!live) return;
		// Cleared first so the same sentence twice is announced twice.
		live.textContent = '';
		window.setTimeout(() => (live.textContent = text), 50);
	}
}

if (!customElements.get('cd-quiz')) customElements.define('cd-quiz', QuizElement);
