import { evaluate, parsePolicy } from '../../src/lib/iam/index.ts';
import { callerContext, decide } from './authz.ts';
import type { Caller } from './caller.ts';
import { AwsError, validationError } from './errors.ts';
import { accessKeyId, secretAccessKey, sessionToken } from './ids.ts';
import type { Params } from './query.ts';
import type { SandboxState } from './state.ts';
import { node, text } from './xml.ts';

/** STS: who am I, and AssumeRole (cross-account, with the trust policy's ExternalId condition evaluated). */

export function getCallerIdentity(caller: Caller): string {
	return text('Arn', caller.arn) + text('UserId', caller.userId) + text('Account', caller.accountId);
}

function denied(caller: Caller, roleArn: string): AwsError {
	return new AwsError(
		'AccessDenied',
		403,
		`User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
	);
}

export function assumeRole(
	state: SandboxState,
	caller: Caller,
	params: Params,
	region: string,
	now = new Date(),
): string {
	const roleArn = params.required('RoleArn');
	const sessionName = params.required('RoleSessionName');
	if (!/^[\w+=,.@-]{2,64}$/.test(sessionName))
		throw validationError(
			`1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
		);
	const match = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(roleArn);
	if (!match) throw validationError(`${roleArn} is invalid`);
	const [, accountId = '', roleName = ''] = match;
	const role = state.accounts[accountId]?.roles[roleName];
	if (!role || role.arn !== roleArn || caller.kind === 'root') throw denied(caller, roleArn);
	const duration = params.int('DurationSeconds') ?? 3600;
	if (duration < 900 || duration > role.maxSessionDuration)
		throw validationError(`The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`);

	const externalId = params.get('ExternalId');
	const context = {
		...callerContext(caller, region),
		...(externalId !== undefined && { 'sts:ExternalId': externalId }),
	};
	const principalArn = caller.roleArn ?? caller.arn;
	const trust = parsePolicy(role.trustPolicy, { kind: 'resource', name: 'trust policy' }).policy;
	const trusted =
		!!trust &&
		evaluate(
			{
				action: 'sts:AssumeRole',
				resource: roleArn,
				principal: { type: 'AWS', id: principalArn, account: caller.accountId },
				context,
			},
			{ identity: [], resource: [trust] },
		).decision === 'allow';
	const ownSide = decide(state, caller, region, 'sts:AssumeRole', roleArn, { context }).allowed;
	// Within one account a trust policy naming the caller's own ARN is enough; otherwise both sides must allow.
	const namesCaller = role.trustPolicy.includes(`"${principalArn}"`);
	if (!trusted || !(ownSide || (accountId === caller.accountId && namesCaller)))
		throw denied(caller, roleArn);

	for (const [id, s] of Object.entries(state.sessions))
		if (new Date(s.expiration) <= now) delete state.sessions[id];
	const session = {
		accessKeyId: accessKeyId(true),
		secret: secretAccessKey(),
		token: sessionToken(),
		accountId,
		roleName,
		roleId: role.id,
		sessionName,
		expiration: new Date(now.getTime() + duration * 1000).toISOString(),
	};
	state.sessions[session.accessKeyId] = session;
	return (
		node(
			'Credentials',
			text('AccessKeyId', session.accessKeyId),
			text('SecretAccessKey', session.secret),
			text('SessionToken', session.token),
			text('Expiration', new Date(session.expiration)),
		) +
		node(
			'AssumedRoleUser',
			text('AssumedRoleId', `${role.id}:${sessionName}`),
			text('Arn', `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`),
		)
	);
}
