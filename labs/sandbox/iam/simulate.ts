import { evaluate } from '../../../src/lib/iam/index.ts';
import { identityPolicies, type Context } from '../authz.ts';
import type { Caller } from '../caller.ts';
import { invalidInput } from '../errors.ts';
import { paginate } from '../query.ts';
import { members, node, text } from '../xml.ts';
import type { IamContext, IamHandler } from './context.ts';

/**
 * SimulatePrincipalPolicy with the same evaluator that authorises requests (reference §4.4 response shape).
 * Only users and roles of this account; `ContextEntries` are honoured.
 */
function principalFor(ctx: IamContext, arn: string): Caller {
	const match = /^arn:aws:iam::(\d{12}):(user|role)\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn);
	const [, accountId = '', kind, name = ''] = match ?? [];
	const entity = kind === 'user' ? ctx.account.users[name] : ctx.account.roles[name];
	if (!match || accountId !== ctx.account.id || !entity || entity.arn !== arn)
		throw invalidInput(`Invalid Entity Arn: ${arn} does not clearly define entity type and name.`);
	const base = { accountId, arn, userId: entity.id, accessKeyId: '', secret: '' };
	return kind === 'user'
		? { ...base, kind: 'user', userName: name }
		: { ...base, kind: 'role', roleName: name, roleArn: arn };
}

function contextEntries(ctx: IamContext): Context {
	const context: Context = {};
	for (let i = 1; ctx.params.get(`ContextEntries.member.${i}.ContextKeyName`) !== undefined; i++) {
		const key = ctx.params.get(`ContextEntries.member.${i}.ContextKeyName`)!;
		context[key] = ctx.params.list(`ContextEntries.member.${i}.ContextKeyValues`);
	}
	return context;
}

const DECISIONS = {
	allow: 'allowed',
	'explicit-deny': 'explicitDeny',
	'implicit-deny': 'implicitDeny',
	conditional: 'implicitDeny',
} as const;

export const simulateHandlers: Record<string, IamHandler> = {
	SimulatePrincipalPolicy: (ctx) => {
		const source = ctx.params.required('PolicySourceArn');
		ctx.authorize('iam:SimulatePrincipalPolicy', source);
		const principal = principalFor(ctx, source);
		const identity = identityPolicies(ctx.state, principal);
		const actions = ctx.params.list('ActionNames');
		const resources = ctx.params.list('ResourceArns');
		const context = contextEntries(ctx);
		const results = actions.flatMap((action) =>
			(resources.length ? resources : ['*']).map((resource) => {
				const result = evaluate({ action, resource, context }, { identity });
				const statement = result.statement
					? [text('SourcePolicyId', result.statement.policy) + text('SourcePolicyType', 'IAM Policy')]
					: [];
				return (
					text('EvalActionName', action) +
					text('EvalResourceName', resource) +
					text('EvalDecision', DECISIONS[result.decision]) +
					members('MatchedStatements', statement) +
					node('MissingContextValues')
				);
			}),
		);
		const page = paginate(results, ctx.params);
		return members('EvaluationResults', page.items) + page.tail;
	},
};
