/** The deployment simulator: pure and deterministic (scenario + seed → events), shared by the CLI and the browser. */
export { simulate, instanceId, type SimulateOptions } from './simulate.ts';
export {
	parseScenario,
	formatPath,
	type Scenario,
	type ScenarioError,
	type ParseResult,
	type Fault,
} from './scenario.ts';
export { toReport, type Report, type ReportDeployment, type ReportInstance } from './report.ts';
export { compare, type Comparison, type ApproachMetrics } from './compare.ts';
export { renderTimeline, renderComparison, describeError, clock } from './timeline.ts';
export type { SimEvent, SimEventData, DeploymentStatus, EventStatus } from './events.ts';
export {
	planBatches,
	minimumHealthyCount,
	nextBatchSize,
	trafficSteps,
	predefinedConfig,
	predefinedNames,
	SERVER_CONFIGS,
	LAMBDA_CONFIGS,
	ECS_CONFIGS,
} from './configs.ts';
export { messages } from './messages.ts';
export { hooksFromAppSpec } from './appspec-hooks.ts';
