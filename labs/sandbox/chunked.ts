import { createHmac } from 'node:crypto';
import { AwsError } from './errors.ts';
import { EMPTY_SHA256, sameSignature, sha256Hex, signingKey, type Authorization } from './sigv4.ts';

/**
 * S3 `aws-chunked` bodies (payload hash `STREAMING-…`): `<hex size>[;chunk-signature=<sig>]\r\n<data>\r\n`, ending
 * with a zero-size chunk and optional trailers (checksums). Signed chunks are verified in sequence, each one chained
 * to the previous signature (SigV4 streaming specification).
 */
export function decodeChunked(body: Buffer, mode: string, auth: Authorization, secret: string): Buffer {
	const signed = mode.startsWith('STREAMING-AWS4-HMAC-SHA256-PAYLOAD');
	const key = signingKey(secret, auth.date, auth.region, auth.service);
	const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
	let previous = auth.signature;
	const parts: Buffer[] = [];
	let offset = 0;
	for (;;) {
		const lineEnd = body.indexOf('\r\n', offset);
		if (lineEnd < 0) throw incomplete();
		const header = body.subarray(offset, lineEnd).toString('latin1');
		const [sizeHex = '', ...extensions] = header.split(';');
		const size = Number.parseInt(sizeHex, 16);
		if (!Number.isFinite(size) || size < 0) throw incomplete();
		const data = body.subarray(lineEnd + 2, lineEnd + 2 + size);
		if (data.length !== size) throw incomplete();
		if (signed) {
			const claimed = extensions
				.find((e) => e.startsWith('chunk-signature='))
				?.slice('chunk-signature='.length);
			const toSign = [
				'AWS4-HMAC-SHA256-PAYLOAD',
				auth.amzDate,
				scope,
				previous,
				EMPTY_SHA256,
				sha256Hex(data),
			].join('\n');
			const expected = createHmac('sha256', key).update(toSign).digest('hex');
			if (!claimed || !sameSignature(expected, claimed))
				throw new AwsError(
					'SignatureDoesNotMatch',
					403,
					'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
				);
			previous = claimed;
		}
		if (size === 0) break;
		parts.push(data);
		offset = lineEnd + 2 + size + 2;
	}
	return Buffer.concat(parts);
}

function incomplete(): AwsError {
	return new AwsError('IncompleteBody', 400, 'The request body terminated unexpectedly');
}
