import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, parsePolicy, type Policy } from '../../../src/lib/iam/index.ts';

const parse = (doc: unknown, kind: 'identity' | 'resource' = 'identity', name = 'p'): Policy => {
	const { policy, diagnostics } = parsePolicy(doc, { kind, name });
	expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	return policy!;
};
const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });

describe('IAM evaluation: more vectors', () => {
	it('a Deny in the resource policy beats an Allow in the identity policy', () => {
		const identity = parse(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }));
		const bucket = parse(
			doc({
				Sid: 'NoDeletes',
				Effect: 'Deny',
				Principal: '*',
				Action: 's3:DeleteObject',
				Resource: 'arn:aws:s3:::b/*',
			}),
			'resource',
			'bucket policy',
		);
		const result = evaluate(
			{
				action: 's3:DeleteObject',
				resource: 'arn:aws:s3:::b/k',
				principal: { type: 'AWS', id: 'arn:aws:iam::1:role/R', account: '1' },
			},
			{ identity: [identity], resource: [bucket] },
		);
		expect(result).toMatchObject({
			decision: 'explicit-deny',
			statement: { source: 'resource', sid: 'NoDeletes', policy: 'bucket policy' },
		});
	});
	it('a resource policy Allow suffices without any identity policy (same account)', () => {
		const bucket = parse(
			doc({
				Effect: 'Allow',
				Principal: { AWS: 'arn:aws:iam::1:role/R' },
				Action: 's3:GetObject',
				Resource: 'arn:aws:s3:::b/*',
			}),
			'resource',
		);
		const request = {
			action: 's3:GetObject',
			resource: 'arn:aws:s3:::b/k',
			principal: { type: 'AWS' as const, id: 'arn:aws:iam::1:role/R', account: '1' },
		};
		expect(evaluate(request, { identity: [], resource: [bucket] }).decision).toBe('allow');
		expect(
			evaluate(
				{ ...request, principal: { type: 'AWS', id: 'arn:aws:iam::1:role/Other', account: '1' } },
				{ identity: [], resource: [bucket] },
			).decision,
		).toBe('implicit-deny');
	});
	it('NotPrincipal in a Deny exempts the named principal', () => {
		const bucket = parse(
			doc(
				{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' },
				{
					Effect: 'Deny',
					NotPrincipal: { AWS: 'arn:aws:iam::1:role/Admin' },
					Action: 's3:GetObject',
					Resource: '*',
				},
			),
			'resource',
		);
		const ask = (id: string) =>
			evaluate(
				{
					action: 's3:GetObject',
					resource: 'arn:aws:s3:::b/k',
					principal: { type: 'AWS', id, account: '1' },
				},
				{ identity: [], resource: [bucket] },
			).decision;
		expect(ask('arn:aws:iam::1:role/Admin')).toBe('allow');
		expect(ask('arn:aws:iam::1:role/Other')).toBe('explicit-deny');
	});
	it('several values for one key are ORed; several keys are ANDed; key names are case-insensitive', () => {
		const p = parse(
			doc({
				Effect: 'Allow',
				Action: 's3:GetObject',
				Resource: '*',
				Condition: {
					StringEquals: { 'aws:RequestedRegion': ['eu-west-3', 'eu-west-1'], 'aws:PrincipalTag/team': 'dev' },
				},
			}),
		);
		const d = (context: Record<string, string>) =>
			evaluate({ action: 's3:GetObject', resource: 'x', context }, { identity: [p] }).decision;
		expect(d({ 'AWS:REQUESTEDREGION': 'eu-west-1', 'aws:principaltag/team': 'dev' })).toBe('allow');
		expect(d({ 'aws:RequestedRegion': 'eu-west-1', 'aws:PrincipalTag/team': 'ops' })).toBe('implicit-deny');
		expect(d({ 'aws:RequestedRegion': 'us-east-1', 'aws:PrincipalTag/team': 'dev' })).toBe('implicit-deny');
	});
	it('StringLike and ArnLike wildcards in conditions; values compared case-sensitively except IgnoreCase', () => {
		const p = parse(
			doc({
				Effect: 'Allow',
				Action: 'iam:PassRole',
				Resource: '*',
				Condition: {
					ArnLike: { 'aws:SourceArn': 'arn:aws:codedeploy:*:1:deploymentgroup:Demo*' },
					StringEqualsIgnoreCase: { 'iam:PassedToService': 'CodeDeploy.amazonaws.com' },
				},
			}),
		);
		const d = (arn: string) =>
			evaluate(
				{
					action: 'iam:PassRole',
					resource: 'r',
					context: { 'aws:SourceArn': arn, 'iam:PassedToService': 'codedeploy.amazonaws.com' },
				},
				{ identity: [p] },
			).decision;
		expect(d('arn:aws:codedeploy:eu-west-3:1:deploymentgroup:DemoApp/DemoDG')).toBe('allow');
		expect(d('arn:aws:codedeploy:eu-west-3:1:deploymentgroup:demoApp/DemoDG')).toBe('implicit-deny');
	});
	it('an unknown condition operator cannot be decided, even with a context', () => {
		const p = parse(
			doc({
				Effect: 'Allow',
				Action: 's3:GetObject',
				Resource: '*',
				Condition: { StringSoundsLike: { 'aws:x': 'y' } },
			}),
		);
		expect(
			evaluate({ action: 's3:GetObject', resource: 'x', context: { 'aws:x': 'y' } }, { identity: [p] })
				.decision,
		).toBe('conditional');
	});
	it('a Deny in the boundary wins; an identity Allow outside the boundary is cancelled', () => {
		const identity = parse(doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
		const boundary = parse(
			doc(
				{ Effect: 'Allow', Action: '*', Resource: '*' },
				{ Effect: 'Deny', Action: 'iam:*', Resource: '*' },
			),
			'identity',
			'boundary',
		);
		expect(
			evaluate({ action: 'iam:CreateUser', resource: '*' }, { identity: [identity], boundary: [boundary] }),
		).toMatchObject({ decision: 'explicit-deny', statement: { source: 'boundary' } });
		expect(
			evaluate({ action: 'ec2:RunInstances', resource: '*' }, { identity: [identity], boundary: [boundary] })
				.decision,
		).toBe('allow');
	});
	it('`*` in a resource spans colons and slashes in the resource part only', () => {
		const p = parse(
			doc({
				Effect: 'Allow',
				Action: 'logs:PutLogEvents',
				Resource: 'arn:aws:logs:eu-west-3:1:log-group:/aws/codedeploy*',
			}),
		);
		expect(
			evaluate(
				{
					action: 'logs:PutLogEvents',
					resource: 'arn:aws:logs:eu-west-3:1:log-group:/aws/codedeploy-agent:log-stream:i-1',
				},
				{ identity: [p] },
			).decision,
		).toBe('allow');
		expect(
			evaluate(
				{ action: 'logs:PutLogEvents', resource: 'arn:aws:logs:eu-west-1:1:log-group:/aws/codedeploy' },
				{ identity: [p] },
			).decision,
		).toBe('implicit-deny');
	});
});

describe('IAM evaluation: properties', () => {
	const actions = fc.constantFrom(
		's3:GetObject',
		's3:PutObject',
		'iam:PassRole',
		'ec2:RunInstances',
		'codedeploy:CreateDeployment',
	);
	const patterns = fc.constantFrom(
		'*',
		's3:*',
		's3:Get*',
		'iam:PassRole',
		'ec2:*Instances',
		'codedeploy:*',
		'S3:GETOBJECT',
	);
	const resources = fc.constantFrom(
		'*',
		'arn:aws:s3:::b/*',
		'arn:aws:s3:::b/k',
		'arn:aws:iam::1:role/R',
		'arn:aws:s3:::?/k',
	);
	const statement = fc.record({
		Effect: fc.constantFrom('Allow', 'Deny'),
		Action: fc.array(patterns, { minLength: 1, maxLength: 3 }),
		Resource: fc.array(resources, { minLength: 1, maxLength: 2 }),
	});
	it('a matching unconditional Deny always wins, whatever else the policies say', () => {
		fc.assert(
			fc.property(fc.array(statement, { maxLength: 6 }), actions, (statements, action) => {
				const withDeny = parse(doc(...statements, { Effect: 'Deny', Action: action, Resource: '*' }));
				expect(evaluate({ action, resource: 'arn:aws:s3:::b/k' }, { identity: [withDeny] }).decision).toBe(
					'explicit-deny',
				);
			}),
		);
	});
	it('adding an Allow never turns an allow into a deny (monotonic), and the answer names a matching statement', () => {
		fc.assert(
			fc.property(
				fc.array(statement, { minLength: 1, maxLength: 5 }),
				statement,
				actions,
				(statements, extra, action) => {
					const before = evaluate(
						{ action, resource: 'arn:aws:s3:::b/k' },
						{ identity: [parse(doc(...statements))] },
					);
					const after = evaluate(
						{ action, resource: 'arn:aws:s3:::b/k' },
						{ identity: [parse(doc(...statements, { ...extra, Effect: 'Allow' }))] },
					);
					if (before.decision === 'allow') expect(after.decision).toBe('allow');
					if (after.decision === 'allow' || after.decision === 'explicit-deny')
						expect(after.statement).toBeDefined();
				},
			),
		);
	});
	it('a boundary that allows only under a condition makes an identity allow conditional; a resource policy still grants', () => {
		const identity = parse(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }));
		const boundary = parse(
			doc({
				Effect: 'Allow',
				Action: 's3:*',
				Resource: '*',
				Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-3' } },
			}),
			'identity',
			'boundary',
		);
		const request = { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };
		expect(evaluate(request, { identity: [identity], boundary: [boundary] })).toMatchObject({
			decision: 'conditional',
			conditions: [{ key: 'aws:RequestedRegion' }],
		});
		expect(
			evaluate(
				{ ...request, context: { 'aws:RequestedRegion': 'us-east-1' } },
				{ identity: [identity], boundary: [boundary] },
			),
		).toMatchObject({ decision: 'implicit-deny', deniedByBoundary: true });
		const bucket = parse(
			doc({
				Effect: 'Allow',
				Principal: { AWS: 'arn:aws:iam::1:user/u' },
				Action: 's3:GetObject',
				Resource: 'arn:aws:s3:::b/*',
			}),
			'resource',
		);
		const withPrincipal = {
			...request,
			context: { 'aws:RequestedRegion': 'us-east-1' },
			principal: { type: 'AWS' as const, id: 'arn:aws:iam::1:user/u', account: '1' },
		};
		expect(
			evaluate(withPrincipal, { identity: [identity], boundary: [boundary], resource: [bucket] }).decision,
		).toBe('allow');
	});
});
