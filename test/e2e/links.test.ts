import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../labs/site/server.ts';
import { projectRoot, siteDirs } from '../../labs/site/paths.ts';
import { checkLinks } from './support/links.ts';
import { clientDir, skipReason } from './support/site.ts';

// The link check needs only the built HTML, but it shares the end-to-end build (global-setup.ts).
describe.skipIf(skipReason() !== '')('internal links and anchors', () => {
	it('every link of the site served at the root resolves, in both languages', () => {
		expect(checkLinks(clientDir, '/', 'http://127.0.0.1:4321')).toEqual([]);
	});

	it('every link resolves when the site is built under a sub-path (BASE_PATH)', async () => {
		const outDir = join(projectRoot, 'test-results/dist-base');
		await buildSite(outDir, { BASE_PATH: '/atelier/codedeploy', SITE: 'https://courses.example.org' });
		const broken = checkLinks(
			siteDirs(outDir).clientDir,
			'/atelier/codedeploy/',
			'https://courses.example.org',
		);
		expect(broken).toEqual([]);
	}, 300_000);
});
