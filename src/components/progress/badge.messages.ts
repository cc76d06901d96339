import { defineCatalog } from '../../lib/i18n/catalog.ts';

/** The per-module progress badges of the sidebar and the course home (page-progress.ts). */
export const messages = defineCatalog({
	fr: {
		short: '{visited}/{total}',
		shortQuiz: '{visited}/{total} · {percent} %',
		label: 'Progression : {visited} leçon(s) vue(s) sur {total}',
		labelQuiz: 'Progression : {visited} leçon(s) vue(s) sur {total}, meilleur score au quiz {percent} %',
		visited: '(leçon vue)',
	},
	en: {
		short: '{visited} of {total}',
		shortQuiz: '{visited} of {total} · {percent}%',
		label: 'Progress: {visited} of {total} lessons visited',
		labelQuiz: 'Progress: {visited} of {total} lessons visited, best quiz score {percent}%',
		visited: '(visited)',
	},
});
