import { z } from 'zod';

/**
 * The one zod helper for bilingual text in data files (quizzes, labs, glossary): both languages are
 * required and non-empty, so a file cannot ship a question that exists in only one language.
 */
export function localized() {
	return z.object({
		fr: z.string().trim().min(1, 'French text is required / le texte français est requis'),
		en: z.string().trim().min(1, 'English text is required / le texte anglais est requis'),
	});
}
