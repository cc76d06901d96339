import { describe, expect, it } from 'vitest';
import { codes, expectAt, yaml } from '../helpers.ts';

const ECS = (...properties: string[]) =>
	yaml(
		'version: 0.0',
		'Resources:',
		'  - TargetService:',
		'      Type: AWS::ECS::Service',
		'      Properties:',
		'        TaskDefinition: arn:aws:ecs:eu-west-3:123456789012:task-definition/web:3',
		'        LoadBalancerInfo:',
		'          ContainerName: web',
		'          ContainerPort: 80',
		...properties.map((p) => `        ${p}`),
	);

describe('ECS rules', () => {
	it('accepts a minimal ECS AppSpec and detects the platform', () => {
		expect(codes(ECS())).toEqual([]);
	});

	it('ecs-task-definition: an ARN is required; the CodePipeline placeholder is noted', () => {
		const src = ECS().replace(/TaskDefinition: .*/, 'TaskDefinition: web:3');
		expectAt(src, 'ecs-task-definition-not-arn', 6, 25);
		const placeholder = ECS().replace(/TaskDefinition: .*/, 'TaskDefinition: <TASK_DEFINITION>');
		expect(codes(placeholder)).toEqual(['ecs-task-definition-placeholder']);
	});

	it('ContainerPort must be a number', () => {
		const d = expectAt(ECS().replace('ContainerPort: 80', 'ContainerPort: "80"'), 'type-mismatch', 9, 26);
		expect(d.params['expected']).toBe('number');
	});

	it('ecs-network: all three keys or none', () => {
		const src = ECS('NetworkConfiguration:', '  AwsvpcConfiguration:', '    Subnets: [subnet-1]');
		expect(expectAt(src, 'ecs-network-config-incomplete', 11, 11).params['missing']).toBe(
			'SecurityGroups, AssignPublicIp',
		);
	});

	it('ecs-capacity: one base, some weight', () => {
		const src = ECS(
			'CapacityProviderStrategy:',
			'  - {CapacityProvider: a, Base: 1, Weight: 0}',
			'  - {CapacityProvider: b, Base: 2}',
		);
		expect(codes(src)).toEqual(['ecs-capacity-base-multiple', 'ecs-capacity-weight-zero']);
	});

	it('Resources must hold exactly one target', () => {
		const two = ECS() + '  - TargetService: {Type: AWS::ECS::Service}\n';
		expect(codes(two)).toContain('resources-count');
	});
});
