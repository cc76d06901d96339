/** Public API of the AppSpec validator, shared by the editor, the lessons, the CLI and the tests. */
export { validateAppSpec } from './validate.ts';
export { formatDiagnostic, diagnosticMessage, agentQuote, fixTitle, PLATFORM_NAMES } from './format.ts';
export { APPSPEC_CODES, CODE_SEVERITY, isAppSpecCode, type AppSpecCode } from './codes.ts';
export { appSpecJsonSchema, APPSPEC_SCHEMAS } from './schema/index.ts';
export { detectPlatform } from './detect.ts';
export { LIMITS } from './limits.ts';
export { SERVER_EVENTS, SERVER_RESERVED_EVENTS, ECS_EVENTS, LAMBDA_EVENTS } from './events.ts';
export { messages } from './messages.ts';
export type {
	Diagnostic,
	DiagnosticParams,
	Fix,
	FixTitleKey,
	Platform,
	Position,
	Range,
	Severity,
	TargetOs,
	TextEdit,
	ValidateOptions,
	ValidationResult,
} from './types.ts';
