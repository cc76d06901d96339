import { actionFor, type AwsService } from '../../src/lib/labs/allowlist.ts';
import type { Read } from '../../src/lib/labs/facts.ts';

interface AwsErrorLike {
	name?: string;
	atelierOperation?: string;
	Code?: string;
	message?: string;
	$metadata?: { httpStatusCode?: number };
	$response?: { headers?: Record<string, string | undefined> };
}

export function asAwsError(error: unknown): AwsErrorLike {
	return typeof error === 'object' && error !== null ? (error as AwsErrorLike) : { message: String(error) };
}

export function errorCode(error: unknown): string {
	const e = asAwsError(error);
	// Network failures are plain Node errors: their `code` (ECONNREFUSED, ENOTFOUND…) says more than `name`.
	const systemCode = (error as { code?: unknown }).code;
	if ((e.name === 'Error' || e.name === undefined) && typeof systemCode === 'string') return systemCode;
	return e.Code ?? e.name ?? 'Error';
}

export function httpStatus(error: unknown): number | undefined {
	return asAwsError(error).$metadata?.httpStatusCode;
}

export function responseHeader(error: unknown, name: string): string | undefined {
	const headers = asAwsError(error).$response?.headers ?? {};
	const wanted = name.toLowerCase();
	for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === wanted) return v;
	return undefined;
}

const MISSING_CODES = new Set([
	'NoSuchEntity',
	'NoSuchEntityException',
	'NotFound',
	'NoSuchBucket',
	'NoSuchKey',
	'NoSuchBucketPolicy',
	'NoSuchPublicAccessBlockConfiguration',
	'ApplicationDoesNotExistException',
	'DeploymentGroupDoesNotExistException',
	'DeploymentDoesNotExistException',
]);
const DENIED_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'Forbidden']);

export function isMissing(error: unknown): boolean {
	return MISSING_CODES.has(errorCode(error));
}

/**
 * Turns an SDK error into a Read: absent (404-like), denied (naming the IAM action the operation needs), or failed.
 * S3 errors without a body (HEAD) arrive as `NotFound`/`Unknown`: branch on the HTTP status, not on the name.
 */
export function readFromError(error: unknown, service: AwsService, operation: string): Read<never> {
	const code = errorCode(error);
	const status = httpStatus(error);
	if (isMissing(error) || (service === 's3' && status === 404)) return { status: 'missing' };
	if (DENIED_CODES.has(code) || (service === 's3' && status === 403)) {
		// IAM names the refused action ("is not authorized to perform: iam:GetPolicy on resource …"); else the
		// operation the middleware tagged, else the logical read's own operation.
		const named = /perform: ([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(asAwsError(error).message ?? '')?.[1];
		return {
			status: 'denied',
			action: named ?? actionFor(service, asAwsError(error).atelierOperation ?? operation),
		};
	}
	return { status: 'failed', code, message: (asAwsError(error).message ?? '').slice(0, 300) };
}
