import { defineCatalog } from '../../src/lib/i18n/catalog.ts';

/** Texts of `npm run sandbox` (the local practice account). */
export const messages = defineCatalog({
	fr: {
		listening: 'Compte d’entraînement Atelier CodeDeploy à l’écoute sur {url}',
		identity: 'Compte {accountId}, utilisateur admin (AdministratorAccess). État : {stateDir}',
		paste: 'Collez ces lignes pour créer le profil AWS CLI « atelier-sandbox » :',
		then: 'Puis essayez :',
		stop: 'Ctrl+C l’arrête ; l’état est conservé (npm run sandbox -- reset pour repartir de zéro).',
		reset: 'État effacé dans {stateDir} : le prochain démarrage crée un nouveau compte et de nouvelles clés.',
		accountCreated: 'Compte {accountId} créé, utilisateur admin : {accessKeyId}',
		rootKeyCreated: 'Clé d’accès root créée pour le compte {accountId} : {accessKeyId} (erreur M11 simulée)',
		rootKeysDeleted: 'Clés d’accès root supprimées pour le compte {accountId}.',
		snapshotSaved: 'Compte d’entraînement enregistré dans {file}.',
		snapshotRestored: 'Compte d’entraînement restauré depuis {file}.',
		usage:
			'Usage : npm run sandbox [-- start] [--port N] [--state-dir DIR] [--latency-ms N] [--quiet]\n       npm run -s sandbox -- credentials [--account ID] [--format text|json]\n       npm run -s sandbox -- account create --id 111111111111 [--format text|json]\n       npm run -s sandbox -- root-keys create|delete --account ID\n       npm run -s sandbox -- snapshot save|restore FILE\n       npm run sandbox -- reset',
		badPort: '--port : un numéro de port est attendu, reçu « {value} »',
		badLatency: '--latency-ms : un nombre de millisecondes est attendu, reçu « {value} »',
		badFormat: '--format : text ou json attendu, reçu « {value} »',
		unknownCommand: 'Commande inconnue : {command}',
		missingId: 'Indiquez le numéro de compte à 12 chiffres (--id ou --account).',
		noAccount: 'Aucun compte {accountId} dans l’état {stateDir}.',
		adminFailed: 'Le compte d’entraînement a refusé la demande : {detail}',
		corrupt:
			'Fichier d’état illisible ({detail}). Lancez « npm run sandbox -- reset » pour repartir de zéro.',
		portInUse:
			'Le port {port} est déjà utilisé (un autre compte d’entraînement ?). Choisissez-en un autre avec --port.',
	},
	en: {
		listening: 'Atelier CodeDeploy practice account listening on {url}',
		identity: 'Account {accountId}, user admin (AdministratorAccess). State: {stateDir}',
		paste: 'Paste these lines to create the AWS CLI profile "atelier-sandbox":',
		then: 'Then try:',
		stop: 'Ctrl+C stops it; the state is kept (npm run sandbox -- reset to start over).',
		reset: 'State cleared in {stateDir}: the next start creates a new account with new keys.',
		accountCreated: 'Account {accountId} created, admin user: {accessKeyId}',
		rootKeyCreated: 'Root access key created for account {accountId}: {accessKeyId} (mistake M11 staged)',
		rootKeysDeleted: 'Root access keys deleted for account {accountId}.',
		snapshotSaved: 'Practice account saved to {file}.',
		snapshotRestored: 'Practice account restored from {file}.',
		usage:
			'Usage: npm run sandbox [-- start] [--port N] [--state-dir DIR] [--latency-ms N] [--quiet]\n       npm run -s sandbox -- credentials [--account ID] [--format text|json]\n       npm run -s sandbox -- account create --id 111111111111 [--format text|json]\n       npm run -s sandbox -- root-keys create|delete --account ID\n       npm run -s sandbox -- snapshot save|restore FILE\n       npm run sandbox -- reset',
		badPort: '--port: expected a port number, got "{value}"',
		badLatency: '--latency-ms: expected a number of milliseconds, got "{value}"',
		badFormat: '--format: expected text or json, got "{value}"',
		unknownCommand: 'Unknown command: {command}',
		missingId: 'Give the 12-digit account id (--id or --account).',
		noAccount: 'No account {accountId} in the state at {stateDir}.',
		adminFailed: 'The practice account refused the request: {detail}',
		corrupt: 'Unreadable state file ({detail}). Run "npm run sandbox -- reset" to start over.',
		portInUse: 'Port {port} is already in use (another practice account?). Pick another one with --port.',
	},
});
