import { isScalar } from 'yaml';
import { declaredOs, field, list } from '../data.ts';
import { replaceScalar } from '../fixes.ts';
import { sourceText } from '../locate.ts';
import { rubyToS } from '../ruby.ts';
import type { RuleContext } from '../context.ts';
import type { Rule } from './rule.ts';

/** YAML 1.1 octal integers, as Psych reads them: `0644`, `-0644`, `06_44`. */
const YAML11_OCTAL = /^[-+]?0[0-7_]+$/;

/**
 * The agent turns `mode` into a string, left-pads it to 3 characters with zeros, then requires at most 4
 * characters, all 0-7 (reference §1.6.3). An unquoted `0644` is YAML 1.1 octal: the agent receives 420.
 */
export const permissionMode: Rule = {
	id: 'permission-mode',
	platforms: ['server'],
	check(ctx) {
		if ((ctx.os ?? declaredOs(ctx.value)) === 'windows') return;
		list(field(ctx.value, 'permissions')).forEach((entry, index) => {
			const mode = field(entry, 'mode');
			if (typeof mode === 'string' || typeof mode === 'number')
				checkMode(ctx, ['permissions', index, 'mode'], mode);
		});
	},
};

function checkMode(ctx: RuleContext, path: (string | number)[], mode: string | number): void {
	const { node } = ctx.locate(path);
	const written = sourceText(ctx.source, node);
	const agentMode = rubyToS(mode, written).padStart(3, '0');
	const problem = modeProblem(agentMode);
	const octal =
		typeof mode === 'number' && isScalar(node) && node.type === 'PLAIN' && YAML11_OCTAL.test(written);
	if (octal) {
		const fix = replaceScalar(ctx, path, `"${written}"`, 'fix-quote-mode');
		const params = { written, applied: agentMode, ...(problem ?? {}) };
		ctx.report(problem ? 'mode-octal-unquoted-rejected' : 'mode-octal-unquoted', { path }, params, fix);
		return;
	}
	if (problem) ctx.report(problem.code, { path }, { mode: agentMode, written, char: problem.char });
}

function modeProblem(mode: string) {
	if (mode.length > 4) return { code: 'mode-too-long' as const, mode, char: '' };
	const bad = [...mode].find((ch) => ch < '0' || ch > '7');
	return bad === undefined ? undefined : { code: 'mode-invalid-character' as const, mode, char: bad };
}
