import { AwsError } from '../errors.ts';
import type { Bucket } from '../state.ts';
import { text } from '../xml.ts';
import { canonicalId } from './buckets.ts';
import { malformedXml, s3Error } from './errors.ts';
import { S3_NS, xmlField, xmlResponse, type S3Request, type S3Response } from './types.ts';

/**
 * Bucket ACLs as they work since April 2023: new buckets have Object Ownership "BucketOwnerEnforced", so ACLs are
 * disabled and any grant beyond the owner is refused; a learner must change Object Ownership (and turn Block Public
 * Access off) before an ACL can make the bucket public (mistake M15).
 */
export type CannedAcl = 'private' | 'public-read' | 'public-read-write' | 'authenticated-read';
export type Ownership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

function groupGrant(uri: string, permission: string): string {
	return `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">${text('URI', uri)}</Grantee>${text('Permission', permission)}</Grant>`;
}

export function getAcl(bucket: Bucket): S3Response {
	const id = canonicalId(bucket.accountId);
	const owner = `<Owner>${text('ID', id)}${text('DisplayName', `sandbox-${bucket.accountId}`)}</Owner>`;
	const grants = [
		`<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">${text('ID', id)}${text('DisplayName', `sandbox-${bucket.accountId}`)}</Grantee><Permission>FULL_CONTROL</Permission></Grant>`,
	];
	const acl = bucket.acl ?? 'private';
	if (acl === 'public-read' || acl === 'public-read-write') grants.push(groupGrant(ALL_USERS, 'READ'));
	if (acl === 'public-read-write') grants.push(groupGrant(ALL_USERS, 'WRITE'));
	if (acl === 'authenticated-read') grants.push(groupGrant(AUTHENTICATED, 'READ'));
	return xmlResponse(
		`<AccessControlPolicy xmlns="${S3_NS}">${owner}<AccessControlList>${grants.join('')}</AccessControlList></AccessControlPolicy>`,
	);
}

function requestedAcl(request: S3Request): CannedAcl {
	const canned = request.headers.get('x-amz-acl');
	if (canned !== undefined) {
		if (!['private', 'public-read', 'public-read-write', 'authenticated-read'].includes(canned))
			throw s3Error('InvalidArgument', 400, `Invalid canned ACL: ${canned}`);
		return canned as CannedAcl;
	}
	const grants = [...request.headers.entries()]
		.filter(([name]) => name.startsWith('x-amz-grant-'))
		.map(([, v]) => v);
	const body = request.body.toString('utf8');
	const all = [...grants, body].join(' ');
	if (all.includes(ALL_USERS)) return /WRITE/.test(all) ? 'public-read-write' : 'public-read';
	if (all.includes(AUTHENTICATED)) return 'authenticated-read';
	if (body.trim() !== '' && !body.includes('AccessControlPolicy')) throw malformedXml();
	return 'private';
}

export function putAcl(request: S3Request, bucket: Bucket): S3Response {
	const acl = requestedAcl(request);
	if (acl !== 'private' && (bucket.ownership ?? 'BucketOwnerEnforced') === 'BucketOwnerEnforced')
		throw s3Error('AccessControlListNotSupported', 400, 'The bucket does not allow ACLs');
	if (acl !== 'private' && bucket.publicAccessBlock?.BlockPublicAcls)
		throw new AwsError('AccessDenied', 403, 'Access Denied');
	bucket.acl = acl;
	return { status: 200, changed: true };
}

export function getOwnership(bucket: Bucket): S3Response {
	return xmlResponse(
		`<OwnershipControls xmlns="${S3_NS}"><Rule>${text('ObjectOwnership', bucket.ownership ?? 'BucketOwnerEnforced')}</Rule></OwnershipControls>`,
	);
}

export function putOwnership(request: S3Request, bucket: Bucket): S3Response {
	const value = xmlField(request.body.toString('utf8'), 'ObjectOwnership');
	if (value !== 'BucketOwnerEnforced' && value !== 'BucketOwnerPreferred' && value !== 'ObjectWriter')
		throw malformedXml();
	if (value === 'BucketOwnerEnforced' && (bucket.acl ?? 'private') !== 'private')
		throw s3Error(
			'InvalidBucketAclWithObjectOwnership',
			400,
			"Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting",
		);
	bucket.ownership = value;
	return { status: 200, changed: true };
}
