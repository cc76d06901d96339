import { entries, field, list } from '../data.ts';
import type { Rule } from './rule.ts';

/**
 * The agent trims `location` and rejects it when empty; it always joins it to the revision root, so an
 * absolute-looking path is not absolute at all (reference §1.7.2).
 */
export const hookLocation: Rule = {
	id: 'hook-location',
	platforms: ['server'],
	check(ctx) {
		for (const [event, scripts] of entries(field(ctx.value, 'hooks'))) {
			list(scripts).forEach((script, index) => {
				const location = field(script, 'location');
				const path = ['hooks', event, index, 'location'];
				if (typeof location !== 'string') return;
				if (location.trim() === '') ctx.report('hook-location-missing', { path });
				else if (/^([/\\]|[A-Za-z]:[/\\])/.test(location.trim())) {
					ctx.report('hook-location-absolute', { path }, { location });
				}
			});
		}
	},
};
