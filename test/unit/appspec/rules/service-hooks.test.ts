import { describe, expect, it } from 'vitest';
import { codes, expectAt, yaml } from '../helpers.ts';

const LAMBDA = [
	'version: 0.0',
	'Resources:',
	'  - myFunction:',
	'      Type: AWS::Lambda::Function',
	'      Properties:',
	'        Name: my-function',
	'        Alias: live',
	'        CurrentVersion: "1"',
	'        TargetVersion: "2"',
];

describe('rule service-hooks (ECS, Lambda)', () => {
	it('accepts valid Lambda hooks', () => {
		expect(
			codes(
				yaml(
					...LAMBDA,
					'Hooks:',
					'  - BeforeAllowTraffic: check-before',
					'  - AfterAllowTraffic: arn:aws:lambda:eu-west-3:123456789012:function:after',
				),
			),
		).toEqual([]);
	});

	it('rejects an event of another platform and suggests a near miss', () => {
		expectAt(yaml(...LAMBDA, 'Hooks:', '  - BeforeInstall: f'), 'hook-invalid-for-platform', 11, 5);
		const d = expectAt(
			yaml(...LAMBDA, 'Hooks:', '  - BeforeAllowTrafic: f'),
			'hook-invalid-for-platform',
			11,
			5,
		);
		expect(d.fix?.edits[0]?.text).toBe('BeforeAllowTraffic');
	});

	it('requires one event per item and one function per event', () => {
		expectAt(
			yaml(...LAMBDA, 'Hooks:', '  - BeforeAllowTraffic: a', '    AfterAllowTraffic: b'),
			'hook-entry-not-single',
			11,
			5,
		);
		expectAt(
			yaml(...LAMBDA, 'Hooks:', '  - AfterAllowTraffic: a', '  - AfterAllowTraffic: b'),
			'hook-duplicate-event',
			12,
			5,
		);
	});

	it('rejects EC2-style hooks and invalid function names', () => {
		expectAt(yaml(...LAMBDA, 'Hooks:', '  BeforeAllowTraffic: a'), 'hooks-map-on-ecs-lambda', 11, 3);
		expectAt(
			yaml(...LAMBDA, 'Hooks:', '  - BeforeAllowTraffic: "my function"'),
			'hook-function-invalid',
			11,
			25,
		);
	});
});
