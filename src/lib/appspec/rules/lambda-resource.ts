import { entries, field, list } from '../data.ts';
import type { RuleContext } from '../context.ts';
import type { Rule } from './rule.ts';

/**
 * One Lambda function per AppSpec, written `- <logicalName>: {Type, Properties}`; versions are positive
 * integers (`$LATEST` is not a version) and CodeDeploy shifts traffic between two different ones (reference §4).
 */
export const lambdaResource: Rule = {
	id: 'lambda-resource',
	platforms: ['lambda'],
	check(ctx) {
		list(field(ctx.value, 'Resources')).forEach((resource, index) => {
			const pairs = entries(resource);
			if (pairs.length > 1)
				ctx.report('lambda-resource-not-single', { path: ['Resources', index] }, { count: pairs.length });
			for (const [name, body] of pairs)
				checkVersions(ctx, ['Resources', index, name, 'Properties'], field(body, 'Properties'));
		});
	},
};

function checkVersions(ctx: RuleContext, path: (string | number)[], properties: unknown): void {
	if (properties === undefined || properties === null) return;
	const current = field(properties, 'CurrentVersion');
	const target = field(properties, 'TargetVersion');
	for (const [key, value] of [
		['CurrentVersion', current],
		['TargetVersion', target],
	] as const) {
		if (
			(typeof value === 'string' || typeof value === 'number') &&
			!/^[1-9]\d*$/.test(String(value).trim())
		) {
			ctx.report('lambda-version-invalid', { path: [...path, key] }, { field: key, value: String(value) });
		}
	}
	if (current === undefined) ctx.report('lambda-current-version-missing', { path, on: 'key' });
	else if (target !== undefined && String(current).trim() === String(target).trim()) {
		ctx.report(
			'lambda-target-equals-current',
			{ path: [...path, 'TargetVersion'] },
			{ version: String(target) },
		);
	}
}
