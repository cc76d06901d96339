import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { e2eOutDir, siteDirs } from '../../../labs/site/paths.ts';

/** The built pages the browser tests are served. */
export const clientDir = siteDirs(e2eOutDir).clientDir;

/** The served site's origin, and whether browser tests run at all (see global-setup.ts). */
export function siteUrl(): string {
	return inject('siteUrl');
}

export function skipReason(): string {
	return inject('skipReason');
}

/** Every page of the built site, as paths (`/fr/…/`), from the sitemap Starlight writes. */
export function allPagePaths(): string[] {
	const index = join(clientDir, 'sitemap-0.xml');
	if (!existsSync(index)) return [];
	const xml = readFileSync(index, 'utf8');
	return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
}
