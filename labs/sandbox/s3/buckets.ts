import { parsePolicy, publicStatements } from '../../../src/lib/iam/index.ts';
import { AwsError } from '../errors.ts';
import type { Bucket, PublicAccessBlock } from '../state.ts';
import { escapeXml, isoDate, text } from '../xml.ts';
import { malformedXml, s3Error } from './errors.ts';
import { S3_NS, xmlField, xmlResponse, type S3Request, type S3Response } from './types.ts';

/** Since 2023 new buckets get SSE-S3 and all four Block Public Access settings on (reference §2, bucket step 3). */
export const DEFAULT_ENCRYPTION = `<ServerSideEncryptionConfiguration xmlns="${S3_NS}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`;

export const ALL_BLOCKED: PublicAccessBlock = {
	BlockPublicAcls: true,
	IgnorePublicAcls: true,
	BlockPublicPolicy: true,
	RestrictPublicBuckets: true,
};

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function checkBucketName(name: string): void {
	if (
		!BUCKET_NAME.test(name) ||
		name.includes('..') ||
		/^\d+\.\d+\.\d+\.\d+$/.test(name) ||
		name.startsWith('xn--')
	)
		throw s3Error('InvalidBucketName', 400, 'The specified bucket is not valid.', { BucketName: name });
}

export function createBucket(request: S3Request, name: string): S3Response {
	checkBucketName(name);
	const body = request.body.toString('utf8');
	const constraint = body.trim() === '' ? undefined : xmlField(body, 'LocationConstraint');
	if (body.trim() !== '' && !body.includes('CreateBucketConfiguration')) throw malformedXml();
	if (constraint === 'us-east-1')
		throw s3Error('InvalidLocationConstraint', 400, 'The specified location-constraint is not valid');
	if (constraint === undefined && request.region !== 'us-east-1')
		throw s3Error(
			'IllegalLocationConstraintException',
			400,
			'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.',
		);
	if (constraint !== undefined && request.region !== 'us-east-1' && constraint !== request.region)
		throw s3Error(
			'IllegalLocationConstraintException',
			400,
			`The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`,
		);
	const existing = request.state.buckets[name];
	if (existing?.accountId === request.caller.accountId)
		throw s3Error(
			'BucketAlreadyOwnedByYou',
			409,
			'Your previous request to create the named bucket succeeded and you already own it.',
			{ BucketName: name },
		);
	if (existing)
		throw s3Error(
			'BucketAlreadyExists',
			409,
			'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
			{ BucketName: name },
		);
	request.state.buckets[name] = {
		name,
		accountId: request.caller.accountId,
		region: constraint ?? 'us-east-1',
		createDate: new Date().toISOString(),
		publicAccessBlock: { ...ALL_BLOCKED },
		encryption: DEFAULT_ENCRYPTION,
		objects: {},
	};
	return { status: 200, headers: { Location: `/${name}` }, changed: true };
}

export function getLocation(bucket: Bucket): S3Response {
	const inner = bucket.region === 'us-east-1' ? '' : escapeXml(bucket.region);
	return xmlResponse(
		inner === ''
			? `<LocationConstraint xmlns="${S3_NS}"/>`
			: `<LocationConstraint xmlns="${S3_NS}">${inner}</LocationConstraint>`,
	);
}

/** Bucket policies: valid JSON, principals required, resources inside this bucket; public ones blocked by BPA. */
export function putPolicy(request: S3Request, bucket: Bucket): S3Response {
	const document = request.body.toString('utf8');
	if (!document.trimStart().startsWith('{'))
		throw s3Error('MalformedPolicy', 400, "Policies must be valid JSON and the first byte must be '{'");
	const { policy, diagnostics } = parsePolicy(document, { kind: 'resource', name: 'bucket policy' });
	const error = diagnostics.find((d) => d.severity === 'error' && d.code !== 'policy.version-missing');
	if (error || !policy) {
		const message =
			error?.code === 'statement.principal-missing'
				? 'Missing required field Principal'
				: error?.code === 'policy.json-invalid'
					? 'This policy contains invalid Json'
					: 'Policy has invalid action';
		throw s3Error('MalformedPolicy', 400, message);
	}
	for (const statement of policy.statements) {
		for (const resource of [...(statement.resource ?? []), ...(statement.notResource ?? [])])
			if (resource !== `arn:aws:s3:::${bucket.name}` && !resource.startsWith(`arn:aws:s3:::${bucket.name}/`))
				throw s3Error('MalformedPolicy', 400, 'Policy has invalid resource');
		for (const action of statement.action ?? [])
			if (action !== '*' && !/^s3:/i.test(action))
				throw s3Error('MalformedPolicy', 400, 'Policy has invalid action');
	}
	if (bucket.publicAccessBlock?.BlockPublicPolicy && publicStatements(policy).length > 0)
		throw new AwsError(
			'AccessDenied',
			403,
			`User: ${request.caller.arn} is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::${bucket.name}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
		);
	bucket.policy = document;
	return { status: 204, changed: true };
}

export function getPolicy(bucket: Bucket): S3Response {
	if (bucket.policy === undefined) throw noPolicy(bucket);
	return { status: 200, headers: { 'Content-Type': 'application/json' }, body: bucket.policy };
}

function noPolicy(bucket: Bucket): AwsError {
	return s3Error('NoSuchBucketPolicy', 404, 'The bucket policy does not exist', { BucketName: bucket.name });
}

export function getPolicyStatus(bucket: Bucket): S3Response {
	if (bucket.policy === undefined) throw noPolicy(bucket);
	const policy = parsePolicy(bucket.policy, { kind: 'resource' }).policy;
	const isPublic =
		!!policy && publicStatements(policy).length > 0 && !bucket.publicAccessBlock?.RestrictPublicBuckets;
	return xmlResponse(`<PolicyStatus xmlns="${S3_NS}">${text('IsPublic', isPublic)}</PolicyStatus>`);
}

const PAB_FIELDS = [
	'BlockPublicAcls',
	'IgnorePublicAcls',
	'BlockPublicPolicy',
	'RestrictPublicBuckets',
] as const;

export function getPublicAccessBlock(bucket: Bucket): S3Response {
	const pab = bucket.publicAccessBlock;
	if (!pab)
		throw s3Error(
			'NoSuchPublicAccessBlockConfiguration',
			404,
			'The public access block configuration was not found',
			{
				BucketName: bucket.name,
			},
		);
	const fields = PAB_FIELDS.map((f) => text(f, pab[f])).join('');
	return xmlResponse(
		`<PublicAccessBlockConfiguration xmlns="${S3_NS}">${fields}</PublicAccessBlockConfiguration>`,
	);
}

export function putPublicAccessBlock(request: S3Request, bucket: Bucket): S3Response {
	const body = request.body.toString('utf8');
	if (!body.includes('PublicAccessBlockConfiguration')) throw malformedXml();
	const read = (f: (typeof PAB_FIELDS)[number]) => xmlField(body, f) === 'true';
	bucket.publicAccessBlock = {
		BlockPublicAcls: read('BlockPublicAcls'),
		IgnorePublicAcls: read('IgnorePublicAcls'),
		BlockPublicPolicy: read('BlockPublicPolicy'),
		RestrictPublicBuckets: read('RestrictPublicBuckets'),
	};
	return { status: 200, changed: true };
}

export function getVersioning(bucket: Bucket): S3Response {
	return xmlResponse(
		bucket.versioning
			? `<VersioningConfiguration xmlns="${S3_NS}">${text('Status', bucket.versioning)}</VersioningConfiguration>`
			: `<VersioningConfiguration xmlns="${S3_NS}"/>`,
	);
}

export function putVersioning(request: S3Request, bucket: Bucket): S3Response {
	const status = xmlField(request.body.toString('utf8'), 'Status');
	if (status !== 'Enabled' && status !== 'Suspended') throw malformedXml();
	bucket.versioning = status;
	return { status: 200, changed: true };
}

export function getEncryption(bucket: Bucket): S3Response {
	if (!bucket.encryption)
		throw s3Error(
			'ServerSideEncryptionConfigurationNotFoundError',
			404,
			'The server side encryption configuration was not found',
			{ BucketName: bucket.name },
		);
	return xmlResponse(bucket.encryption);
}

export function putEncryption(request: S3Request, bucket: Bucket): S3Response {
	const body = request.body.toString('utf8');
	const algorithm = xmlField(body, 'SSEAlgorithm');
	if (!algorithm || !['AES256', 'aws:kms', 'aws:kms:dsse'].includes(algorithm)) throw malformedXml();
	bucket.encryption = body.replace(/^<\?xml[^>]*>\s*/, '');
	return { status: 200, changed: true };
}

export function listBuckets(request: S3Request): S3Response {
	const own = Object.values(request.state.buckets).filter((b) => b.accountId === request.caller.accountId);
	const buckets = own
		.map(
			(b) =>
				`<Bucket>${text('Name', b.name)}${text('CreationDate', isoDate(b.createDate))}${text('BucketRegion', b.region)}</Bucket>`,
		)
		.join('');
	const owner = `<Owner>${text('ID', canonicalId(request.caller.accountId))}${text('DisplayName', `sandbox-${request.caller.accountId}`)}</Owner>`;
	return xmlResponse(
		`<ListAllMyBucketsResult xmlns="${S3_NS}">${owner}<Buckets>${buckets}</Buckets></ListAllMyBucketsResult>`,
	);
}

export function canonicalId(accountId: string): string {
	return Buffer.from(`atelier-sandbox-${accountId}`).toString('hex').padEnd(64, '0').slice(0, 64);
}
