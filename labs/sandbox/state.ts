import { accessKeyId, secretAccessKey, uniqueId } from './ids.ts';

/**
 * Everything the practice account remembers, as one JSON-serialisable value. Policy documents are kept verbatim
 * (the learner's whitespace included) and encoded only on output, as IAM does (reference §4.4).
 */
export interface SandboxState {
	readonly format: 'atelier-sandbox/1';
	accounts: Record<string, Account>;
	/** Bucket names are global across accounts, as in S3. */
	buckets: Record<string, Bucket>;
	/** Temporary credentials from STS AssumeRole, by access key id. */
	sessions: Record<string, Session>;
	/** Guards the local admin API (creating student accounts) of a running sandbox. */
	adminToken: string;
}

export interface Account {
	readonly id: string;
	users: Record<string, User>;
	groups: Record<string, Group>;
	roles: Record<string, Role>;
	/** Customer-managed policies, by ARN. AWS managed policies are shared data (aws-managed.ts). */
	policies: Record<string, ManagedPolicy>;
	instanceProfiles: Record<string, InstanceProfile>;
	/** Root access keys: none unless a lab mistake (M11) is staged on purpose. */
	rootKeys: AccessKey[];
}

export interface Entity {
	readonly name: string;
	readonly id: string;
	readonly path: string;
	readonly arn: string;
	readonly createDate: string;
}

export interface PolicyHolder {
	/** Inline policies: name → document as sent. */
	inlinePolicies: Record<string, string>;
	/** Managed policy ARNs, in attachment order. */
	attached: string[];
}

export interface User extends Entity, PolicyHolder {
	groups: string[];
	accessKeys: AccessKey[];
}

export interface Group extends Entity, PolicyHolder {}

export interface Role extends Entity, PolicyHolder {
	trustPolicy: string;
	description?: string;
	maxSessionDuration: number;
}

export interface AccessKey {
	readonly id: string;
	readonly secret: string;
	status: 'Active' | 'Inactive';
	readonly createDate: string;
}

export interface ManagedPolicy extends Entity {
	description?: string;
	defaultVersionId: string;
	nextVersion: number;
	updateDate: string;
	versions: PolicyVersion[];
}

export interface PolicyVersion {
	readonly versionId: string;
	readonly document: string;
	readonly createDate: string;
}

export interface InstanceProfile extends Entity {
	roles: string[];
}

export interface Bucket {
	readonly name: string;
	readonly accountId: string;
	readonly region: string;
	readonly createDate: string;
	policy?: string;
	publicAccessBlock?: PublicAccessBlock;
	versioning?: 'Enabled' | 'Suspended';
	/** Canned ACL; ACLs only apply once Object Ownership is no longer BucketOwnerEnforced (the 2023 default). */
	acl?: 'private' | 'public-read' | 'public-read-write' | 'authenticated-read';
	ownership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';
	/** The raw `<ServerSideEncryptionConfiguration>` body; SSE-S3 by default since 2023. */
	encryption?: string;
	objects: Record<string, StoredObject>;
	/** Multipart uploads in progress, by upload id. */
	uploads?: Record<string, PendingUpload>;
}

export interface PendingUpload {
	readonly key: string;
	readonly contentType: string;
	readonly metadata: Record<string, string>;
	parts: Record<string, { readonly bodyBase64: string; readonly etag: string }>;
}

export interface PublicAccessBlock {
	BlockPublicAcls: boolean;
	IgnorePublicAcls: boolean;
	BlockPublicPolicy: boolean;
	RestrictPublicBuckets: boolean;
}

export interface StoredObject {
	readonly bodyBase64: string;
	readonly etag: string;
	readonly size: number;
	readonly contentType: string;
	readonly lastModified: string;
	readonly metadata: Record<string, string>;
}

export interface Session {
	readonly accessKeyId: string;
	readonly secret: string;
	readonly token: string;
	readonly accountId: string;
	readonly roleName: string;
	readonly roleId: string;
	readonly sessionName: string;
	readonly expiration: string;
}

export const BOOTSTRAP_ACCOUNT = '000000000000';
export const BOOTSTRAP_USER = 'admin';
export const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

export function emptyState(adminToken: string): SandboxState {
	const state: SandboxState = {
		format: 'atelier-sandbox/1',
		accounts: {},
		buckets: {},
		sessions: {},
		adminToken,
	};
	createAccount(state, BOOTSTRAP_ACCOUNT);
	return state;
}

/** A new account with its own `admin` user holding AdministratorAccess and one access key. */
export function createAccount(state: SandboxState, accountId: string): Account {
	const now = new Date().toISOString();
	const admin: User = {
		name: BOOTSTRAP_USER,
		id: uniqueId('AIDA'),
		path: '/',
		arn: `arn:aws:iam::${accountId}:user/${BOOTSTRAP_USER}`,
		createDate: now,
		inlinePolicies: {},
		attached: [ADMINISTRATOR_ACCESS],
		groups: [],
		accessKeys: [{ id: accessKeyId(), secret: secretAccessKey(), status: 'Active', createDate: now }],
	};
	const account: Account = {
		id: accountId,
		users: { [BOOTSTRAP_USER]: admin },
		groups: {},
		roles: {},
		policies: {},
		instanceProfiles: {},
		rootKeys: [],
	};
	state.accounts[accountId] = account;
	return account;
}

export interface AdminCredentials {
	readonly accessKeyId: string;
	readonly secretAccessKey: string;
	readonly accountId: string;
}

/** The first active key of the account's `admin` user (the one printed at start). */
export function adminCredentials(
	state: SandboxState,
	accountId = BOOTSTRAP_ACCOUNT,
): AdminCredentials | undefined {
	const key = state.accounts[accountId]?.users[BOOTSTRAP_USER]?.accessKeys.find((k) => k.status === 'Active');
	return key && { accessKeyId: key.id, secretAccessKey: key.secret, accountId };
}
