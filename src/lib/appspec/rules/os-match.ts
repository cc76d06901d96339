import { field } from '../data.ts';
import type { Rule } from './rule.ts';

/** The Linux agent accepts only `linux`, the Windows agent only `windows` (reference §1.2). */
export const osMatch: Rule = {
	id: 'os-match',
	platforms: ['server'],
	check(ctx) {
		const os = field(ctx.value, 'os');
		if (!ctx.os || (os !== 'linux' && os !== 'windows') || os === ctx.os) return;
		ctx.report('os-mismatch', { path: ['os'] }, { value: os, expected: ctx.os });
	},
};
