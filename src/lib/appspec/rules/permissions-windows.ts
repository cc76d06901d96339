import { declaredOs, field, list } from '../data.ts';
import type { Rule } from './rule.ts';

/** Any permission entry fails the parse on Windows; an empty list or null is fine (reference §1.6). */
export const permissionsWindows: Rule = {
	id: 'permissions-windows',
	platforms: ['server'],
	check(ctx) {
		if ((ctx.os ?? declaredOs(ctx.value)) !== 'windows') return;
		if (list(field(ctx.value, 'permissions')).length === 0) return;
		ctx.report('permissions-on-windows', { path: ['permissions'], on: 'key' });
	},
};
