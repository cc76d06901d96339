import { detectPlatform } from '../detect.ts';
import { ALL_PLATFORMS, type Rule } from './rule.ts';

/** A platform was chosen (e.g. by the lesson) but the document reads like another one. */
export const platformMismatch: Rule = {
	id: 'platform-mismatch',
	platforms: ALL_PLATFORMS,
	check(ctx) {
		const detected = detectPlatform(ctx.value, ctx.source);
		if (detected === ctx.platform || detected === 'server') return;
		ctx.report('platform-mismatch', { path: ['Resources'], on: 'key' }, { platform: ctx.platform, detected });
	},
};
