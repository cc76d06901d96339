/**
 * Build settings Monaco needs, kept beside the editor and added to Vite by astro.config.mjs.
 *
 * 1. Monaco's own modules import their CSS. Astro adds every stylesheet reachable from a page's script to the
 *    page's <head>, dynamic imports included, so Monaco's 175 KB of CSS would load with every lesson that has
 *    an editor, before anyone touches it. Here each of those CSS imports becomes a tiny module that injects
 *    the (Vite-processed) CSS as a <style> when Monaco itself is evaluated, i.e. when the editor activates.
 * 2. monaco-worker-manager (monaco-yaml's worker) imports `monaco-editor/esm/vs/...`, a path that monaco-editor
 *    0.57's package exports map to `esm/vs/esm/vs/...`; point it back at the real files.
 */
import type { Plugin } from 'vite';

const PREFIX = '\0atelier-monaco-css:';

export function monacoVitePlugins(): Plugin[] {
	return [
		{
			name: 'atelier:monaco-paths',
			config: () => ({
				resolve: { alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: 'monaco-editor/' }] },
			}),
		},
		{
			name: 'atelier:monaco-css-on-demand',
			enforce: 'pre',
			async resolveId(source, importer, options) {
				if (!importer?.includes('/node_modules/monaco-editor/') || !source.endsWith('.css')) return null;
				const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
				// A `.js` ending, so that Vite's CSS plugin does not take this module for a stylesheet.
				return resolved ? `${PREFIX}${resolved.id}.js` : null;
			},
			load(id) {
				if (!id.startsWith(PREFIX)) return null;
				const file = JSON.stringify(`${id.slice(PREFIX.length, -'.js'.length)}?inline`);
				return [
					`import css from ${file};`,
					'if (typeof document !== "undefined") {',
					'  const style = document.createElement("style");',
					'  style.dataset.monaco = "";',
					'  style.textContent = css;',
					'  document.head.append(style);',
					'}',
				].join('\n');
			},
		},
	];
}
