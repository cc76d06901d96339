import type { CallerIdentity, Read } from './facts.ts';
import type { CheckDefinition } from './checks.ts';
import { withFix, type EvalContext, type Verdict } from './result.ts';

/**
 * `identity`: the credentials work, are not the root user's, and belong to the expected account. Shared by every lab;
 * when it is `error` (no usable credentials) every other check is skipped.
 */
export function evaluateIdentity(identity: Read<CallerIdentity>, ctx: EvalContext): Verdict {
	if (identity.status === 'denied' || identity.status === 'missing')
		return {
			status: 'error',
			messageKey: 'identity.no-credentials',
			params: { code: 'AccessDenied', message: '' },
		};
	if (identity.status === 'failed' && /^(E[A-Z]+|TimeoutError|RequestTimeout)$/.test(identity.code))
		return {
			status: 'error',
			messageKey: 'identity.unreachable',
			params: { code: identity.code, message: identity.message },
		};
	if (identity.status === 'failed')
		return withFix(
			{
				status: 'error',
				messageKey: 'identity.no-credentials',
				params: { code: identity.code, message: identity.message },
			},
			ctx,
			[
				['aws', 'configure', '--profile', 'codedeploy'],
				['aws', 'sts', 'get-caller-identity', '--profile', 'codedeploy'],
			],
		);
	const { arn, account } = identity.value;
	const expected = ctx.values['accountId'];
	if (/:root$/.test(arn))
		return withFix(
			{ status: 'fail', messageKey: 'identity.root', params: { arn, account } },
			ctx,
			[
				['aws', 'iam', 'create-user', '--user-name', '{userName}'],
				['aws', 'iam', 'create-access-key', '--user-name', '{userName}'],
				['aws', 'configure', '--profile', 'codedeploy'],
			],
			'console.iam-users',
		);
	if (expected && expected !== account)
		return withFix(
			{ status: 'fail', messageKey: 'identity.wrong-account', params: { arn, account, expected } },
			ctx,
			[
				['aws', 'configure', 'list-profiles'],
				['aws', 'sts', 'get-caller-identity', '--profile', 'codedeploy'],
			],
		);
	return { status: 'pass', messageKey: 'identity.pass', params: { arn, account } };
}

export function identityCheck<F extends { identity: Read<CallerIdentity> }>(): CheckDefinition<F> {
	return {
		id: 'identity',
		facts: ['identity'],
		docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html',
		evaluate: (facts, ctx) => evaluateIdentity(facts.identity, ctx),
	};
}
