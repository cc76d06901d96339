import { entries, field, list } from '../data.ts';
import { ECS_EVENTS, LAMBDA_EVENTS } from '../events.ts';
import { renameKey } from '../fixes.ts';
import { nearestName } from '../suggest.ts';
import { isRecord } from '../values.ts';
import type { RuleContext } from '../context.ts';
import type { Rule } from './rule.ts';

/** Lambda's FunctionName pattern: a name, a partial ARN or a full ARN, with an optional qualifier. */
const FUNCTION_REF =
	/^(arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(-gov)?-[a-z]+-\d:\d{12}:function:|\d{12}:function:)?[a-zA-Z0-9_-]{1,64}(:(\$LATEST|[a-zA-Z0-9_-]{1,128}))?$/;

/**
 * ECS and Lambda hooks (reference §3.2, §4): a list of single-key maps, one Lambda function per event, and
 * only the platform's event names.
 */
export const serviceHooks: Rule = {
	id: 'service-hooks',
	platforms: ['ecs', 'lambda'],
	check(ctx) {
		const allowed: readonly string[] = ctx.platform === 'ecs' ? ECS_EVENTS : LAMBDA_EVENTS;
		const seen = new Set<string>();
		list(field(ctx.value, 'Hooks')).forEach((entry, index) => {
			const pairs = entries(entry);
			if (isRecord(entry) && pairs.length !== 1) {
				ctx.report('hook-entry-not-single', { path: ['Hooks', index] }, { count: pairs.length });
			}
			for (const [name, fn] of pairs) checkEvent(ctx, ['Hooks', index, name], name, fn, allowed, seen);
		});
	},
};

function checkEvent(
	ctx: RuleContext,
	path: (string | number)[],
	name: string,
	fn: unknown,
	allowed: readonly string[],
	seen: Set<string>,
): void {
	if (!allowed.includes(name)) {
		const suggestion = nearestName(name, allowed);
		const fix = suggestion ? renameKey(ctx, path, suggestion, 'fix-rename-hook') : undefined;
		const params = {
			name,
			platform: ctx.platform,
			allowed: allowed.join(', '),
			suggestion: suggestion ?? '',
		};
		ctx.report('hook-invalid-for-platform', { path, on: 'key' }, params, fix);
		return;
	}
	if (seen.has(name)) ctx.report('hook-duplicate-event', { path, on: 'key' }, { name });
	seen.add(name);
	if (typeof fn !== 'string') return;
	if (!FUNCTION_REF.test(fn)) {
		ctx.report('hook-function-invalid', { path }, { function: fn });
		return;
	}
	const functionName = fn.split(':function:').at(-1)?.split(':')[0] ?? fn;
	if (ctx.platform === 'ecs' && !functionName.startsWith('CodeDeployHook_')) {
		ctx.report('ecs-hook-name-prefix', { path }, { function: functionName });
	}
}
