/**
 * `<cd-progress>`: fills the "My progress" page from the learner store (ProgressPage.astro) and handles the
 * export (a JSON file download) and import (a file input) of the whole store.
 */
import { translator } from '../../lib/i18n/catalog.ts';
import type { Lang } from '../../lib/i18n/localized.ts';
import { messages as storeMessages } from '../../lib/progress/progress.messages.ts';
import { dueQuestions, nextReviewAt } from '../../lib/progress/review-queue.ts';
import { moduleSummaries } from '../../lib/progress/summary.ts';
import { exportFileName, exportStore, importStore } from '../../lib/progress/transfer.ts';
import { courseStore, partNames, showNotices } from './store.ts';
import { messages } from './messages.ts';

class ProgressElement extends HTMLElement {
	#lang: Lang = 'fr';

	connectedCallback(): void {
		if (this.classList.contains('is-ready')) return;
		this.#lang = this.dataset['lang'] === 'en' ? 'en' : 'fr';
		showNotices(this.querySelector('[data-notice]'), this.#lang);
		this.#render();
		courseStore().subscribe(() => this.#render());
		this.addEventListener('click', (event) => {
			const button = event.target instanceof Element ? event.target.closest('button') : null;
			if (button?.dataset['action'] === 'export') this.#export();
		});
		this.querySelector<HTMLInputElement>('input[type="file"]')?.addEventListener('change', (event) => {
			const input = event.target as HTMLInputElement;
			const file = input.files?.[0];
			if (file) void this.#import(file).finally(() => (input.value = ''));
		});
		this.classList.add('is-ready');
	}

	#rows(): HTMLTableRowElement[] {
		return [...this.querySelectorAll<HTMLTableRowElement>('tr[data-module]')];
	}

	#render(): void {
		const t = translator(messages, this.#lang);
		const state = courseStore().state;
		const now = new Date();
		const rows = this.#rows();
		const lessonCounts = Object.fromEntries(
			rows.map((r) => [r.dataset['module'] ?? '', Number(r.dataset['lessons'])]),
		);
		const modules = rows.map((r) => ({ slug: r.dataset['module'] ?? '' }));
		// A module's quiz carries the module's slug as its id; the final test is its own row.
		const quizByModule = Object.fromEntries(modules.map((m) => [m.slug, m.slug]));
		const summaries = moduleSummaries(state, { modules, quizByModule, lessonCounts }, now);
		const percent = (score: number | undefined) =>
			score === undefined ? t('none') : t('percent', { percent: Math.round(score * 100) });
		summaries.forEach((summary, index) => {
			const row = rows[index];
			if (!row) return;
			const cell = (name: string, value: string) => {
				const td = row.querySelector(`[data-cell="${name}"]`);
				if (td) td.textContent = value;
			};
			if (summary.module !== 'final')
				cell(
					'lessons',
					t('lessonsOf', { visited: summary.lessonsVisited, total: summary.lessonsTotal ?? 0 }),
				);
			cell('best', percent(summary.bestScore));
			cell('attempts', summary.attempts > 0 ? String(summary.attempts) : t('none'));
			cell('due', summary.reviewDue > 0 ? String(summary.reviewDue) : t('none'));
		});
		this.#renderNext(
			summaries.filter((s) => s.module !== 'final'),
			now,
		);
	}

	#renderNext(summaries: ReturnType<typeof moduleSummaries>, now: Date): void {
		const t = translator(messages, this.#lang);
		const state = courseStore().state;
		const next = this.querySelector('[data-next]');
		if (!next) return;
		const parts: string[] = [];
		const due = dueQuestions(state, now).length;
		const reviewHref = this.dataset['review'] ?? '../review/';
		if (due > 0)
			parts.push(`<p>${t('dueNow', { count: due })} <a href="${reviewHref}">${t('goReview')}</a></p>`);
		else {
			const at = nextReviewAt(state);
			parts.push(`<p>${at ? t('nextReview', { date: this.#date(at) }) : t('nothingScheduled')}</p>`);
		}
		const todo = summaries.find((s) => s.lessonsVisited < (s.lessonsTotal ?? 1) || (s.bestScore ?? 0) < 0.8);
		const row = todo && this.#rows().find((r) => r.dataset['module'] === todo.module);
		const title = row?.querySelector('th a')?.textContent ?? '';
		if (row)
			parts.push(
				`<p><a href="${row.dataset['href'] ?? '#'}">${escape(t('continueWith', { module: title }))}</a></p>`,
			);
		else parts.push(`<p>${t('allDone')}</p>`);
		next.innerHTML = parts.join('');
	}

	#date(iso: string): string {
		return new Intl.DateTimeFormat(this.#lang === 'fr' ? 'fr-FR' : 'en-GB', {
			dateStyle: 'long',
			timeStyle: 'short',
		}).format(new Date(iso));
	}

	#export(): void {
		const now = new Date();
		const url = URL.createObjectURL(
			new Blob([exportStore(courseStore().state, now)], { type: 'application/json' }),
		);
		const link = document.createElement('a');
		link.href = url;
		link.download = exportFileName(now);
		document.body.append(link);
		link.click();
		link.remove();
		window.setTimeout(() => URL.revokeObjectURL(url), 1000);
	}

	async #import(file: File): Promise<void> {
		const t = translator(storeMessages, this.#lang);
		const status = this.querySelector<HTMLElement>('[data-transfer-status]');
		const result = importStore(await file.text());
		if (!status) return;
		if (!result.ok) {
			status.dataset['state'] = 'error';
			// The page language first, then the other one: a file may come from a learner using either.
			const other = translator(storeMessages, this.#lang === 'fr' ? 'en' : 'fr');
			const second = document.createElement('span');
			second.lang = this.#lang === 'fr' ? 'en' : 'fr';
			second.textContent = other(`import.${result.error}`);
			status.replaceChildren(`${t(`import.${result.error}`)} / `, second);
			return;
		}
		courseStore().replace(result.state);
		status.dataset['state'] = 'ok';
		const notes = [t('import.done')];
		if (result.notice === 'migrated') notes.push(t('notice.migrated'));
		if (result.notice === 'repaired')
			notes.push(t('notice.repaired', { parts: partNames(result.repaired ?? [], this.#lang) }));
		status.textContent = notes.join(' ');
	}
}

function escape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

if (!customElements.get('cd-progress')) customElements.define('cd-progress', ProgressElement);
