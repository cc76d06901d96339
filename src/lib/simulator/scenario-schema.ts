import { z } from 'zod';

/**
 * The raw shape of a scenario file (JSON or YAML), before the cross-field rules of `scenario.ts`.
 * Custom messages are keys of the simulator catalog (`messages.ts`) so errors read in both languages.
 */

const seconds = z.number().int().min(0);
const position = z.number().int().min(1).max(100);
const instanceSelection = z.union([z.literal('all'), z.array(position).min(1)]);
const role = z.enum(['original', 'replacement']);
const deploymentSelector = z.enum(['deployment', 'rollback']).default('deployment');

export const scriptSchema = z.strictObject({
	location: z.string().trim().min(1),
	timeout: z.number().int().positive().optional(),
	/** Accepted so an AppSpec's hooks can be pasted as they are; the simulator does not model users. */
	runas: z.string().optional(),
	/** How long the script normally runs, in seconds (simulation input, not an AppSpec key). */
	duration: z.number().int().min(0).max(36_000).optional(),
});

const hookFunctionSchema = z.union([
	z.string().trim().min(1),
	z.strictObject({ name: z.string().trim().min(1), duration: seconds.max(36_000).optional() }),
]);

const scriptFault = (type: 'scriptFails' | 'scriptTimesOut' | 'scriptMissing') =>
	z.strictObject({
		type: z.literal(type),
		event: z.string().min(1),
		instances: instanceSelection.optional(),
		role: role.optional(),
		exitCode: z.number().int().min(1).max(255).optional(),
		deployment: deploymentSelector,
	});

export const faultSchema = z.discriminatedUnion('type', [
	scriptFault('scriptFails'),
	scriptFault('scriptTimesOut'),
	scriptFault('scriptMissing'),
	z.strictObject({
		type: z.literal('instanceStops'),
		instance: position,
		role: role.optional(),
		at: seconds,
	}),
	z.strictObject({ type: z.literal('alarm'), at: seconds, name: z.string().min(1).default('HighErrorRate') }),
	z.strictObject({ type: z.literal('agentMissing'), instances: instanceSelection, role: role.optional() }),
]);

const minimumHealthyHostsSchema = z.strictObject({
	type: z.enum(['HOST_COUNT', 'FLEET_PERCENT']),
	value: z.number().int().min(0),
});

const trafficRoutingSchema = z.discriminatedUnion('type', [
	z.strictObject({ type: z.literal('AllAtOnce') }),
	z.strictObject({
		type: z.literal('TimeBasedCanary'),
		canaryPercentage: z.number().int().min(1).max(99),
		canaryIntervalMinutes: z.number().int().min(1).max(2880),
	}),
	z.strictObject({
		type: z.literal('TimeBasedLinear'),
		linearPercentage: z.number().int().min(1).max(99),
		linearIntervalMinutes: z.number().int().min(1).max(2880),
	}),
]);

const deploymentConfigSchema = z.union([
	z.string().min(1),
	z.strictObject({ name: z.string().optional(), minimumHealthyHosts: minimumHealthyHostsSchema }),
	z.strictObject({ name: z.string().optional(), trafficRouting: trafficRoutingSchema }),
]);

const readyOptionSchema = z.discriminatedUnion('action', [
	z.strictObject({ action: z.literal('CONTINUE_DEPLOYMENT') }),
	z.strictObject({
		action: z.literal('STOP_DEPLOYMENT'),
		/** waitTimeInMinutes: at most 48 h on EC2, 120 h on ECS (§5.6). */
		waitMinutes: z.number().int().min(1).max(7200),
		/** When the learner clicks "Continue"; absent or later than waitMinutes means the deployment stops. */
		continueAfterMinutes: z.number().int().min(0).optional(),
	}),
]);

const terminationSchema = z.discriminatedUnion('action', [
	z.strictObject({
		action: z.literal('TERMINATE'),
		waitMinutes: z.number().int().min(0).max(2880).default(0),
	}),
	z.strictObject({ action: z.literal('KEEP_ALIVE') }),
]);

export const rawScenarioSchema = z.strictObject({
	name: z.string().optional(),
	platform: z.enum(['server', 'lambda', 'ecs']),
	deploymentType: z.enum(['in-place', 'blue-green']).optional(),
	fleet: z
		.strictObject({
			size: z.number().int().min(1).max(100),
			kind: z.enum(['ec2', 'on-premises']).default('ec2'),
		})
		.optional(),
	loadBalancer: z
		.union([
			z.boolean(),
			z.strictObject({ deregistrationDelaySeconds: z.number().int().min(0).max(3600).default(300) }),
		])
		.default(false),
	testListener: z.boolean().optional(),
	deploymentConfig: deploymentConfigSchema.optional(),
	firstDeployment: z.boolean().default(false),
	hooks: z
		.union([
			z.record(z.string(), z.union([z.null(), z.array(scriptSchema), hookFunctionSchema])),
			z.array(z.record(z.string(), hookFunctionSchema)),
		])
		.default({}),
	faults: z.array(faultSchema).default([]),
	autoRollback: z
		.strictObject({ onFailure: z.boolean().default(false), onAlarm: z.boolean().default(false) })
		.default({ onFailure: false, onAlarm: false }),
	blueGreen: z
		.strictObject({
			readyOption: readyOptionSchema.optional(),
			terminateOriginals: terminationSchema.optional(),
		})
		.optional(),
});

export type RawScenario = z.infer<typeof rawScenarioSchema>;
export type RawFault = z.infer<typeof faultSchema>;
