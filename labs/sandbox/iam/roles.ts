import { alreadyExists, deleteConflict, limitExceeded, validationError } from '../errors.ts';
import { uniqueId } from '../ids.ts';
import { paginate } from '../query.ts';
import type { InstanceProfile, Role } from '../state.ts';
import { validateTrustPolicy } from '../validate.ts';
import { members, node } from '../xml.ts';
import { arnOf, checkName, checkPath, mustFind, now, type IamContext, type IamHandler } from './context.ts';
import { renderInstanceProfile, renderRole } from './render.ts';

export function roleArn(ctx: IamContext, name: string): string {
	return ctx.account.roles[name]?.arn ?? arnOf(ctx.account.id, 'role', '/', name);
}

export function findRole(ctx: IamContext, name: string): Role {
	return mustFind(ctx.account.roles[name], `The role with name ${name} cannot be found.`);
}

function profileArn(ctx: IamContext, name: string): string {
	return ctx.account.instanceProfiles[name]?.arn ?? arnOf(ctx.account.id, 'instance-profile', '/', name);
}

function findProfile(ctx: IamContext, name: string): InstanceProfile {
	return mustFind(ctx.account.instanceProfiles[name], `Instance Profile ${name} cannot be found.`);
}

function maxSession(ctx: IamContext): number {
	const value = ctx.params.int('MaxSessionDuration') ?? 3600;
	if (value < 3600 || value > 43200)
		throw validationError(
			`1 validation error detected: Value '${value}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600`,
		);
	return value;
}

export const roleHandlers: Record<string, IamHandler> = {
	CreateRole: (ctx) => {
		const name = checkName(ctx.params.required('RoleName'), 'roleName', 64);
		const path = checkPath(ctx.params.get('Path'));
		const trust = ctx.params.required('AssumeRolePolicyDocument');
		const arn = arnOf(ctx.account.id, 'role', path, name);
		ctx.authorize('iam:CreateRole', arn);
		if (ctx.account.roles[name]) throw alreadyExists(`Role with name ${name} already exists.`);
		validateTrustPolicy(ctx.state, trust);
		const description = ctx.params.get('Description');
		const role: Role = {
			name,
			path,
			id: uniqueId('AROA'),
			arn,
			createDate: now(),
			trustPolicy: trust,
			maxSessionDuration: maxSession(ctx),
			inlinePolicies: {},
			attached: [],
			...(description !== undefined && { description }),
		};
		ctx.account.roles[name] = role;
		return node('Role', renderRole(role));
	},
	GetRole: (ctx) => {
		const name = ctx.params.required('RoleName');
		ctx.authorize('iam:GetRole', roleArn(ctx, name));
		return node('Role', renderRole(findRole(ctx, name)));
	},
	ListRoles: (ctx) => {
		ctx.authorize('iam:ListRoles', arnOf(ctx.account.id, 'role', '/', '*'));
		const prefix = ctx.params.get('PathPrefix') ?? '/';
		const page = paginate(
			Object.values(ctx.account.roles).filter((r) => r.path.startsWith(prefix)),
			ctx.params,
		);
		return members('Roles', page.items.map(renderRole)) + page.tail;
	},
	UpdateAssumeRolePolicy: (ctx) => {
		const name = ctx.params.required('RoleName');
		const trust = ctx.params.required('PolicyDocument');
		ctx.authorize('iam:UpdateAssumeRolePolicy', roleArn(ctx, name));
		const role = findRole(ctx, name);
		validateTrustPolicy(ctx.state, trust);
		role.trustPolicy = trust;
		return undefined;
	},
	UpdateRole: (ctx) => {
		const name = ctx.params.required('RoleName');
		ctx.authorize('iam:UpdateRole', roleArn(ctx, name));
		const role = findRole(ctx, name);
		const description = ctx.params.get('Description');
		if (description !== undefined) role.description = description;
		if (ctx.params.get('MaxSessionDuration') !== undefined) role.maxSessionDuration = maxSession(ctx);
		return '';
	},
	DeleteRole: (ctx) => {
		const name = ctx.params.required('RoleName');
		ctx.authorize('iam:DeleteRole', roleArn(ctx, name));
		const role = findRole(ctx, name);
		if (Object.values(ctx.account.instanceProfiles).some((p) => p.roles.includes(name)))
			throw deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
		if (Object.keys(role.inlinePolicies).length > 0)
			throw deleteConflict('Cannot delete entity, must delete policies first.');
		if (role.attached.length > 0)
			throw deleteConflict('Cannot delete entity, must detach all policies first.');
		delete ctx.account.roles[name];
		return undefined;
	},
	CreateInstanceProfile: (ctx) => {
		const name = checkName(ctx.params.required('InstanceProfileName'), 'instanceProfileName', 128);
		const path = checkPath(ctx.params.get('Path'));
		const arn = arnOf(ctx.account.id, 'instance-profile', path, name);
		ctx.authorize('iam:CreateInstanceProfile', arn);
		if (ctx.account.instanceProfiles[name]) throw alreadyExists(`Instance Profile ${name} already exists.`);
		const profile: InstanceProfile = { name, path, arn, id: uniqueId('AIPA'), createDate: now(), roles: [] };
		ctx.account.instanceProfiles[name] = profile;
		return node('InstanceProfile', renderInstanceProfile(ctx.account, profile));
	},
	GetInstanceProfile: (ctx) => {
		const name = ctx.params.required('InstanceProfileName');
		ctx.authorize('iam:GetInstanceProfile', profileArn(ctx, name));
		return node('InstanceProfile', renderInstanceProfile(ctx.account, findProfile(ctx, name)));
	},
	DeleteInstanceProfile: (ctx) => {
		const name = ctx.params.required('InstanceProfileName');
		ctx.authorize('iam:DeleteInstanceProfile', profileArn(ctx, name));
		if (findProfile(ctx, name).roles.length > 0)
			throw deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
		delete ctx.account.instanceProfiles[name];
		return undefined;
	},
	AddRoleToInstanceProfile: (ctx) => {
		const name = ctx.params.required('InstanceProfileName');
		const roleName = ctx.params.required('RoleName');
		ctx.authorize('iam:AddRoleToInstanceProfile', profileArn(ctx, name));
		const profile = findProfile(ctx, name);
		findRole(ctx, roleName);
		// A profile holds at most one role (reference §2, Step 4).
		if (profile.roles.length >= 1)
			throw limitExceeded('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
		profile.roles.push(roleName);
		return undefined;
	},
	RemoveRoleFromInstanceProfile: (ctx) => {
		const name = ctx.params.required('InstanceProfileName');
		const roleName = ctx.params.required('RoleName');
		ctx.authorize('iam:RemoveRoleFromInstanceProfile', profileArn(ctx, name));
		const profile = findProfile(ctx, name);
		findRole(ctx, roleName);
		if (!profile.roles.includes(roleName))
			throw mustFind(
				undefined,
				`The role with name ${roleName} cannot be found in instance profile ${name}.`,
			);
		profile.roles = profile.roles.filter((r) => r !== roleName);
		return undefined;
	},
	ListInstanceProfiles: (ctx) => {
		ctx.authorize('iam:ListInstanceProfiles', arnOf(ctx.account.id, 'instance-profile', '/', '*'));
		const prefix = ctx.params.get('PathPrefix') ?? '/';
		const profiles = Object.values(ctx.account.instanceProfiles).filter((p) => p.path.startsWith(prefix));
		const page = paginate(profiles, ctx.params);
		return (
			members(
				'InstanceProfiles',
				page.items.map((p) => renderInstanceProfile(ctx.account, p)),
			) + page.tail
		);
	},
	ListInstanceProfilesForRole: (ctx) => {
		const roleName = ctx.params.required('RoleName');
		ctx.authorize('iam:ListInstanceProfilesForRole', roleArn(ctx, roleName));
		findRole(ctx, roleName);
		const profiles = Object.values(ctx.account.instanceProfiles).filter((p) => p.roles.includes(roleName));
		const page = paginate(profiles, ctx.params);
		return (
			members(
				'InstanceProfiles',
				page.items.map((p) => renderInstanceProfile(ctx.account, p)),
			) + page.tail
		);
	},
};
