import type { Lang } from '../lib/i18n/localized.ts';

/** Maps Starlight's page `lang` (a BCP-47 tag such as `fr` or `en`) to one of the course's two languages. */
export function langOf(tag: string | undefined): Lang {
	return tag?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
