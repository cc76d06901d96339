import { createHash, randomBytes } from 'node:crypto';
import { md5Hex } from '../ids.ts';
import type { Bucket } from '../state.ts';
import { text } from '../xml.ts';
import { malformedXml, s3Error } from './errors.ts';
import { S3_NS, xmlFields, xmlResponse, type S3Request, type S3Response } from './types.ts';

/**
 * Multipart uploads, which the AWS CLI uses for files above 8 MB (`aws s3 cp`, `aws deploy push`). Parts are kept
 * in the state until completed or aborted; the final ETag is AWS's "md5 of the part md5s, dash, part count".
 */

function noSuchUpload(id: string) {
	return s3Error(
		'NoSuchUpload',
		404,
		'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
		{
			UploadId: id,
		},
	);
}

export function createUpload(request: S3Request, bucket: Bucket, key: string): S3Response {
	const uploadId = randomBytes(24).toString('base64url');
	const metadata: Record<string, string> = {};
	for (const [name, value] of request.headers)
		if (name.startsWith('x-amz-meta-')) metadata[name.slice(11)] = value;
	(bucket.uploads ??= {})[uploadId] = {
		key,
		contentType: request.headers.get('content-type') ?? 'binary/octet-stream',
		metadata,
		parts: {},
	};
	return {
		...xmlResponse(
			`<InitiateMultipartUploadResult xmlns="${S3_NS}">${text('Bucket', bucket.name)}${text('Key', key)}${text('UploadId', uploadId)}</InitiateMultipartUploadResult>`,
		),
		changed: true,
	};
}

function upload(bucket: Bucket, key: string, uploadId: string) {
	const found = bucket.uploads?.[uploadId];
	if (!found || found.key !== key) throw noSuchUpload(uploadId);
	return found;
}

export function uploadPart(request: S3Request, bucket: Bucket, key: string): S3Response {
	const uploadId = request.query.get('uploadId') ?? '';
	const partNumber = Number(request.query.get('partNumber'));
	if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10000)
		throw s3Error('InvalidArgument', 400, 'Part number must be an integer between 1 and 10000, inclusive');
	const etag = md5Hex(request.body);
	upload(bucket, key, uploadId).parts[String(partNumber)] = {
		bodyBase64: request.body.toString('base64'),
		etag,
	};
	return {
		status: 200,
		headers: { ETag: `"${etag}"`, 'x-amz-server-side-encryption': 'AES256' },
		changed: true,
	};
}

export function completeUpload(request: S3Request, bucket: Bucket, key: string): S3Response {
	const uploadId = request.query.get('uploadId') ?? '';
	const pending = upload(bucket, key, uploadId);
	const body = request.body.toString('utf8');
	const numbers = xmlFields(body, 'PartNumber').map(Number);
	const etags = xmlFields(body, 'ETag').map((e) => e.replace(/"/g, ''));
	if (numbers.length === 0 || numbers.length !== etags.length) throw malformedXml();
	const parts = numbers.map((n, i) => {
		const part = pending.parts[String(n)];
		if (!part || part.etag !== etags[i])
			throw s3Error(
				'InvalidPart',
				400,
				"One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
			);
		return part;
	});
	const data = Buffer.concat(parts.map((p) => Buffer.from(p.bodyBase64, 'base64')));
	const digest = createHash('md5');
	for (const part of parts) digest.update(Buffer.from(part.etag, 'hex'));
	const etag = `${digest.digest('hex')}-${parts.length}`;
	bucket.objects[key] = {
		bodyBase64: data.toString('base64'),
		etag,
		size: data.length,
		contentType: pending.contentType,
		lastModified: new Date().toISOString(),
		metadata: pending.metadata,
	};
	delete bucket.uploads![uploadId];
	return {
		...xmlResponse(
			`<CompleteMultipartUploadResult xmlns="${S3_NS}">${text('Location', `/${bucket.name}/${key}`)}${text('Bucket', bucket.name)}${text('Key', key)}${text('ETag', `"${etag}"`)}</CompleteMultipartUploadResult>`,
		),
		changed: true,
	};
}

export function abortUpload(request: S3Request, bucket: Bucket, key: string): S3Response {
	const uploadId = request.query.get('uploadId') ?? '';
	upload(bucket, key, uploadId);
	delete bucket.uploads![uploadId];
	return { status: 204, changed: true };
}
