import { md5Hex } from '../ids.ts';
import type { Bucket, StoredObject } from '../state.ts';
import { escapeXml, isoDate, text } from '../xml.ts';
import { s3Error } from './errors.ts';
import { S3_NS, xmlFields, xmlResponse, type S3Request, type S3Response } from './types.ts';

function objectHeaders(object: StoredObject): Record<string, string> {
	const headers: Record<string, string> = {
		'Content-Type': object.contentType,
		'Content-Length': String(object.size),
		ETag: `"${object.etag}"`,
		'Last-Modified': new Date(object.lastModified).toUTCString(),
		'Accept-Ranges': 'bytes',
		'x-amz-server-side-encryption': 'AES256',
	};
	for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
	return headers;
}

export function putObject(request: S3Request, bucket: Bucket, key: string): S3Response {
	const metadata: Record<string, string> = {};
	for (const [name, value] of request.headers)
		if (name.startsWith('x-amz-meta-')) metadata[name.slice(11)] = value;
	const etag = md5Hex(request.body);
	bucket.objects[key] = {
		bodyBase64: request.body.toString('base64'),
		etag,
		size: request.body.length,
		contentType: request.headers.get('content-type') ?? 'binary/octet-stream',
		lastModified: new Date().toISOString(),
		metadata,
	};
	return {
		status: 200,
		headers: { ETag: `"${etag}"`, 'x-amz-server-side-encryption': 'AES256' },
		changed: true,
	};
}

export function getObject(bucket: Bucket, key: string, head: boolean, range?: string): S3Response {
	const object = bucket.objects[key];
	if (!object) throw s3Error('NoSuchKey', 404, 'The specified key does not exist.', { Key: key });
	const headers = objectHeaders(object);
	const body = Buffer.from(object.bodyBase64, 'base64');
	const slice = range === undefined ? undefined : byteRange(range, body.length);
	if (slice) {
		const [start, end] = slice;
		headers['Content-Range'] = `bytes ${start}-${end}/${body.length}`;
		headers['Content-Length'] = String(end - start + 1);
		return { status: 206, headers, ...(!head && { body: body.subarray(start, end + 1) }) };
	}
	if (head) return { status: 200, headers };
	return { status: 200, headers, body };
}

/** A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range; anything else is ignored (the whole object), as S3 does. */
function byteRange(header: string, size: number): [number, number] | undefined {
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (match[1] === '' && match[2] === '')) return undefined;
	let start: number;
	let end: number;
	if (match[1] === '') {
		start = Math.max(0, size - Number(match[2]));
		end = size - 1;
	} else {
		start = Number(match[1]);
		end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	}
	if (start >= size || start > end)
		throw s3Error('InvalidRange', 416, 'The requested range is not satisfiable', {
			RangeRequested: header,
			ActualObjectSize: String(size),
		});
	return [start, end];
}

export function deleteObject(bucket: Bucket, key: string): S3Response {
	const existed = key in bucket.objects;
	delete bucket.objects[key];
	return { status: 204, changed: existed };
}

export function deleteObjects(request: S3Request, bucket: Bucket): S3Response {
	const body = request.body.toString('utf8');
	const keys = xmlFields(body, 'Key');
	const quiet = /<Quiet>\s*true\s*<\/Quiet>/.test(body);
	for (const key of keys) delete bucket.objects[key];
	const deleted = quiet ? '' : keys.map((k) => `<Deleted>${text('Key', k)}</Deleted>`).join('');
	return {
		...xmlResponse(`<DeleteResult xmlns="${S3_NS}">${deleted}</DeleteResult>`),
		changed: keys.length > 0,
	};
}

interface Listing {
	readonly contents: string[];
	readonly prefixes: string[];
	readonly truncated: boolean;
	readonly lastKey?: string;
}

/** Keys after `after`, under `prefix`, rolled up by `delimiter`, at most `max` entries (objects + prefixes). */
function list(bucket: Bucket, prefix: string, delimiter: string, after: string, max: number): Listing {
	const keys = Object.keys(bucket.objects).sort();
	const contents: string[] = [];
	const prefixes: string[] = [];
	let lastKey: string | undefined;
	for (const key of keys) {
		if (!key.startsWith(prefix) || key <= after) continue;
		// Continuing after a common prefix skips everything it rolled up.
		if (delimiter && after.endsWith(delimiter) && key.startsWith(after)) continue;
		if (delimiter) {
			const cut = key.indexOf(delimiter, prefix.length);
			if (cut >= 0) {
				const common = key.slice(0, cut + delimiter.length);
				if (prefixes.at(-1) === common) continue;
				if (contents.length + prefixes.length >= max)
					return { contents, prefixes, truncated: true, ...(lastKey && { lastKey }) };
				prefixes.push(common);
				lastKey = common;
				continue;
			}
		}
		if (contents.length + prefixes.length >= max)
			return { contents, prefixes, truncated: true, ...(lastKey && { lastKey }) };
		contents.push(key);
		lastKey = key;
	}
	return { contents, prefixes, truncated: false, ...(lastKey && { lastKey }) };
}

export function listObjects(request: S3Request, bucket: Bucket): S3Response {
	const v2 = request.query.get('list-type') === '2';
	const q = request.query;
	const prefix = q.get('prefix') ?? '';
	const delimiter = q.get('delimiter') ?? '';
	const max = Math.min(Number(q.get('max-keys') ?? 1000), 1000);
	if (!Number.isInteger(max) || max < 0)
		throw s3Error('InvalidArgument', 400, 'Provided max-keys not an integer or within integer range');
	const urlEncoded = q.get('encoding-type') === 'url';
	const enc = (value: string) =>
		escapeXml(urlEncoded ? encodeURIComponent(value).replace(/%2F/g, '/') : value);
	const token = q.get('continuation-token');
	const after = v2
		? token
			? Buffer.from(token, 'base64url').toString('utf8')
			: (q.get('start-after') ?? '')
		: (q.get('marker') ?? '');
	const listing = list(bucket, prefix, delimiter, after, max);
	const objects = listing.contents
		.map((key) => {
			const o = bucket.objects[key]!;
			return `<Contents><Key>${enc(key)}</Key>${text('LastModified', isoDate(o.lastModified))}${text('ETag', `"${o.etag}"`)}${text('Size', o.size)}<StorageClass>STANDARD</StorageClass></Contents>`;
		})
		.join('');
	const common = listing.prefixes
		.map((p) => `<CommonPrefixes><Prefix>${enc(p)}</Prefix></CommonPrefixes>`)
		.join('');
	const head =
		text('Name', bucket.name) +
		`<Prefix>${enc(prefix)}</Prefix>` +
		(delimiter ? `<Delimiter>${enc(delimiter)}</Delimiter>` : '') +
		text('MaxKeys', max) +
		(urlEncoded ? '<EncodingType>url</EncodingType>' : '') +
		text('IsTruncated', listing.truncated);
	const next = listing.truncated && listing.lastKey;
	const tail = v2
		? text('KeyCount', listing.contents.length + listing.prefixes.length) +
			(token ? text('ContinuationToken', token) : '') +
			(q.get('start-after') ? `<StartAfter>${enc(q.get('start-after')!)}</StartAfter>` : '') +
			(next ? text('NextContinuationToken', Buffer.from(next).toString('base64url')) : '')
		: `<Marker>${enc(after)}</Marker>` + (next && delimiter ? `<NextMarker>${enc(next)}</NextMarker>` : '');
	return xmlResponse(
		`<ListBucketResult xmlns="${S3_NS}">${head}${tail}${objects}${common}</ListBucketResult>`,
	);
}
