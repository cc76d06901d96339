import { AWS_MANAGED } from '../aws-managed.ts';
import { alreadyExists, deleteConflict, limitExceeded, noSuchEntity, AwsError } from '../errors.ts';
import { uniqueId } from '../ids.ts';
import { paginate } from '../query.ts';
import type { ManagedPolicy } from '../state.ts';
import { validateIdentityPolicy } from '../validate.ts';
import { members, node, text } from '../xml.ts';
import {
	arnOf,
	checkName,
	checkPath,
	checkPolicyArn,
	now,
	type IamContext,
	type IamHandler,
} from './context.ts';
import {
	attachmentCount,
	renderAwsPolicy,
	renderCustomerPolicy,
	renderPolicyByArn,
	renderVersion,
} from './render.ts';

function notFound(arn: string): AwsError {
	return noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
}

/** A customer-managed policy of this account, for writes (AWS managed ones cannot be changed). */
function ownPolicy(ctx: IamContext, arn: string): ManagedPolicy {
	const policy = ctx.account.policies[arn];
	if (policy) return policy;
	if (AWS_MANAGED.has(arn))
		throw new AwsError('AccessDenied', 403, `Policy ${arn} is an AWS managed policy and cannot be modified.`);
	throw notFound(arn);
}

function versionOf(ctx: IamContext, arn: string, versionId: string) {
	const aws = AWS_MANAGED.get(arn);
	if (aws && aws.defaultVersionId === versionId)
		return { document: aws.document, versionId, isDefault: true, createDate: aws.updateDate };
	const own = ctx.account.policies[arn];
	const version = own?.versions.find((v) => v.versionId === versionId);
	if (!own && !aws) throw notFound(arn);
	if (!version) throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
	return { ...version, isDefault: own?.defaultVersionId === versionId };
}

export const policyHandlers: Record<string, IamHandler> = {
	CreatePolicy: (ctx) => {
		const name = checkName(ctx.params.required('PolicyName'), 'policyName', 128);
		const path = checkPath(ctx.params.get('Path'));
		const document = ctx.params.required('PolicyDocument');
		const arn = arnOf(ctx.account.id, 'policy', path, name);
		ctx.authorize('iam:CreatePolicy', arn);
		if (Object.values(ctx.account.policies).some((p) => p.name === name))
			throw alreadyExists(`A policy called ${name} already exists. Duplicate names are not allowed.`);
		validateIdentityPolicy(document, 'managed');
		const created = now();
		const description = ctx.params.get('Description');
		const policy: ManagedPolicy = {
			name,
			path,
			arn,
			id: uniqueId('ANPA'),
			createDate: created,
			updateDate: created,
			defaultVersionId: 'v1',
			nextVersion: 2,
			versions: [{ versionId: 'v1', document, createDate: created }],
			...(description !== undefined && { description }),
		};
		ctx.account.policies[arn] = policy;
		return node('Policy', renderCustomerPolicy(ctx.account, policy));
	},
	GetPolicy: (ctx) => {
		const arn = checkPolicyArn(ctx.params.required('PolicyArn'));
		ctx.authorize('iam:GetPolicy', arn);
		const rendered = renderPolicyByArn(ctx.account, arn);
		if (rendered === undefined) throw notFound(arn);
		return node('Policy', rendered);
	},
	ListPolicies: (ctx) => {
		ctx.authorize('iam:ListPolicies', arnOf(ctx.account.id, 'policy', '/', '*'));
		const scope = ctx.params.get('Scope') ?? 'All';
		const onlyAttached = ctx.params.bool('OnlyAttached') ?? false;
		const prefix = ctx.params.get('PathPrefix') ?? '/';
		const aws =
			scope === 'Local'
				? []
				: [...AWS_MANAGED.values()].map((p) => ({
						arn: p.arn,
						path: p.path,
						xml: () => renderAwsPolicy(ctx.account, p),
					}));
		const own =
			scope === 'AWS'
				? []
				: Object.values(ctx.account.policies).map((p) => ({
						arn: p.arn,
						path: p.path,
						xml: () => renderCustomerPolicy(ctx.account, p),
					}));
		const all = [...aws, ...own].filter(
			(p) => p.path.startsWith(prefix) && (!onlyAttached || attachmentCount(ctx.account, p.arn) > 0),
		);
		const page = paginate(all, ctx.params);
		return (
			members(
				'Policies',
				page.items.map((p) => p.xml()),
			) + page.tail
		);
	},
	DeletePolicy: (ctx) => {
		const arn = checkPolicyArn(ctx.params.required('PolicyArn'));
		ctx.authorize('iam:DeletePolicy', arn);
		const policy = ownPolicy(ctx, arn);
		if (attachmentCount(ctx.account, arn) > 0)
			throw deleteConflict('Cannot delete a policy attached to entities.');
		if (policy.versions.length > 1)
			throw deleteConflict(
				"This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
			);
		delete ctx.account.policies[arn];
		return undefined;
	},
	CreatePolicyVersion: (ctx) => {
		const arn = checkPolicyArn(ctx.params.required('PolicyArn'));
		const document = ctx.params.required('PolicyDocument');
		ctx.authorize('iam:CreatePolicyVersion', arn);
		const policy = ownPolicy(ctx, arn);
		validateIdentityPolicy(document, 'managed');
		if (policy.versions.length >= 5)
			throw limitExceeded(
				'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
			);
		const versionId = `v${policy.nextVersion++}`;
		const created = now();
		policy.versions.push({ versionId, document, createDate: created });
		const setDefault = ctx.params.bool('SetAsDefault') ?? false;
		if (setDefault) {
			policy.defaultVersionId = versionId;
			policy.updateDate = created;
		}
		return node('PolicyVersion', renderVersion(document, versionId, setDefault, created));
	},
	GetPolicyVersion: (ctx) => {
		const arn = checkPolicyArn(ctx.params.required('PolicyArn'));
		const versionId = ctx.params.required('VersionId');
		ctx.authorize('iam:GetPolicyVersion', arn);
		const v = versionOf(ctx, arn, versionId);
		return node('PolicyVersion', renderVersion(v.document, v.versionId, v.isDefault, v.createDate));
	},
	ListPolicyVersions: (ctx) => {
		const arn = checkPolicyArn(ctx.params.required('PolicyArn'));
		ctx.authorize('iam:ListPolicyVersions', arn);
		const aws = AWS_MANAGED.get(arn);
		const own = ctx.account.policies[arn];
		if (!aws && !own) throw notFound(arn);
		const versions = own
			? [...own.versions].reverse().map((v) => ({
					id: v.versionId,
					isDefault: v.versionId === own.defaultVersionId,
					date: v.createDate,
				}))
			: [{ id: aws!.defaultVersionId, isDefault: true, date: aws!.updateDate }];
		const page = paginate(versions, ctx.params);
		return (
			members(
				'Versions',
				page.items.map(
					(v) =>
						text('VersionId', v.id) +
						text('IsDefaultVersion', v.isDefault) +
						text('CreateDate', new Date(v.date)),
				),
			) + page.tail
		);
	},
	DeletePolicyVersion: (ctx) => {
		const arn = checkPolicyArn(ctx.params.required('PolicyArn'));
		const versionId = ctx.params.required('VersionId');
		ctx.authorize('iam:DeletePolicyVersion', arn);
		const policy = ownPolicy(ctx, arn);
		if (!policy.versions.some((v) => v.versionId === versionId))
			throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
		if (policy.defaultVersionId === versionId)
			throw deleteConflict('Cannot delete the default version of a policy.');
		policy.versions = policy.versions.filter((v) => v.versionId !== versionId);
		return undefined;
	},
	SetDefaultPolicyVersion: (ctx) => {
		const arn = checkPolicyArn(ctx.params.required('PolicyArn'));
		const versionId = ctx.params.required('VersionId');
		ctx.authorize('iam:SetDefaultPolicyVersion', arn);
		const policy = ownPolicy(ctx, arn);
		if (!policy.versions.some((v) => v.versionId === versionId))
			throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
		policy.defaultVersionId = versionId;
		policy.updateDate = now();
		return undefined;
	},
	ListEntitiesForPolicy: (ctx) => {
		const arn = checkPolicyArn(ctx.params.required('PolicyArn'));
		ctx.authorize('iam:ListEntitiesForPolicy', arn);
		if (!AWS_MANAGED.has(arn) && !ctx.account.policies[arn]) throw notFound(arn);
		const pick = <T extends { name: string; id: string; attached: string[] }>(
			items: Record<string, T>,
			noun: string,
		) =>
			Object.values(items)
				.filter((h) => h.attached.includes(arn))
				.map((h) => text(`${noun}Name`, h.name) + text(`${noun}Id`, h.id));
		return (
			members('PolicyGroups', pick(ctx.account.groups, 'Group')) +
			members('PolicyUsers', pick(ctx.account.users, 'User')) +
			members('PolicyRoles', pick(ctx.account.roles, 'Role')) +
			'<IsTruncated>false</IsTruncated>'
		);
	},
};
