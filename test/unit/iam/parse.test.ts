import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	adminStatements,
	decodePolicyDocument,
	globMatch,
	parsePolicy,
	publicStatements,
	trustedServices,
} from '../../../src/lib/iam/index.ts';

const trustJson =
	'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codedeploy.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

describe('parsePolicy', () => {
	it('decodes URL-encoded documents as IAM returns them (%2F, %2A, %20)', () => {
		const encoded = encodeURIComponent(trustJson).replace(/\*/g, '%2A');
		expect(decodePolicyDocument(encoded)).toBe(trustJson);
		const { policy } = parsePolicy(encoded, { kind: 'resource' });
		expect(trustedServices(policy!)).toEqual(['codedeploy.amazonaws.com']);
	});
	it('keeps + as a plus sign', () => {
		expect(decodePolicyDocument('%7B%22a%22%3A%22x+y%22%7D')).toBe('{"a":"x+y"}');
	});
	it('accepts plain JSON, single statements and string values', () => {
		const { policy, diagnostics } = parsePolicy({
			Version: '2012-10-17',
			Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
		});
		expect(diagnostics).toEqual([]);
		expect(policy?.statements[0]).toMatchObject({ action: ['s3:GetObject'], resource: ['*'] });
	});
	it('reports invalid JSON (file:// forgotten)', () => {
		expect(parsePolicy('CodeDeployDemo-Trust.json').diagnostics[0]?.code).toBe('policy.json-invalid');
	});
	it('reports a trust document used as a permissions policy (M16)', () => {
		const { diagnostics } = parsePolicy(trustJson);
		expect(diagnostics.map((d) => d.code)).toContain('statement.principal-in-identity-policy');
		expect(diagnostics.map((d) => d.code)).toContain('statement.resource-missing');
	});
	it('reports structural errors with JSON pointers', () => {
		const { diagnostics } = parsePolicy({
			Statement: [{ Effect: 'allow', Action: 's3', NotAction: 'x:y', Resource: 1 }],
		});
		const codes = diagnostics.map((d) => `${d.code}@${d.path}`);
		expect(codes).toEqual(
			expect.arrayContaining([
				'policy.version-missing@/Version',
				'statement.effect-invalid@/Statement/0/Effect',
				'statement.action-and-not-action@/Statement/0',
				'statement.action-malformed@/Statement/0/Action',
				'statement.value-not-string@/Statement/0/Resource',
			]),
		);
	});
});

describe('analysis helpers', () => {
	it('finds admin-equivalent statements, not the docs Step 3 policy', () => {
		const admin = parsePolicy(
			{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
			{ name: 'AdministratorAccess' },
		);
		expect(adminStatements([admin.policy!])).toEqual([{ policy: 'AdministratorAccess', index: 0 }]);
		const docs = parsePolicy({
			Version: '2012-10-17',
			Statement: [
				{ Effect: 'Allow', Action: ['codedeploy:*', 'ec2:*', 's3:*', 'iam:CreateRole'], Resource: '*' },
			],
		});
		expect(adminStatements([docs.policy!])).toEqual([]);
		const conditioned = parsePolicy({
			Version: '2012-10-17',
			Statement: [
				{
					Effect: 'Allow',
					Action: '*',
					Resource: '*',
					Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
				},
			],
		});
		expect(adminStatements([conditioned.policy!])).toEqual([]);
	});
	it('finds public bucket policy statements', () => {
		const pub = parsePolicy(
			{
				Version: '2012-10-17',
				Statement: [
					{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
				],
			},
			{ kind: 'resource' },
		);
		expect(publicStatements(pub.policy!)).toHaveLength(1);
		const priv = parsePolicy(
			{
				Version: '2012-10-17',
				Statement: [
					{
						Effect: 'Allow',
						Principal: { AWS: 'arn:aws:iam::1:role/R' },
						Action: 's3:GetObject',
						Resource: 'arn:aws:s3:::b/*',
					},
				],
			},
			{ kind: 'resource' },
		);
		expect(publicStatements(priv.policy!)).toHaveLength(0);
	});
});

describe('globMatch', () => {
	it('agrees with a reference regular expression on random inputs', () => {
		const alphabet = fc.constantFrom('a', 'b', '/', '*', '?');
		fc.assert(
			fc.property(
				fc.string({ unit: alphabet, maxLength: 8 }),
				fc.string({ unit: fc.constantFrom('a', 'b', '/'), maxLength: 10 }),
				(pattern, value) => {
					const regex = new RegExp(
						`^${pattern.replace(/[/]/g, '\\/').replace(/\*/g, '.*').replace(/\?/g, '.')}$`,
						's',
					);
					expect(globMatch(pattern, value)).toBe(regex.test(value));
				},
			),
		);
	});
});
