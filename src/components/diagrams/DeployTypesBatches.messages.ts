import { defineCatalog } from '../../lib/i18n/catalog.ts';

export const messages = defineCatalog({
	fr: {
		title: 'Dix instances : le minimum d’hôtes sains fixe la taille du premier lot',
		desc: 'Cinq lignes de dix instances. Minimum 9 : une instance hors service à la fois. Minimum 8 : deux à la fois. Minimum 5, soit HalfAtATime : cinq à la fois. Minimum 0, soit AllAtOnce : les dix à la fois. Minimum 95 %, arrondi à 10 : aucune instance ne peut sortir, le déploiement échoue aussitôt avec HEALTH_CONSTRAINTS_INVALID.',
		row: 'minimum : {min}',
		batch: '→ {n} à la fois',
		invalid: '→ échec immédiat',
		legendOut: 'hors service (lot en cours)',
		legendIn: 'reste en service',
		rule: 'taille du lot = instances saines − minimum ; pourcentage → ⌈% × instances⌉',
		p95: '95 % → 10',
	},
	en: {
		title: 'Ten instances: minimum healthy hosts sets the size of the first batch',
		desc: 'Five rows of ten instances. Minimum 9: one instance out of service at a time. Minimum 8: two at a time. Minimum 5, that is HalfAtATime: five at a time. Minimum 0, that is AllAtOnce: all ten at once. Minimum 95%, rounded up to 10: no instance can go out, and the deployment fails at once with HEALTH_CONSTRAINTS_INVALID.',
		row: 'minimum: {min}',
		batch: '→ {n} at a time',
		invalid: '→ fails at once',
		legendOut: 'out of service (current batch)',
		legendIn: 'stays in service',
		rule: 'batch size = healthy instances − minimum; percentage → ⌈% × instances⌉',
		p95: '95% → 10',
	},
});
