import { renameKey } from '../fixes.ts';
import { entries } from '../data.ts';
import { nearestName } from '../suggest.ts';
import type { Platform } from '../types.ts';
import { ALL_PLATFORMS, type Rule } from './rule.ts';

const KNOWN_KEYS: Record<Platform, readonly string[]> = {
	server: ['version', 'os', 'files', 'permissions', 'hooks', 'file_exists_behavior'],
	ecs: ['version', 'Resources', 'Hooks'],
	lambda: ['version', 'Resources', 'Hooks'],
};

/** AWS ignores unknown top-level keys, so `Hooks:` on EC2 or `hooks:` on Lambda silently does nothing. */
export const topLevelKeys: Rule = {
	id: 'top-level-keys',
	platforms: ALL_PLATFORMS,
	check(ctx) {
		const known = KNOWN_KEYS[ctx.platform];
		for (const [key] of entries(ctx.value)) {
			if (known.includes(key)) continue;
			if (ctx.full) {
				ctx.dropped++; // a hostile document: count, skip the name search
				continue;
			}
			const suggestion = nearestName(key, known);
			const params = { key, platform: ctx.platform, suggestion: suggestion ?? '' };
			const fix = suggestion ? renameKey(ctx, [key], suggestion, 'fix-rename-key') : undefined;
			ctx.report('key-unknown', { path: [key], on: 'key' }, params, fix);
		}
	},
};
