import { defineCatalog } from '../i18n/catalog.ts';

/** Texts of `npm run appspec` (labs/cli/appspec.ts). */
export const messages = defineCatalog({
	fr: {
		usage: [
			'Usage :',
			'  npm run -s appspec -- validate <fichier…> [--platform server|ecs|lambda] [--os linux|windows]',
			'                                 [--format text|json] [--lang fr|en]',
			'  npm run -s appspec -- schema [--out fichier]   (par défaut public/schemas/appspec.schema.json ; - pour la sortie standard)',
		].join('\n'),
		unknownCommand: 'Commande inconnue « {command} ».',
		noFiles: 'Indiquez au moins un fichier AppSpec.',
		badPlatform: '--platform doit valoir server, ecs ou lambda.',
		badOs: '--os doit valoir linux ou windows.',
		badFormat: '--format doit valoir text ou json.',
		unreadable: 'Impossible de lire {file} : {reason}',
		valid: '{file} : AppSpec {platform} valide.',
		summary: '{files} fichier(s) : {errors} erreur(s), {warnings} avertissement(s), {infos} information(s).',
		error: 'erreur',
		warning: 'avertissement',
		info: 'remarque',
		fix: 'Correction proposée : {title}',
		schemaWritten: 'Schéma JSON écrit dans {file}.',
	},
	en: {
		usage: [
			'Usage:',
			'  npm run -s appspec -- validate <file…> [--platform server|ecs|lambda] [--os linux|windows]',
			'                                 [--format text|json] [--lang fr|en]',
			'  npm run -s appspec -- schema [--out file]   (default public/schemas/appspec.schema.json; - for stdout)',
		].join('\n'),
		unknownCommand: 'Unknown command "{command}".',
		noFiles: 'Give at least one AppSpec file.',
		badPlatform: '--platform must be server, ecs or lambda.',
		badOs: '--os must be linux or windows.',
		badFormat: '--format must be text or json.',
		unreadable: 'Cannot read {file}: {reason}',
		valid: '{file}: valid {platform} AppSpec.',
		summary: '{files} file(s): {errors} error(s), {warnings} warning(s), {infos} info(s).',
		error: 'error',
		warning: 'warning',
		info: 'info',
		fix: 'Suggested fix: {title}',
		schemaWritten: 'JSON Schema written to {file}.',
	},
});
