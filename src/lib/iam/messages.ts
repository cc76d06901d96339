import { defineCatalog } from '../i18n/catalog.ts';

/** Texts for policy diagnostics and evaluation explanations (keys are the codes of types.ts and explain.ts). */
export const messages = defineCatalog({
	fr: {
		'policy.json-invalid': 'Le document n’est pas du JSON valide ({detail}). Avez-vous oublié file:// ?',
		'policy.not-object': 'Une politique doit être un objet JSON { "Version": …, "Statement": … }.',
		'policy.too-large': 'Le document dépasse {max} caractères.',
		'policy.version-missing':
			'Ajoutez "Version": "2012-10-17" (sans elle, les variables ${…} ne sont pas reconnues).',
		'policy.version-unknown': 'Version inconnue « {version} » : utilisez "2012-10-17".',
		'policy.statement-missing': 'La politique ne contient aucune instruction (Statement).',
		'policy.unknown-field': 'Champ inconnu « {field} » au niveau de la politique.',
		'statement.not-object': 'Chaque instruction doit être un objet JSON.',
		'statement.effect-invalid': 'Effect doit valoir "Allow" ou "Deny" (trouvé : {value}).',
		'statement.action-missing': 'L’instruction n’a ni Action ni NotAction.',
		'statement.action-and-not-action': 'Une instruction ne peut pas avoir à la fois Action et NotAction.',
		'statement.resource-missing': 'L’instruction n’a ni Resource ni NotResource.',
		'statement.resource-and-not-resource':
			'Une instruction ne peut pas avoir à la fois Resource et NotResource.',
		'statement.principal-in-identity-policy':
			'Une politique d’autorisations ne doit pas contenir Principal : c’est le fichier de relation d’approbation ?',
		'statement.principal-missing': 'Une politique de ressource doit indiquer Principal.',
		'statement.value-not-string': 'Cette valeur doit être une chaîne ou une liste de chaînes.',
		'statement.action-malformed':
			'Action mal formée « {value} » : attendu service:NomAction (ex. s3:GetObject).',
		'statement.condition-malformed': 'Bloc Condition mal formé.',
		'statement.unknown-field': 'Champ inconnu « {field} » dans l’instruction.',
		'decision.allow': '{action} sur {resource} est autorisé par l’instruction {statement}.',
		'decision.conditional': '{action} sur {resource} n’est autorisé que si {conditions}.',
		'decision.explicit-deny':
			'{action} sur {resource} est refusé explicitement par l’instruction {statement}.',
		'decision.implicit-deny': 'Aucune instruction n’autorise {action} sur {resource}.',
		'decision.boundary': 'L’autorisation de {action} est annulée par la limite d’autorisations.',
		'statement.ref': 'n° {number} de « {policy} »',
		'statement.ref-sid': '« {sid} » (n° {number}) de « {policy} »',
		'condition.one': 'la clé {key} vérifie {operator} {values}',
		'condition.and': ' et ',
	},
	en: {
		'policy.json-invalid': 'The document is not valid JSON ({detail}). Did you forget file://?',
		'policy.not-object': 'A policy must be a JSON object { "Version": …, "Statement": … }.',
		'policy.too-large': 'The document is longer than {max} characters.',
		'policy.version-missing': 'Add "Version": "2012-10-17" (without it, ${…} variables are not recognised).',
		'policy.version-unknown': 'Unknown version "{version}": use "2012-10-17".',
		'policy.statement-missing': 'The policy has no statement (Statement).',
		'policy.unknown-field': 'Unknown field "{field}" at policy level.',
		'statement.not-object': 'Each statement must be a JSON object.',
		'statement.effect-invalid': 'Effect must be "Allow" or "Deny" (found: {value}).',
		'statement.action-missing': 'The statement has neither Action nor NotAction.',
		'statement.action-and-not-action': 'A statement cannot have both Action and NotAction.',
		'statement.resource-missing': 'The statement has neither Resource nor NotResource.',
		'statement.resource-and-not-resource': 'A statement cannot have both Resource and NotResource.',
		'statement.principal-in-identity-policy':
			'A permissions policy must not contain Principal: is this the trust relationship file?',
		'statement.principal-missing': 'A resource policy must name a Principal.',
		'statement.value-not-string': 'This value must be a string or a list of strings.',
		'statement.action-malformed':
			'Malformed action "{value}": expected service:ActionName (e.g. s3:GetObject).',
		'statement.condition-malformed': 'Malformed Condition block.',
		'statement.unknown-field': 'Unknown field "{field}" in the statement.',
		'decision.allow': '{action} on {resource} is allowed by statement {statement}.',
		'decision.conditional': '{action} on {resource} is allowed only when {conditions}.',
		'decision.explicit-deny': '{action} on {resource} is explicitly denied by statement {statement}.',
		'decision.implicit-deny': 'No statement allows {action} on {resource}.',
		'decision.boundary': 'The permission for {action} is cancelled by the permissions boundary.',
		'statement.ref': 'no. {number} of "{policy}"',
		'statement.ref-sid': '"{sid}" (no. {number}) of "{policy}"',
		'condition.one': 'key {key} satisfies {operator} {values}',
		'condition.and': ' and ',
	},
});
