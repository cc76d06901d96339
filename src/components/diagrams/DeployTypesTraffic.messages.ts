import { defineCatalog } from '../../lib/i18n/catalog.ts';

export const messages = defineCatalog({
	fr: {
		title: 'Part du trafic sur la nouvelle version au fil des minutes',
		desc: 'Trois courbes en escalier, de 0 à 10 minutes. Canary 10 % puis le reste après 5 minutes : 10 % dès le départ, 100 % à la minute 5. Linéaire 10 % chaque minute : 10 % au départ, puis 10 points de plus chaque minute, 100 % à la minute 9. Tout d’un coup : 100 % au départ.',
		axisY: '% du trafic sur la nouvelle version',
		axisX: 'minutes écoulées',
		canary: 'Canary 10 %, 5 min',
		linear: 'Linéaire 10 % / 1 min',
		all: 'Tout d’un coup',
	},
	en: {
		title: 'Share of traffic on the new version, minute by minute',
		desc: 'Three step curves, from 0 to 10 minutes. Canary 10% then the rest after 5 minutes: 10% at the start, 100% at minute 5. Linear 10% every minute: 10% at the start, then 10 more points every minute, 100% at minute 9. All at once: 100% at the start.',
		axisY: '% of traffic on the new version',
		axisX: 'minutes elapsed',
		canary: 'Canary 10%, 5 min',
		linear: 'Linear 10% / 1 min',
		all: 'All at once',
	},
});
