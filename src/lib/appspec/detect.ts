import { entries, field, list } from './data.ts';
import type { Platform } from './types.ts';

/**
 * The platform an AppSpec is written for: ECS names a `TargetService`, Lambda an `AWS::Lambda::Function` (or
 * the SAM type people mistake for it, or a resource with `Alias`/`TargetVersion`);
 * anything else is an EC2/on-premises AppSpec. Reads the data when YAML parsed, else the raw text.
 */
export function detectPlatform(value: unknown, source: string): Platform {
	if (value !== undefined) return detectFromData(value);
	if (/\bTargetService\b|AWS::ECS::Service/.test(source)) return 'ecs';
	if (/AWS::Lambda::Function|AWS::Serverless::Function/.test(source)) return 'lambda';
	return 'server';
}

function detectFromData(value: unknown): Platform {
	const resources = list(field(value, 'Resources') ?? field(value, 'resources'));
	for (const resource of resources) {
		for (const [name, body] of entries(resource)) {
			const type = field(body, 'Type') ?? field(body, 'type');
			if (name === 'TargetService' || type === 'AWS::ECS::Service') return 'ecs';
			if (type === 'AWS::Lambda::Function' || type === 'AWS::Serverless::Function') return 'lambda';
			const properties = field(body, 'Properties');
			if (field(properties, 'TargetVersion') !== undefined || field(properties, 'Alias') !== undefined)
				return 'lambda';
		}
	}
	return 'server';
}
