import { isAlias, visit, type Node } from 'yaml';
import type { Rule } from './rule.ts';

/** Psych 4 (Ruby ≥ 3.1) refuses aliases while older agents accept them: the verdict depends on the instance. */
export const yamlAliases: Rule = {
	id: 'yaml-aliases',
	platforms: ['server'],
	check(ctx) {
		const aliases: Node[] = [];
		visit(ctx.doc, {
			Alias(_, node) {
				if (isAlias(node)) aliases.push(node);
			},
		});
		for (const node of aliases.slice(0, 20)) {
			ctx.report('yaml-alias-server', { node }, { alias: isAlias(node) ? node.source : '' });
		}
	},
};
