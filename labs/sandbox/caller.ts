import { AwsError } from './errors.ts';
import type { Account, SandboxState } from './state.ts';

/** Who signed the request, resolved from the access key id (reference §4.4: ARN and UserId forms). */
export interface Caller {
	readonly kind: 'user' | 'role' | 'root' | 'anonymous';
	readonly accountId: string;
	/** `…:user/N`, `arn:aws:sts::A:assumed-role/R/S` or `…:root`. */
	readonly arn: string;
	/** `aws:userid`: `AIDA…`, `AROA…:session`, or the account id for root. */
	readonly userId: string;
	readonly userName?: string;
	readonly roleName?: string;
	/** For an assumed role: the role's own ARN (what resource policies name). */
	readonly roleArn?: string;
	readonly accessKeyId: string;
	readonly secret: string;
	readonly sessionToken?: string;
}

export function findCaller(state: SandboxState, accessKeyId: string, now = new Date()): Caller | undefined {
	for (const account of Object.values(state.accounts)) {
		const found = findInAccount(account, accessKeyId);
		if (found) return found;
	}
	const session = state.sessions[accessKeyId];
	if (!session) return undefined;
	if (new Date(session.expiration) <= now)
		throw new AwsError('ExpiredToken', 400, 'The security token included in the request is expired');
	return {
		kind: 'role',
		accountId: session.accountId,
		arn: `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
		userId: `${session.roleId}:${session.sessionName}`,
		roleName: session.roleName,
		roleArn: state.accounts[session.accountId]?.roles[session.roleName]?.arn ?? '',
		accessKeyId,
		secret: session.secret,
		sessionToken: session.token,
	};
}

function findInAccount(account: Account, accessKeyId: string): Caller | undefined {
	const rootKey = account.rootKeys.find((k) => k.id === accessKeyId && k.status === 'Active');
	if (rootKey)
		return {
			kind: 'root',
			accountId: account.id,
			arn: `arn:aws:iam::${account.id}:root`,
			userId: account.id,
			accessKeyId,
			secret: rootKey.secret,
		};
	for (const user of Object.values(account.users)) {
		const key = user.accessKeys.find((k) => k.id === accessKeyId && k.status === 'Active');
		if (key)
			return {
				kind: 'user',
				accountId: account.id,
				arn: user.arn,
				userId: user.id,
				userName: user.name,
				accessKeyId,
				secret: key.secret,
			};
	}
	return undefined;
}

/** An unsigned S3 request: only a public bucket policy (or a public-read bucket ACL) lets it through. */
export const ANONYMOUS: Caller = {
	kind: 'anonymous',
	accountId: '',
	arn: '*',
	userId: 'anonymous',
	accessKeyId: '',
	secret: '',
};
