import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeChunked } from '../../../labs/sandbox/chunked.ts';
import {
	canonicalQuery,
	canonicalRequest,
	parseAuthorization,
	sign,
	signingKey,
	verifySignature,
	type IncomingSigned,
} from '../../../labs/sandbox/sigv4.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

/** The worked example of the AWS General Reference ("Signature Version 4 signing process": IAM ListUsers). */
function exampleRequest(signature: string): IncomingSigned {
	return {
		method: 'GET',
		rawPath: '/',
		rawQuery: 'Action=ListUsers&Version=2010-05-08',
		rawHeaders: [
			'Host',
			'iam.amazonaws.com',
			'Content-Type',
			'application/x-www-form-urlencoded; charset=utf-8',
			'X-Amz-Date',
			'20150830T123600Z',
			'Authorization',
			`AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${signature}`,
		],
		body: Buffer.alloc(0),
	};
}

const EXAMPLE_SIGNATURE = '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';

describe('SigV4 verification against the AWS documentation example', () => {
	it('rebuilds the documented canonical request and signature', () => {
		const request = exampleRequest(EXAMPLE_SIGNATURE);
		const auth = parseAuthorization(request)!;
		expect(auth).toMatchObject({
			accessKeyId: 'AKIDEXAMPLE',
			region: 'us-east-1',
			service: 'iam',
			amzDate: '20150830T123600Z',
		});
		const hash = createHash('sha256').update(canonicalRequest(auth, request)).digest('hex');
		expect(hash).toBe('f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
		expect(sign(auth, request, SECRET)).toBe(EXAMPLE_SIGNATURE);
		expect(verifySignature(auth, request, SECRET)).toBe(true);
		expect(verifySignature(auth, request, SECRET.replace('w', 'W'))).toBe(false);
	});

	it('fails when a signed header changes', () => {
		const request = exampleRequest(EXAMPLE_SIGNATURE);
		const changed = {
			...request,
			rawHeaders: request.rawHeaders.map((v) => (v === '20150830T123600Z' ? '20150830T123601Z' : v)),
		};
		expect(verifySignature(parseAuthorization(changed)!, changed, SECRET)).toBe(false);
	});

	it('canonicalises query strings: sorted, strictly encoded, empty values kept', () => {
		expect(canonicalQuery('b=2&a=1&location', false)).toBe('a=1&b=2&location=');
		expect(canonicalQuery('prefix=a%20b%2Fc&list-type=2', false)).toBe('list-type=2&prefix=a%20b%2Fc');
		expect(canonicalQuery("k=!'()*", false)).toBe('k=%21%27%28%29%2A');
		expect(canonicalQuery('X-Amz-Signature=abc&X-Amz-Date=1', true)).toBe('X-Amz-Date=1');
	});
});

describe('aws-chunked bodies (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)', () => {
	const auth = {
		accessKeyId: 'AKIDEXAMPLE',
		date: '20261126',
		region: 'eu-west-3',
		service: 's3',
		signedHeaders: ['host'],
		signature: 'a'.repeat(64),
		amzDate: '20261126T120000Z',
		presigned: false,
	};

	/** An independent writer of signed chunks, straight from the streaming specification. */
	function chunked(parts: string[], tamper = false): Buffer {
		const key = signingKey(SECRET, auth.date, auth.region, auth.service);
		const scope = `${auth.date}/${auth.region}/s3/aws4_request`;
		const empty = createHash('sha256').update('').digest('hex');
		let previous = auth.signature;
		let out = '';
		for (const part of [...parts, '']) {
			const toSign = [
				'AWS4-HMAC-SHA256-PAYLOAD',
				auth.amzDate,
				scope,
				previous,
				empty,
				createHash('sha256').update(part).digest('hex'),
			];
			const signature = createHmac('sha256', key).update(toSign.join('\n')).digest('hex');
			out += `${Buffer.byteLength(part).toString(16)};chunk-signature=${signature}\r\n${tamper && part ? part.toUpperCase() : part}\r\n`;
			previous = signature;
		}
		return Buffer.from(out);
	}

	it('decodes chunks whose signatures chain correctly', () => {
		const body = decodeChunked(
			chunked(['hello ', 'world']),
			'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
			auth,
			SECRET,
		);
		expect(body.toString()).toBe('hello world');
	});

	it('rejects a chunk changed in transit', () => {
		expect(() =>
			decodeChunked(chunked(['hello'], true), 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', auth, SECRET),
		).toThrow(/signature we calculated does not match/);
	});

	it('decodes unsigned chunks with a checksum trailer', () => {
		const body = Buffer.from('5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n');
		expect(decodeChunked(body, 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', auth, SECRET).toString()).toBe('hello');
	});
});
