import { defineCatalog } from '../i18n/catalog.ts';
import type { AppSpecCode } from './codes.ts';
import type { FixTitleKey } from './types.ts';

/** Texts of the AppSpec diagnostics, keyed by code, plus fix titles and the agent-quote line. */
export type AppSpecMessageKey = AppSpecCode | FixTitleKey | 'agent-says' | 'did-you-mean';

export const messages = defineCatalog<AppSpecMessageKey>({
	fr: {
		'document-too-large': 'Document trop volumineux : au-delà de {limit} octets, il n’est pas analysé.',
		'document-too-deep':
			'Imbrication trop profonde (plus de {limit} niveaux) : le document n’est pas analysé.',
		'document-empty': 'Fichier AppSpec vide : il faut au moins « version » et « os ».',
		'document-not-map': 'Un AppSpec doit être une table de clés (version, …), pas un(e) {received}.',
		'yaml-syntax': 'Erreur de syntaxe YAML : {detail}',
		'yaml-tab-indent': 'Tabulation dans l’indentation : YAML n’accepte que des espaces.',
		'yaml-multiple-documents': 'Plusieurs documents YAML (---) : un AppSpec n’en contient qu’un.',
		'yaml-alias-limit': 'Trop d’alias YAML à développer (limite {limit}) : document refusé par précaution.',
		'yaml-alias-server':
			'Alias YAML « {alias} » : l’agent sous Ruby ≥ 3.1 le refuse (« Unknown alias »), les anciens l’acceptent. Le résultat dépend de l’instance : recopiez la valeur.',
		'yaml-warning': 'Avertissement YAML : {detail}',
		'key-duplicate':
			'Clé « {key} » en double : cette valeur est ignorée en silence, seule celle de la ligne {line} compte.',
		'key-unknown': 'Clé « {key} » inconnue pour la plateforme {platform} : AWS l’ignore sans rien dire.',
		'platform-mismatch':
			'Le document ressemble à un AppSpec {detected}, mais il est validé pour la plateforme {platform}.',
		'too-many-diagnostics': '{count} autres problèmes non affichés.',
		'internal-error': 'Erreur interne du validateur : {detail}',
		'type-mismatch': '« {path} » doit être de type {expected}, pas {received}.',
		'key-required': 'Clé obligatoire manquante : « {key} » (dans « {path} »).',
		'value-not-allowed': 'Valeur « {value} » refusée pour « {path} » ; valeurs possibles : {allowed}.',
		'value-out-of-range': '« {path} » hors limites : attendu {bound}.',
		'shape-invalid': '« {path} » est invalide : {detail}',
		'version-missing': 'Clé « version » manquante : écrivez version: 0.0',
		'version-quoted':
			'version « {value} » entre guillemets : l’agent exige le nombre 0.0 et refuse la chaîne, même si la documentation parle de chaîne. Retirez les guillemets.',
		'version-invalid': 'version « {value} » refusée : seule la valeur 0.0 existe.',
		'os-missing': 'Clé « os » manquante : écrivez os: linux ou os: windows.',
		'os-invalid': 'os « {value} » refusé : seulement linux ou windows, en minuscules.',
		'os-mismatch':
			'os: {value}, mais les instances sont sous {expected} : l’agent {expected} refuse ce fichier et le déploiement échoue.',
		'file-exists-behavior-invalid':
			'file_exists_behavior « {value} » refusé : DISALLOW, OVERWRITE ou RETAIN, en majuscules exactement.',
		'hooks-list-on-server':
			'Sur EC2, « hooks » est une table « événement: liste de scripts », pas une liste (forme ECS/Lambda) : l’agent plante.',
		'hook-event-not-list':
			'« {path} » doit être une liste de scripts (« - location: … ») : l’agent plante sur une autre forme.',
		'hook-script-not-map':
			'Script donné comme simple texte : écrivez « - location: {value} » ; l’agent plante sinon.',
		'hook-location-missing': 'Script sans « location » : l’agent refuse le fichier.',
		'hook-location-absolute':
			'« {location} » commence par une racine, mais l’agent le joint toujours à la racine de la révision : ce n’est pas un chemin absolu sur l’instance.',
		'hook-timeout-invalid': 'timeout « {value} » refusé : l’agent le lit comme un entier et exige plus de 0.',
		'hook-timeout-not-integer': 'timeout « {value} » n’est pas un entier : l’agent le lit comme {seconds} s.',
		'hook-timeout-over-limit':
			'timeout de {seconds} s : accepté, mais un événement est de toute façon interrompu au bout de {limit} s.',
		'hook-event-timeout-total-over-limit':
			'Les timeouts de {name} totalisent {total} s : un événement ne peut dépasser {limit} s, les derniers scripts risquent d’être coupés.',
		'hook-unknown-name':
			'Événement « {name} » inconnu : l’agent l’accepte mais ne l’exécute jamais, sans erreur.',
		'hook-reserved-event':
			'« {name} » est réservé à CodeDeploy : les scripts indiqués ici ne s’exécutent jamais.',
		'hook-runas-windows': 'runas est ignoré sous Windows : le script s’exécute avec le compte de l’agent.',
		'hook-event-empty': 'L’événement {name} n’a aucun script : il est ignoré.',
		'hooks-map-on-ecs-lambda':
			'Pour ECS et Lambda, « Hooks » est une liste « - Événement: fonction », pas une table de scripts (forme EC2).',
		'hook-invalid-for-platform':
			'« {name} » n’est pas un événement de la plateforme {platform} ; possibles : {allowed}.',
		'hook-entry-not-single':
			'Chaque élément de Hooks contient exactement un événement (ici {count}) : un tiret par événement.',
		'hook-duplicate-event': 'Événement {name} déclaré deux fois : une seule fonction par événement.',
		'hook-function-invalid': '« {function} » n’est ni un nom ni un ARN de fonction Lambda valide.',
		'ecs-hook-name-prefix':
			'Avec la stratégie gérée AWSCodeDeployRoleForECSLimited, seules les fonctions nommées CodeDeployHook_… peuvent être appelées ; « {function} » ne l’est pas.',
		'files-source-missing': 'Entrée de « files » sans « source ».',
		'files-destination-missing': 'Entrée de « files » sans « destination » (source « {source} »).',
		'files-destination-relative':
			'Destination relative « {destination} » : l’agent la résout depuis son dossier de travail (/ ou /opt/codedeploy-agent, C:\\Windows\\System32), pas depuis votre application. Donnez un chemin absolu.',
		'files-source-glob':
			'« {source} » contient un caractère générique : l’agent ne les développe pas, Install échoue (fichier introuvable). Donnez le dossier.',
		'permissions-on-windows': 'Section « permissions » non vide avec Windows : l’agent refuse le fichier.',
		'permission-object-missing': 'Permission sans « object » : l’agent refuse le fichier.',
		'permission-object-duplicate':
			'Permissions de « {object} » déjà données ligne {line} : l’étape Install échoue.',
		'permission-type-invalid': 'type « {value} » refusé : seulement file ou directory.',
		'permission-except-nested':
			'except « {pattern} » contient « / » : l’agent ne compare que les enfants directs, cette entrée ne correspond jamais à rien.',
		'mode-octal-unquoted':
			'mode: {written} sans guillemets est un nombre octal en YAML 1.1 : l’agent applique le mode {applied}, pas {written}. Écrivez "{written}".',
		'mode-octal-unquoted-rejected':
			'mode: {written} sans guillemets est un nombre octal en YAML 1.1 : l’agent reçoit {applied} et le refuse (caractère {char}). Écrivez "{written}".',
		'mode-too-long': 'mode « {mode} » trop long : 1 à 4 chiffres octaux.',
		'mode-invalid-character':
			'mode « {mode} » : caractère « {char} » refusé, seulement 0 à 7 (pas de mode symbolique).',
		'acl-invalid-entry': 'ACL « {ace} » mal formée : [d:][u|g|m|o:]nom:droits.',
		'acl-base-entry':
			'ACL « {ace} » sans nom d’utilisateur ou de groupe : utilisez mode pour les droits de base.',
		'acl-invalid-permission': 'ACL « {ace} » : caractère « {char} » refusé (r, w, x, - ou un chiffre 0-7).',
		'context-type-missing':
			'context sans « type » : l’agent l’exige, même si la documentation le dit facultatif.',
		'context-user-ignored':
			'context.user est ignoré : l’agent lit l’utilisateur SELinux dans « name ». Renommez la clé.',
		'context-range-invalid':
			'Plage SELinux « {range} » refusée : s<n>[-s<m>][:c<a>[.c<b>],…], m ≥ n, catégories ≤ 1023 sans doublon.',
		'resources-count': 'Resources doit contenir exactement une ressource (ici {count}).',
		'ecs-task-definition-not-arn':
			'TaskDefinition « {value} » : CodeDeploy attend l’ARN complet (arn:aws:ecs:<région>:<compte>:task-definition/<famille>:<révision>).',
		'ecs-task-definition-placeholder':
			'<TASK_DEFINITION> est un espace réservé : CodePipeline le remplace par l’ARN ; hors CodePipeline, le déploiement échoue.',
		'ecs-network-config-incomplete':
			'AwsvpcConfiguration incomplète, il manque : {missing}. Les trois clés ensemble, ou aucune.',
		'ecs-capacity-base-multiple': '{count} fournisseurs de capacité ont une Base : un seul le peut.',
		'ecs-capacity-weight-zero':
			'Aucun fournisseur de capacité n’a de Weight supérieur à 0 : aucune tâche ne serait placée.',
		'lambda-resource-not-single':
			'Une ressource Lambda par élément (ici {count}) : un AppSpec déploie une seule fonction.',
		'lambda-version-invalid':
			'{field} « {value} » : un numéro de version publiée (entier positif) ; $LATEST n’en est pas un.',
		'lambda-current-version-missing':
			'CurrentVersion absente : la page de référence l’exige (un modèle la dit facultative). Indiquez la version actuelle.',
		'lambda-target-equals-current':
			'TargetVersion égale à CurrentVersion ({version}) : signalé en échec avec les configurations canary et linear.',
		'fix-quote-mode': 'Mettre le mode entre guillemets',
		'fix-rename-hook': 'Renommer en {text}',
		'fix-unquote-version': 'Écrire le nombre 0.0',
		'fix-replace-value': 'Remplacer par {text}',
		'fix-rename-key': 'Renommer la clé en {text}',
		'agent-says': 'Agent : « {agentMessage} »',
		'did-you-mean': 'Vouliez-vous dire « {suggestion} » ?',
	},
	en: {
		'document-too-large': 'Document too large: over {limit} bytes, it is not parsed.',
		'document-too-deep': 'Nesting too deep (over {limit} levels): the document is not parsed.',
		'document-empty': 'Empty AppSpec file: it needs at least "version" and "os".',
		'document-not-map': 'An AppSpec must be a map of keys (version, …), not a {received}.',
		'yaml-syntax': 'YAML syntax error: {detail}',
		'yaml-tab-indent': 'Tab in indentation: YAML accepts spaces only.',
		'yaml-multiple-documents': 'Several YAML documents (---): an AppSpec holds only one.',
		'yaml-alias-limit': 'Too many YAML aliases to expand (limit {limit}): document refused as a precaution.',
		'yaml-alias-server':
			'YAML alias "{alias}": the agent on Ruby ≥ 3.1 rejects it ("Unknown alias"), older ones accept it. The outcome depends on the instance: copy the value instead.',
		'yaml-warning': 'YAML warning: {detail}',
		'key-duplicate':
			'Duplicate key "{key}": this value is silently ignored; only the one on line {line} counts.',
		'key-unknown': 'Key "{key}" is unknown on the {platform} platform: AWS ignores it without a word.',
		'platform-mismatch':
			'The document looks like an AppSpec for {detected} but is validated for the {platform} platform.',
		'too-many-diagnostics': '{count} more problems not shown.',
		'internal-error': 'Internal validator error: {detail}',
		'type-mismatch': '"{path}" must be of type {expected}, not {received}.',
		'key-required': 'Missing required key: "{key}" (in "{path}").',
		'value-not-allowed': 'Value "{value}" is not allowed for "{path}"; allowed values: {allowed}.',
		'value-out-of-range': '"{path}" is out of range: expected {bound}.',
		'shape-invalid': '"{path}" is invalid: {detail}',
		'version-missing': 'Missing "version" key: write version: 0.0',
		'version-quoted':
			'version "{value}" is quoted: the agent requires the number 0.0 and rejects the string, even though the docs call it a string. Remove the quotes.',
		'version-invalid': 'version "{value}" is rejected: 0.0 is the only value.',
		'os-missing': 'Missing "os" key: write os: linux or os: windows.',
		'os-invalid': 'os "{value}" is rejected: only linux or windows, lowercase.',
		'os-mismatch':
			'os: {value}, but the instances run {expected}: the {expected} agent rejects this file and the deployment fails.',
		'file-exists-behavior-invalid':
			'file_exists_behavior "{value}" is rejected: DISALLOW, OVERWRITE or RETAIN, exactly in uppercase.',
		'hooks-list-on-server':
			'On EC2, "hooks" is a map "event: list of scripts", not a list (the ECS/Lambda form): the agent crashes.',
		'hook-event-not-list':
			'"{path}" must be a list of scripts ("- location: …"): the agent crashes on any other form.',
		'hook-script-not-map':
			'Script given as plain text: write "- location: {value}"; otherwise the agent crashes.',
		'hook-location-missing': 'Script without "location": the agent rejects the file.',
		'hook-location-absolute':
			'"{location}" starts at a root, but the agent always joins it to the revision root: it is not an absolute path on the instance.',
		'hook-timeout-invalid':
			'timeout "{value}" is rejected: the agent reads it as an integer and requires more than 0.',
		'hook-timeout-not-integer': 'timeout "{value}" is not an integer: the agent reads it as {seconds} s.',
		'hook-timeout-over-limit':
			'timeout of {seconds} s: accepted, but an event is cut off after {limit} s anyway.',
		'hook-event-timeout-total-over-limit':
			'The timeouts of {name} add up to {total} s: one event cannot exceed {limit} s, so the last scripts may be cut off.',
		'hook-unknown-name': 'Unknown event "{name}": the agent accepts it but never runs it, without any error.',
		'hook-reserved-event': '"{name}" is reserved for CodeDeploy: scripts listed here never run.',
		'hook-runas-windows': 'runas is ignored on Windows: the script runs as the agent’s account.',
		'hook-event-empty': 'Event {name} has no scripts: it is skipped.',
		'hooks-map-on-ecs-lambda':
			'For ECS and Lambda, "Hooks" is a list "- Event: function", not a map of scripts (the EC2 form).',
		'hook-invalid-for-platform': '"{name}" is not an event of the {platform} platform; allowed: {allowed}.',
		'hook-entry-not-single': 'Each Hooks item holds exactly one event (here {count}): one dash per event.',
		'hook-duplicate-event': 'Event {name} is declared twice: one function per event.',
		'hook-function-invalid': '"{function}" is neither a valid Lambda function name nor an ARN.',
		'ecs-hook-name-prefix':
			'With the managed policy AWSCodeDeployRoleForECSLimited, only functions named CodeDeployHook_… can be invoked; "{function}" is not.',
		'files-source-missing': '"files" entry without "source".',
		'files-destination-missing': '"files" entry without "destination" (source "{source}").',
		'files-destination-relative':
			'Relative destination "{destination}": the agent resolves it from its working directory (/ or /opt/codedeploy-agent, C:\\Windows\\System32), not from your application. Use an absolute path.',
		'files-source-glob':
			'"{source}" contains a wildcard: the agent does not expand them, so Install fails (file not found). Name the directory.',
		'permissions-on-windows': 'Non-empty "permissions" section with Windows: the agent rejects the file.',
		'permission-object-missing': 'Permission without "object": the agent rejects the file.',
		'permission-object-duplicate':
			'Permissions for "{object}" were already given on line {line}: the Install step fails.',
		'permission-type-invalid': 'type "{value}" is rejected: only file or directory.',
		'permission-except-nested':
			'except "{pattern}" contains "/": the agent compares immediate children only, so this entry never matches anything.',
		'mode-octal-unquoted':
			'Unquoted mode: {written} is an octal number in YAML 1.1: the agent applies mode {applied}, not {written}. Write "{written}".',
		'mode-octal-unquoted-rejected':
			'Unquoted mode: {written} is an octal number in YAML 1.1: the agent receives {applied} and rejects it (character {char}). Write "{written}".',
		'mode-too-long': 'mode "{mode}" is too long: 1 to 4 octal digits.',
		'mode-invalid-character':
			'mode "{mode}": character "{char}" is rejected, only 0 to 7 (no symbolic modes).',
		'acl-invalid-entry': 'Malformed ACL "{ace}": [d:][u|g|m|o:]name:perms.',
		'acl-base-entry': 'ACL "{ace}" names no user or group: use mode for the base permissions.',
		'acl-invalid-permission': 'ACL "{ace}": character "{char}" is rejected (r, w, x, - or one digit 0-7).',
		'context-type-missing':
			'context without "type": the agent requires it, although the docs call it optional.',
		'context-user-ignored':
			'context.user is ignored: the agent reads the SELinux user from "name". Rename the key.',
		'context-range-invalid':
			'SELinux range "{range}" is rejected: s<n>[-s<m>][:c<a>[.c<b>],…], m ≥ n, categories ≤ 1023 without duplicates.',
		'resources-count': 'Resources must hold exactly one resource (here {count}).',
		'ecs-task-definition-not-arn':
			'TaskDefinition "{value}": CodeDeploy expects the full ARN (arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>).',
		'ecs-task-definition-placeholder':
			'<TASK_DEFINITION> is a placeholder: CodePipeline replaces it with the ARN; outside CodePipeline the deployment fails.',
		'ecs-network-config-incomplete':
			'Incomplete AwsvpcConfiguration, missing: {missing}. All three keys together, or none.',
		'ecs-capacity-base-multiple': '{count} capacity providers set a Base: only one may.',
		'ecs-capacity-weight-zero': 'No capacity provider has a Weight above 0: no task would be placed.',
		'lambda-resource-not-single':
			'One Lambda resource per item (here {count}): an AppSpec deploys a single function.',
		'lambda-version-invalid':
			'{field} "{value}": a published version number (positive integer); $LATEST is not one.',
		'lambda-current-version-missing':
			'CurrentVersion is missing: the reference page requires it (a template calls it optional). Give the current version.',
		'lambda-target-equals-current':
			'TargetVersion equals CurrentVersion ({version}): reported to fail with canary and linear configurations.',
		'fix-quote-mode': 'Quote the mode',
		'fix-rename-hook': 'Rename to {text}',
		'fix-unquote-version': 'Write the number 0.0',
		'fix-replace-value': 'Replace with {text}',
		'fix-rename-key': 'Rename the key to {text}',
		'agent-says': 'Agent: «{agentMessage}»',
		'did-you-mean': 'Did you mean "{suggestion}"?',
	},
});
