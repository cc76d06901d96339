import { alreadyExists, deleteConflict } from '../errors.ts';
import { uniqueId } from '../ids.ts';
import { paginate } from '../query.ts';
import type { Group } from '../state.ts';
import { members, node } from '../xml.ts';
import { arnOf, checkName, checkPath, mustFind, now, type IamContext, type IamHandler } from './context.ts';
import { renderGroup, renderUser } from './render.ts';
import { findUser, userArn } from './users.ts';

function groupArn(ctx: IamContext, name: string): string {
	return ctx.account.groups[name]?.arn ?? arnOf(ctx.account.id, 'group', '/', name);
}

function findGroup(ctx: IamContext, name: string): Group {
	return mustFind(ctx.account.groups[name], `The group with name ${name} cannot be found.`);
}

export const groupHandlers: Record<string, IamHandler> = {
	CreateGroup: (ctx) => {
		const name = checkName(ctx.params.required('GroupName'), 'groupName', 128);
		const path = checkPath(ctx.params.get('Path'));
		ctx.authorize('iam:CreateGroup', arnOf(ctx.account.id, 'group', path, name));
		if (ctx.account.groups[name]) throw alreadyExists(`Group with name ${name} already exists.`);
		const group: Group = {
			name,
			path,
			id: uniqueId('AGPA'),
			arn: arnOf(ctx.account.id, 'group', path, name),
			createDate: now(),
			inlinePolicies: {},
			attached: [],
		};
		ctx.account.groups[name] = group;
		return node('Group', renderGroup(group));
	},
	GetGroup: (ctx) => {
		const name = ctx.params.required('GroupName');
		ctx.authorize('iam:GetGroup', groupArn(ctx, name));
		const group = findGroup(ctx, name);
		const users = Object.values(ctx.account.users).filter((u) => u.groups.includes(name));
		const page = paginate(users, ctx.params);
		return node('Group', renderGroup(group)) + members('Users', page.items.map(renderUser)) + page.tail;
	},
	ListGroups: (ctx) => {
		ctx.authorize('iam:ListGroups', arnOf(ctx.account.id, 'group', '/', '*'));
		const prefix = ctx.params.get('PathPrefix') ?? '/';
		const page = paginate(
			Object.values(ctx.account.groups).filter((g) => g.path.startsWith(prefix)),
			ctx.params,
		);
		return members('Groups', page.items.map(renderGroup)) + page.tail;
	},
	DeleteGroup: (ctx) => {
		const name = ctx.params.required('GroupName');
		ctx.authorize('iam:DeleteGroup', groupArn(ctx, name));
		const group = findGroup(ctx, name);
		if (Object.values(ctx.account.users).some((u) => u.groups.includes(name)))
			throw deleteConflict('Cannot delete entity, must remove users from group first.');
		if (Object.keys(group.inlinePolicies).length > 0)
			throw deleteConflict('Cannot delete entity, must delete policies first.');
		if (group.attached.length > 0)
			throw deleteConflict('Cannot delete entity, must detach all policies first.');
		delete ctx.account.groups[name];
		return undefined;
	},
	AddUserToGroup: (ctx) => {
		const name = ctx.params.required('GroupName');
		const userName = ctx.params.required('UserName');
		ctx.authorize('iam:AddUserToGroup', groupArn(ctx, name));
		findGroup(ctx, name);
		const user = findUser(ctx, userName);
		if (!user.groups.includes(name)) user.groups.push(name);
		return undefined;
	},
	RemoveUserFromGroup: (ctx) => {
		const name = ctx.params.required('GroupName');
		const userName = ctx.params.required('UserName');
		ctx.authorize('iam:RemoveUserFromGroup', groupArn(ctx, name));
		findGroup(ctx, name);
		const user = findUser(ctx, userName);
		if (!user.groups.includes(name))
			throw mustFind(undefined, `The user with name ${userName} cannot be found in group ${name}.`);
		user.groups = user.groups.filter((g) => g !== name);
		return undefined;
	},
	ListGroupsForUser: (ctx) => {
		const userName = ctx.params.required('UserName');
		ctx.authorize('iam:ListGroupsForUser', userArn(ctx, userName));
		const user = findUser(ctx, userName);
		const groups = user.groups.flatMap((g) => (ctx.account.groups[g] ? [ctx.account.groups[g]] : []));
		const page = paginate(groups, ctx.params);
		return members('Groups', page.items.map(renderGroup)) + page.tail;
	},
};
