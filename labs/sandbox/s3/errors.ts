import { AwsError } from '../errors.ts';

export const s3Error = (code: string, status: number, message: string, extra: Record<string, string> = {}) =>
	new AwsError(code, status, message, { extra });

export const noSuchBucket = (bucket: string) =>
	s3Error('NoSuchBucket', 404, 'The specified bucket does not exist', { BucketName: bucket });

export const accessDenied = () => s3Error('AccessDenied', 403, 'Access Denied');

export const malformedXml = () =>
	s3Error(
		'MalformedXML',
		400,
		'The XML you provided was not well-formed or did not validate against our published schema',
	);
