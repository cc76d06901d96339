import { defineCatalog } from '../i18n/catalog.ts';

/** Notices about the learner store, keyed on `LoadNotice` and `ImportResult` error codes, for the UI. */
export const messages = defineCatalog({
	fr: {
		'notice.reset-corrupt':
			'Votre progression enregistrée était illisible : elle a été remise à zéro. Une copie brute est conservée dans ce navigateur.',
		'notice.repaired':
			'Une partie de votre progression était abîmée et a été remise à zéro : {parts}. Le reste est intact.',
		'notice.migrated': 'Votre progression a été mise à jour vers la nouvelle version du cours.',
		'notice.newer-version':
			'Votre progression vient d’une version plus récente du cours et ne peut pas être lue ici. Une copie est conservée dans ce navigateur.',
		'notice.storage-unavailable':
			'Ce navigateur n’autorise pas l’enregistrement (navigation privée ?) : votre progression ne sera pas conservée après cette page.',
		'import.too-large': 'Ce fichier est trop volumineux pour être un export de progression.',
		'import.not-json': 'Ce fichier n’est pas un fichier JSON valide.',
		'import.not-a-progress-file': 'Ce fichier n’est pas un export de progression de l’Atelier CodeDeploy.',
		'import.newer-version':
			'Ce fichier vient d’une version plus récente du cours ; mettez le cours à jour avant de l’importer.',
		'import.done': 'Progression importée.',
	},
	en: {
		'notice.reset-corrupt':
			'Your saved progress could not be read, so it was reset. A raw copy is kept in this browser.',
		'notice.repaired': 'Part of your progress was damaged and has been reset: {parts}. The rest is intact.',
		'notice.migrated': 'Your progress was upgraded to the new version of the course.',
		'notice.newer-version':
			'Your progress comes from a newer version of the course and cannot be read here. A copy is kept in this browser.',
		'notice.storage-unavailable':
			'This browser does not allow saving (private browsing?): your progress will not be kept after this page.',
		'import.too-large': 'This file is too large to be a progress export.',
		'import.not-json': 'This file is not valid JSON.',
		'import.not-a-progress-file': 'This file is not an Atelier CodeDeploy progress export.',
		'import.newer-version':
			'This file comes from a newer version of the course; update the course before importing it.',
		'import.done': 'Progress imported.',
	},
});
