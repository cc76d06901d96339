/**
 * The course map. Module folders and slugs are fixed: URLs and saved learner progress are keyed on them,
 * so renaming one is a breaking change for every learner's stored progress.
 */
import type { Localized } from '../i18n/localized.ts';

export interface CourseModule {
	/** Folder under `src/content/docs/{fr,en}/` and the key of the module in saved progress. */
	readonly slug: string;
	readonly title: Localized;
}

export const COURSE_MODULES: readonly CourseModule[] = [
	{ slug: '01-pipeline', title: { fr: 'CI/CD sur AWS', en: 'CI/CD on AWS' } },
	{ slug: '02-why-codedeploy', title: { fr: 'Pourquoi CodeDeploy', en: 'Why CodeDeploy' } },
	{ slug: '03-strategies', title: { fr: 'Stratégies de déploiement', en: 'Deployment strategies' } },
	{ slug: '04-components', title: { fr: 'Composants de CodeDeploy', en: 'CodeDeploy components' } },
	{ slug: '05-appspec', title: { fr: 'Le fichier AppSpec', en: 'The AppSpec file' } },
	{
		slug: '06-deployment-types',
		title: { fr: 'Types et configurations de déploiement', en: 'Deployment types and configurations' },
	},
	{ slug: '07-scenario', title: { fr: 'Un scénario complet', en: 'A complete scenario' } },
	{ slug: '08-labs', title: { fr: 'Travaux pratiques', en: 'Hands-on labs' } },
	{
		slug: '09-operations',
		title: {
			fr: 'Surveillance, rollback et bonnes pratiques',
			en: 'Monitoring, rollback and best practices',
		},
	},
];

/** Stand-alone pages that follow the modules in the sidebar, in this order. */
export const COURSE_PAGES: readonly CourseModule[] = [
	{ slug: 'glossary', title: { fr: 'Glossaire', en: 'Glossary' } },
	{ slug: 'progress', title: { fr: 'Mon parcours', en: 'My progress' } },
	{ slug: 'review', title: { fr: 'Révisions', en: 'Review' } },
];

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
	return value === 'fr' || value === 'en';
}
