import { defineCatalog } from '../i18n/catalog.ts';

/** Texts of the lab report (CLI checklist, JUnit) and of parameter validation. */
export const messages = defineCatalog({
	fr: {
		'report.title': 'Lab {lab} — vérification de votre compte AWS',
		'report.principal': 'Identité utilisée : {principal}',
		'report.summary':
			'{pass} réussie(s), {warn} avertissement(s), {fail} échec(s), {error} non vérifiée(s), {skipped} ignorée(s)',
		'report.fix': 'Correction :',
		'report.console': 'Dans la console :',
		'report.docs': 'Documentation :',
		'report.progress': 'Vérification {done}/{total} : {id}',
		'status.pass': 'OK',
		'status.warn': 'ATTENTION',
		'status.fail': 'ÉCHEC',
		'status.error': 'NON VÉRIFIÉ',
		'status.skipped': 'IGNORÉ',
		'param.required': 'Le paramètre {key} est obligatoire (--param {key}=…).',
		'param.unknown': 'Paramètre inconnu : {key}.',
		'param.invalid':
			'Valeur invalide pour {key} : « {value} » ne respecte pas les règles de nommage AWS ({kind}).',
		'param.too-long': 'Valeur trop longue pour {key} (maximum {max} caractères).',
		'usage.unknown-lab': 'Lab inconnu « {lab} ». Labs disponibles : {labs}.',
		'usage.region-conflict': '--region {region} contredit --param region={param} : donnez une seule valeur.',
		'usage.bad-param': 'Format attendu : --param clé=valeur (reçu « {value} »).',
		'usage.bad-format': 'Format inconnu « {format} » : text, json ou junit.',
		'usage.bad-shell': 'Shell inconnu « {shell} » : bash ou powershell.',
		'usage.command': 'Commande inconnue « {command} ». Commandes : check, class, policy, list.',
		'usage.text':
			'Usage : npm run -s lab -- check <lab> [--param clé=valeur]… [--profile P] [--region R] [--endpoint-url URL] [--format text|json|junit] [--lang fr|en] [--shell bash|powershell]\n       npm run -s lab -- policy [--param accountId=…] [--param bucket=…]\n       npm run -s lab -- class --roster roster.csv [--lab iam-setup] [--concurrency 8] [--format csv|json|junit|html] [--out FICHIER]\n       npm run -s lab -- list',
		'usage.endpoint': 'URL de point de terminaison invalide : {value}.',
	},
	en: {
		'report.title': 'Lab {lab} — checking your AWS account',
		'report.principal': 'Identity used: {principal}',
		'report.summary':
			'{pass} passed, {warn} warning(s), {fail} failed, {error} not verified, {skipped} skipped',
		'report.fix': 'Fix:',
		'report.console': 'In the console:',
		'report.docs': 'Documentation:',
		'report.progress': 'Checking {done}/{total}: {id}',
		'status.pass': 'PASS',
		'status.warn': 'WARN',
		'status.fail': 'FAIL',
		'status.error': 'NOT VERIFIED',
		'status.skipped': 'SKIPPED',
		'param.required': 'Parameter {key} is required (--param {key}=…).',
		'param.unknown': 'Unknown parameter: {key}.',
		'param.invalid': 'Invalid value for {key}: "{value}" does not follow AWS naming rules ({kind}).',
		'param.too-long': 'Value too long for {key} (at most {max} characters).',
		'usage.unknown-lab': 'Unknown lab "{lab}". Available labs: {labs}.',
		'usage.region-conflict': '--region {region} contradicts --param region={param}: give one value.',
		'usage.bad-param': 'Expected --param key=value (got "{value}").',
		'usage.bad-format': 'Unknown format "{format}": text, json or junit.',
		'usage.bad-shell': 'Unknown shell "{shell}": bash or powershell.',
		'usage.command': 'Unknown command "{command}". Commands: check, class, policy, list.',
		'usage.text':
			'Usage: npm run -s lab -- check <lab> [--param key=value]… [--profile P] [--region R] [--endpoint-url URL] [--format text|json|junit] [--lang fr|en] [--shell bash|powershell]\n       npm run -s lab -- policy [--param accountId=…] [--param bucket=…]\n       npm run -s lab -- class --roster roster.csv [--lab iam-setup] [--concurrency 8] [--format csv|json|junit|html] [--out FILE]\n       npm run -s lab -- list',
		'usage.endpoint': 'Invalid endpoint URL: {value}.',
	},
});
