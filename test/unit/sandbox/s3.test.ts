import {
	CreateBucketCommand,
	DeleteBucketPolicyCommand,
	DeleteObjectsCommand,
	GetBucketEncryptionCommand,
	GetBucketLocationCommand,
	GetBucketPolicyCommand,
	GetBucketVersioningCommand,
	GetObjectCommand,
	GetPublicAccessBlockCommand,
	HeadBucketCommand,
	HeadObjectCommand,
	ListBucketsCommand,
	ListObjectsV2Command,
	PutBucketPolicyCommand,
	PutBucketVersioningCommand,
	PutObjectCommand,
	PutPublicAccessBlockCommand,
	S3Client,
	type S3Client as S3,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, harness, status, type Harness } from './support.ts';

const BUCKET = 'newbucketcodedeploy';
let h: Harness;
let s3: S3;

beforeAll(async () => {
	h = await harness();
	s3 = h.clients().s3;
	await s3.send(
		new CreateBucketCommand({
			Bucket: BUCKET,
			CreateBucketConfiguration: { LocationConstraint: 'eu-west-3' },
		}),
	);
});
afterAll(() => h.close());

function header(error: Record<string, unknown>, name: string): string | undefined {
	return (error['$response'] as { headers: Record<string, string> } | undefined)?.headers[name];
}

describe('S3 buckets', () => {
	it('creates a bucket in the lab region, with Block Public Access on and SSE-S3 by default', async () => {
		expect((await s3.send(new HeadBucketCommand({ Bucket: BUCKET }))).BucketRegion).toBe('eu-west-3');
		expect((await s3.send(new GetBucketLocationCommand({ Bucket: BUCKET }))).LocationConstraint).toBe(
			'eu-west-3',
		);
		expect(
			(await s3.send(new GetPublicAccessBlockCommand({ Bucket: BUCKET }))).PublicAccessBlockConfiguration,
		).toEqual({
			BlockPublicAcls: true,
			IgnorePublicAcls: true,
			BlockPublicPolicy: true,
			RestrictPublicBuckets: true,
		});
		const encryption = await s3.send(new GetBucketEncryptionCommand({ Bucket: BUCKET }));
		expect(
			encryption.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault
				?.SSEAlgorithm,
		).toBe('AES256');
		expect((await s3.send(new GetBucketVersioningCommand({ Bucket: BUCKET }))).Status).toBeUndefined();
		await s3.send(
			new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Enabled' } }),
		);
		expect((await s3.send(new GetBucketVersioningCommand({ Bucket: BUCKET }))).Status).toBe('Enabled');
		expect((await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toEqual([BUCKET]);
	});

	it('refuses a second create (BucketAlreadyOwnedByYou), a bad name, and a constraint for another region', async () => {
		const again = await failure(() =>
			s3.send(
				new CreateBucketCommand({
					Bucket: BUCKET,
					CreateBucketConfiguration: { LocationConstraint: 'eu-west-3' },
				}),
			),
		);
		expect([again.name, status(again)]).toEqual(['BucketAlreadyOwnedByYou', 409]);
		const bad = await failure(() => s3.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })));
		expect([bad.name, status(bad)]).toEqual(['InvalidBucketName', 400]);
		const missing = await failure(() =>
			s3.send(
				new CreateBucketCommand({
					Bucket: 'other-region-bucket',
					CreateBucketConfiguration: { LocationConstraint: 'us-west-2' },
				}),
			),
		);
		expect([missing.name, status(missing)]).toEqual(['IllegalLocationConstraintException', 400]);
	});

	it('reports absent configurations as 404s with their own codes, and a bucket policy round trip', async () => {
		const none = await failure(() => s3.send(new GetBucketPolicyCommand({ Bucket: BUCKET })));
		expect([none.name, status(none)]).toEqual(['NoSuchBucketPolicy', 404]);
		const policy = JSON.stringify({
			Version: '2012-10-17',
			Statement: [
				{
					Effect: 'Allow',
					Principal: { AWS: 'arn:aws:iam::000000000000:root' },
					Action: 's3:GetObject',
					Resource: `arn:aws:s3:::${BUCKET}/*`,
				},
			],
		});
		await s3.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: policy }));
		expect((await s3.send(new GetBucketPolicyCommand({ Bucket: BUCKET }))).Policy).toBe(policy);
		await s3.send(new DeleteBucketPolicyCommand({ Bucket: BUCKET }));
		const malformed = await failure(() =>
			s3.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: 'policy.json' })),
		);
		expect([malformed.name, status(malformed)]).toEqual(['MalformedPolicy', 400]);
	});

	it('blocks a public bucket policy while BlockPublicPolicy is on (M15 needs BPA off first)', async () => {
		const open = JSON.stringify({
			Version: '2012-10-17',
			Statement: [
				{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` },
			],
		});
		const blocked = await failure(() =>
			s3.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: open })),
		);
		expect([blocked.name, status(blocked)]).toEqual(['AccessDenied', 403]);
		expect(blocked.message).toContain('BlockPublicPolicy');
		await s3.send(
			new PutPublicAccessBlockCommand({
				Bucket: BUCKET,
				PublicAccessBlockConfiguration: {
					BlockPublicAcls: false,
					IgnorePublicAcls: false,
					BlockPublicPolicy: false,
					RestrictPublicBuckets: false,
				},
			}),
		);
		await s3.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: open }));
		await s3.send(new DeleteBucketPolicyCommand({ Bucket: BUCKET }));
	});

	it('HEAD errors carry no body: 404 NotFound for a missing bucket', async () => {
		const error = await failure(() => s3.send(new HeadBucketCommand({ Bucket: 'does-not-exist-anywhere' })));
		expect([error.name, status(error)]).toEqual(['NotFound', 404]);
		const get = await failure(() =>
			s3.send(new GetBucketLocationCommand({ Bucket: 'does-not-exist-anywhere' })),
		);
		expect([get.name, status(get)]).toEqual(['NoSuchBucket', 404]);
	});

	it('redirects a client of another region: HEAD 301 with x-amz-bucket-region, GET PermanentRedirect', async () => {
		const us = h.clients(undefined, 'us-east-1').s3;
		const head = await failure(() => us.send(new HeadBucketCommand({ Bucket: BUCKET })));
		expect([head.name, status(head), header(head, 'x-amz-bucket-region')]).toEqual([
			'Unknown',
			301,
			'eu-west-3',
		]);
		const list = await failure(() => us.send(new ListObjectsV2Command({ Bucket: BUCKET })));
		expect([list.name, status(list), header(list, 'x-amz-bucket-region')]).toEqual([
			'PermanentRedirect',
			301,
			'eu-west-3',
		]);
		// GetBucketLocation answers from any region, and the SDK's followRegionRedirects re-signs for the right one.
		expect((await us.send(new GetBucketLocationCommand({ Bucket: BUCKET }))).LocationConstraint).toBe(
			'eu-west-3',
		);
		const following = new S3Client({
			endpoint: h.sandbox.url,
			region: 'us-east-1',
			credentials: h.sandbox.credentials,
			followRegionRedirects: true,
			maxAttempts: 1,
		});
		expect((await following.send(new HeadBucketCommand({ Bucket: BUCKET }))).BucketRegion).toBe('eu-west-3');
	});
});

describe('S3 objects', () => {
	it('puts, heads, gets, lists (V2, with prefix, delimiter and continuation) and deletes objects', async () => {
		const keys = ['app.zip', 'dir/a.txt', 'dir/b.txt', 'dir/sub/c.txt', 'name with spaces+plus.txt'];
		for (const Key of keys)
			await s3.send(
				new PutObjectCommand({ Bucket: BUCKET, Key, Body: `body of ${Key}`, ContentType: 'text/plain' }),
			);
		const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'dir/a.txt' }));
		expect([head.ContentLength, head.ContentType, head.ServerSideEncryption]).toEqual([
			17,
			'text/plain',
			'AES256',
		]);
		const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'name with spaces+plus.txt' }));
		expect(await got.Body?.transformToString()).toBe('body of name with spaces+plus.txt');

		const all = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
		expect(all.Contents?.map((o) => o.Key)).toEqual([...keys].sort());
		const folders = await s3.send(
			new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'dir/', Delimiter: '/' }),
		);
		expect(folders.Contents?.map((o) => o.Key)).toEqual(['dir/a.txt', 'dir/b.txt']);
		expect(folders.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['dir/sub/']);
		const rolled: string[] = [];
		let token: string | undefined;
		do {
			const page = await s3.send(
				new ListObjectsV2Command({
					Bucket: BUCKET,
					Delimiter: '/',
					MaxKeys: 1,
					...(token && { ContinuationToken: token }),
				}),
			);
			rolled.push(
				...(page.CommonPrefixes ?? []).map((p) => p.Prefix!),
				...(page.Contents ?? []).map((o) => o.Key!),
			);
			token = page.NextContinuationToken;
		} while (token);
		expect(rolled).toEqual(['app.zip', 'dir/', 'name with spaces+plus.txt']);
		const first = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, MaxKeys: 2 }));
		expect([first.IsTruncated, first.KeyCount]).toEqual([true, 2]);
		const rest = await s3.send(
			new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: first.NextContinuationToken! }),
		);
		expect([...first.Contents!, ...rest.Contents!].map((o) => o.Key)).toEqual([...keys].sort());

		const missing = await failure(() => s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'nope' })));
		expect([missing.name, status(missing)]).toEqual(['NoSuchKey', 404]);
		await s3.send(
			new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: keys.map((Key) => ({ Key })) } }),
		);
		expect((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).KeyCount).toBe(0);
	});

	it('accepts a streamed (aws-chunked) upload of unknown length', async () => {
		const { Readable } = await import('node:stream');
		const body = Readable.from([Buffer.from('chunk one, '), Buffer.from('chunk two')]);
		await s3.send(
			new PutObjectCommand({ Bucket: BUCKET, Key: 'streamed.txt', Body: body, ContentLength: 20 }),
		);
		const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'streamed.txt' }));
		expect(await got.Body?.transformToString()).toBe('chunk one, chunk two');
	});
});
