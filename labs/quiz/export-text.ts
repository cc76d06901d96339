import type { Lang } from '../../src/lib/i18n/localized.ts';
import { lessonUrl } from '../../src/lib/quiz/lesson-link.ts';
import type { LessonRef } from '../../src/lib/quiz/schema.ts';

/** Options shared by both export formats. */
export interface ExportOptions {
	readonly lang: Lang;
	/** Absolute site URL the lesson links point to (Moodle shows questions outside the course site). */
	readonly siteUrl: string;
	/** Category path under Moodle's course top category. */
	readonly category: string;
}

/** Plain authored text → HTML: escaped, with `code` spans and line breaks kept. */
export function toHtml(text: string): string {
	return escapeHtml(text)
		.replace(/`([^`]+)`/g, '<code>$1</code>')
		.replace(/\n{2,}/g, '</p><p>')
		.replace(/\n/g, '<br>');
}

export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The explanation followed by a link to the lesson section, in the export language. */
export function feedbackHtml(explanation: string, lesson: LessonRef, options: ExportOptions): string {
	const base = options.siteUrl.replace(/\/+$/, '');
	const url = `${base}${lessonUrl(lesson, options.lang, '/')}`;
	const label = options.lang === 'fr' ? 'Voir la leçon' : 'See the lesson';
	return `<p>${toHtml(explanation)}</p><p><a href="${escapeHtml(url)}">${label}</a></p>`;
}
