import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPagePaths, clientDir, skipReason } from './support/site.ts';

/**
 * Components embedded in MDX have had their scoped `<style>` dropped from some pages by the bundler (seen with
 * the "use astro:head-inject" build warning). Each page that renders one of these components must ship its CSS.
 */
const STYLED = ['cd-callout', 'cd-module-map', 'cd-glossary', 'cd-last-verified', 'cd-dg'];

function cssOf(html: string): string {
	const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
	const linked = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="[^"]*\/_astro\/([^"]+)"/g)]
		.map((m) => join(clientDir, '_astro', m[1] ?? ''))
		.filter(existsSync)
		.map((file) => readFileSync(file, 'utf8'));
	return [inline, ...linked].join('\n');
}

describe.skipIf(skipReason() !== '')('component styles', () => {
	for (const path of allPagePaths().filter((p) => p !== '/')) {
		it(`${path}: every course component it renders has its CSS`, () => {
			const html = readFileSync(join(clientDir, path, 'index.html'), 'utf8');
			const css = cssOf(html);
			const unstyled = STYLED.filter((name) => html.includes(`class="${name}`) && !css.includes(`.${name}`));
			expect(unstyled).toEqual([]);
		});
	}
});
