import { defineCatalog } from '../../lib/i18n/catalog.ts';

export const messages = defineCatalog({
	fr: {
		title: 'Ordre des événements du cycle de vie d’un déploiement EC2/sur site',
		desc: 'Déploiement en place, dans l’ordre : BeforeBlockTraffic, BlockTraffic (réservé), AfterBlockTraffic, ApplicationStop, DownloadBundle (réservé), BeforeInstall, Install (réservé), AfterInstall, ApplicationStart, ValidateService, BeforeAllowTraffic, AllowTraffic (réservé), AfterAllowTraffic. Les six événements de trafic n’ont lieu qu’avec un équilibreur de charge. ApplicationStop, BeforeBlockTraffic et AfterBlockTraffic lisent l’AppSpec de la dernière révision installée avec succès ; les autres, celui de la nouvelle révision. En bleu/vert, les instances de remplacement vont d’ApplicationStop à AfterAllowTraffic, puis les instances d’origine passent par BeforeBlockTraffic, BlockTraffic et AfterBlockTraffic.',
		inPlace: 'En place (in-place), sur chaque instance',
		blueGreen: 'Bleu/vert (blue/green)',
		replacement: 'Instances de remplacement',
		original: 'puis instances d’origine',
		legendScript: 'événement scriptable (hooks)',
		legendReserved: 'réservé à l’agent ou au service',
		legendOld: 'lit l’AppSpec de la dernière révision réussie',
		legendLb: 'trafic : seulement avec un équilibreur de charge',
	},
	en: {
		title: 'Order of the lifecycle events of an EC2/on-premises deployment',
		desc: 'In-place deployment, in order: BeforeBlockTraffic, BlockTraffic (reserved), AfterBlockTraffic, ApplicationStop, DownloadBundle (reserved), BeforeInstall, Install (reserved), AfterInstall, ApplicationStart, ValidateService, BeforeAllowTraffic, AllowTraffic (reserved), AfterAllowTraffic. The six traffic events happen only with a load balancer. ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic read the AppSpec of the last successfully installed revision; the others read the new revision’s. In blue/green, the replacement instances go from ApplicationStop to AfterAllowTraffic, then the original instances go through BeforeBlockTraffic, BlockTraffic and AfterBlockTraffic.',
		inPlace: 'In-place, on each instance',
		blueGreen: 'Blue/green',
		replacement: 'Replacement instances',
		original: 'then original instances',
		legendScript: 'scriptable event (hooks)',
		legendReserved: 'reserved for the agent or the service',
		legendOld: 'reads the last successful revision’s AppSpec',
		legendLb: 'traffic: only with a load balancer',
	},
});
