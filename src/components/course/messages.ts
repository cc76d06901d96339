import { defineCatalog } from '../../lib/i18n/catalog.ts';

export const messages = defineCatalog({
	fr: {
		objectives: 'Objectifs d’apprentissage',
		takeaways: 'À retenir',
		misconception: 'Idée reçue',
		misconceptionSource: 'Source :',
		awsDocs: 'Documentation AWS',
		seeAlso: 'Voir aussi :',
		moduleMap: 'Plan du cours',
		comingSoon: 'en préparation',
		lessonCount: '{count} leçon(s)',
	},
	en: {
		objectives: 'Learning objectives',
		takeaways: 'Key takeaways',
		misconception: 'Common misconception',
		misconceptionSource: 'Source:',
		awsDocs: 'AWS documentation',
		seeAlso: 'See also:',
		moduleMap: 'Course map',
		comingSoon: 'in preparation',
		lessonCount: '{count} lesson(s)',
	},
});
