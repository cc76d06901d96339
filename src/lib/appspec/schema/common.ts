import * as z from 'zod';
import { bi, codeWhen, isMissing, isPlainMap } from './describe.ts';

/** The service-side parser (ECS, Lambda) takes the number 0.0; the JSON string "0.0" works in practice too. */
export const serviceVersion = z
	.union([z.literal(0), z.literal('0.0')], {
		...codeWhen((input) => (isMissing(input) ? 'version-missing' : 'version-invalid')),
	})
	.meta(bi('Toujours 0.0.', 'Always 0.0.'));

/**
 * ECS and Lambda hooks: a list of single-key maps, event name → Lambda function name or ARN. Unknown names are
 * parsed here and reported by the rules; the JSON Schema still lists the allowed names so editors complete them.
 */
export function serviceHooks(events: readonly string[]) {
	const fn = z
		.string()
		.meta(
			bi('Nom ou ARN de la fonction Lambda de validation.', 'Name or ARN of the validation Lambda function.'),
		);
	const entry = z
		.object(Object.fromEntries(events.map((name) => [name, fn.optional()])))
		.catchall(z.string())
		.meta({
			additionalProperties: false,
			minProperties: 1,
			maxProperties: 1,
			...bi('Un événement : une fonction.', 'One event: one function.'),
		});
	return z
		.array(entry, { ...codeWhen((input) => (isPlainMap(input) ? 'hooks-map-on-ecs-lambda' : undefined)) })
		.nullable()
		.optional()
		.meta(
			bi(
				'Liste de paires « événement: fonction Lambda », une par événement.',
				'List of "event: Lambda function" pairs, one per event.',
			),
		);
}

export const resourcesCount = { ...codeWhen(() => 'resources-count') };
