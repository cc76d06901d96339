import * as z from 'zod';
import type { Platform } from '../types.ts';
import { ecsAppSpec } from './ecs.ts';
import { lambdaAppSpec } from './lambda.ts';
import { serverAppSpec } from './server.ts';

export { ecsAppSpec, lambdaAppSpec, serverAppSpec };

export const APPSPEC_SCHEMAS = {
	server: serverAppSpec,
	ecs: ecsAppSpec,
	lambda: lambdaAppSpec,
} as const satisfies Record<Platform, z.ZodType>;

/**
 * The JSON Schema learners plug into VS Code (`yaml.schemas`), derived from the same zod schemas the validator
 * uses, so the two cannot disagree. Draft-07 is what the YAML language server understands best.
 */
export function appSpecJsonSchema(): Record<string, unknown> {
	const schema = z.union([serverAppSpec, ecsAppSpec, lambdaAppSpec]).meta({
		title: 'AWS CodeDeploy AppSpec',
		description:
			'AppSpec CodeDeploy (EC2/sur site, ECS ou Lambda) — Atelier CodeDeploy / CodeDeploy AppSpec (EC2/on-premises, ECS or Lambda) — Atelier CodeDeploy',
	});
	return z.toJSONSchema(schema, {
		target: 'draft-7',
		io: 'output',
		unrepresentable: 'any',
	}) as Record<string, unknown>;
}
