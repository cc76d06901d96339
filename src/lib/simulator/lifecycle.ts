/** Lifecycle event names and orders (reference appspec.md §2, §3.2, §4). */

import { ECS_EVENTS, LAMBDA_EVENTS, SERVER_EVENTS } from '../appspec/events.ts';

/** Events an EC2/on-premises AppSpec can attach scripts to (§1.7.4): the validator's list, so both agree. */
export const SERVER_HOOKS = SERVER_EVENTS;

/** Events reserved for the agent or the service: no scripts (§1.7.4). */
export const RESERVED_EVENTS = ['DownloadBundle', 'Install', 'BlockTraffic', 'AllowTraffic'] as const;

/** ECS hooks, each one Lambda function (§3.2); there is no BeforeAllowTestTraffic. */
export const ECS_HOOKS = ECS_EVENTS;

/** Lambda hooks (§4). */
export const LAMBDA_HOOKS = LAMBDA_EVENTS;

export const BLOCK_TRAFFIC = ['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic'] as const;
export const ALLOW_TRAFFIC = ['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'] as const;
const INSTALL = [
	'ApplicationStop',
	'DownloadBundle',
	'BeforeInstall',
	'Install',
	'AfterInstall',
	'ApplicationStart',
	'ValidateService',
] as const;

/** §2.1: in-place order, also the order of an in-place rollback. */
export const IN_PLACE_ORDER: readonly string[] = [...BLOCK_TRAFFIC, ...INSTALL, ...ALLOW_TRAFFIC];
/** §2.2: replacement instances install, then (after the optional wait) take traffic. */
export const REPLACEMENT_INSTALL_ORDER: readonly string[] = INSTALL;
export const REPLACEMENT_REROUTE_ORDER: readonly string[] = ALLOW_TRAFFIC;
/** §2.2: then the originals stop taking traffic. */
export const ORIGINAL_ORDER: readonly string[] = BLOCK_TRAFFIC;
/** §2.3 and §2.5: a blue/green rollback runs the AllowTraffic events on the originals, BlockTraffic on the replacements. */
export const ROLLBACK_ORIGINAL_ORDER: readonly string[] = ALLOW_TRAFFIC;
export const ROLLBACK_REPLACEMENT_ORDER: readonly string[] = BLOCK_TRAFFIC;

/** §2.1: the six traffic events apply only with a load balancer. */
export const TRAFFIC_EVENTS: ReadonlySet<string> = new Set([...BLOCK_TRAFFIC, ...ALLOW_TRAFFIC]);

/** ECS order (§3.2), with the reserved steps run by the service. */
export const ECS_ORDER = [
	'BeforeInstall',
	'Install',
	'AfterInstall',
	'AllowTestTraffic',
	'AfterAllowTestTraffic',
	'BeforeAllowTraffic',
	'AllowTraffic',
	'AfterAllowTraffic',
] as const;
/** Lambda order (§4). */
export const LAMBDA_ORDER = ['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'] as const;

export function isServerHook(name: string): boolean {
	return (SERVER_HOOKS as readonly string[]).includes(name);
}
