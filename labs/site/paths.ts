import { fileURLToPath } from 'node:url';

/** The project root, whatever the current directory (npm scripts, tests and CI all resolve from here). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const astroBin = fileURLToPath(new URL('../../node_modules/.bin/astro', import.meta.url));
export const serverEntry = fileURLToPath(new URL('../../dist/server/entry.mjs', import.meta.url));
export const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url));
