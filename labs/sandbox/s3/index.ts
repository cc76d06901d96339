import { decide, type Context } from '../authz.ts';
import { AwsError } from '../errors.ts';
import type { Bucket } from '../state.ts';
import {
	DEFAULT_ENCRYPTION,
	createBucket,
	getEncryption,
	getLocation,
	getPolicy,
	getPolicyStatus,
	getPublicAccessBlock,
	getVersioning,
	listBuckets,
	putEncryption,
	putPolicy,
	putPublicAccessBlock,
	putVersioning,
} from './buckets.ts';
import { getAcl, getOwnership, putAcl, putOwnership } from './acl.ts';
import { accessDenied, noSuchBucket, s3Error } from './errors.ts';
import { abortUpload, completeUpload, createUpload, uploadPart } from './multipart.ts';
import { deleteObject, deleteObjects, getObject, listObjects, putObject } from './objects.ts';
import type { S3Request, S3Response } from './types.ts';

/** One S3 operation: the IAM action it needs (reference §3.2), and what it does. */
interface BucketOperation {
	readonly action: string;
	/** GetBucketLocation answers from any region; everything else is redirected to the bucket's region. */
	readonly anyRegion?: boolean;
	run(request: S3Request, bucket: Bucket): S3Response;
}

const SUBRESOURCES: Record<string, Partial<Record<string, BucketOperation>>> = {
	location: { GET: { action: 's3:GetBucketLocation', anyRegion: true, run: (_r, b) => getLocation(b) } },
	policy: {
		GET: { action: 's3:GetBucketPolicy', run: (_r, b) => getPolicy(b) },
		PUT: { action: 's3:PutBucketPolicy', run: putPolicy },
		DELETE: {
			action: 's3:DeleteBucketPolicy',
			run: (_r, b) => {
				delete b.policy;
				return { status: 204, changed: true };
			},
		},
	},
	policyStatus: { GET: { action: 's3:GetBucketPolicyStatus', run: (_r, b) => getPolicyStatus(b) } },
	publicAccessBlock: {
		GET: { action: 's3:GetBucketPublicAccessBlock', run: (_r, b) => getPublicAccessBlock(b) },
		PUT: { action: 's3:PutBucketPublicAccessBlock', run: putPublicAccessBlock },
		DELETE: {
			action: 's3:PutBucketPublicAccessBlock',
			run: (_r, b) => {
				delete b.publicAccessBlock;
				return { status: 204, changed: true };
			},
		},
	},
	versioning: {
		GET: { action: 's3:GetBucketVersioning', run: (_r, b) => getVersioning(b) },
		PUT: { action: 's3:PutBucketVersioning', run: putVersioning },
	},
	encryption: {
		GET: { action: 's3:GetEncryptionConfiguration', run: (_r, b) => getEncryption(b) },
		PUT: { action: 's3:PutEncryptionConfiguration', run: putEncryption },
		// Since 2023 deleting the configuration puts SSE-S3 back rather than leaving the bucket unencrypted.
		DELETE: {
			action: 's3:PutEncryptionConfiguration',
			run: (_r, b) => {
				b.encryption = DEFAULT_ENCRYPTION;
				return { status: 204, changed: true };
			},
		},
	},
	delete: { POST: { action: 's3:DeleteObject', run: deleteObjects } },
	acl: {
		GET: { action: 's3:GetBucketAcl', run: (_r, b) => getAcl(b) },
		PUT: { action: 's3:PutBucketAcl', run: putAcl },
	},
	ownershipControls: {
		GET: { action: 's3:GetBucketOwnershipControls', run: (_r, b) => getOwnership(b) },
		PUT: { action: 's3:PutBucketOwnershipControls', run: putOwnership },
		DELETE: {
			action: 's3:PutBucketOwnershipControls',
			run: (_r, b) => {
				delete b.ownership;
				return { status: 204, changed: true };
			},
		},
	},
};

const BUCKET_ROOT: Partial<Record<string, BucketOperation>> = {
	HEAD: { action: 's3:ListBucket', run: () => ({ status: 200 }) },
	GET: { action: 's3:ListBucket', run: listObjects },
	DELETE: {
		action: 's3:DeleteBucket',
		run: (request, bucket) => {
			if (Object.keys(bucket.objects).length > 0)
				throw s3Error('BucketNotEmpty', 409, 'The bucket you tried to delete is not empty', {
					BucketName: bucket.name,
				});
			delete request.state.buckets[bucket.name];
			return { status: 204, changed: true };
		},
	},
};

function objectOperation(request: S3Request, key: string): BucketOperation | undefined {
	const q = request.query;
	const extra = [...q.keys()].filter((k) => k !== 'x-id' && k !== 'versionId' && !k.startsWith('X-Amz-'));
	if (q.has('uploads') && request.method === 'POST')
		return { action: 's3:PutObject', run: (r, b) => createUpload(r, b, key) };
	if (q.has('uploadId')) {
		if (request.method === 'PUT' && q.has('partNumber'))
			return { action: 's3:PutObject', run: (r, b) => uploadPart(r, b, key) };
		if (request.method === 'POST')
			return { action: 's3:PutObject', run: (r, b) => completeUpload(r, b, key) };
		if (request.method === 'DELETE')
			return { action: 's3:AbortMultipartUpload', run: (r, b) => abortUpload(r, b, key) };
		return undefined;
	}
	if (extra.length > 0 || request.headers.has('x-amz-copy-source')) return undefined;
	switch (request.method) {
		case 'PUT':
			return { action: 's3:PutObject', run: (r, b) => putObject(r, b, key) };
		case 'GET':
		case 'HEAD':
			return {
				action: 's3:GetObject',
				run: (r, b) => getObject(b, key, r.method === 'HEAD', r.headers.get('range')),
			};
		case 'DELETE':
			return { action: 's3:DeleteObject', run: (_r, b) => deleteObject(b, key) };
		default:
			return undefined;
	}
}

function notImplemented(): AwsError {
	return s3Error(
		'NotImplemented',
		501,
		'A header you provided implies functionality that is not implemented',
	);
}

function findOperation(request: S3Request): BucketOperation | undefined {
	if (request.key !== undefined) return objectOperation(request, request.key);
	const sub = Object.keys(SUBRESOURCES).find((name) => request.query.has(name));
	if (sub) return SUBRESOURCES[sub]![request.method];
	const others = [...request.query.keys()].filter(
		(k) =>
			![
				'list-type',
				'prefix',
				'delimiter',
				'max-keys',
				'continuation-token',
				'start-after',
				'encoding-type',
				'marker',
				'fetch-owner',
				'x-id',
			].includes(k) && !k.startsWith('X-Amz-'),
	);
	return others.length === 0 ? BUCKET_ROOT[request.method] : undefined;
}

function listContext(request: S3Request): Context {
	const q = request.query;
	return {
		's3:prefix': q.get('prefix') ?? '',
		's3:delimiter': q.get('delimiter') ?? '',
		's3:max-keys': q.get('max-keys') ?? '1000',
	};
}

function allowed(request: S3Request, action: string, resource: string, bucket?: Bucket): boolean {
	if (request.caller.kind === 'anonymous' && bucket) {
		const pab = bucket.publicAccessBlock;
		// A public-read bucket ACL lets anyone list, unless Block Public Access ignores public ACLs.
		const acl = bucket.acl ?? 'private';
		if (action === 's3:ListBucket' && acl.startsWith('public-read') && !pab?.IgnorePublicAcls) return true;
		// RestrictPublicBuckets: a public policy no longer opens the bucket to anonymous callers.
		if (pab?.RestrictPublicBuckets) return false;
	}
	return decide(request.state, request.caller, request.region, action, resource, {
		...(bucket?.policy !== undefined && { resourcePolicy: bucket.policy }),
		...(bucket && { resourceAccount: bucket.accountId }),
		...(action === 's3:ListBucket' && { context: listContext(request) }),
	}).allowed;
}

/** Routes an S3 request; errors are thrown as AwsError and rendered by the server (no body for HEAD). */
export function handleS3(request: S3Request): S3Response {
	if (request.bucket === undefined) {
		if (request.method !== 'GET') throw notImplemented();
		if (!allowed(request, 's3:ListAllMyBuckets', '*')) throw accessDenied();
		return listBuckets(request);
	}
	const name = request.bucket;
	const bucketArn = `arn:aws:s3:::${name}`;
	if (request.key === undefined && request.method === 'PUT' && [...request.query.keys()].length === 0) {
		if (!allowed(request, 's3:CreateBucket', bucketArn)) throw accessDenied();
		return createBucket(request, name);
	}
	const operation = findOperation(request);
	if (!operation) throw notImplemented();
	const bucket = request.state.buckets[name];
	if (!bucket) throw noSuchBucket(name);
	const regionHeader = { 'x-amz-bucket-region': bucket.region };
	if (!operation.anyRegion && request.region !== '' && bucket.region !== request.region)
		throw new AwsError(
			'PermanentRedirect',
			301,
			'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
			{
				extra: { Endpoint: `${name}.s3.${bucket.region}.amazonaws.com`, Bucket: name },
				headers: regionHeader,
			},
		);
	const resource = request.key === undefined ? bucketArn : `${bucketArn}/${request.key}`;
	if (!allowed(request, operation.action, resource, bucket))
		throw new AwsError('AccessDenied', 403, 'Access Denied', { headers: regionHeader });
	try {
		const response = operation.run(request, bucket);
		if (request.method === 'HEAD' && request.key === undefined)
			return {
				...response,
				headers: { ...response.headers, ...regionHeader, 'x-amz-access-point-alias': 'false' },
			};
		return response;
	} catch (error) {
		// Without s3:ListBucket a missing key is reported as 403, not 404 (reference §1.4).
		if (
			error instanceof AwsError &&
			error.code === 'NoSuchKey' &&
			!allowed(request, 's3:ListBucket', bucketArn, bucket)
		)
			throw accessDenied();
		throw error;
	}
}
