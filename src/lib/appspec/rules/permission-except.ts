import { field, list } from '../data.ts';
import type { Rule } from './rule.ts';

/** `except` globs are matched against immediate children only: an entry with `/` never matches (reference §1.6). */
export const permissionExcept: Rule = {
	id: 'permission-except',
	platforms: ['server'],
	check(ctx) {
		list(field(ctx.value, 'permissions')).forEach((entry, index) => {
			list(field(entry, 'except')).forEach((pattern, item) => {
				if (typeof pattern === 'string' && pattern.includes('/')) {
					ctx.report(
						'permission-except-nested',
						{ path: ['permissions', index, 'except', item] },
						{ pattern },
					);
				}
			});
		});
	},
};
