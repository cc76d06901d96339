import { defineCatalog } from '../i18n/catalog.ts';

/**
 * Texts of the quiz tools (`npm run quiz`) and of the quiz UI. `finding.<code>` keys are the lint codes;
 * `{detail}` carries the schema's own (English) description of the problem.
 */
export const messages = defineCatalog({
	fr: {
		usage:
			'Usage : npm run -s quiz -- lint [--format text|json] | stats [--format json] | export --format moodle-xml|gift [--lang fr|en] [--quiz id]… [--out fichier]',
		unknownCommand: 'Commande inconnue : « {command} ».',
		badFlag: 'Option invalide : {detail}',
		badFormat: 'Format d’export inconnu : « {format} » (moodle-xml ou gift).',
		unknownQuiz: 'Quiz inconnu : « {id} ».',
		lintOk: 'Banque de questions valide : {files} fichiers, {questions} questions.',
		lintSummary: '{count} problème(s) trouvé(s).',
		exportSkipped: 'Ignorées (sans équivalent en {format}) : {ids}',
		exportWritten: '{count} quiz exporté(s) vers {file}.',
		'finding.invalid-file': 'Fichier invalide : {detail}',
		'finding.invalid-question': 'Question invalide : {detail}',
		'finding.missing-explanation': 'Explication manquante : {detail}',
		'finding.no-correct-answer': 'Aucune bonne réponse : {detail}',
		'finding.duplicate-id': 'Identifiant en double : {detail}',
		'finding.id-mismatch': 'L’identifiant ne correspond pas au nom du fichier : {detail}',
		'finding.unknown-question': 'Question introuvable : {detail}',
		'finding.unknown-quiz': 'Quiz introuvable : {detail}',
		'finding.unknown-module': 'Module inconnu : {detail}',
		'finding.too-few-questions': 'Pas assez de questions : {detail}',
		'finding.draw-too-large': 'Tirage trop grand : {detail}',
		'finding.lesson-not-found': 'Lien vers une leçon introuvable : {detail}',
		'finding.anchor-not-found': 'Lien vers une section introuvable : {detail}',
		'choice.true': 'Vrai',
		'choice.false': 'Faux',
	},
	en: {
		usage:
			'Usage: npm run -s quiz -- lint [--format text|json] | stats [--format json] | export --format moodle-xml|gift [--lang fr|en] [--quiz id]… [--out file]',
		unknownCommand: 'Unknown command: "{command}".',
		badFlag: 'Invalid option: {detail}',
		badFormat: 'Unknown export format: "{format}" (moodle-xml or gift).',
		unknownQuiz: 'Unknown quiz: "{id}".',
		lintOk: 'Question bank valid: {files} files, {questions} questions.',
		lintSummary: '{count} problem(s) found.',
		exportSkipped: 'Skipped (no {format} equivalent): {ids}',
		exportWritten: '{count} quiz(zes) exported to {file}.',
		'finding.invalid-file': 'Invalid file: {detail}',
		'finding.invalid-question': 'Invalid question: {detail}',
		'finding.missing-explanation': 'Missing explanation: {detail}',
		'finding.no-correct-answer': 'No correct answer: {detail}',
		'finding.duplicate-id': 'Duplicate id: {detail}',
		'finding.id-mismatch': 'The id does not match the file name: {detail}',
		'finding.unknown-question': 'Question not found: {detail}',
		'finding.unknown-quiz': 'Quiz not found: {detail}',
		'finding.unknown-module': 'Unknown module: {detail}',
		'finding.too-few-questions': 'Too few questions: {detail}',
		'finding.draw-too-large': 'Draw too large: {detail}',
		'finding.lesson-not-found': 'Lesson link does not resolve: {detail}',
		'finding.anchor-not-found': 'Section link does not resolve: {detail}',
		'choice.true': 'True',
		'choice.false': 'False',
	},
});

export type QuizMessageKey = keyof typeof messages.fr;
