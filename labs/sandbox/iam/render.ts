import { AWS_MANAGED, awsManagedPolicyId, type AwsManagedPolicy } from '../aws-managed.ts';
import type { AccessKey, Account, Group, InstanceProfile, ManagedPolicy, Role, User } from '../state.ts';
import { encodePolicyDocument, members, node, text } from '../xml.ts';

/** XML for IAM's data types (BOTO service model member order; documents URL-encoded, reference §4.4–4.5). */

/** The fields every IAM entity starts with, named after its kind (`UserName`, `RoleId`, …). */
function entityFields(
	kind: 'User' | 'Group' | 'Role' | 'InstanceProfile',
	entity: { path: string; name: string; id: string; arn: string; createDate: string | number },
): string {
	return (
		text('Path', entity.path) +
		text(`${kind}Name`, entity.name) +
		text(`${kind}Id`, entity.id) +
		text('Arn', entity.arn) +
		text('CreateDate', new Date(entity.createDate))
	);
}

export function renderUser(user: User): string {
	return entityFields('User', user);
}

export function renderGroup(group: Group): string {
	return entityFields('Group', group);
}

export function renderRole(role: Role): string {
	return (
		entityFields('Role', role) +
		text('AssumeRolePolicyDocument', encodePolicyDocument(role.trustPolicy)) +
		text('Description', role.description) +
		text('MaxSessionDuration', role.maxSessionDuration) +
		node('RoleLastUsed')
	);
}

export function renderInstanceProfile(account: Account, profile: InstanceProfile): string {
	const roles = profile.roles.flatMap((name) =>
		account.roles[name] ? [renderRole(account.roles[name])] : [],
	);
	return entityFields('InstanceProfile', profile) + members('Roles', roles);
}

export function renderAccessKeyMetadata(userName: string, key: AccessKey): string {
	return (
		text('UserName', userName) +
		text('AccessKeyId', key.id) +
		text('Status', key.status) +
		text('CreateDate', new Date(key.createDate))
	);
}

/** How many users, groups and roles in this account have the policy attached. */
export function attachmentCount(account: Account, arn: string): number {
	const holders = [
		...Object.values(account.users),
		...Object.values(account.groups),
		...Object.values(account.roles),
	];
	return holders.filter((h) => h.attached.includes(arn)).length;
}

export function renderCustomerPolicy(account: Account, policy: ManagedPolicy): string {
	return (
		text('PolicyName', policy.name) +
		text('PolicyId', policy.id) +
		text('Arn', policy.arn) +
		text('Path', policy.path) +
		text('DefaultVersionId', policy.defaultVersionId) +
		text('AttachmentCount', attachmentCount(account, policy.arn)) +
		text('PermissionsBoundaryUsageCount', 0) +
		text('IsAttachable', true) +
		text('Description', policy.description) +
		text('CreateDate', new Date(policy.createDate)) +
		text('UpdateDate', new Date(policy.updateDate))
	);
}

export function renderAwsPolicy(account: Account, policy: AwsManagedPolicy): string {
	return (
		text('PolicyName', policy.name) +
		text('PolicyId', awsManagedPolicyId(policy)) +
		text('Arn', policy.arn) +
		text('Path', policy.path) +
		text('DefaultVersionId', policy.defaultVersionId) +
		text('AttachmentCount', attachmentCount(account, policy.arn)) +
		text('PermissionsBoundaryUsageCount', 0) +
		text('IsAttachable', true) +
		text('CreateDate', new Date(policy.createDate)) +
		text('UpdateDate', new Date(policy.updateDate))
	);
}

/** A managed policy (AWS or customer) by ARN, rendered, or `undefined` when it does not exist. */
export function renderPolicyByArn(account: Account, arn: string): string | undefined {
	const aws = AWS_MANAGED.get(arn);
	if (aws) return renderAwsPolicy(account, aws);
	const own = account.policies[arn];
	return own && renderCustomerPolicy(account, own);
}

export function renderVersion(
	document: string,
	versionId: string,
	isDefault: boolean,
	createDate: string,
): string {
	return (
		text('Document', encodePolicyDocument(document)) +
		text('VersionId', versionId) +
		text('IsDefaultVersion', isDefault) +
		text('CreateDate', new Date(createDate))
	);
}
