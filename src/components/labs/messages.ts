import { defineCatalog } from '../../lib/i18n/catalog.ts';

/** Texts of the lab pages: parameters form, steps, check button and its results. */
export const messages = defineCatalog({
	fr: {
		'params.title': 'Vos paramètres',
		'params.intro':
			'Renseignez-les une fois : toutes les commandes de la page (et de son impression) utilisent alors vos valeurs, protégées pour bash et PowerShell. Un champ vide garde la valeur par défaut.',
		'params.nojs':
			'Sans JavaScript, les commandes montrent les valeurs par défaut et des repères comme <bucket> à remplacer par vos noms.',
		'params.target': 'Où faites-vous ce lab ?',
		'target.aws': 'Mon compte AWS',
		'target.practice': "Le compte d'entraînement local (sans compte AWS)",
		'target.practice.help':
			"Lancez-le dans un autre terminal avec npm run sandbox, puis collez les lignes aws configure qu'il affiche (profil atelier-sandbox). Les commandes de la page ajoutent alors --profile atelier-sandbox et --endpoint-url http://127.0.0.1:4566.",
		'target.practice.unsupported':
			"Ce lab ne peut pas se faire dans le compte d'entraînement : il lui faut de vraies instances EC2 et le service CodeDeploy.",
		'params.default': 'Par défaut : {value}',
		'params.required': '(obligatoire)',
		'params.optional': '(facultatif)',
		'params.save': 'Appliquer à la page',
		'params.reset': 'Effacer mes valeurs',
		'params.saved': 'Paramètres enregistrés : les commandes de la page utilisent vos valeurs.',
		'params.cleared': 'Valeurs effacées : la page montre de nouveau les valeurs par défaut.',
		'params.errors': '{count} valeur(s) à corriger avant de continuer.',
		'params.notSaved': 'Votre navigateur ne garde pas ces valeurs : elles valent pour cette page seulement.',
		'param.required': 'Ce paramètre est obligatoire.',
		'param.unknown': 'Paramètre inconnu.',
		'param.invalid': 'Valeur refusée par les règles de nommage AWS. {rule}',
		'param.too-long': 'Valeur trop longue : {max} caractères au maximum.',
		'rule.region': 'Une région AWS, par exemple eu-west-3.',
		'rule.bucket':
			'De 3 à 63 caractères : minuscules, chiffres, points et tirets, commençant et finissant par une lettre ou un chiffre.',
		'rule.userName': 'Lettres, chiffres et + = , . @ _ - seulement (64 au plus).',
		'rule.roleName': 'Lettres, chiffres et + = , . @ _ - seulement (64 au plus).',
		'rule.instanceProfileName': 'Lettres, chiffres et + = , . @ _ - seulement (128 au plus).',
		'rule.accountId': 'Exactement 12 chiffres.',
		'rule.applicationName': 'Lettres, chiffres et . + @ = , _ - seulement.',
		'rule.deploymentGroupName': 'Lettres, chiffres et . + @ = , _ - seulement.',
		'rule.objectKey': "Lettres, chiffres, / et ! . * ' ( ) _ - ; pas de / au début.",
		'rule.tagKey': 'Lettres, chiffres, espaces et . : / = + @ _ - ; pas de préfixe aws:.',
		'rule.tagValue': 'Lettres, chiffres, espaces et . : / = + @ _ -.',
		'where.admin': 'en administrateur',
		'where.instance': "sur l'instance (Linux)",
		'step.goal': 'Objectif :',
		'step.console': 'Dans la console :',
		'step.cli': "Avec l'AWS CLI",
		'step.files': 'Créez d’abord les fichiers JSON (même dossier que celui où vous lancez les commandes) :',
		'step.checks': 'Vérifications de cette étape :',
		'step.hint': 'Indice',
		'step.hint2': 'Indice plus complet',
		'step.solution': 'La solution',
		'step.cleanup': 'Nettoyage de cette étape',
		'step.commandsLabel': 'Commandes de l’étape « {title} »',
		'cleanup.all': 'Toutes les commandes de nettoyage, dans l’ordre',
		'check.button': 'Vérifier ma progression',
		'check.intro':
			'Le bouton lit votre compte en lecture seule, avec les identifiants du serveur local lancé par npm start (jamais depuis le navigateur), et affiche ici le résultat de chaque vérification.',
		'check.running': 'Vérification en cours…',
		'check.results': 'Résultats de la vérification',
		'check.summary':
			'{pass} réussie(s), {warn} avertissement(s), {fail} échec(s), {error} non vérifiée(s), {skipped} ignorée(s).',
		'check.principal': 'Identité utilisée : {principal}',
		'check.target': 'Cible : {target}',
		'check.fix': 'Pour corriger :',
		'check.console': 'Dans la console :',
		'check.docs': 'Documentation AWS',
		'check.static':
			'Cette copie du cours n’a pas de vérificateur local : il n’existe que dans le cours servi par npm start. Lancez la même vérification dans un terminal, depuis le dossier du cours :',
		'check.params': 'Corrigez d’abord vos paramètres (formulaire « Vos paramètres »).',
		'check.forbidden':
			'Le vérificateur local a refusé la requête : ouvrez le cours à l’adresse affichée par npm start (http://127.0.0.1:…).',
		'check.failed':
			'La vérification n’a pas pu s’exécuter (HTTP {status}). Vous pouvez la lancer dans un terminal :',
		'check.practiceDown':
			'Le compte d’entraînement ne tourne pas : lancez npm run sandbox dans un autre terminal, puis réessayez.',
		'check.regionConflict':
			'Le serveur a été lancé avec --region {region}, mais votre paramètre region vaut {param} : videz le champ ou relancez npm start.',
		'check.unsupported': 'Ce lab ne se vérifie pas dans le compte d’entraînement.',
	},
	en: {
		'params.title': 'Your parameters',
		'params.intro':
			'Fill them in once: every command on the page (and in print) then uses your values, quoted for bash and PowerShell. An empty field keeps the default value.',
		'params.nojs':
			'Without JavaScript, the commands show the default values and markers such as <bucket> to replace with your names.',
		'params.target': 'Where are you doing this lab?',
		'target.aws': 'My AWS account',
		'target.practice': 'The local practice account (no AWS account needed)',
		'target.practice.help':
			'Start it in another terminal with npm run sandbox, then paste the aws configure lines it prints (profile atelier-sandbox). The page’s commands then add --profile atelier-sandbox and --endpoint-url http://127.0.0.1:4566.',
		'target.practice.unsupported':
			'This lab cannot be done in the practice account: it needs real EC2 instances and the CodeDeploy service.',
		'params.default': 'Default: {value}',
		'params.required': '(required)',
		'params.optional': '(optional)',
		'params.save': 'Apply to the page',
		'params.reset': 'Clear my values',
		'params.saved': 'Parameters saved: the page’s commands use your values.',
		'params.cleared': 'Values cleared: the page shows the default values again.',
		'params.errors': '{count} value(s) to fix before you go on.',
		'params.notSaved': 'Your browser does not keep these values: they apply to this page only.',
		'param.required': 'This parameter is required.',
		'param.unknown': 'Unknown parameter.',
		'param.invalid': 'Value rejected by AWS naming rules. {rule}',
		'param.too-long': 'Value too long: at most {max} characters.',
		'rule.region': 'An AWS Region, for example eu-west-3.',
		'rule.bucket':
			'3 to 63 characters: lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.',
		'rule.userName': 'Letters, digits and + = , . @ _ - only (at most 64).',
		'rule.roleName': 'Letters, digits and + = , . @ _ - only (at most 64).',
		'rule.instanceProfileName': 'Letters, digits and + = , . @ _ - only (at most 128).',
		'rule.accountId': 'Exactly 12 digits.',
		'rule.applicationName': 'Letters, digits and . + @ = , _ - only.',
		'rule.deploymentGroupName': 'Letters, digits and . + @ = , _ - only.',
		'rule.objectKey': "Letters, digits, / and ! . * ' ( ) _ -; no leading /.",
		'rule.tagKey': 'Letters, digits, spaces and . : / = + @ _ -; no aws: prefix.',
		'rule.tagValue': 'Letters, digits, spaces and . : / = + @ _ -.',
		'where.admin': 'as an administrator',
		'where.instance': 'on the instance (Linux)',
		'step.goal': 'Goal:',
		'step.console': 'In the console:',
		'step.cli': 'With the AWS CLI',
		'step.files': 'First create the JSON files (in the folder you run the commands from):',
		'step.checks': 'Checks for this step:',
		'step.hint': 'Hint',
		'step.hint2': 'Fuller hint',
		'step.solution': 'The solution',
		'step.cleanup': 'Cleaning up this step',
		'step.commandsLabel': 'Commands of step "{title}"',
		'cleanup.all': 'Every cleanup command, in order',
		'check.button': 'Check my progress',
		'check.intro':
			'The button reads your account read-only, with the credentials of the local server started by npm start (never from the browser), and shows the result of each check here.',
		'check.running': 'Checking…',
		'check.results': 'Check results',
		'check.summary':
			'{pass} passed, {warn} warning(s), {fail} failed, {error} not verified, {skipped} skipped.',
		'check.principal': 'Identity used: {principal}',
		'check.target': 'Target: {target}',
		'check.fix': 'To fix it:',
		'check.console': 'In the console:',
		'check.docs': 'AWS documentation',
		'check.static':
			'This copy of the course has no local checker: it exists only in the course served by npm start. Run the same check in a terminal, from the course folder:',
		'check.params': 'Fix your parameters first (the "Your parameters" form).',
		'check.forbidden':
			'The local checker refused the request: open the course at the address npm start prints (http://127.0.0.1:…).',
		'check.failed': 'The check could not run (HTTP {status}). You can run it in a terminal:',
		'check.practiceDown':
			'The practice account is not running: start npm run sandbox in another terminal, then try again.',
		'check.regionConflict':
			'The server was started with --region {region}, but your region parameter is {param}: empty the field or restart npm start.',
		'check.unsupported': 'This lab cannot be checked in the practice account.',
	},
});

export type LabUiKey = keyof (typeof messages)['fr'];
