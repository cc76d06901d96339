import { accountHandlers } from './account.ts';
import type { IamHandler } from './context.ts';
import { groupHandlers } from './groups.ts';
import { holderHandlers } from './holders.ts';
import { policyHandlers } from './policies.ts';
import { roleHandlers } from './roles.ts';
import { simulateHandlers } from './simulate.ts';
import { userHandlers } from './users.ts';

/** Every IAM action the practice account implements, by awsQuery `Action` name. */
export const IAM_HANDLERS: Readonly<Record<string, IamHandler>> = {
	...userHandlers,
	...groupHandlers,
	...roleHandlers,
	...holderHandlers,
	...policyHandlers,
	...accountHandlers,
	...simulateHandlers,
};

/** Reads never change the state; everything else is saved after it succeeds. */
export function isReadAction(action: string): boolean {
	return /^(Get|List|Simulate)/.test(action);
}
