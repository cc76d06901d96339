import { defineCatalog } from '../../lib/i18n/catalog.ts';

export const messages = defineCatalog({
	fr: {
		title: 'La forme d’un fichier AppSpec sur chaque plateforme',
		desc: 'Trois colonnes. EC2/sur site : version 0.0, os, files, file_exists_behavior, permissions (Linux) et hooks, une table d’événements qui contiennent chacun une liste de scripts ; le fichier est lu par l’agent CodeDeploy sur chaque instance. ECS : version 0.0, Resources avec une seule ressource TargetService de type AWS::ECS::Service, et Hooks, une liste d’événements associés chacun à une fonction Lambda ; lu par le service CodeDeploy. Lambda : version 0.0, Resources avec une fonction AWS::Lambda::Function (nom, alias, version actuelle et cible) et Hooks, même forme que sur ECS ; lu par le service.',
		server: 'EC2/sur site (Server)',
		ecs: 'Service Amazon ECS',
		lambda: 'Fonction AWS Lambda',
		readByAgent: 'lu par l’agent, sur chaque instance',
		readByService: 'lu par le service CodeDeploy',
		serverHooks: 'hooks : table « événement → liste',
		serverHooks2: 'de scripts » (minuscules)',
		listHooks: 'Hooks : liste « - événement:',
		listHooks2: 'fonction Lambda » (majuscule)',
	},
	en: {
		title: 'The shape of an AppSpec file on each platform',
		desc: 'Three columns. EC2/on-premises: version 0.0, os, files, file_exists_behavior, permissions (Linux) and hooks, a map of events that each hold a list of scripts; the file is read by the CodeDeploy agent on each instance. ECS: version 0.0, Resources with a single TargetService resource of type AWS::ECS::Service, and Hooks, a list of events each tied to one Lambda function; read by the CodeDeploy service. Lambda: version 0.0, Resources with one AWS::Lambda::Function (name, alias, current and target version) and Hooks, the same shape as on ECS; read by the service.',
		server: 'EC2/On-Premises (Server)',
		ecs: 'Amazon ECS service',
		lambda: 'AWS Lambda function',
		readByAgent: 'read by the agent, on each instance',
		readByService: 'read by the CodeDeploy service',
		serverHooks: 'hooks: a map "event → list of',
		serverHooks2: 'scripts" (lowercase key)',
		listHooks: 'Hooks: a list "- event:',
		listHooks2: 'Lambda function" (capital H)',
	},
});
