import { declaredOs, field, list } from '../data.ts';
import type { AppSpecCode } from '../codes.ts';
import type { Rule } from './rule.ts';

const NAMED_TYPES: Record<string, string> = { u: 'user', user: 'user', g: 'group', group: 'group' };
const UNNAMED_TYPES: Record<string, string> = { m: 'mask', mask: 'mask', o: 'other', other: 'other' };
const isDefault = (part: string | undefined) => part === 'd' || part === 'default';

/**
 * The agent's ACL grammar (reference §1.6.2): `[d[efault]:][u[ser]|g[roup]|m[ask]|o[ther]:]name:perms`.
 * Returns the agent's verdict for one entry: the code and the offending character, or undefined when valid.
 */
export function aclProblem(ace: string): { code: AppSpecCode; char?: string } | undefined {
	const parts = ace.split(':').reverse();
	if (parts.length < 2 || parts.length > 4) return { code: 'acl-invalid-entry' };
	let isDefaultEntry = false;
	let type: string | undefined;
	let name = '';
	if (parts.length === 4) {
		if (!isDefault(parts[3])) return { code: 'acl-invalid-entry' };
		isDefaultEntry = true;
	}
	if (parts.length >= 3) {
		const third = parts[2] ?? '';
		if (isDefault(third)) {
			if (isDefaultEntry) return { code: 'acl-invalid-entry' };
			isDefaultEntry = true;
		} else type = NAMED_TYPES[third] ?? UNNAMED_TYPES[third];
		if (!isDefault(third) && type === undefined) return { code: 'acl-invalid-entry' };
	}
	const second = parts[1] ?? '';
	const unnamed = UNNAMED_TYPES[second];
	if (unnamed) {
		if (type === undefined) type = unnamed;
		else name = unnamed;
	} else {
		type ??= 'user';
		name = second;
	}
	if ((type === 'mask' || type === 'other') && name !== '') return { code: 'acl-invalid-entry' };
	if (!isDefaultEntry && type !== 'mask' && name === '') return { code: 'acl-base-entry' };
	const perms = parts[0] ?? '';
	if (/^[0-7]$/.test(perms)) return undefined;
	const bad = [...perms].find((ch) => !'rwx-'.includes(ch));
	return bad === undefined ? undefined : { code: 'acl-invalid-permission', char: bad };
}

export const permissionAcls: Rule = {
	id: 'permission-acls',
	platforms: ['server'],
	check(ctx) {
		if ((ctx.os ?? declaredOs(ctx.value)) === 'windows') return;
		list(field(ctx.value, 'permissions')).forEach((entry, index) => {
			list(field(entry, 'acls')).forEach((ace, item) => {
				if (typeof ace !== 'string') return;
				const problem = aclProblem(ace);
				if (problem) {
					ctx.report(
						problem.code,
						{ path: ['permissions', index, 'acls', item] },
						{ ace, char: problem.char ?? '' },
					);
				}
			});
		});
	},
};
