import {
	GetBucketAclCommand,
	GetBucketPolicyCommand,
	GetPublicAccessBlockCommand,
	HeadBucketCommand,
	HeadObjectCommand,
} from '@aws-sdk/client-s3';
import type { BucketLocation, PublicAccessBlock, Read } from '../../src/lib/labs/facts.ts';
import type { AwsClients } from './clients.ts';
import { httpStatus, readFromError, responseHeader } from './errors.ts';
import { readAws, type ReadOptions } from './read.ts';

/**
 * S3 reads. HeadBucket failures have no body: the JS SDK names them `NotFound` or `Unknown`, so the outcome is decided
 * on the HTTP status and the `x-amz-bucket-region` header (reference §4.9), never on `error.name`.
 */
export function s3Reads(clients: AwsClients, options: ReadOptions) {
	const { limit } = options;
	let located: Promise<Read<BucketLocation>> | undefined;

	const bucketLocation = (bucket: string): Promise<Read<BucketLocation>> =>
		(located ??= (async (): Promise<Read<BucketLocation>> => {
			try {
				const out = await limit(() => clients.s3().send(new HeadBucketCommand({ Bucket: bucket })));
				return { status: 'ok', value: { status: 'found', region: out.BucketRegion ?? clients.region } };
			} catch (error) {
				const status = httpStatus(error);
				const region = responseHeader(error, 'x-amz-bucket-region');
				if (status === 404) return { status: 'ok', value: { status: 'not-found' } };
				if ((status === 301 || status === 400) && region)
					return { status: 'ok', value: { status: 'found', region } };
				if (status === 403)
					return { status: 'ok', value: { status: 'forbidden', ...(region !== undefined && { region }) } };
				return readFromError(error, 's3', 'HeadBucket');
			}
		})());

	/** Bucket configuration reads go to the bucket's own region (a client per region). */
	const bucketClient = async (bucket: string) => {
		const location = await bucketLocation(bucket);
		const region =
			location.status === 'ok' && location.value.status === 'found' ? location.value.region : clients.region;
		return clients.s3(region);
	};
	const read = <T>(operation: string, task: () => Promise<T>) => readAws('s3', operation, options, task);

	return {
		bucketLocation,
		publicAccessBlock: (bucket: string): Promise<Read<PublicAccessBlock>> =>
			read('GetPublicAccessBlock', async () => {
				const client = await bucketClient(bucket);
				const out = await limit(() => client.send(new GetPublicAccessBlockCommand({ Bucket: bucket })));
				const c = out.PublicAccessBlockConfiguration ?? {};
				return {
					blockPublicAcls: c.BlockPublicAcls === true,
					ignorePublicAcls: c.IgnorePublicAcls === true,
					blockPublicPolicy: c.BlockPublicPolicy === true,
					restrictPublicBuckets: c.RestrictPublicBuckets === true,
				};
			}),
		bucketPolicy: (bucket: string): Promise<Read<string>> =>
			read('GetBucketPolicy', async () => {
				const client = await bucketClient(bucket);
				const out = await limit(() => client.send(new GetBucketPolicyCommand({ Bucket: bucket })));
				return out.Policy ?? '';
			}),
		bucketAclGrantees: (bucket: string): Promise<Read<string[]>> =>
			read('GetBucketAcl', async () => {
				const client = await bucketClient(bucket);
				const out = await limit(() => client.send(new GetBucketAclCommand({ Bucket: bucket })));
				return (out.Grants ?? []).flatMap((g) => (g.Grantee?.URI ? [g.Grantee.URI] : []));
			}),
		object: (bucket: string, key: string): Promise<Read<{ size?: number }>> =>
			read('HeadObject', async () => {
				const client = await bucketClient(bucket);
				const out = await limit(() => client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
				return out.ContentLength !== undefined ? { size: out.ContentLength } : {};
			}),
	};
}
