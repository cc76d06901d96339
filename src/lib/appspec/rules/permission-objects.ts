import { field, list } from '../data.ts';
import type { Rule } from './rule.ts';

/**
 * An empty `object` is no object for the agent; and one object may receive permissions once, a second entry
 * fails Install (reference §1.6).
 */
export const permissionObjects: Rule = {
	id: 'permission-objects',
	platforms: ['server'],
	check(ctx) {
		const seen = new Map<string, number>();
		list(field(ctx.value, 'permissions')).forEach((entry, index) => {
			const object = field(entry, 'object');
			if (typeof object === 'string' && object.trim() === '') {
				ctx.report('permission-object-missing', { path: ['permissions', index, 'object'] });
				return;
			}
			if (typeof object !== 'string') return;
			const key = object.trim().replace(/\/+$/, '') || '/';
			const first = seen.get(key);
			if (first === undefined) {
				seen.set(key, index);
				return;
			}
			const firstLine = ctx.rangeOf({ path: ['permissions', first, 'object'] }).start.line;
			ctx.report(
				'permission-object-duplicate',
				{ path: ['permissions', index, 'object'] },
				{ object, line: firstLine },
			);
		});
	},
};
