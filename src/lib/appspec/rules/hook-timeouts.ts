import { entries, field, list } from '../data.ts';
import { EVENT_TIME_LIMIT_SECONDS } from '../events.ts';
import { rubyToI } from '../ruby.ts';
import type { Rule } from './rule.ts';

/**
 * The agent reads `timeout` with Ruby's `to_i` and only requires it to be > 0 (reference §1.7.2). The 3600 s
 * ceiling is the service's per-event limit: a larger value is accepted, then the event is cut off at one hour.
 */
export const hookTimeouts: Rule = {
	id: 'hook-timeouts',
	platforms: ['server'],
	check(ctx) {
		for (const [event, scripts] of entries(field(ctx.value, 'hooks'))) {
			let total = 0;
			list(scripts).forEach((script, index) => {
				const timeout = field(script, 'timeout');
				const path = ['hooks', event, index, 'timeout'];
				const seconds =
					timeout === null || timeout === undefined || timeout === false ? 3600 : rubyToI(timeout);
				if (seconds === undefined) return; // a type error, reported by the shape layer
				total += Math.max(0, seconds);
				if (seconds <= 0) {
					ctx.report('hook-timeout-invalid', { path }, { value: String(timeout) });
					return;
				}
				if (typeof timeout === 'string' || (typeof timeout === 'number' && !Number.isInteger(timeout))) {
					ctx.report('hook-timeout-not-integer', { path }, { value: String(timeout), seconds });
				}
				if (seconds > EVENT_TIME_LIMIT_SECONDS) {
					ctx.report('hook-timeout-over-limit', { path }, { seconds, limit: EVENT_TIME_LIMIT_SECONDS });
				}
			});
			const scriptCount = list(scripts).length;
			if (scriptCount > 1 && total > EVENT_TIME_LIMIT_SECONDS) {
				ctx.report(
					'hook-event-timeout-total-over-limit',
					{ path: ['hooks', event], on: 'key' },
					{ name: event, total, limit: EVENT_TIME_LIMIT_SECONDS },
				);
			}
		}
	},
};
