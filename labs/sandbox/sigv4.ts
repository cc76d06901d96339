import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AwsError } from './errors.ts';

/**
 * AWS Signature Version 4, verified on the server side: rebuild the canonical request from what arrived, derive the
 * signing key from the stored secret, and compare signatures. Written from the SigV4 specification (IAM User Guide,
 * "Create a signed AWS API request"), not from any SDK.
 */

export interface IncomingSigned {
	readonly method: string;
	/** The path exactly as received, without the query string (still percent-encoded). */
	readonly rawPath: string;
	readonly rawQuery: string;
	/** Node's `rawHeaders`: name, value, name, value… */
	readonly rawHeaders: readonly string[];
	readonly body: Buffer;
}

export interface Authorization {
	readonly accessKeyId: string;
	readonly date: string;
	readonly region: string;
	readonly service: string;
	readonly signedHeaders: readonly string[];
	readonly signature: string;
	readonly amzDate: string;
	readonly presigned: boolean;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
export const EMPTY_SHA256 = sha256Hex('');

export function sha256Hex(data: string | Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
	return createHmac('sha256', key).update(data).digest();
}

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
	return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

/** Lower-cased header name → values joined by commas (SigV4 canonical headers). */
export function headerMap(rawHeaders: readonly string[]): Map<string, string> {
	const map = new Map<string, string>();
	for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
		const name = rawHeaders[i]!.toLowerCase();
		const value = rawHeaders[i + 1]!.trim().replace(/\s+/g, ' ');
		const previous = map.get(name);
		map.set(name, previous === undefined ? value : `${previous},${value}`);
	}
	return map;
}

/** Reads the SigV4 authorisation from the header or from a presigned URL; `undefined` when the request is unsigned. */
export function parseAuthorization(request: IncomingSigned): Authorization | undefined {
	const headers = headerMap(request.rawHeaders);
	const header = headers.get('authorization');
	if (header !== undefined)
		return parseHeader(header, headers.get('x-amz-date') ?? headers.get('date') ?? '');
	const query = new URLSearchParams(request.rawQuery);
	if (query.get('X-Amz-Algorithm') === null) return undefined;
	if (query.get('X-Amz-Algorithm') !== ALGORITHM) throw incomplete('Unsupported X-Amz-Algorithm');
	const [accessKeyId = '', date = '', region = '', service = ''] = (
		query.get('X-Amz-Credential') ?? ''
	).split('/');
	return {
		accessKeyId,
		date,
		region,
		service,
		signedHeaders: (query.get('X-Amz-SignedHeaders') ?? '').split(';'),
		signature: query.get('X-Amz-Signature') ?? '',
		amzDate: query.get('X-Amz-Date') ?? '',
		presigned: true,
	};
}

function parseHeader(header: string, amzDate: string): Authorization {
	if (!header.startsWith(`${ALGORITHM} `))
		throw incomplete('Only AWS4-HMAC-SHA256 signatures are supported.');
	const fields = new Map<string, string>();
	for (const part of header.slice(ALGORITHM.length).split(',')) {
		const eq = part.indexOf('=');
		if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
	}
	const credential = fields.get('Credential');
	const signed = fields.get('SignedHeaders');
	const signature = fields.get('Signature');
	if (!credential || !signed || !signature)
		throw incomplete('Authorization header requires Credential, SignedHeaders and Signature.');
	const [accessKeyId = '', date = '', region = '', service = '', terminator] = credential.split('/');
	if (terminator !== 'aws4_request')
		throw incomplete(`Credential should be scoped with a valid terminator: 'aws4_request'.`);
	return {
		accessKeyId,
		date,
		region,
		service,
		signedHeaders: signed.split(';'),
		signature,
		amzDate,
		presigned: false,
	};
}

function incomplete(message: string): AwsError {
	return new AwsError('IncompleteSignature', 400, message);
}

/** RFC 3986 encoding, as SigV4 requires: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function uriEncode(value: string): string {
	return encodeURIComponent(value).replace(
		/[!'()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

export function canonicalQuery(rawQuery: string, dropSignature: boolean): string {
	const pairs = rawQuery
		.split('&')
		.filter((part) => part !== '')
		.map((part) => {
			const eq = part.indexOf('=');
			const key = eq < 0 ? part : part.slice(0, eq);
			const value = eq < 0 ? '' : part.slice(eq + 1);
			return [uriEncode(safeDecode(key)), uriEncode(safeDecode(value))] as const;
		})
		.filter(([key]) => !(dropSignature && key === 'X-Amz-Signature'));
	pairs.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
	return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function canonicalPath(rawPath: string, service: string): string {
	// S3 signs the path as sent; other services encode each segment once more.
	if (service === 's3') return rawPath === '' ? '/' : rawPath;
	return rawPath
		.split('/')
		.map((segment) => uriEncode(segment))
		.join('/');
}

/** The payload hash: for S3 the one the client claims (possibly UNSIGNED-PAYLOAD or STREAMING-…), else computed. */
export function payloadHash(auth: Authorization, request: IncomingSigned): string {
	// Outside S3 the service hashes the body itself: a claimed hash header is only one more signed header.
	if (auth.service !== 's3') return sha256Hex(request.body);
	const claimed = headerMap(request.rawHeaders).get('x-amz-content-sha256');
	if (claimed !== undefined) return claimed;
	if (auth.presigned && auth.service === 's3') return 'UNSIGNED-PAYLOAD';
	return sha256Hex(request.body);
}

export function canonicalRequest(auth: Authorization, request: IncomingSigned): string {
	const headers = headerMap(request.rawHeaders);
	const canonicalHeaders = auth.signedHeaders.map((name) => `${name}:${headers.get(name) ?? ''}\n`).join('');
	return [
		request.method.toUpperCase(),
		canonicalPath(request.rawPath, auth.service),
		canonicalQuery(request.rawQuery, auth.presigned),
		canonicalHeaders,
		auth.signedHeaders.join(';'),
		payloadHash(auth, request),
	].join('\n');
}

export function scope(auth: Authorization): string {
	return `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
}

export function stringToSign(auth: Authorization, request: IncomingSigned): string {
	return [ALGORITHM, auth.amzDate, scope(auth), sha256Hex(canonicalRequest(auth, request))].join('\n');
}

export function sign(auth: Authorization, request: IncomingSigned, secret: string): string {
	const key = signingKey(secret, auth.date, auth.region, auth.service);
	return createHmac('sha256', key).update(stringToSign(auth, request)).digest('hex');
}

export function sameSignature(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

/** True when the signature was made with `secret` over exactly this request. */
export function verifySignature(auth: Authorization, request: IncomingSigned, secret: string): boolean {
	return sameSignature(sign(auth, request, secret), auth.signature);
}
