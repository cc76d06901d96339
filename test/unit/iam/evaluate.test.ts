import { describe, expect, it } from 'vitest';
import {
	evaluate,
	explainEvaluation,
	parsePolicy,
	type Policy,
	type Request,
} from '../../../src/lib/iam/index.ts';

function policy(doc: unknown, name = 'test', kind: 'identity' | 'resource' = 'identity'): Policy {
	const { policy: parsed, diagnostics } = parsePolicy(doc, { name, kind });
	expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	if (!parsed) throw new Error('no policy');
	return parsed;
}

const allow = (action: unknown, resource: unknown, extra: object = {}) => ({
	Version: '2012-10-17',
	Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }],
});

const decide = (p: Policy | Policy[], action: string, resource: string, context?: Request['context']) =>
	evaluate(
		{ action, resource, ...(context !== undefined && { context }) },
		{ identity: Array.isArray(p) ? p : [p] },
	).decision;

describe('reference §5.3 vectors', () => {
	const restricted = policy(
		allow(
			['s3:Get*', 's3:List*'],
			['arn:aws:s3:::newbucketcodedeploy/*', 'arn:aws:s3:::aws-codedeploy-eu-west-3/*'],
		),
	);
	it('restricted form allows GetObject on an object', () => {
		expect(decide(restricted, 's3:GetObject', 'arn:aws:s3:::newbucketcodedeploy/app.zip')).toBe('allow');
	});
	it('restricted form grants no ListBucket on the bucket ARN', () => {
		expect(decide(restricted, 's3:ListBucket', 'arn:aws:s3:::newbucketcodedeploy')).toBe('implicit-deny');
	});
	it('restricted form grants no PutObject', () => {
		expect(decide(restricted, 's3:PutObject', 'arn:aws:s3:::newbucketcodedeploy/app.zip')).toBe(
			'implicit-deny',
		);
	});
	const withDeny = policy({
		Version: '2012-10-17',
		Statement: [
			{ Effect: 'Allow', Action: 's3:*', Resource: '*' },
			{ Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' },
		],
	});
	it('explicit deny wins and names the statement', () => {
		const result = evaluate(
			{ action: 's3:DeleteBucket', resource: 'arn:aws:s3:::x' },
			{ identity: [withDeny] },
		);
		expect(result.decision).toBe('explicit-deny');
		expect(result.statement).toMatchObject({ sid: 'NoDelete', index: 1, effect: 'Deny', policy: 'test' });
	});
	it('s3:* allows PutObject', () => {
		expect(decide(withDeny, 's3:PutObject', 'arn:aws:s3:::x/y')).toBe('allow');
	});
	const notIam = policy({
		Version: '2012-10-17',
		Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }],
	});
	it('NotAction allows what is not listed', () => {
		expect(decide(notIam, 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('allow');
		expect(decide(notIam, 'iam:PassRole', 'arn:aws:iam::123456789012:role/R')).toBe('implicit-deny');
	});
	it('actions are case-insensitive', () => {
		expect(
			decide(
				policy(allow('S3:getobject', 'arn:aws:s3:::newbucketcodedeploy/*')),
				's3:GetObject',
				'arn:aws:s3:::newbucketcodedeploy/a',
			),
		).toBe('allow');
	});
	it('resources are case-sensitive', () => {
		expect(
			decide(
				policy(allow('s3:GetObject', 'arn:aws:s3:::NewBucketCodeDeploy/*')),
				's3:GetObject',
				'arn:aws:s3:::newbucketcodedeploy/a',
			),
		).toBe('implicit-deny');
	});
	it('? is one character and * spans /', () => {
		const p = policy(allow('s3:GetObject', 'arn:aws:s3:::newbucketcodedeplo?/*'));
		expect(decide(p, 's3:GetObject', 'arn:aws:s3:::newbucketcodedeploy/dir/app.zip')).toBe('allow');
		expect(decide(p, 's3:GetObject', 'arn:aws:s3:::newbucketcodedeployy/dir/app.zip')).toBe('implicit-deny');
	});
	it('conditions: missing key denies, matching key allows, no context is conditional', () => {
		const p = policy(
			allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-3' } } }),
		);
		expect(decide(p, 's3:GetObject', 'arn:aws:s3:::b/k', {})).toBe('implicit-deny');
		expect(decide(p, 's3:GetObject', 'arn:aws:s3:::b/k', { 'aws:requestedregion': 'eu-west-3' })).toBe(
			'allow',
		);
		expect(decide(p, 's3:GetObject', 'arn:aws:s3:::b/k', { 'aws:RequestedRegion': 'us-east-1' })).toBe(
			'implicit-deny',
		);
		const request = { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };
		const result = evaluate(request, { identity: [p] });
		expect(result.decision).toBe('conditional');
		expect(result.conditions?.[0]).toMatchObject({
			operator: 'StringEquals',
			key: 'aws:RequestedRegion',
			values: ['eu-west-3'],
		});
		expect(explainEvaluation(request, result, 'en')).toContain('allowed only when key aws:RequestedRegion');
	});
});

describe('more evaluation rules', () => {
	it('NotResource applies everywhere except the listed resources', () => {
		const p = policy({
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' }],
		});
		expect(decide(p, 's3:GetObject', 'arn:aws:s3:::public/a')).toBe('allow');
		expect(decide(p, 's3:GetObject', 'arn:aws:s3:::secret/a')).toBe('implicit-deny');
	});
	it('a deny with NotAction denies everything else', () => {
		const p = policy({
			Version: '2012-10-17',
			Statement: [
				{ Effect: 'Allow', Action: '*', Resource: '*' },
				{ Effect: 'Deny', NotAction: ['s3:Get*'], Resource: '*' },
			],
		});
		expect(decide(p, 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('allow');
		expect(decide(p, 'iam:CreateUser', '*')).toBe('explicit-deny');
	});
	it('a wildcard in the action middle matches', () => {
		expect(decide(policy(allow('iam:*AccessKey*', '*')), 'iam:ListAccessKeys', 'arn:aws:iam::1:user/u')).toBe(
			'allow',
		);
		expect(decide(policy(allow('iam:*AccessKey*', '*')), 'iam:GetUser', 'arn:aws:iam::1:user/u')).toBe(
			'implicit-deny',
		);
	});
	it('a * in the account segment does not cross into the resource', () => {
		const p = policy(allow('iam:PassRole', 'arn:aws:iam::*:role/CodeDeployServiceRole'));
		expect(decide(p, 'iam:PassRole', 'arn:aws:iam::123456789012:role/CodeDeployServiceRole')).toBe('allow');
		expect(decide(p, 'iam:PassRole', 'arn:aws:iam::123456789012:role/Other')).toBe('implicit-deny');
	});
	it('a conditional deny makes an allow conditional', () => {
		const p = policy({
			Version: '2012-10-17',
			Statement: [
				{ Effect: 'Allow', Action: 's3:*', Resource: '*' },
				{
					Effect: 'Deny',
					Action: 's3:*',
					Resource: '*',
					Condition: { Bool: { 'aws:SecureTransport': 'false' } },
				},
			],
		});
		expect(decide(p, 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('conditional');
		expect(decide(p, 's3:GetObject', 'arn:aws:s3:::b/k', { 'aws:SecureTransport': 'true' })).toBe('allow');
		expect(decide(p, 's3:GetObject', 'arn:aws:s3:::b/k', { 'aws:SecureTransport': 'false' })).toBe(
			'explicit-deny',
		);
	});
	it('negated operators and IfExists on a missing key are true', () => {
		const p = policy(
			allow('s3:GetObject', '*', {
				Condition: { StringNotEquals: { 's3:x': 'a' }, StringEqualsIfExists: { 's3:y': 'b' } },
			}),
		);
		expect(decide(p, 's3:GetObject', 'arn:aws:s3:::b/k', {})).toBe('allow');
	});
	it('ForAllValues/ForAnyValue and Null', () => {
		const any = policy(
			allow('s3:GetObject', '*', { Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['env*'] } } }),
		);
		expect(decide(any, 's3:GetObject', 'x', { 'aws:TagKeys': ['team', 'environment'] })).toBe('allow');
		expect(decide(any, 's3:GetObject', 'x', { 'aws:TagKeys': ['team'] })).toBe('implicit-deny');
		const all = policy(
			allow('s3:GetObject', '*', {
				Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } },
			}),
		);
		expect(decide(all, 's3:GetObject', 'x', { 'aws:TagKeys': ['a'] })).toBe('allow');
		expect(decide(all, 's3:GetObject', 'x', { 'aws:TagKeys': ['a', 'c'] })).toBe('implicit-deny');
		const nul = policy(allow('s3:GetObject', '*', { Condition: { Null: { 'aws:TokenIssueTime': 'true' } } }));
		expect(decide(nul, 's3:GetObject', 'x', {})).toBe('allow');
		expect(decide(nul, 's3:GetObject', 'x', { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' })).toBe(
			'implicit-deny',
		);
	});
	it('IpAddress and Numeric operators', () => {
		const ip = policy(
			allow('s3:GetObject', '*', { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }),
		);
		expect(decide(ip, 's3:GetObject', 'x', { 'aws:SourceIp': '10.1.2.3' })).toBe('allow');
		expect(decide(ip, 's3:GetObject', 'x', { 'aws:SourceIp': '11.1.2.3' })).toBe('implicit-deny');
		const n = policy(allow('s3:GetObject', '*', { Condition: { NumericLessThan: { 's3:max-keys': 10 } } }));
		expect(decide(n, 's3:GetObject', 'x', { 's3:max-keys': '5' })).toBe('allow');
	});
	it('a permissions boundary must also allow', () => {
		const id = policy(allow('*', '*'));
		const boundary = policy(allow('s3:*', '*'), 'boundary');
		const run = (action: string) =>
			evaluate({ action, resource: '*' }, { identity: [id], boundary: [boundary] });
		expect(run('s3:GetObject').decision).toBe('allow');
		expect(run('iam:CreateUser')).toMatchObject({ decision: 'implicit-deny', deniedByBoundary: true });
	});
	it('resource policies match principals (trust policy)', () => {
		const trust = policy(
			{
				Version: '2012-10-17',
				Statement: [
					{ Effect: 'Allow', Principal: { Service: ['codedeploy.amazonaws.com'] }, Action: 'sts:AssumeRole' },
				],
			},
			'trust',
			'resource',
		);
		const ask = (service: string) =>
			evaluate(
				{
					action: 'sts:AssumeRole',
					resource: 'arn:aws:iam::1:role/R',
					principal: { type: 'Service', id: service },
				},
				{ identity: [], resource: [trust] },
			).decision;
		expect(ask('codedeploy.amazonaws.com')).toBe('allow');
		expect(ask('ec2.amazonaws.com')).toBe('implicit-deny');
	});
	it('bucket policy with an AWS account principal', () => {
		const bucket = parsePolicy(
			{
				Version: '2012-10-17',
				Statement: [
					{
						Effect: 'Allow',
						Principal: { AWS: '123456789012' },
						Action: 's3:GetObject',
						Resource: 'arn:aws:s3:::b/*',
					},
				],
			},
			{ kind: 'resource' },
		).policy!;
		const request = {
			action: 's3:GetObject',
			resource: 'arn:aws:s3:::b/k',
			principal: { type: 'AWS' as const, id: 'arn:aws:iam::123456789012:role/R', account: '123456789012' },
		};
		expect(evaluate(request, { identity: [], resource: [bucket] }).decision).toBe('allow');
		expect(
			evaluate(
				{ ...request, principal: { ...request.principal, account: '999999999999' } },
				{ identity: [], resource: [bucket] },
			).decision,
		).toBe('implicit-deny');
	});
	it('policy variables are substituted from the context', () => {
		const p = policy(allow('iam:GetUser', 'arn:aws:iam::1:user/${aws:username}'));
		expect(decide(p, 'iam:GetUser', 'arn:aws:iam::1:user/bob', { 'aws:username': 'bob' })).toBe('allow');
		expect(decide(p, 'iam:GetUser', 'arn:aws:iam::1:user/eve', { 'aws:username': 'bob' })).toBe(
			'implicit-deny',
		);
	});
	it('explains an allow and names the statement in both languages', () => {
		const p = policy(allow('s3:GetObject', '*'), 'CodeDeployDemo-EC2-Permissions');
		const request = { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };
		const result = evaluate(request, { identity: [p] });
		expect(explainEvaluation(request, result, 'en')).toBe(
			's3:GetObject on arn:aws:s3:::b/k is allowed by statement no. 1 of "CodeDeployDemo-EC2-Permissions".',
		);
		expect(explainEvaluation(request, result, 'fr')).toContain('autorisé');
	});
});
