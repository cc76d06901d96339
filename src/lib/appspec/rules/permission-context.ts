import { declaredOs, field, list } from '../data.ts';
import { renameKey } from '../fixes.ts';
import { selinuxRangeProblem } from '../selinux-range.ts';
import type { Rule } from './rule.ts';

/**
 * The agent reads the SELinux user from `name`; the documented `user` key is silently ignored. `range` follows
 * the agent's grammar (reference §1.6.4). A missing `type` is reported by the shape layer.
 */
export const permissionContext: Rule = {
	id: 'permission-context',
	platforms: ['server'],
	check(ctx) {
		if ((ctx.os ?? declaredOs(ctx.value)) === 'windows') return;
		list(field(ctx.value, 'permissions')).forEach((entry, index) => {
			const context = field(entry, 'context');
			const path = ['permissions', index, 'context'];
			const user = field(context, 'user');
			if (user !== undefined) {
				const hasName = field(context, 'name') !== undefined;
				const fix = hasName ? undefined : renameKey(ctx, [...path, 'user'], 'name', 'fix-rename-key');
				ctx.report(
					'context-user-ignored',
					{ path: [...path, 'user'], on: 'key' },
					{ user: String(user) },
					fix,
				);
			}
			const range = field(context, 'range');
			if (typeof range !== 'string') return;
			const problem = selinuxRangeProblem(range);
			if (problem)
				ctx.report('context-range-invalid', { path: [...path, 'range'] }, { range, agentDetail: problem });
		});
	},
};
