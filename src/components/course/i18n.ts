import { translator } from '../../lib/i18n/catalog.ts';
import { langOf } from '../lang.ts';
import { messages } from './messages.ts';

/** The course components' strings in the language of the page being rendered. */
export function courseText(starlightLang: string | undefined) {
	const lang = langOf(starlightLang);
	return { lang, t: translator(messages, lang) };
}
