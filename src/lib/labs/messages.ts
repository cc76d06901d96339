import { defineCatalog } from '../i18n/catalog.ts';

/** Texts of every lab check result (messageKey → text). Parameters are the learner's names and what was found. */
export const messages = defineCatalog({
	fr: {
		'check.denied':
			'Impossible de vérifier : il manque la permission {action} aux identifiants utilisés (attachez la politique AtelierLabChecker de l’étape 3).',
		'check.read-failed': 'Impossible de vérifier : AWS a répondu {code} ({message}).',
		'check.internal-error': 'Erreur interne du vérificateur : {message}.',
		'skipped.pass': 'Non vérifié : nécessite que la vérification « {check} » réussisse (état : {status}).',
		'skipped.exists':
			'Non vérifié : la ressource de la vérification « {check} » n’existe pas ou n’a pas pu être lue (état : {status}).',
		'skipped.usable':
			'Non vérifié : les identifiants AWS ne sont pas utilisables (vérification « {check} »).',
		'identity.pass': 'Vérifications faites en tant que {arn} (compte {account}).',
		'identity.root':
			'Vous utilisez les clés d’accès du compte root ({arn}). Créez un utilisateur IAM et supprimez les clés root.',
		'identity.wrong-account':
			'Les identifiants appartiennent au compte {account}, pas au compte {expected} attendu ({arn}).',
		'identity.no-credentials':
			'Les identifiants AWS ne fonctionnent pas ({code} : {message}). Configurez un profil (aws configure) ou choisissez-le avec --profile.',
		'identity.unreachable':
			'Impossible de joindre AWS ({code} : {message}) : vérifiez le réseau ou --endpoint-url.',
		'user.pass': 'L’utilisateur IAM {userName} existe.',
		'user.missing': 'L’utilisateur IAM {userName} n’existe pas.',
		'user-access-key.pass': '{userName} a une clé d’accès active.',
		'user-access-key.none': 'Aucune clé d’accès active pour {userName} ({inactive} inactive(s)).',
		'user-access-key.two-active':
			'{userName} a {count} clés d’accès actives : désactivez celle que vous n’utilisez plus.',
		'user-least-privilege.pass':
			'{userName} a des droits limités, peut utiliser CodeDeploy et transmettre (iam:PassRole) les deux rôles.',
		'user-least-privilege.admin':
			'L’utilisateur {userName} a des droits administrateur ({policy}) ; l’étape 3 demande de les restreindre à la politique CodeDeploy.',
		'user-least-privilege.admin-group':
			'L’utilisateur {userName} a des droits administrateur par le groupe {group} ({policy}) ; l’étape 3 demande de les restreindre.',
		'user-least-privilege.no-codedeploy':
			'{userName} ne peut pas utiliser CodeDeploy (codedeploy:CreateDeployment refusé).',
		'user-least-privilege.no-passrole':
			'Sans iam:PassRole sur {roles}, {userName} ne pourra pas créer le groupe de déploiement ni lancer l’instance avec son profil.',
		'user-least-privilege.conditional':
			'Les droits de {userName} dépendent de conditions : autorisé seulement si {conditions}.',
		'service-role.pass': 'Le rôle {role} fait confiance à CodeDeploy ({found}).',
		'service-role.missing': 'Le rôle de service {role} n’existe pas.',
		'service-role.wrong-principal':
			'Le rôle {role} doit faire confiance à codedeploy.amazonaws.com (trouvé : {found}). Corrigez la relation d’approbation.',
		'service-role.other-region':
			'La relation d’approbation de {role} n’autorise CodeDeploy que dans {found} ; ajoutez codedeploy.{region}.amazonaws.com ou utilisez codedeploy.amazonaws.com.',
		'service-role-policy.pass': 'AWSCodeDeployRole est attachée au rôle {role}.',
		'service-role-policy.missing':
			'Attachez arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole au rôle {role} (attention au chemin service-role/). Trouvé : {found}.',
		'service-role-policy.wrong-variant':
			'Le rôle {role} a {found}, prévue pour ECS ou Lambda (ou sans le chemin service-role/) : pour EC2, attachez service-role/AWSCodeDeployRole.',
		'service-role-policy.instance-policy':
			'Le rôle {role} a aussi AmazonEC2RoleforAWSCodeDeploy, prévue pour le rôle d’instance : retirez-la.',
		'instance-role.pass': 'Le rôle d’instance {role} fait confiance à ec2.amazonaws.com.',
		'instance-role.missing': 'Le rôle d’instance {role} n’existe pas.',
		'instance-role.wrong-principal':
			'Le rôle d’instance {role} doit faire confiance à ec2.amazonaws.com (trouvé : {found}).',
		'instance-role-s3.pass':
			'Le rôle {role} peut lire les révisions de {bucket} et le kit aws-codedeploy-{region}.',
		'instance-role-s3.cannot-read':
			'Le rôle d’instance {role} n’autorise pas s3:GetObject sur {resource}. {why}',
		'instance-role-s3.conditional': 'La lecture de {resource} par {role} dépend de conditions. {why}',
		'instance-role-s3.no-list':
			'Le rôle {role} n’a pas s3:ListBucket sur arn:aws:s3:::{bucket} : une révision absente apparaîtra comme « accès refusé » (403) et non « introuvable ».',
		'instance-role-scope.pass': 'Le rôle d’instance {role} n’a pas de droits excessifs.',
		'instance-role-scope.service-policy':
			'AWSCodeDeployRole est destinée au service CodeDeploy ; sur le rôle d’instance {role} elle ne donne pas accès à S3 et permet de terminer des instances. Retirez-la.',
		'instance-role-scope.admin':
			'Le rôle d’instance {role} a des droits administrateur ({policy}) : retirez-les.',
		'instance-role-scope.too-broad':
			'Le rôle d’instance {role} peut faire {action} sur {resource} (instruction {statement}) : limitez-le à s3:Get* et s3:List* sur votre bucket.',
		'instance-role-scope.conditional-write':
			'Le rôle d’instance {role} peut, sous conditions, faire {action} sur {resource} (instruction {statement}).',
		'instance-profile.pass': 'Le profil d’instance {profile} contient le rôle {role}.',
		'instance-profile.missing': 'Le profil d’instance {profile} n’existe pas.',
		'instance-profile.missing-other':
			'Le profil d’instance {profile} n’existe pas ; le rôle {role} est dans : {others}.',
		'instance-profile.empty':
			'Le profil d’instance {profile} ne contient aucun rôle (un lancement EC2 avec lui échoue).',
		'instance-profile.wrong-role': 'Le profil d’instance {profile} contient {found} au lieu de {role}.',
		'bucket.pass': 'Le bucket {bucket} existe, est accessible et se trouve dans {region}.',
		'bucket.missing':
			'Bucket {bucket} introuvable : créez-le dans {region} (les noms de bucket sont mondiaux : vérifiez l’orthographe).',
		'bucket.forbidden':
			'Le bucket {bucket} existe mais n’est pas accessible avec vos identifiants : appartient-il à un autre compte ? Choisissez un autre nom (ou vérifiez s3:ListBucket).',
		'bucket.other-region':
			'Le bucket {bucket} est en {found} mais le lab est en {region} : CodeDeploy exige la même région que les instances. Créez un bucket dans {region} (par exemple {suggested}) et utilisez-le comme paramètre bucket.',
		'bucket-private.pass': 'Le blocage de l’accès public est activé sur {bucket}.',
		'bucket-private.public-policy':
			'Le bucket de révisions {bucket} ne doit pas être public : sa politique autorise tout le monde (Principal "*").',
		'bucket-private.public-acl':
			'Le bucket de révisions {bucket} ne doit pas être public : son ACL donne accès à tous.',
		'bucket-private.public-both':
			'Le bucket de révisions {bucket} ne doit pas être public : sa politique et son ACL donnent accès à tous.',
		'bucket-private.no-block':
			'Le bucket {bucket} n’est pas public, mais le blocage de l’accès public n’est pas entièrement activé.',
		'root-keys.pass': 'Le compte n’a pas de clés d’accès root.',
		'root-keys.present':
			'Le compte root a des clés d’accès : supprimez-les (seul l’utilisateur root peut le faire, dans la console).',
		'root-keys.no-mfa': 'Pas de clé d’accès root, mais le MFA n’est pas activé sur le compte root.',
		'application.pass': 'L’application {application} existe (plateforme EC2/sur site).',
		'application.missing': 'L’application CodeDeploy {application} n’existe pas dans cette région.',
		'application.wrong-platform':
			'L’application {application} vise la plateforme {found} ; ce lab déploie sur EC2 (Server).',
		'deployment-group.pass': 'Le groupe de déploiement {group} existe.',
		'deployment-group.missing': 'Le groupe de déploiement {group} n’existe pas.',
		'deployment-group-role.pass': 'Le groupe de déploiement utilise le rôle de service {role}.',
		'deployment-group-role.wrong': 'Le groupe de déploiement utilise {found} au lieu du rôle {role}.',
		'deployment-group-instances.pass':
			'{count} instance(s) en cours d’exécution portent les balises du groupe ({tags}).',
		'deployment-group-instances.none':
			'Aucune instance en cours d’exécution ne porte les balises du groupe ({tags}) dans {region} (NO_INSTANCES). Balisez l’instance, puis attendez quelques minutes.',
		'deployment-group-instances.no-filter': 'Le groupe de déploiement n’a aucun filtre de balises EC2.',
		'deployment-group-instances.no-profile':
			'Instances sans profil d’instance : {instances}. L’agent ne pourra pas s’authentifier (« Missing credentials ») ; associez le profil puis redémarrez l’agent.',
		'revision.pass': 'La révision {location} existe.',
		'revision.missing': 'La révision {location} est introuvable : envoyez-la avec aws deploy push.',
		'last-deployment.pass': 'Le dernier déploiement ({id}) a réussi.',
		'last-deployment.none': 'Aucun déploiement pour ce groupe pour l’instant.',
		'last-deployment.in-progress':
			'Le déploiement {id} est en cours ({status}) : relancez la vérification dans une minute.',
		'last-deployment.event-failed':
			'Le déploiement {id} a échoué à l’événement {event} sur {instance} : {code}. {explanation} {detail}',
		'last-deployment.failed': 'Le déploiement {id} est {status} ({code}). {explanation} {detail}',
		'explain.ScriptMissing':
			'Le script indiqué dans l’AppSpec est introuvable dans la révision : vérifiez le chemin (relatif à la racine de l’archive) et la casse.',
		'explain.ScriptNotExecutable':
			'Le script n’est pas exécutable : chmod +x avant l’archivage, ou lancez-le via un interpréteur.',
		'explain.ScriptTimedOut':
			'Le script a dépassé son timeout : augmentez « timeout » dans l’AppSpec ou rendez le script plus rapide.',
		'explain.ScriptFailed':
			'Le script s’est terminé avec un code non nul : lisez son journal sur l’instance (/opt/codedeploy-agent/deployment-root/…/logs/scripts.log).',
		'explain.UnknownError':
			'Erreur de l’agent : lisez /var/log/aws/codedeploy-agent/codedeploy-agent.log sur l’instance (agent lancé ? profil d’instance attaché ?).',
		'explain.HEALTH_CONSTRAINTS':
			'Trop d’instances en échec : souvent l’agent absent ou arrêté, ou un profil d’instance attaché après son démarrage (redémarrez l’agent).',
		'explain.NO_INSTANCES': 'Aucune instance ne correspond aux balises du groupe dans cette région.',
		'explain.IAM_ROLE_PERMISSIONS':
			'Le rôle de service n’a pas les droits nécessaires : attachez AWSCodeDeployRole et vérifiez sa relation d’approbation.',
		'explain.IAM_ROLE_MISSING': 'Le rôle de service du groupe n’existe plus.',
		'explain.AGENT_ISSUE':
			'L’agent CodeDeploy ne répond pas : vérifiez qu’il tourne (sudo service codedeploy-agent status).',
		'explain.REVISION_MISSING': 'La révision est introuvable dans S3.',
		'explain.TIMEOUT': 'Le déploiement a dépassé le délai imparti.',
		'explain.UNKNOWN': 'Consultez les événements du déploiement dans la console CodeDeploy.',
		'console.iam-users': 'Console IAM › Utilisateurs › {userName}',
		'console.iam-user-keys':
			'Console IAM › Utilisateurs › {userName} › Informations d’identification de sécurité › Clés d’accès',
		'console.iam-user-permissions': 'Console IAM › Utilisateurs › {userName} › Autorisations',
		'console.iam-roles': 'Console IAM › Rôles › Créer un rôle',
		'console.iam-role-trust':
			'Console IAM › Rôles › (le rôle) › Relations d’approbation › Modifier la politique d’approbation',
		'console.iam-role-permissions': 'Console IAM › Rôles › (le rôle) › Autorisations',
		'console.s3-buckets': 'Console S3 › Compartiments ({region})',
		'console.s3-permissions':
			'Console S3 › Compartiments › {bucket} › Autorisations › Bloquer l’accès public',
		'console.root-keys':
			'Connecté en root : menu du compte › Informations d’identification de sécurité › Clés d’accès › Supprimer',
		'console.root-mfa':
			'Connecté en root : menu du compte › Informations d’identification de sécurité › Authentification multifacteur',
		'console.codedeploy-applications': 'Console CodeDeploy › Applications ({region})',
		'console.ec2-instances': 'Console EC2 › Instances › (l’instance) › Balises ({region})',
	},
	en: {
		'check.denied':
			'Cannot verify: the credentials in use lack the {action} permission (attach the AtelierLabChecker policy from step 3).',
		'check.read-failed': 'Cannot verify: AWS answered {code} ({message}).',
		'check.internal-error': 'Internal checker error: {message}.',
		'skipped.pass': 'Not checked: needs check "{check}" to pass (status: {status}).',
		'skipped.exists':
			'Not checked: the resource of check "{check}" does not exist or could not be read (status: {status}).',
		'skipped.usable': 'Not checked: the AWS credentials cannot be used (check "{check}").',
		'identity.pass': 'Checks run as {arn} (account {account}).',
		'identity.root':
			'You are using the root account’s access keys ({arn}). Create an IAM user and delete the root keys.',
		'identity.wrong-account':
			'The credentials belong to account {account}, not to the expected account {expected} ({arn}).',
		'identity.no-credentials':
			'The AWS credentials do not work ({code}: {message}). Configure a profile (aws configure) or pick one with --profile.',
		'identity.unreachable': 'Cannot reach AWS ({code}: {message}): check the network or --endpoint-url.',
		'user.pass': 'IAM user {userName} exists.',
		'user.missing': 'IAM user {userName} does not exist.',
		'user-access-key.pass': '{userName} has an active access key.',
		'user-access-key.none': 'No active access key for {userName} ({inactive} inactive).',
		'user-access-key.two-active':
			'{userName} has {count} active access keys: deactivate the one you no longer use.',
		'user-least-privilege.pass':
			'{userName} has limited rights, can use CodeDeploy and can pass (iam:PassRole) both roles.',
		'user-least-privilege.admin':
			'User {userName} has administrator rights ({policy}); step 3 asks you to restrict them to the CodeDeploy policy.',
		'user-least-privilege.admin-group':
			'User {userName} has administrator rights through group {group} ({policy}); step 3 asks you to restrict them.',
		'user-least-privilege.no-codedeploy':
			'{userName} cannot use CodeDeploy (codedeploy:CreateDeployment is denied).',
		'user-least-privilege.no-passrole':
			'Without iam:PassRole on {roles}, {userName} cannot create the deployment group or launch the instance with its profile.',
		'user-least-privilege.conditional':
			'{userName}’s rights depend on conditions: allowed only when {conditions}.',
		'service-role.pass': 'Role {role} trusts CodeDeploy ({found}).',
		'service-role.missing': 'Service role {role} does not exist.',
		'service-role.wrong-principal':
			'Role {role} must trust codedeploy.amazonaws.com (found: {found}). Fix the trust relationship.',
		'service-role.other-region':
			'The trust relationship of {role} allows CodeDeploy only in {found}; add codedeploy.{region}.amazonaws.com or use codedeploy.amazonaws.com.',
		'service-role-policy.pass': 'AWSCodeDeployRole is attached to role {role}.',
		'service-role-policy.missing':
			'Attach arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole to role {role} (mind the service-role/ path). Found: {found}.',
		'service-role-policy.wrong-variant':
			'Role {role} has {found}, meant for ECS or Lambda (or missing the service-role/ path): for EC2, attach service-role/AWSCodeDeployRole.',
		'service-role-policy.instance-policy':
			'Role {role} also has AmazonEC2RoleforAWSCodeDeploy, meant for the instance role: remove it.',
		'instance-role.pass': 'Instance role {role} trusts ec2.amazonaws.com.',
		'instance-role.missing': 'Instance role {role} does not exist.',
		'instance-role.wrong-principal': 'Instance role {role} must trust ec2.amazonaws.com (found: {found}).',
		'instance-role-s3.pass':
			'Role {role} can read the revisions in {bucket} and the aws-codedeploy-{region} resource kit.',
		'instance-role-s3.cannot-read': 'Instance role {role} does not allow s3:GetObject on {resource}. {why}',
		'instance-role-s3.conditional': 'Whether {role} can read {resource} depends on conditions. {why}',
		'instance-role-s3.no-list':
			'Role {role} lacks s3:ListBucket on arn:aws:s3:::{bucket}: a missing revision will show as "access denied" (403), not "not found".',
		'instance-role-scope.pass': 'Instance role {role} has no excessive rights.',
		'instance-role-scope.service-policy':
			'AWSCodeDeployRole is meant for the CodeDeploy service; on instance role {role} it gives no S3 access and can terminate instances. Remove it.',
		'instance-role-scope.admin': 'Instance role {role} has administrator rights ({policy}): remove them.',
		'instance-role-scope.too-broad':
			'Instance role {role} can do {action} on {resource} (statement {statement}): limit it to s3:Get* and s3:List* on your bucket.',
		'instance-role-scope.conditional-write':
			'Instance role {role} can, under conditions, do {action} on {resource} (statement {statement}).',
		'instance-profile.pass': 'Instance profile {profile} holds role {role}.',
		'instance-profile.missing': 'Instance profile {profile} does not exist.',
		'instance-profile.missing-other':
			'Instance profile {profile} does not exist; role {role} is in: {others}.',
		'instance-profile.empty': 'Instance profile {profile} holds no role (an EC2 launch with it fails).',
		'instance-profile.wrong-role': 'Instance profile {profile} holds {found} instead of {role}.',
		'bucket.pass': 'Bucket {bucket} exists, is reachable and is in {region}.',
		'bucket.missing':
			'Bucket {bucket} not found: create it in {region} (bucket names are global: check the spelling).',
		'bucket.forbidden':
			'Bucket {bucket} exists but is not accessible with your credentials: does it belong to another account? Pick another name (or check s3:ListBucket).',
		'bucket.other-region':
			'Bucket {bucket} is in {found} but the lab is in {region}: CodeDeploy needs the bucket in the instances’ region. Create a bucket in {region} (for example {suggested}) and use it as the bucket parameter.',
		'bucket-private.pass': 'Block Public Access is on for {bucket}.',
		'bucket-private.public-policy':
			'The revision bucket {bucket} must not be public: its policy allows everyone (Principal "*").',
		'bucket-private.public-acl':
			'The revision bucket {bucket} must not be public: its ACL grants access to everyone.',
		'bucket-private.public-both':
			'The revision bucket {bucket} must not be public: its policy and its ACL grant access to everyone.',
		'bucket-private.no-block': 'Bucket {bucket} is not public, but Block Public Access is not fully on.',
		'root-keys.pass': 'The account has no root access keys.',
		'root-keys.present':
			'The root user has access keys: delete them (only the root user can, in the console).',
		'root-keys.no-mfa': 'No root access keys, but MFA is not enabled on the root user.',
		'application.pass': 'Application {application} exists (EC2/on-premises platform).',
		'application.missing': 'CodeDeploy application {application} does not exist in this region.',
		'application.wrong-platform':
			'Application {application} targets the {found} platform; this lab deploys to EC2 (Server).',
		'deployment-group.pass': 'Deployment group {group} exists.',
		'deployment-group.missing': 'Deployment group {group} does not exist.',
		'deployment-group-role.pass': 'The deployment group uses service role {role}.',
		'deployment-group-role.wrong': 'The deployment group uses {found} instead of role {role}.',
		'deployment-group-instances.pass': '{count} running instance(s) carry the group’s tags ({tags}).',
		'deployment-group-instances.none':
			'No running instance carries the group’s tags ({tags}) in {region} (NO_INSTANCES). Tag the instance, then wait a few minutes.',
		'deployment-group-instances.no-filter': 'The deployment group has no EC2 tag filter.',
		'deployment-group-instances.no-profile':
			'Instances without an instance profile: {instances}. The agent cannot authenticate ("Missing credentials"); associate the profile, then restart the agent.',
		'revision.pass': 'Revision {location} exists.',
		'revision.missing': 'Revision {location} not found: upload it with aws deploy push.',
		'last-deployment.pass': 'The last deployment ({id}) succeeded.',
		'last-deployment.none': 'No deployment for this group yet.',
		'last-deployment.in-progress': 'Deployment {id} is still running ({status}): check again in a minute.',
		'last-deployment.event-failed':
			'Deployment {id} failed at event {event} on {instance}: {code}. {explanation} {detail}',
		'last-deployment.failed': 'Deployment {id} is {status} ({code}). {explanation} {detail}',
		'explain.ScriptMissing':
			'The script named in the AppSpec is not in the revision: check the path (relative to the archive root) and its case.',
		'explain.ScriptNotExecutable':
			'The script is not executable: chmod +x before archiving, or run it through an interpreter.',
		'explain.ScriptTimedOut':
			'The script exceeded its timeout: raise "timeout" in the AppSpec or make the script faster.',
		'explain.ScriptFailed':
			'The script exited with a non-zero code: read its log on the instance (/opt/codedeploy-agent/deployment-root/…/logs/scripts.log).',
		'explain.UnknownError':
			'Agent error: read /var/log/aws/codedeploy-agent/codedeploy-agent.log on the instance (agent running? instance profile attached?).',
		'explain.HEALTH_CONSTRAINTS':
			'Too many instances failed: often the agent is missing or stopped, or the instance profile was attached after it started (restart the agent).',
		'explain.NO_INSTANCES': 'No instance matches the group’s tags in this region.',
		'explain.IAM_ROLE_PERMISSIONS':
			'The service role lacks permissions: attach AWSCodeDeployRole and check its trust relationship.',
		'explain.IAM_ROLE_MISSING': 'The group’s service role no longer exists.',
		'explain.AGENT_ISSUE':
			'The CodeDeploy agent does not answer: check it runs (sudo service codedeploy-agent status).',
		'explain.REVISION_MISSING': 'The revision is not in S3.',
		'explain.TIMEOUT': 'The deployment ran out of time.',
		'explain.UNKNOWN': 'See the deployment’s events in the CodeDeploy console.',
		'console.iam-users': 'IAM console › Users › {userName}',
		'console.iam-user-keys': 'IAM console › Users › {userName} › Security credentials › Access keys',
		'console.iam-user-permissions': 'IAM console › Users › {userName} › Permissions',
		'console.iam-roles': 'IAM console › Roles › Create role',
		'console.iam-role-trust': 'IAM console › Roles › (the role) › Trust relationships › Edit trust policy',
		'console.iam-role-permissions': 'IAM console › Roles › (the role) › Permissions',
		'console.s3-buckets': 'S3 console › Buckets ({region})',
		'console.s3-permissions': 'S3 console › Buckets › {bucket} › Permissions › Block public access',
		'console.root-keys': 'Signed in as root: account menu › Security credentials › Access keys › Delete',
		'console.root-mfa':
			'Signed in as root: account menu › Security credentials › Multi-factor authentication',
		'console.codedeploy-applications': 'CodeDeploy console › Applications ({region})',
		'console.ec2-instances': 'EC2 console › Instances › (the instance) › Tags ({region})',
	},
});

export type MessageKey = keyof (typeof messages)['en'];
