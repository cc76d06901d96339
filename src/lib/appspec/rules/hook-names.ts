import { entries, field } from '../data.ts';
import { SERVER_EVENTS, SERVER_RESERVED_EVENTS } from '../events.ts';
import { renameKey } from '../fixes.ts';
import { nearestName } from '../suggest.ts';
import type { Rule } from './rule.ts';

/**
 * A misspelled, wrongly-cased or reserved EC2 event name is parsed and then never run, with no error
 * (reference §1.7.4): the most dangerous kind of mistake, so name the event that was probably meant.
 */
export const hookNames: Rule = {
	id: 'hook-names',
	platforms: ['server'],
	check(ctx) {
		for (const [name] of entries(field(ctx.value, 'hooks'))) {
			if ((SERVER_EVENTS as readonly string[]).includes(name)) continue;
			if (ctx.full) {
				ctx.dropped++; // a hostile document: count, skip the name search
				continue;
			}
			const target = { path: ['hooks', name], on: 'key' as const };
			if ((SERVER_RESERVED_EVENTS as readonly string[]).includes(name)) {
				ctx.report('hook-reserved-event', target, { name });
				continue;
			}
			const suggestion = nearestName(name, SERVER_EVENTS);
			const fix = suggestion ? renameKey(ctx, ['hooks', name], suggestion, 'fix-rename-hook') : undefined;
			ctx.report('hook-unknown-name', target, { name, suggestion: suggestion ?? '' }, fix);
		}
	},
};
