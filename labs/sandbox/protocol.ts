import type { Caller } from './caller.ts';
import { ANONYMOUS, findCaller } from './caller.ts';
import { decodeChunked } from './chunked.ts';
import { AwsError } from './errors.ts';
import { hostId } from './ids.ts';
import { IAM_NS, queryError, STS_NS } from './query.ts';
import { headerMap, sha256Hex, verifySignature, type Authorization, type IncomingSigned } from './sigv4.ts';
import type { SandboxState } from './state.ts';
import { escapeXml } from './xml.ts';

/**
 * What every request goes through before its service sees it: which protocol it speaks, who signed it (and whether
 * the signature, its time and its payload hold), and how errors are written back in that protocol's envelope.
 */

export type Protocol = 'query' | 's3';

export function protocolOf(auth: Authorization | undefined, signed: IncomingSigned): Protocol {
	if (auth) return auth.service === 'iam' || auth.service === 'sts' ? 'query' : 's3';
	const type = headerMap(signed.rawHeaders).get('content-type') ?? '';
	return signed.method === 'POST' &&
		signed.rawPath === '/' &&
		type.startsWith('application/x-www-form-urlencoded')
		? 'query'
		: 's3';
}

export interface Reply {
	status: number;
	headers: Record<string, string>;
	body?: string | Buffer;
}

export function errorReply(
	protocol: Protocol,
	service: string,
	error: AwsError,
	id: string,
	method: string,
): Reply {
	if (protocol === 'query')
		return {
			status: error.status,
			headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': id },
			body: queryError(service === 'sts' ? STS_NS : IAM_NS, error, id),
		};
	const headers = { 'x-amz-request-id': id, 'x-amz-id-2': hostId(), ...error.headers };
	// S3 HEAD errors carry no body (reference §4.9).
	if (method === 'HEAD') return { status: error.status, headers };
	const extra = Object.entries(error.extra)
		.map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`)
		.join('');
	return {
		status: error.status,
		headers: { ...headers, 'Content-Type': 'application/xml' },
		body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>${extra}<RequestId>${id}</RequestId><HostId>${headers['x-amz-id-2']}</HostId></Error>`,
	};
}

const SIGNATURE_MESSAGE = {
	query:
		'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
	s3: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
};

/** Finds who signed the request and checks the signature against the stored secret. */
export function authenticate(
	state: SandboxState,
	protocol: Protocol,
	auth: Authorization | undefined,
	signed: IncomingSigned,
	now = Date.now(),
): Caller {
	if (!auth) {
		if (protocol === 's3') return ANONYMOUS;
		throw new AwsError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token');
	}
	const caller = findCaller(state, auth.accessKeyId);
	if (!caller)
		throw protocol === 'query'
			? new AwsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.')
			: new AwsError(
					'InvalidAccessKeyId',
					403,
					'The AWS Access Key Id you provided does not exist in our records.',
					{
						extra: { AWSAccessKeyId: auth.accessKeyId },
					},
				);
	const token =
		headerMap(signed.rawHeaders).get('x-amz-security-token') ??
		new URLSearchParams(signed.rawQuery).get('X-Amz-Security-Token');
	if (caller.sessionToken !== undefined && token !== caller.sessionToken)
		throw protocol === 'query'
			? new AwsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.')
			: new AwsError('InvalidToken', 400, 'The provided token is malformed or otherwise invalid.');
	if (!verifySignature(auth, signed, caller.secret))
		throw new AwsError('SignatureDoesNotMatch', 403, SIGNATURE_MESSAGE[protocol]);
	checkTime(protocol, auth, signed, now);
	return caller;
}

const SKEW_MS = 15 * 60 * 1000;

function amzTime(value: string): number {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
	return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
}

function amzStamp(ms: number): string {
	return new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

/** A signature is good for 15 minutes either side of the server's clock; a presigned URL until it expires. */
function checkTime(protocol: Protocol, auth: Authorization, signed: IncomingSigned, now: number): void {
	const signedAt = amzTime(auth.amzDate);
	if (Number.isNaN(signedAt))
		throw new AwsError(
			'IncompleteSignature',
			400,
			`Date must be in ISO-8601 'basic format'. Got '${auth.amzDate}'.`,
		);
	if (auth.presigned) {
		const expires = Number(new URLSearchParams(signed.rawQuery).get('X-Amz-Expires') ?? '0');
		if (now > signedAt + expires * 1000) throw new AwsError('AccessDenied', 403, 'Request has expired');
		return;
	}
	if (Math.abs(now - signedAt) <= SKEW_MS) return;
	if (protocol === 's3')
		throw new AwsError(
			'RequestTimeTooSkewed',
			403,
			'The difference between the request time and the current time is too large.',
			{
				extra: { RequestTime: auth.amzDate, ServerTime: new Date(now).toISOString() },
			},
		);
	const message =
		signedAt < now
			? `Signature expired: ${auth.amzDate} is now earlier than ${amzStamp(now - SKEW_MS)} (${amzStamp(now)} - 15 min.)`
			: `Signature not yet current: ${auth.amzDate} is still later than ${amzStamp(now + SKEW_MS)} (${amzStamp(now)} + 15 min.)`;
	throw new AwsError('SignatureDoesNotMatch', 403, message);
}

/** The object bytes: checked against a literal payload hash, or decoded from aws-chunked framing. */
export function s3Payload(auth: Authorization | undefined, signed: IncomingSigned, caller: Caller): Buffer {
	const claimed = headerMap(signed.rawHeaders).get('x-amz-content-sha256');
	if (claimed === undefined || claimed === 'UNSIGNED-PAYLOAD' || !auth) return signed.body;
	if (claimed.startsWith('STREAMING-')) return decodeChunked(signed.body, claimed, auth, caller.secret);
	if (claimed !== sha256Hex(signed.body))
		throw new AwsError(
			'XAmzContentSHA256Mismatch',
			400,
			"The provided 'x-amz-content-sha256' header does not match what was computed.",
		);
	return signed.body;
}
