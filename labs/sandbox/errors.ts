/**
 * An AWS error as the wire carries it: a code, an HTTP status and a message. Handlers throw it; the protocol layer
 * (awsQuery for IAM/STS, REST-XML for S3) renders it in that service's envelope.
 */
export class AwsError extends Error {
	readonly code: string;
	readonly status: number;
	/** Extra elements of an S3 `<Error>` (`BucketName`, `Endpoint`…) and response headers (`x-amz-bucket-region`). */
	readonly extra: Readonly<Record<string, string>>;
	readonly headers: Readonly<Record<string, string>>;

	constructor(
		code: string,
		status: number,
		message: string,
		options: { extra?: Record<string, string>; headers?: Record<string, string> } = {},
	) {
		super(message);
		this.name = 'AwsError';
		this.code = code;
		this.status = status;
		this.extra = options.extra ?? {};
		this.headers = options.headers ?? {};
	}
}

export const noSuchEntity = (message: string) => new AwsError('NoSuchEntity', 404, message);
export const alreadyExists = (message: string) => new AwsError('EntityAlreadyExists', 409, message);
export const limitExceeded = (message: string) => new AwsError('LimitExceeded', 409, message);
export const deleteConflict = (message: string) => new AwsError('DeleteConflict', 409, message);
export const malformedPolicy = (message: string) => new AwsError('MalformedPolicyDocument', 400, message);
export const invalidInput = (message: string) => new AwsError('InvalidInput', 400, message);
export const validationError = (message: string) => new AwsError('ValidationError', 400, message);
