import type { RuleContext } from '../context.ts';
import type { Platform } from '../types.ts';

/** Layer 3: one semantic rule per file. Rules read `ctx.value` defensively: the shape layer may have failed. */
export interface Rule {
	readonly id: string;
	readonly platforms: readonly Platform[];
	check(ctx: RuleContext): void;
}

export const ALL_PLATFORMS: readonly Platform[] = ['server', 'ecs', 'lambda'];
