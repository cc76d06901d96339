/**
 * The `hooks` of a scenario from a parsed AppSpec document (the object the YAML or JSON parser returns): EC2 AppSpecs
 * keep scripts under `hooks` (a map of event → scripts, §1.7), ECS and Lambda AppSpecs keep functions under `Hooks`
 * (a list of single-key maps, §3.2, §4). The scenario validation then checks names and shapes as usual.
 */
export function hooksFromAppSpec(appspec: unknown): unknown {
	if (typeof appspec !== 'object' || appspec === null || Array.isArray(appspec)) return {};
	const document = appspec as Record<string, unknown>;
	return document['hooks'] ?? document['Hooks'] ?? {};
}
