import { entries, field } from '../data.ts';
import type { Rule } from './rule.ts';

/** `BeforeInstall:` with nothing after it is skipped by current agents (older ones crashed). */
export const hookEventEmpty: Rule = {
	id: 'hook-event-empty',
	platforms: ['server'],
	check(ctx) {
		for (const [event, scripts] of entries(field(ctx.value, 'hooks'))) {
			if (scripts === null || (Array.isArray(scripts) && scripts.length === 0)) {
				ctx.report('hook-event-empty', { path: ['hooks', event], on: 'key' }, { name: event });
			}
		}
	},
};
