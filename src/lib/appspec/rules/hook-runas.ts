import { declaredOs, entries, field, list } from '../data.ts';
import type { Rule } from './rule.ts';

/** The Windows agent parses `runas` and ignores it: the script runs as the agent's account (reference §1.7.3). */
export const hookRunas: Rule = {
	id: 'hook-runas',
	platforms: ['server'],
	check(ctx) {
		if ((ctx.os ?? declaredOs(ctx.value)) !== 'windows') return;
		for (const [event, scripts] of entries(field(ctx.value, 'hooks'))) {
			list(scripts).forEach((script, index) => {
				const runas = field(script, 'runas');
				if (runas === undefined || runas === null) return;
				ctx.report(
					'hook-runas-windows',
					{ path: ['hooks', event, index, 'runas'], on: 'key' },
					{ user: String(runas) },
				);
			});
		}
	},
};
