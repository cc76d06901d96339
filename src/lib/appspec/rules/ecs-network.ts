import { field, list } from '../data.ts';
import type { Rule } from './rule.ts';

const NETWORK_KEYS = ['Subnets', 'SecurityGroups', 'AssignPublicIp'] as const;

/** NetworkConfiguration is all-or-none: with one of the three keys, all three are required (reference §3.1). */
export const ecsNetwork: Rule = {
	id: 'ecs-network',
	platforms: ['ecs'],
	check(ctx) {
		list(field(ctx.value, 'Resources')).forEach((resource, index) => {
			const path = [
				'Resources',
				index,
				'TargetService',
				'Properties',
				'NetworkConfiguration',
				'AwsvpcConfiguration',
			];
			let config: unknown = resource;
			for (const segment of path.slice(2)) config = field(config, String(segment));
			if (config === undefined) return;
			const missing = NETWORK_KEYS.filter(
				(key) => field(config, key) === undefined || field(config, key) === null,
			);
			if (missing.length > 0) {
				ctx.report('ecs-network-config-incomplete', { path, on: 'key' }, { missing: missing.join(', ') });
			}
		});
	},
};
