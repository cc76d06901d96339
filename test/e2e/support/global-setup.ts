import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite, freePort, serveSite, type RunningSite } from '../../../labs/site/server.ts';
import { e2eOutDir } from '../../../labs/site/paths.ts';
import { CHROMIUM_PATH } from './browser.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		siteUrl: string;
		/** Why the browser tests are skipped, or '' when they run. */
		skipReason: string;
	}
}

let site: RunningSite | undefined;

/**
 * Builds the production site once and serves it for every end-to-end test file. Without Chromium the suite
 * is skipped with one line of explanation, except under CI=true, where a missing browser must fail the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	if (!existsSync(CHROMIUM_PATH)) {
		const reason = `No Chromium at ${CHROMIUM_PATH}: end-to-end tests skipped (apt-get install -y chromium).`;
		if (process.env['CI'] === 'true') throw new Error(`${reason} CI=true requires the browser.`);
		console.warn(reason);
		project.provide('skipReason', reason);
		project.provide('siteUrl', '');
		return async () => {};
	}
	if (process.env['E2E_SKIP_BUILD'] !== '1') await buildSite(e2eOutDir);
	site = await serveSite(await freePort(), e2eOutDir);
	project.provide('siteUrl', site.url);
	project.provide('skipReason', '');
	return async () => {
		await site?.stop();
	};
}
