/** Lifecycle event names (reference §1.7.4, §3.2, §4). Case-sensitive everywhere. */
export const SERVER_EVENTS = [
	'ApplicationStop',
	'BeforeInstall',
	'AfterInstall',
	'ApplicationStart',
	'ValidateService',
	'BeforeBlockTraffic',
	'AfterBlockTraffic',
	'BeforeAllowTraffic',
	'AfterAllowTraffic',
] as const;

/** Run by the agent or the service itself: scripts listed under them never run. */
export const SERVER_RESERVED_EVENTS = [
	'Start',
	'DownloadBundle',
	'Install',
	'BlockTraffic',
	'AllowTraffic',
	'End',
] as const;

export const ECS_EVENTS = [
	'BeforeInstall',
	'AfterInstall',
	'AfterAllowTestTraffic',
	'BeforeAllowTraffic',
	'AfterAllowTraffic',
] as const;

export const LAMBDA_EVENTS = ['BeforeAllowTraffic', 'AfterAllowTraffic'] as const;

/** The hard limit on one lifecycle event, and the documented maximum for the sum of its script timeouts. */
export const EVENT_TIME_LIMIT_SECONDS = 3600;
