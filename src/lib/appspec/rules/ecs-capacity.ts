import { field, list } from '../data.ts';
import type { Rule } from './rule.ts';

/** Only one capacity provider may set a base, and at least one needs a weight above 0 (reference §3.1). */
export const ecsCapacity: Rule = {
	id: 'ecs-capacity',
	platforms: ['ecs'],
	check(ctx) {
		list(field(ctx.value, 'Resources')).forEach((resource, index) => {
			const path = ['Resources', index, 'TargetService', 'Properties', 'CapacityProviderStrategy'];
			const strategy = field(
				field(field(resource, 'TargetService'), 'Properties'),
				'CapacityProviderStrategy',
			);
			const providers = list(strategy);
			if (providers.length === 0) return;
			const withBase = providers.filter(
				(p) => typeof field(p, 'Base') === 'number' && (field(p, 'Base') as number) > 0,
			);
			if (withBase.length > 1)
				ctx.report('ecs-capacity-base-multiple', { path, on: 'key' }, { count: withBase.length });
			const weighted = providers.some(
				(p) => typeof field(p, 'Weight') === 'number' && (field(p, 'Weight') as number) > 0,
			);
			if (!weighted) ctx.report('ecs-capacity-weight-zero', { path, on: 'key' });
		});
	},
};
