import { CreateRoleCommand, PutRolePolicyCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, ListObjectsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStateDir } from '../../../labs/sandbox/index.ts';
import { fixture, harness, type Harness } from './support.ts';

let h: Harness;
beforeAll(async () => {
	h = await harness();
});
afterAll(() => h.close());

describe('SimulatePrincipalPolicy', () => {
	it('answers with the same evaluator that authorises requests (reference §5.3 vectors)', async () => {
		const { iam } = h.clients();
		const role = 'CodeDeployDemo-EC2-Instance-Profile';
		await iam.send(
			new CreateRoleCommand({
				RoleName: role,
				AssumeRolePolicyDocument: fixture('CodeDeployDemo-EC2-Trust.json'),
			}),
		);
		await iam.send(
			new PutRolePolicyCommand({
				RoleName: role,
				PolicyName: 'restricted',
				PolicyDocument: JSON.stringify({
					Version: '2012-10-17',
					Statement: [
						{
							Effect: 'Allow',
							Action: ['s3:Get*', 's3:List*'],
							Resource: ['arn:aws:s3:::newbucketcodedeploy/*', 'arn:aws:s3:::aws-codedeploy-eu-west-3/*'],
						},
					],
				}),
			}),
		);
		const out = await iam.send(
			new SimulatePrincipalPolicyCommand({
				PolicySourceArn: `arn:aws:iam::000000000000:role/${role}`,
				ActionNames: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
				ResourceArns: ['arn:aws:s3:::newbucketcodedeploy/app.zip', 'arn:aws:s3:::newbucketcodedeploy'],
			}),
		);
		const decisions = (out.EvaluationResults ?? []).map(
			(r) => `${r.EvalActionName} ${r.EvalResourceName} ${r.EvalDecision}`,
		);
		expect(decisions).toEqual([
			's3:GetObject arn:aws:s3:::newbucketcodedeploy/app.zip allowed',
			's3:GetObject arn:aws:s3:::newbucketcodedeploy implicitDeny',
			's3:PutObject arn:aws:s3:::newbucketcodedeploy/app.zip implicitDeny',
			's3:PutObject arn:aws:s3:::newbucketcodedeploy implicitDeny',
			's3:ListBucket arn:aws:s3:::newbucketcodedeploy/app.zip allowed',
			's3:ListBucket arn:aws:s3:::newbucketcodedeploy implicitDeny',
		]);
	});
});

describe('ListObjects (V1)', () => {
	it('lists with a marker, a delimiter and NextMarker', async () => {
		const { s3 } = h.clients();
		await s3.send(new CreateBucketCommand({ Bucket: 'v1-bucket' }));
		for (const Key of ['a/1', 'a/2', 'b', 'c'])
			await s3.send(new PutObjectCommand({ Bucket: 'v1-bucket', Key, Body: Key }));
		const page = await s3.send(new ListObjectsCommand({ Bucket: 'v1-bucket', Delimiter: '/', MaxKeys: 2 }));
		expect([
			page.CommonPrefixes?.map((p) => p.Prefix),
			page.Contents?.map((o) => o.Key),
			page.IsTruncated,
			page.NextMarker,
		]).toEqual([['a/'], ['b'], true, 'b']);
		const rest = await s3.send(
			new ListObjectsCommand({ Bucket: 'v1-bucket', Delimiter: '/', Marker: page.NextMarker! }),
		);
		expect(rest.Contents?.map((o) => o.Key)).toEqual(['c']);
	});
});

describe('default state directory', () => {
	it('follows the platform conventions', () => {
		expect(defaultStateDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ana')).toBe(
			'/data/atelier-codedeploy',
		);
		expect(defaultStateDir({}, 'linux', '/home/ana')).toBe('/home/ana/.local/share/atelier-codedeploy');
		expect(defaultStateDir({}, 'darwin', '/Users/ana')).toBe(
			'/Users/ana/Library/Application Support/atelier-codedeploy',
		);
		expect(
			defaultStateDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana'),
		).toMatch(/AppData[\\/]Roaming[\\/]atelier-codedeploy$/);
	});
});
