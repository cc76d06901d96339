import { existsSync } from 'node:fs';
import { COURSE_MODULES, COURSE_PAGES } from '../lib/course/modules.ts';

type SidebarEntry =
	| {
			label: string;
			translations: { fr: string };
			collapsed: boolean;
			items: [{ autogenerate: { directory: string } }];
	  }
	| { label: string; translations: { fr: string }; slug: string };

const docsRoot = new URL('../content/docs/fr/', import.meta.url);

/**
 * The sidebar follows the fixed course map. A module or page appears once its lessons exist, so a module
 * written by a later issue takes its reserved place without a placeholder page in the meantime.
 */
export function buildSidebar(): SidebarEntry[] {
	const modules: SidebarEntry[] = COURSE_MODULES.filter((module) =>
		existsSync(new URL(`${module.slug}/`, docsRoot)),
	).map((module) => ({
		label: module.title.en,
		translations: { fr: module.title.fr },
		collapsed: false,
		items: [{ autogenerate: { directory: module.slug } }],
	}));
	const pages: SidebarEntry[] = COURSE_PAGES.filter(
		(page) =>
			existsSync(new URL(`${page.slug}.mdx`, docsRoot)) || existsSync(new URL(`${page.slug}.md`, docsRoot)),
	).map((page) => ({ label: page.title.en, translations: { fr: page.title.fr }, slug: page.slug }));
	return [...modules, ...pages];
}
