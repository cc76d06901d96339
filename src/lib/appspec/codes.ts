/**
 * Every diagnostic code, with its fixed severity. Codes are stable: lessons, quizzes and snapshots refer to
 * them, so rename none. `error` = AWS rejects the file; `warning` = AWS accepts it but it almost certainly does
 * not do what the author meant; `info` = worth knowing.
 */
export const CODE_SEVERITY = {
	// Document and YAML layer
	'document-too-large': 'error',
	'document-too-deep': 'error',
	'document-empty': 'error',
	'document-not-map': 'error',
	'yaml-syntax': 'error',
	'yaml-tab-indent': 'error',
	'yaml-multiple-documents': 'error',
	'yaml-alias-limit': 'error',
	'yaml-alias-server': 'warning',
	'yaml-warning': 'warning',
	'key-duplicate': 'warning',
	'key-unknown': 'warning',
	'platform-mismatch': 'warning',
	'too-many-diagnostics': 'info',
	'internal-error': 'error',
	// Generic shape layer (zod)
	'type-mismatch': 'error',
	'key-required': 'error',
	'value-not-allowed': 'error',
	'value-out-of-range': 'error',
	'shape-invalid': 'error',
	// version, os, file_exists_behavior
	'version-missing': 'error',
	'version-quoted': 'error',
	'version-invalid': 'error',
	'os-missing': 'error',
	'os-invalid': 'error',
	'os-mismatch': 'error',
	'file-exists-behavior-invalid': 'error',
	// Hooks, EC2/on-premises
	'hooks-list-on-server': 'error',
	'hook-event-not-list': 'error',
	'hook-script-not-map': 'error',
	'hook-location-missing': 'error',
	'hook-location-absolute': 'info',
	'hook-timeout-invalid': 'error',
	'hook-timeout-not-integer': 'warning',
	'hook-timeout-over-limit': 'warning',
	'hook-event-timeout-total-over-limit': 'warning',
	'hook-unknown-name': 'warning',
	'hook-reserved-event': 'warning',
	'hook-runas-windows': 'warning',
	'hook-event-empty': 'info',
	// Hooks, ECS and Lambda
	'hooks-map-on-ecs-lambda': 'error',
	'hook-invalid-for-platform': 'error',
	'hook-entry-not-single': 'error',
	'hook-duplicate-event': 'error',
	'hook-function-invalid': 'error',
	'ecs-hook-name-prefix': 'info',
	// files
	'files-source-missing': 'error',
	'files-destination-missing': 'error',
	'files-destination-relative': 'warning',
	'files-source-glob': 'error',
	// permissions
	'permissions-on-windows': 'error',
	'permission-object-missing': 'error',
	'permission-object-duplicate': 'error',
	'permission-type-invalid': 'error',
	'permission-except-nested': 'warning',
	'mode-octal-unquoted': 'warning',
	'mode-octal-unquoted-rejected': 'error',
	'mode-too-long': 'error',
	'mode-invalid-character': 'error',
	'acl-invalid-entry': 'error',
	'acl-base-entry': 'error',
	'acl-invalid-permission': 'error',
	'context-type-missing': 'error',
	'context-user-ignored': 'warning',
	'context-range-invalid': 'error',
	// ECS resources
	'resources-count': 'error',
	'ecs-task-definition-not-arn': 'error',
	'ecs-task-definition-placeholder': 'info',
	'ecs-network-config-incomplete': 'error',
	'ecs-capacity-base-multiple': 'error',
	'ecs-capacity-weight-zero': 'error',
	// Lambda resources
	'lambda-resource-not-single': 'error',
	'lambda-version-invalid': 'error',
	'lambda-current-version-missing': 'warning',
	'lambda-target-equals-current': 'warning',
} as const;

export type AppSpecCode = keyof typeof CODE_SEVERITY;

/** The list of stable diagnostic codes. */
export const APPSPEC_CODES = Object.keys(CODE_SEVERITY) as AppSpecCode[];

export function isAppSpecCode(value: unknown): value is AppSpecCode {
	return typeof value === 'string' && Object.hasOwn(CODE_SEVERITY, value);
}
