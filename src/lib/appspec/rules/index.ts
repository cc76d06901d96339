import { ecsCapacity } from './ecs-capacity.ts';
import { ecsNetwork } from './ecs-network.ts';
import { ecsTaskDefinition } from './ecs-task-definition.ts';
import { filesPaths } from './files-paths.ts';
import { hookEventEmpty } from './hook-event-empty.ts';
import { hookLocation } from './hook-location.ts';
import { hookNames } from './hook-names.ts';
import { hookRunas } from './hook-runas.ts';
import { hookTimeouts } from './hook-timeouts.ts';
import { lambdaResource } from './lambda-resource.ts';
import { osMatch } from './os-match.ts';
import { permissionAcls } from './permission-acls.ts';
import { permissionContext } from './permission-context.ts';
import { permissionExcept } from './permission-except.ts';
import { permissionMode } from './permission-mode.ts';
import { permissionObjects } from './permission-objects.ts';
import { permissionsWindows } from './permissions-windows.ts';
import { platformMismatch } from './platform-mismatch.ts';
import type { Rule } from './rule.ts';
import { serviceHooks } from './service-hooks.ts';
import { topLevelKeys } from './top-level-keys.ts';
import { yamlAliases } from './yaml-aliases.ts';

export type { Rule } from './rule.ts';

/** Every semantic rule, in the order the agent parses sections (version, os, hooks, files, permissions). */
export const RULES: readonly Rule[] = [
	platformMismatch,
	topLevelKeys,
	yamlAliases,
	osMatch,
	hookNames,
	hookEventEmpty,
	hookLocation,
	hookTimeouts,
	hookRunas,
	filesPaths,
	permissionsWindows,
	permissionObjects,
	permissionMode,
	permissionAcls,
	permissionContext,
	permissionExcept,
	serviceHooks,
	ecsTaskDefinition,
	ecsNetwork,
	ecsCapacity,
	lambdaResource,
];
