/**
 * Durations the simulator uses, in seconds. AWS documents limits, not typical durations; where a number is a
 * documented default or limit the comment names the source, otherwise it is a stated estimate of a small web
 * application (a few-MB bundle, scripts that restart a service) and a scenario can override script durations.
 */

/** Per-event work the agent does even when no script runs: it polls for the command and acknowledges it (estimate). */
export const AGENT_EVENT_OVERHEAD = 1;
/** DownloadBundle: fetching a few-MB revision from S3 inside the Region (estimate). */
export const DOWNLOAD_BUNDLE_DURATION = 6;
/** Install: copying the files section and applying permissions (estimate). */
export const INSTALL_DURATION = 3;
/**
 * BlockTraffic: deregistering from the load balancer waits for connection draining. 300 s is the documented default
 * deregistration delay of an ELB target group (and the Classic Load Balancer's connection-draining default).
 */
export const DEFAULT_DEREGISTRATION_DELAY = 300;
/**
 * AllowTraffic: registering and passing the target group's health checks. Documented ALB defaults: a check every
 * 30 s, healthy after 5 consecutive successes, so up to 150 s; a target usually passes sooner (estimate: 60 s).
 */
export const ALLOW_TRAFFIC_DURATION = 60;
/** Default running time of a hook script when the scenario does not give one (estimate, per event). */
export const DEFAULT_SCRIPT_DURATION: Readonly<Record<string, number>> = {
	ApplicationStop: 5,
	BeforeInstall: 10,
	AfterInstall: 15,
	ApplicationStart: 10,
	ValidateService: 20,
	BeforeBlockTraffic: 5,
	AfterBlockTraffic: 5,
	BeforeAllowTraffic: 5,
	AfterAllowTraffic: 5,
};
/** Default script `timeout` (AGENT and hooks page: 3600 s). */
export const DEFAULT_SCRIPT_TIMEOUT = 3600;
/** The service fails any lifecycle event not completed within 3600 s (DOCS limits.html). */
export const MAX_EVENT_DURATION = 3600;
/** A lifecycle event that does not start within 5 minutes fails the deployment (DOCS limits.html): a missing agent. */
export const AGENT_MISSING_TIMEOUT = 300;
/** A failing script usually fails part-way through its normal run (estimate: half of it). */
export const FAILING_SCRIPT_FRACTION = 0.5;
/** Blue/green on EC2: launching replacement instances (copy of the Auto Scaling group) until they run the agent (estimate). */
export const PROVISION_REPLACEMENTS_DURATION = 180;
/** Terminating the original instances once the wait is over (estimate). */
export const TERMINATE_DURATION = 30;
/** ECS Install: starting the replacement task set and getting its tasks healthy in target group 2 (estimate). */
export const ECS_INSTALL_DURATION = 90;
/** ECS AllowTestTraffic: pointing the test listener at the replacement task set (estimate). */
export const ECS_TEST_TRAFFIC_DURATION = 5;
/** A Lambda or ECS traffic shift: updating alias weights or listener rules (estimate). */
export const TRAFFIC_SHIFT_DURATION = 2;
/** A hook Lambda function's run until it calls PutLifecycleEventHookExecutionStatus (estimate). */
export const HOOK_FUNCTION_DURATION = 15;
/** A hook function that never reports fails the deployment after one hour (DOCS hooks page). */
export const HOOK_FUNCTION_TIMEOUT = 3600;
/** Start of a rollback after the failure that triggered it (estimate). */
export const ROLLBACK_START_DELAY = 1;
