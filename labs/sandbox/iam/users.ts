import { alreadyExists, deleteConflict, limitExceeded, noSuchEntity, validationError } from '../errors.ts';
import { accessKeyId, secretAccessKey, uniqueId } from '../ids.ts';
import { paginate } from '../query.ts';
import type { User } from '../state.ts';
import { members, node, text } from '../xml.ts';
import { arnOf, checkName, checkPath, mustFind, now, type IamContext, type IamHandler } from './context.ts';
import { renderAccessKeyMetadata, renderUser } from './render.ts';

export function userArn(ctx: IamContext, name: string): string {
	return ctx.account.users[name]?.arn ?? arnOf(ctx.account.id, 'user', '/', name);
}

export function findUser(ctx: IamContext, name: string): User {
	return mustFind(ctx.account.users[name], `The user with name ${name} cannot be found.`);
}

const createUser: IamHandler = (ctx) => {
	const name = checkName(ctx.params.required('UserName'), 'userName', 64);
	const path = checkPath(ctx.params.get('Path'));
	ctx.authorize('iam:CreateUser', arnOf(ctx.account.id, 'user', path, name));
	if (ctx.account.users[name]) throw alreadyExists(`User with name ${name} already exists.`);
	const user: User = {
		name,
		path,
		id: uniqueId('AIDA'),
		arn: arnOf(ctx.account.id, 'user', path, name),
		createDate: now(),
		inlinePolicies: {},
		attached: [],
		groups: [],
		accessKeys: [],
	};
	ctx.account.users[name] = user;
	return node('User', renderUser(user));
};

const getUser: IamHandler = (ctx) => {
	if (ctx.params.get('UserName') === undefined && ctx.caller.kind === 'root') {
		ctx.authorize('iam:GetUser', ctx.caller.arn);
		return node(
			'User',
			text('UserId', ctx.caller.accountId) + text('Arn', ctx.caller.arn) + text('CreateDate', new Date(0)),
		);
	}
	const name = callerOrNamed(ctx);
	ctx.authorize('iam:GetUser', userArn(ctx, name));
	return node('User', renderUser(findUser(ctx, name)));
};

const listUsers: IamHandler = (ctx) => {
	ctx.authorize('iam:ListUsers', arnOf(ctx.account.id, 'user', '/', '*'));
	const prefix = ctx.params.get('PathPrefix') ?? '/';
	const users = Object.values(ctx.account.users).filter((u) => u.path.startsWith(prefix));
	const page = paginate(users, ctx.params);
	return members('Users', page.items.map(renderUser)) + page.tail;
};

const deleteUser: IamHandler = (ctx) => {
	const name = ctx.params.required('UserName');
	ctx.authorize('iam:DeleteUser', userArn(ctx, name));
	const user = findUser(ctx, name);
	if (user.accessKeys.length > 0)
		throw deleteConflict('Cannot delete entity, must delete access keys first.');
	if (Object.keys(user.inlinePolicies).length > 0)
		throw deleteConflict('Cannot delete entity, must delete policies first.');
	if (user.attached.length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
	if (user.groups.length > 0)
		throw deleteConflict('Cannot delete entity, must remove user from all groups first.');
	delete ctx.account.users[name];
	return undefined;
};

const createAccessKey: IamHandler = (ctx) => {
	const name = callerOrNamed(ctx);
	ctx.authorize('iam:CreateAccessKey', userArn(ctx, name));
	const user = findUser(ctx, name);
	if (user.accessKeys.length >= 2) throw limitExceeded('Cannot exceed quota for AccessKeysPerUser: 2');
	const key = { id: accessKeyId(), secret: secretAccessKey(), status: 'Active' as const, createDate: now() };
	user.accessKeys.push(key);
	return node('AccessKey', renderAccessKeyMetadata(name, key) + text('SecretAccessKey', key.secret));
};

const listAccessKeys: IamHandler = (ctx) => {
	const name = callerOrNamed(ctx);
	ctx.authorize('iam:ListAccessKeys', userArn(ctx, name));
	const user = findUser(ctx, name);
	const page = paginate(user.accessKeys, ctx.params);
	return (
		text('UserName', name) +
		members(
			'AccessKeyMetadata',
			page.items.map((k) => renderAccessKeyMetadata(name, k)),
		) +
		page.tail
	);
};

function findKey(ctx: IamContext, name: string) {
	const id = ctx.params.required('AccessKeyId');
	const user = findUser(ctx, name);
	const key = user.accessKeys.find((k) => k.id === id);
	if (!key) throw noSuchEntity(`The Access Key with id ${id} cannot be found.`);
	return { user, key };
}

const updateAccessKey: IamHandler = (ctx) => {
	const name = callerOrNamed(ctx);
	ctx.authorize('iam:UpdateAccessKey', userArn(ctx, name));
	const status = ctx.params.required('Status');
	if (status !== 'Active' && status !== 'Inactive')
		throw validationError(
			`1 validation error detected: Value '${status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]`,
		);
	findKey(ctx, name).key.status = status;
	return undefined;
};

const deleteAccessKey: IamHandler = (ctx) => {
	const name = callerOrNamed(ctx);
	ctx.authorize('iam:DeleteAccessKey', userArn(ctx, name));
	const { user, key } = findKey(ctx, name);
	user.accessKeys = user.accessKeys.filter((k) => k !== key);
	return undefined;
};

const getAccessKeyLastUsed: IamHandler = (ctx) => {
	const id = ctx.params.required('AccessKeyId');
	for (const user of Object.values(ctx.account.users)) {
		if (!user.accessKeys.some((k) => k.id === id)) continue;
		ctx.authorize('iam:GetAccessKeyLastUsed', user.arn);
		return (
			text('UserName', user.name) +
			node('AccessKeyLastUsed', text('ServiceName', 'N/A') + text('Region', 'N/A'))
		);
	}
	throw noSuchEntity(`The Access Key with id ${id} cannot be found.`);
};

/** `UserName` when given; otherwise the calling user (reference §4.10). */
function callerOrNamed(ctx: IamContext): string {
	const name = ctx.params.get('UserName');
	if (name !== undefined) return name;
	if (ctx.caller.kind === 'user' && ctx.caller.userName) return ctx.caller.userName;
	throw validationError('Must specify userName when calling with non-User credentials');
}

export const userHandlers: Record<string, IamHandler> = {
	CreateUser: createUser,
	GetUser: getUser,
	ListUsers: listUsers,
	DeleteUser: deleteUser,
	CreateAccessKey: createAccessKey,
	ListAccessKeys: listAccessKeys,
	UpdateAccessKey: updateAccessKey,
	DeleteAccessKey: deleteAccessKey,
	GetAccessKeyLastUsed: getAccessKeyLastUsed,
};
