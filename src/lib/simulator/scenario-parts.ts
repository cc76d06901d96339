import type { Platform } from './configs.ts';
import { DEFAULT_SCRIPT_TIMEOUT } from './constants.ts';
import { ECS_HOOKS, LAMBDA_HOOKS, RESERVED_EVENTS, SERVER_HOOKS } from './lifecycle.ts';
import type { RawFault, RawScenario } from './scenario-schema.ts';
import type { Add, Fault, HookFunction, ScriptSpec } from './scenario.ts';

/** The hooks and faults parts of scenario validation: cross-field rules that zod alone cannot express. */

export function normalizeHooks(raw: RawScenario, add: Add) {
	const hooks: Record<string, ScriptSpec[]> = {};
	const hookFunctions: Record<string, HookFunction> = {};
	const entries: [string, unknown, string][] = Array.isArray(raw.hooks)
		? raw.hooks.flatMap((item, index) =>
				Object.entries(item).map(([name, value]): [string, unknown, string] => [
					name,
					value,
					`hooks[${index}].${name}`,
				]),
			)
		: Object.entries(raw.hooks).map(([name, value]) => [name, value, `hooks.${name}`]);
	const valid: readonly string[] =
		raw.platform === 'server' ? SERVER_HOOKS : raw.platform === 'ecs' ? ECS_HOOKS : LAMBDA_HOOKS;
	for (const [name, value, path] of entries) {
		if (!valid.includes(name)) {
			const reserved = (RESERVED_EVENTS as readonly string[]).includes(name);
			add(path, reserved ? 'scenario.reservedEvent' : 'scenario.unknownHook', {
				name,
				platform: raw.platform,
				valid: valid.join(', '),
			});
			continue;
		}
		if (value === null) continue; // An empty event is ignored by the agent (§1.7.1).
		if (raw.platform === 'server') {
			if (!Array.isArray(value)) add(path, 'scenario.serverHookShape');
			else
				hooks[name] = value.map(
					(script: { location: string; timeout?: number | undefined; duration?: number | undefined }) => ({
						location: script.location,
						timeout: script.timeout ?? DEFAULT_SCRIPT_TIMEOUT,
						duration: script.duration,
					}),
				);
		} else if (Array.isArray(value)) add(path, 'scenario.functionHookShape');
		else if (typeof value === 'string') hookFunctions[name] = { name: value, duration: undefined };
		else {
			const fn = value as { name: string; duration?: number | undefined };
			hookFunctions[name] = { name: fn.name, duration: fn.duration };
		}
	}
	return { hooks, hookFunctions };
}

export function normalizeFault(
	fault: RawFault,
	index: number,
	platform: Platform,
	fleetSize: number,
	hooks: Readonly<Record<string, readonly ScriptSpec[]>>,
	hookFunctions: Readonly<Record<string, HookFunction>>,
	add: Add,
): Fault {
	const path = `faults[${index}]`;
	const checkPositions = (positions: readonly number[] | 'all', at: string) => {
		if (positions === 'all') return;
		positions.forEach(
			(p, i) =>
				p > fleetSize &&
				add(`${path}.${at}[${i}]`, 'scenario.noSuchInstance', { position: p, size: fleetSize }),
		);
	};
	switch (fault.type) {
		case 'alarm':
			return fault;
		case 'instanceStops':
		case 'agentMissing':
			if (platform !== 'server')
				add(`${path}.type`, 'scenario.faultServerOnly', { type: fault.type, platform });
			if (fault.type === 'instanceStops') {
				if (fault.instance > fleetSize && platform === 'server')
					add(`${path}.instance`, 'scenario.noSuchInstance', { position: fault.instance, size: fleetSize });
				return { type: fault.type, instance: fault.instance, role: fault.role, at: fault.at };
			}
			checkPositions(fault.instances, 'instances');
			return { type: fault.type, instances: fault.instances, role: fault.role };
		default: {
			const hasHook =
				platform === 'server' ? (hooks[fault.event]?.length ?? 0) > 0 : fault.event in hookFunctions;
			if (!hasHook) add(`${path}.event`, 'scenario.faultWithoutHook', { event: fault.event });
			if (platform === 'server' && !fault.instances) add(`${path}.instances`, 'scenario.faultNeedsInstances');
			if (fault.type === 'scriptMissing' && platform !== 'server')
				add(`${path}.type`, 'scenario.faultServerOnly', { type: fault.type, platform });
			checkPositions(fault.instances ?? 'all', 'instances');
			return {
				type: fault.type,
				event: fault.event,
				instances: fault.instances ?? 'all',
				role: fault.role,
				exitCode: fault.exitCode ?? 1,
				deployment: fault.deployment,
			};
		}
	}
}
