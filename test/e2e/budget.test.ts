import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageAssets, totals } from '../../labs/site/weight.ts';
import { allPagePaths, clientDir, skipReason } from './support/site.ts';

/** The course's JavaScript allowance on pages without interactive widgets (issue: 5 KB gzipped). */
const PLAIN_PAGE_BUDGET = 5 * 1024;
/** Interactive widgets are custom elements named `cd-…`; a page that embeds none is a plain page. */
const WIDGET = /<cd-[a-z-]+[\s>]/;

const plainPages = allPagePaths().filter((path) => {
	if (path === '/') return false;
	return !WIDGET.test(readFileSync(join(clientDir, path, 'index.html'), 'utf8'));
});

// Sizes come from the built files, so they are exact and the same on every run: a budget, not a timing.
describe.skipIf(skipReason() !== '')('page weight', () => {
	it('there are plain pages to measure', () => {
		expect(plainPages.length).toBeGreaterThan(4);
	});

	for (const path of plainPages) {
		it(`${path}: the course adds at most 5 KB of gzipped JavaScript`, () => {
			const ours = totals(pageAssets(clientDir, path), (asset) => asset.kind === 'js' && !asset.framework);
			expect(ours.gzip).toBeLessThanOrEqual(PLAIN_PAGE_BUDGET);
		});
	}
});
