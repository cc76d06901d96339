/**
 * Runs on every page, inside the 5 KB budget: records "lesson visited" and shows per-module progress in the
 * sidebar and on the course home. Only the tiny readers of the learner store (no zod, no reducer, no quiz
 * engine): data they do not understand is left for the quiz and progress pages to migrate or repair.
 */
import { format } from '../../lib/i18n/localized.ts';
import { peekProgress } from '../../lib/progress/peek.ts';
import { recordLessonVisit } from '../../lib/progress/visit.ts';
import { messages } from './badge.messages.ts';

const storage = (() => {
	try {
		return window.localStorage;
	} catch {
		return null;
	}
})();
const lesson = /\/(?:fr|en)\/(\d\d-[a-z0-9-]+\/[a-z0-9-]+)\/?$/.exec(location.pathname)?.[1];
if (lesson) recordLessonVisit(storage, lesson, new Date().toISOString());

const { lessonsVisited, bestScores } = peekProgress(storage);
const text = messages[document.documentElement.lang.startsWith('en') ? 'en' : 'fr'];
const moduleOf = (href: string) => /(\d\d-[a-z0-9-]+)\/([a-z0-9-]+)\/?(?:#.*)?$/.exec(href);

/** "1/2 · 80 %": lessons visited and, once the module's quiz is done, its best score (quiz id = module slug). */
function badge(module: string, total: number): HTMLElement | undefined {
	const visited = lessonsVisited.filter((id) => id.startsWith(`${module}/`)).length;
	const best = bestScores[module];
	if (visited === 0 && best === undefined) return undefined;
	const params = { visited, total, percent: Math.round((best ?? 0) * 100) };
	const span = document.createElement('span');
	span.className = 'cd-progress-badge';
	if (visited >= total && (best ?? 0) >= 0.8) span.classList.add('is-done');
	span.textContent = format(best === undefined ? text.short : text.shortQuiz, params);
	span.title = format(best === undefined ? text.label : text.labelQuiz, params);
	span.setAttribute('aria-label', span.title);
	span.setAttribute('role', 'img');
	return span;
}

for (const group of document.querySelectorAll('nav.sidebar details')) {
	const links = [...group.querySelectorAll('a[href]')];
	const module = moduleOf(links[0]?.getAttribute('href') ?? '')?.[1];
	const span = module && badge(module, links.length);
	if (span) group.querySelector('summary .group-label')?.append(span);
	for (const link of links) {
		const match = moduleOf(link.getAttribute('href') ?? '');
		if (!match || !lessonsVisited.includes(`${match[1]}/${match[2]}`)) continue;
		const mark = document.createElement('span');
		mark.className = 'cd-visited';
		mark.innerHTML = `<span aria-hidden="true">✓</span><span class="sr-only">${text.visited}</span>`;
		link.append(mark);
	}
}

for (const item of document.querySelectorAll<HTMLElement>('.cd-module-map__item[data-module]')) {
	const span = badge(item.dataset['module'] ?? '', Number(item.dataset['lessons']) || 1);
	if (span) item.append(span);
}
