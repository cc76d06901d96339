import {
	AddUserToGroupCommand,
	AttachGroupPolicyCommand,
	CreateAccessKeyCommand,
	CreateGroupCommand,
	CreateUserCommand,
	ListRolesCommand,
} from '@aws-sdk/client-iam';
import {
	CompleteMultipartUploadCommand,
	CreateBucketCommand,
	CreateMultipartUploadCommand,
	GetBucketAclCommand,
	GetObjectCommand,
	HeadBucketCommand,
	ListObjectsV2Command,
	PutBucketAclCommand,
	PutBucketOwnershipControlsCommand,
	PutObjectCommand,
	PutPublicAccessBlockCommand,
	S3Client,
	UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, harness, status, type Harness } from './support.ts';

const BUCKET = 'newbucketcodedeploy';
let h: Harness;

beforeAll(async () => {
	h = await harness();
	await h.clients().s3.send(
		new CreateBucketCommand({
			Bucket: BUCKET,
			CreateBucketConfiguration: { LocationConstraint: 'eu-west-3' },
		}),
	);
});
afterAll(() => h.close());

describe('S3 addressing, large objects and ACLs', () => {
	it('routes virtual-hosted-style requests (bucket in the Host header) with their signature intact', async () => {
		const url = new URL(h.sandbox.url);
		const s3 = new S3Client({
			endpoint: `http://localhost:${url.port}`,
			region: 'eu-west-3',
			credentials: { ...h.sandbox.credentials },
			maxAttempts: 1,
		});
		const hosts: string[] = [];
		// Signed for newbucketcodedeploy.localhost, sent to 127.0.0.1 (no DNS needed for *.localhost in the test).
		s3.middlewareStack.add(
			(next) => async (args) => {
				const request = args.request as { hostname: string; headers: Record<string, string> };
				hosts.push(request.headers['host'] ?? request.hostname);
				request.hostname = '127.0.0.1';
				return next(args);
			},
			{ step: 'finalizeRequest', priority: 'low' },
		);
		await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'vhost.txt', Body: 'virtual' }));
		const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'vhost.txt' }));
		expect(await got.Body?.transformToString()).toBe('virtual');
		expect(hosts[0]).toBe(`${BUCKET}.localhost:${url.port}`);
	});

	it('assembles multipart uploads and serves byte ranges', async () => {
		const s3 = h.clients().s3;
		const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'big.zip' }));
		const parts = [Buffer.alloc(5 * 1024 * 1024, 'a'), Buffer.from('tail')];
		const etags: string[] = [];
		for (const [i, Body] of parts.entries()) {
			const out = await s3.send(
				new UploadPartCommand({
					Bucket: BUCKET,
					Key: 'big.zip',
					UploadId: UploadId!,
					PartNumber: i + 1,
					Body,
				}),
			);
			etags.push(out.ETag!);
		}
		const done = await s3.send(
			new CompleteMultipartUploadCommand({
				Bucket: BUCKET,
				Key: 'big.zip',
				UploadId: UploadId!,
				MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
			}),
		);
		expect(done.ETag).toMatch(/^"[0-9a-f]{32}-2"$/);
		const range = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'big.zip', Range: 'bytes=-6' }));
		expect([
			range.$metadata.httpStatusCode,
			range.ContentRange,
			await range.Body?.transformToString(),
		]).toEqual([206, `bytes ${5 * 1024 * 1024 - 2}-${5 * 1024 * 1024 + 3}/${5 * 1024 * 1024 + 4}`, 'aatail']);
	});

	it('keeps ACLs disabled by default, and allows a public ACL only after ownership and BPA changes', async () => {
		const s3 = h.clients().s3;
		const acl = await s3.send(new GetBucketAclCommand({ Bucket: BUCKET }));
		expect(acl.Grants?.map((g) => g.Permission)).toEqual(['FULL_CONTROL']);
		const refused = await failure(() =>
			s3.send(new PutBucketAclCommand({ Bucket: BUCKET, ACL: 'public-read' })),
		);
		expect([refused.name, status(refused)]).toEqual(['AccessControlListNotSupported', 400]);
		await s3.send(
			new PutBucketOwnershipControlsCommand({
				Bucket: BUCKET,
				OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
			}),
		);
		const blocked = await failure(() =>
			s3.send(new PutBucketAclCommand({ Bucket: BUCKET, ACL: 'public-read' })),
		);
		expect(status(blocked)).toBe(403);
		await s3.send(
			new PutPublicAccessBlockCommand({
				Bucket: BUCKET,
				PublicAccessBlockConfiguration: {
					BlockPublicAcls: false,
					IgnorePublicAcls: false,
					BlockPublicPolicy: true,
					RestrictPublicBuckets: true,
				},
			}),
		);
		await s3.send(new PutBucketAclCommand({ Bucket: BUCKET, ACL: 'public-read' }));
		const open = await s3.send(new GetBucketAclCommand({ Bucket: BUCKET }));
		expect(open.Grants?.map((g) => g.Grantee?.URI).filter(Boolean)).toEqual([
			'http://acs.amazonaws.com/groups/global/AllUsers',
		]);
	});
});

describe('anonymous (unsigned) requests', () => {
	it('reach an object only through a public bucket policy, and not while RestrictPublicBuckets is on', async () => {
		const s3 = h.clients().s3;
		await s3.send(
			new CreateBucketCommand({
				Bucket: 'public-demo',
				CreateBucketConfiguration: { LocationConstraint: 'eu-west-3' },
			}),
		);
		await s3.send(new PutObjectCommand({ Bucket: 'public-demo', Key: 'app.zip', Body: 'secret revision' }));
		const url = `${h.sandbox.url}/public-demo/app.zip`;
		expect((await fetch(url)).status).toBe(403);
		const setBlock = (RestrictPublicBuckets: boolean) =>
			s3.send(
				new PutPublicAccessBlockCommand({
					Bucket: 'public-demo',
					PublicAccessBlockConfiguration: {
						BlockPublicAcls: true,
						IgnorePublicAcls: true,
						BlockPublicPolicy: false,
						RestrictPublicBuckets,
					},
				}),
			);
		await setBlock(true);
		const { PutBucketPolicyCommand } = await import('@aws-sdk/client-s3');
		const policy = {
			Version: '2012-10-17',
			Statement: [
				{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::public-demo/*' },
			],
		};
		await s3.send(new PutBucketPolicyCommand({ Bucket: 'public-demo', Policy: JSON.stringify(policy) }));
		expect((await fetch(url)).status).toBe(403);
		await setBlock(false);
		const open = await fetch(url);
		expect([open.status, await open.text()]).toEqual([200, 'secret revision']);
		// Only GetObject was made public: listing stays closed.
		expect((await fetch(`${h.sandbox.url}/public-demo`)).status).toBe(403);
	});
});

describe('accounts sharing the S3 namespace', () => {
	it('answers another account 403 (with the region header) on HEAD, and BucketAlreadyExists on create', async () => {
		const student = h.sandbox.createAccount('333333333333');
		const s3 = h.clients(student).s3;
		const head = await failure(() => s3.send(new HeadBucketCommand({ Bucket: BUCKET })));
		const headers = (head['$response'] as { headers: Record<string, string> }).headers;
		expect([status(head), headers['x-amz-bucket-region']]).toEqual([403, 'eu-west-3']);
		const list = await failure(() => s3.send(new ListObjectsV2Command({ Bucket: BUCKET })));
		expect([list.name, status(list)]).toEqual(['AccessDenied', 403]);
		const taken = await failure(() =>
			s3.send(
				new CreateBucketCommand({
					Bucket: BUCKET,
					CreateBucketConfiguration: { LocationConstraint: 'eu-west-3' },
				}),
			),
		);
		expect([taken.name, status(taken)]).toEqual(['BucketAlreadyExists', 409]);
	});
});

describe('group and managed policies in authorisation', () => {
	it('grants a user what its group’s managed policy allows, and nothing more', async () => {
		const iam = h.clients().iam;
		await iam.send(new CreateUserCommand({ UserName: 'auditor' }));
		await iam.send(new CreateGroupCommand({ GroupName: 'Auditors' }));
		await iam.send(
			new AttachGroupPolicyCommand({
				GroupName: 'Auditors',
				PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess',
			}),
		);
		const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'auditor' }));
		const auditor = h.clients({
			accessKeyId: AccessKey!.AccessKeyId!,
			secretAccessKey: AccessKey!.SecretAccessKey!,
		}).iam;
		expect((await failure(() => auditor.send(new ListRolesCommand({})))).name).toBe('AccessDenied');
		await iam.send(new AddUserToGroupCommand({ GroupName: 'Auditors', UserName: 'auditor' }));
		expect((await auditor.send(new ListRolesCommand({}))).Roles).toEqual([]);
		expect((await failure(() => auditor.send(new CreateUserCommand({ UserName: 'x' })))).name).toBe(
			'AccessDenied',
		);
	});
});

describe('snapshots', () => {
	it('restores a saved state, undoing later changes', async () => {
		const iam = h.clients().iam;
		const saved = h.sandbox.snapshot();
		await iam.send(new CreateUserCommand({ UserName: 'temporary' }));
		h.sandbox.restore(saved);
		const { GetUserCommand } = await import('@aws-sdk/client-iam');
		expect((await failure(() => iam.send(new GetUserCommand({ UserName: 'temporary' })))).name).toBe(
			'NoSuchEntityException',
		);
		expect((await iam.send(new GetUserCommand({ UserName: 'auditor' }))).User?.UserName).toBe('auditor');
	});
});
