import { CreateRoleCommand, PutRolePolicyCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, ListObjectsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStateDir } from '../../../labs/sandbox/index.ts';
import { failure, fixture, harness, status, type Harness } from './support.ts';

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

describe('customer-managed policy versions', () => {
	it('creates, lists, switches and deletes versions within IAM’s limits', async () => {
		const { iam } = h.clients();
		const {
			CreatePolicyCommand,
			CreatePolicyVersionCommand,
			ListPolicyVersionsCommand,
			GetPolicyCommand,
			DeletePolicyVersionCommand,
			DeletePolicyCommand,
			AttachRolePolicyCommand,
			DetachRolePolicyCommand,
		} = await import('@aws-sdk/client-iam');
		const doc = (action: string) =>
			JSON.stringify({
				Version: '2012-10-17',
				Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }],
			});
		const { Policy } = await iam.send(
			new CreatePolicyCommand({ PolicyName: 'Versions', PolicyDocument: doc('s3:GetObject') }),
		);
		const PolicyArn = Policy!.Arn!;
		for (let i = 2; i <= 5; i++)
			await iam.send(
				new CreatePolicyVersionCommand({
					PolicyArn,
					PolicyDocument: doc(`s3:Get${i}`),
					SetAsDefault: i === 3,
				}),
			);
		expect((await iam.send(new GetPolicyCommand({ PolicyArn }))).Policy?.DefaultVersionId).toBe('v3');
		const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn }));
		expect(versions.Versions?.map((v) => `${v.VersionId}${v.IsDefaultVersion ? '*' : ''}`)).toEqual([
			'v5',
			'v4',
			'v3*',
			'v2',
			'v1',
		]);
		const sixth = await failure(() =>
			iam.send(new CreatePolicyVersionCommand({ PolicyArn, PolicyDocument: doc('s3:Get6') })),
		);
		expect([sixth.name, status(sixth)]).toEqual(['LimitExceededException', 409]);
		const deleteDefault = await failure(() =>
			iam.send(new DeletePolicyVersionCommand({ PolicyArn, VersionId: 'v3' })),
		);
		expect(deleteDefault.name).toBe('DeleteConflictException');
		await iam.send(
			new AttachRolePolicyCommand({ RoleName: 'CodeDeployDemo-EC2-Instance-Profile', PolicyArn }),
		);
		const attached = await failure(() => iam.send(new DeletePolicyCommand({ PolicyArn })));
		expect(attached.name).toBe('DeleteConflictException');
		await iam.send(
			new DetachRolePolicyCommand({ RoleName: 'CodeDeployDemo-EC2-Instance-Profile', PolicyArn }),
		);
		for (const VersionId of ['v1', 'v2', 'v4', 'v5'])
			await iam.send(new DeletePolicyVersionCommand({ PolicyArn, VersionId }));
		await iam.send(new DeletePolicyCommand({ PolicyArn }));
		const gone = await failure(() => iam.send(new GetPolicyCommand({ PolicyArn })));
		expect([gone.name, gone.message]).toEqual([
			'NoSuchEntityException',
			`Policy ${PolicyArn} does not exist or is not attachable.`,
		]);
	});
});

describe('temporary credentials', () => {
	it('expire: ExpiredToken once the session is over', async () => {
		const { findCaller } = await import('../../../labs/sandbox/caller.ts');
		const { emptyState } = await import('../../../labs/sandbox/state.ts');
		const state = emptyState('token');
		state.sessions['ASIAEXAMPLE'] = {
			accessKeyId: 'ASIAEXAMPLE',
			secret: 's',
			token: 't',
			accountId: '000000000000',
			roleName: 'r',
			roleId: 'AROAEXAMPLE',
			sessionName: 'x',
			expiration: '2026-01-01T01:00:00Z',
		};
		expect(findCaller(state, 'ASIAEXAMPLE', new Date('2026-01-01T00:59:00Z'))?.arn).toBe(
			'arn:aws:sts::000000000000:assumed-role/r/x',
		);
		expect(() => findCaller(state, 'ASIAEXAMPLE', new Date('2026-01-01T01:00:01Z'))).toThrow(/expired/);
	});
});

describe('unsigned requests', () => {
	it('are refused by IAM with MissingAuthenticationToken', async () => {
		const response = await fetch(h.sandbox.url, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'Action=ListUsers&Version=2010-05-08',
		});
		expect(response.status).toBe(403);
		expect(await response.text()).toMatch(/<Code>MissingAuthenticationToken<\/Code>/);
	});

	it('keep S3 keys with reserved characters intact through SigV4 and listing', async () => {
		const { s3 } = h.clients();
		const Key = "wéird key+%~!(1)*'=&;:@,$.txt";
		await s3.send(new PutObjectCommand({ Bucket: 'v1-bucket', Key, Body: 'odd' }));
		const { GetObjectCommand, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
		expect(
			await (await s3.send(new GetObjectCommand({ Bucket: 'v1-bucket', Key }))).Body?.transformToString(),
		).toBe('odd');
		const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'v1-bucket', Prefix: 'w' }));
		expect(listed.Contents?.map((o) => o.Key)).toEqual([Key]);
	});
});
