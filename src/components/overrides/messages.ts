import { defineCatalog } from '../../lib/i18n/catalog.ts';

export const messages = defineCatalog({
	fr: { lastVerified: 'Faits AWS vérifiés dans la documentation le' },
	en: { lastVerified: 'AWS facts checked against the documentation on' },
});
