// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { buildSidebar } from './src/config/sidebar.ts';
import { monacoVitePlugins } from './src/components/appspec/vite-monaco.ts';

// SITE and BASE_PATH let an institution host the static build under its own origin and sub-path
// (e.g. BASE_PATH=/cours/codedeploy). Both default to a local root install.
const site = process.env.SITE ?? 'http://127.0.0.1:4321';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
	site,
	base,
	trailingSlash: 'ignore',
	output: 'static',
	adapter: node({ mode: 'standalone' }),
	server: { host: '127.0.0.1', port: 4321 },
	// Monaco (the AppSpec editor): CSS loaded with the editor, not with the page; worker import paths.
	vite: { plugins: monacoVitePlugins() },
	integrations: [
		starlight({
			title: { fr: 'Atelier CodeDeploy', en: 'Atelier CodeDeploy' },
			description: 'Cours bilingue sur AWS CodeDeploy / A bilingual course on AWS CodeDeploy',
			defaultLocale: 'fr',
			locales: {
				fr: { label: 'Français', lang: 'fr' },
				en: { label: 'English', lang: 'en' },
			},
			sidebar: buildSidebar(),
			customCss: ['./src/styles/course.css', './src/styles/diagrams.css'],
			components: {
				PageTitle: './src/components/overrides/PageTitle.astro',
				Search: './src/components/overrides/Search.astro',
				Footer: './src/components/overrides/CourseFooter.astro',
			},
			// Wrapped code lines: a horizontally scrolling block is unreachable by keyboard on narrow screens
			// (axe `scrollable-region-focusable`), and wrapped lines also print whole.
			expressiveCode: { defaultProps: { wrap: true } },
			lastUpdated: false,
			pagination: true,
		}),
		mdx(),
	],
});
