import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, whatever the current directory (npm scripts, tests and CI all resolve from here). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const astroBin = join(projectRoot, 'node_modules/.bin/astro');

/** Where `npm run build` writes; `npm start` serves it. */
export const defaultOutDir = join(projectRoot, 'dist');
/**
 * The end-to-end suite builds into its own folder, so a `npm run build` or `npm start` running at the same
 * time cannot replace the pages under the tests' feet.
 */
// E2E_OUT_DIR gives a run its own folder when several suites build at the same time on one machine.
export const e2eOutDir = process.env['E2E_OUT_DIR'] ?? join(projectRoot, 'test-results/site');

export function siteDirs(outDir: string) {
	return { serverEntry: join(outDir, 'server/entry.mjs'), clientDir: join(outDir, 'client') };
}
