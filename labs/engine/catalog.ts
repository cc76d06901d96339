import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckDefinition } from '../../src/lib/labs/checks.ts';
import { FIRST_DEPLOYMENT_CHECKS } from '../../src/lib/labs/first-deployment/index.ts';
import { IAM_SETUP_CHECKS } from '../../src/lib/labs/iam-setup/index.ts';
import { parseLab, type Lab } from '../../src/lib/labs/schema.ts';

/** The labs the checker knows: their YAML (steps, params, files) and their check definitions. */
export const LAB_IDS = ['iam-setup', 'first-deployment'] as const;
export type LabId = (typeof LAB_IDS)[number];

export const CHECKS_BY_LAB: { readonly [K in LabId]: readonly CheckDefinition<never>[] } = {
	'iam-setup': IAM_SETUP_CHECKS as readonly CheckDefinition<never>[],
	'first-deployment': FIRST_DEPLOYMENT_CHECKS as readonly CheckDefinition<never>[],
};

// Bundled into the site's server (npm start), this module no longer sits in labs/engine: the server runs from the
// project root, so fall back to the working directory's content/labs.
const besideSources = join(import.meta.dirname, '../../content/labs');
export const LABS_DIR = existsSync(besideSources) ? besideSources : join(process.cwd(), 'content/labs');

export function isLabId(id: string): id is LabId {
	return (LAB_IDS as readonly string[]).includes(id);
}

const cache = new Map<string, Lab>();

/** Loads and validates `content/labs/<id>.yaml`; a broken lab file is a bug, so it throws. */
export function loadLab(id: LabId, dir = LABS_DIR): Lab {
	const key = `${dir}/${id}`;
	const cached = cache.get(key);
	if (cached) return cached;
	const { lab, errors } = parseLab(readFileSync(join(dir, `${id}.yaml`), 'utf8'));
	if (!lab) throw new Error(`content/labs/${id}.yaml is invalid:\n${errors.join('\n')}`);
	cache.set(key, lab);
	return lab;
}
