import { AWS_MANAGED } from '../aws-managed.ts';
import { limitExceeded, noSuchEntity } from '../errors.ts';
import { paginate } from '../query.ts';
import type { PolicyHolder } from '../state.ts';
import { validateIdentityPolicy } from '../validate.ts';
import { encodePolicyDocument, members, text, textMembers } from '../xml.ts';
import { arnOf, checkName, checkPolicyArn, mustFind, type IamContext, type IamHandler } from './context.ts';

/**
 * Inline and attached policies work the same way on users, groups and roles; only names differ
 * (`PutUserPolicy` / `UserName` / "The user policy with name X cannot be found.").
 */
interface HolderKind {
	readonly kind: 'user' | 'group' | 'role';
	readonly noun: 'User' | 'Group' | 'Role';
	find(ctx: IamContext, name: string): (PolicyHolder & { arn: string }) | undefined;
}

const KINDS: readonly HolderKind[] = [
	{ kind: 'user', noun: 'User', find: (ctx, name) => ctx.account.users[name] },
	{ kind: 'group', noun: 'Group', find: (ctx, name) => ctx.account.groups[name] },
	{ kind: 'role', noun: 'Role', find: (ctx, name) => ctx.account.roles[name] },
];

function holderOf(ctx: IamContext, k: HolderKind, action: string) {
	const name = ctx.params.required(`${k.noun}Name`);
	const existing = k.find(ctx, name);
	ctx.authorize(`iam:${action}`, existing?.arn ?? arnOf(ctx.account.id, k.kind, '/', name));
	const holder = mustFind(existing, `The ${k.kind} with name ${name} cannot be found.`);
	return { name, holder };
}

function inlineHandlers(k: HolderKind): Record<string, IamHandler> {
	const Noun = k.noun;
	return {
		[`Put${Noun}Policy`]: (ctx) => {
			const policyName = checkName(ctx.params.required('PolicyName'), 'policyName', 128);
			const document = ctx.params.required('PolicyDocument');
			const { holder } = holderOf(ctx, k, `Put${Noun}Policy`);
			validateIdentityPolicy(document, 'inline', k.kind);
			holder.inlinePolicies[policyName] = document;
			return undefined;
		},
		[`Get${Noun}Policy`]: (ctx) => {
			const policyName = ctx.params.required('PolicyName');
			const { name, holder } = holderOf(ctx, k, `Get${Noun}Policy`);
			const document = holder.inlinePolicies[policyName];
			if (document === undefined)
				throw noSuchEntity(`The ${k.kind} policy with name ${policyName} cannot be found.`);
			return (
				text(`${Noun}Name`, name) +
				text('PolicyName', policyName) +
				text('PolicyDocument', encodePolicyDocument(document))
			);
		},
		[`List${Noun}Policies`]: (ctx) => {
			const { holder } = holderOf(ctx, k, `List${Noun}Policies`);
			const page = paginate(Object.keys(holder.inlinePolicies).sort(), ctx.params);
			return textMembers('PolicyNames', page.items) + page.tail;
		},
		[`Delete${Noun}Policy`]: (ctx) => {
			const policyName = ctx.params.required('PolicyName');
			const { holder } = holderOf(ctx, k, `Delete${Noun}Policy`);
			if (holder.inlinePolicies[policyName] === undefined)
				throw noSuchEntity(`The ${k.kind} policy with name ${policyName} cannot be found.`);
			delete holder.inlinePolicies[policyName];
			return undefined;
		},
	};
}

export function policyExists(ctx: IamContext, arn: string): boolean {
	return AWS_MANAGED.has(arn) || ctx.account.policies[arn] !== undefined;
}

export function policyName(arn: string): string {
	return arn.slice(arn.lastIndexOf('/') + 1);
}

function attachedHandlers(k: HolderKind): Record<string, IamHandler> {
	const Noun = k.noun;
	return {
		[`Attach${Noun}Policy`]: (ctx) => {
			const arn = checkPolicyArn(ctx.params.required('PolicyArn'));
			const { holder } = holderOf(ctx, k, `Attach${Noun}Policy`);
			// Reference pitfall 2: the ARN without `service-role/` names no policy.
			if (!policyExists(ctx, arn)) throw noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
			if (holder.attached.includes(arn)) return undefined;
			if (holder.attached.length >= 10) throw limitExceeded(`Cannot exceed quota for PoliciesPer${Noun}: 10`);
			holder.attached.push(arn);
			return undefined;
		},
		[`Detach${Noun}Policy`]: (ctx) => {
			const arn = checkPolicyArn(ctx.params.required('PolicyArn'));
			const { holder } = holderOf(ctx, k, `Detach${Noun}Policy`);
			if (!holder.attached.includes(arn)) throw noSuchEntity(`Policy ${arn} was not found.`);
			holder.attached = holder.attached.filter((a) => a !== arn);
			return undefined;
		},
		[`ListAttached${Noun}Policies`]: (ctx) => {
			const { holder } = holderOf(ctx, k, `ListAttached${Noun}Policies`);
			const prefix = ctx.params.get('PathPrefix');
			const arns = holder.attached.filter((arn) => !prefix || arn.split(':policy')[1]?.startsWith(prefix));
			const page = paginate(arns, ctx.params);
			return (
				members(
					'AttachedPolicies',
					page.items.map((arn) => text('PolicyName', policyName(arn)) + text('PolicyArn', arn)),
				) + page.tail
			);
		},
	};
}

export const holderHandlers: Record<string, IamHandler> = Object.assign(
	{},
	...KINDS.map((k) => ({ ...inlineHandlers(k), ...attachedHandlers(k) })),
);
