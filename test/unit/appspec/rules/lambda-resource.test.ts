import { describe, expect, it } from 'vitest';
import { codes, expectAt, yaml } from '../helpers.ts';

const LAMBDA = (current: string | undefined, target: string) =>
	yaml(
		'version: 0.0',
		'Resources:',
		'  - myFunction:',
		'      Type: AWS::Lambda::Function',
		'      Properties:',
		'        Name: my-function',
		'        Alias: live',
		...(current === undefined ? [] : [`        CurrentVersion: ${current}`]),
		`        TargetVersion: ${target}`,
	);

describe('rule lambda-resource', () => {
	it('accepts distinct positive versions', () => {
		expect(codes(LAMBDA('"1"', '"2"'))).toEqual([]);
	});

	it('rejects $LATEST and non-integers', () => {
		expectAt(LAMBDA('"1"', '$LATEST'), 'lambda-version-invalid', 9, 24);
	});

	it('warns when versions are equal or the current one is missing', () => {
		expectAt(LAMBDA('"2"', '"2"'), 'lambda-target-equals-current', 9, 24);
		expectAt(LAMBDA(undefined, '"2"'), 'lambda-current-version-missing', 5, 7);
	});

	it('rejects AWS::Serverless::Function with a fix', () => {
		const src = LAMBDA('"1"', '"2"').replace('AWS::Lambda::Function', 'AWS::Serverless::Function');
		const r = codes(src, { platform: 'lambda' });
		expect(r).toEqual(['value-not-allowed']);
	});
});
