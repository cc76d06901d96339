import { describe, expect, it } from 'vitest';
import { validateAppSpec } from '../../../../src/lib/appspec/index.ts';
import { SERVER_HEAD, codes, expectAt, yaml } from '../helpers.ts';

const ECS_DOC = yaml(
	'version: 0.0',
	'Resources:',
	'  - TargetService:',
	'      Type: AWS::ECS::Service',
	'      Properties:',
	'        TaskDefinition: arn:aws:ecs:eu-west-3:123456789012:task-definition/web:3',
	'        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}',
);

describe('platform detection and rule platform-mismatch', () => {
	it('detects ECS, Lambda and server', () => {
		expect(validateAppSpec(ECS_DOC).platform).toBe('ecs');
		expect(validateAppSpec(yaml(...SERVER_HEAD)).platform).toBe('server');
		expect(validateAppSpec('version: 0.0\nResources:\n  - f: {Type: AWS::Lambda::Function}\n').platform).toBe(
			'lambda',
		);
		expect(validateAppSpec('Resources: [ {TargetService: ').platform).toBe('ecs');
	});

	it('warns when the chosen platform differs from what the document looks like', () => {
		const d = expectAt(ECS_DOC, 'platform-mismatch', 2, 1, { platform: 'lambda' });
		expect(d.params).toMatchObject({ platform: 'lambda', detected: 'ecs' });
	});
});

describe('rule top-level-keys', () => {
	it('flags keys AWS ignores, with a rename fix for near misses', () => {
		const d = expectAt(yaml(...SERVER_HEAD, 'Hooks:', '  AfterInstall: []'), 'key-unknown', 3, 1, {}, 6);
		expect(d.fix?.edits[0]?.text).toBe('hooks');
		expect(codes(yaml(...SERVER_HEAD, 'resources: []'))).toEqual(['key-unknown']);
	});

	it('uses the platform’s own key names', () => {
		expect(codes(ECS_DOC)).toEqual([]);
		const lower = ECS_DOC.replace('Resources:', 'Resources:') + 'hooks: []\n';
		expect(expectAt(lower, 'key-unknown', 8, 1).params['suggestion']).toBe('Hooks');
	});
});
