import { timingSafeEqual } from 'node:crypto';
import { accessKeyId, secretAccessKey } from './ids.ts';
import { headerMap, type IncomingSigned } from './sigv4.ts';
import { adminCredentials, createAccount, type AdminCredentials, type SandboxState } from './state.ts';

/**
 * The sandbox's own admin API (not AWS): create student accounts and stage root keys for the labs' mistake M11.
 * Only local callers that can read the state file know the token.
 */
export const ADMIN_PREFIX = '/_atelier/';
export const ADMIN_TOKEN_HEADER = 'x-atelier-sandbox-token';

export class AdminError extends Error {}

export function createStudentAccount(state: SandboxState, accountId: string): AdminCredentials {
	if (!/^\d{12}$/.test(accountId))
		throw new AdminError(`Invalid account id ${accountId}: 12 digits expected.`);
	if (state.accounts[accountId]) throw new AdminError(`Account ${accountId} already exists.`);
	createAccount(state, accountId);
	return adminCredentials(state, accountId)!;
}

/** Gives the account root access keys (what M11 "working with root keys" looks like to the checker). */
export function createRootKey(state: SandboxState, accountId: string): AdminCredentials {
	const account = state.accounts[accountId];
	if (!account) throw new AdminError(`No account ${accountId}.`);
	const key = {
		id: accessKeyId(),
		secret: secretAccessKey(),
		status: 'Active' as const,
		createDate: new Date().toISOString(),
	};
	account.rootKeys.push(key);
	return { accessKeyId: key.id, secretAccessKey: key.secret, accountId };
}

export function deleteRootKeys(state: SandboxState, accountId: string): void {
	const account = state.accounts[accountId];
	if (!account) throw new AdminError(`No account ${accountId}.`);
	account.rootKeys = [];
}

/** Replaces the accounts, buckets and sessions with a snapshot's; the admin token stays the running one's. */
export function restoreInto(state: SandboxState, snapshot: string): void {
	let next: SandboxState;
	try {
		next = JSON.parse(snapshot) as SandboxState;
	} catch {
		throw new AdminError('The snapshot is not JSON.');
	}
	if (next.format !== state.format)
		throw new AdminError(`Not a sandbox snapshot (format ${String(next.format)}).`);
	state.accounts = next.accounts;
	state.buckets = next.buckets;
	state.sessions = next.sessions;
}

interface AdminReply {
	status: number;
	headers: Record<string, string>;
	body: string;
}

function json(status: number, value: unknown): AdminReply {
	return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) };
}

function tokenMatches(given: string | undefined, expected: string): boolean {
	if (given === undefined) return false;
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

export function handleAdmin(state: SandboxState, request: IncomingSigned, save: () => void): AdminReply {
	if (!tokenMatches(headerMap(request.rawHeaders).get(ADMIN_TOKEN_HEADER), state.adminToken))
		return json(403, { error: 'admin token required' });
	const route = `${request.method} ${request.rawPath.slice(ADMIN_PREFIX.length)}`;
	if (route === 'GET snapshot')
		return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(state) };
	if (route === 'PUT snapshot') {
		try {
			restoreInto(state, request.body.toString('utf8'));
		} catch (error) {
			if (error instanceof AdminError) return json(400, { error: error.message });
			throw error;
		}
		save();
		return json(200, { ok: true });
	}
	let input: { accountId?: unknown } = {};
	try {
		input = request.body.length ? (JSON.parse(request.body.toString('utf8')) as typeof input) : {};
	} catch {
		return json(400, { error: 'invalid JSON' });
	}
	const accountId = typeof input.accountId === 'string' ? input.accountId : '';
	try {
		switch (route) {
			case 'GET health':
				return json(200, { ok: true, accounts: Object.keys(state.accounts) });
			case 'POST accounts': {
				const created = createStudentAccount(state, accountId);
				save();
				return json(201, created);
			}
			case 'POST root-keys': {
				const created = createRootKey(state, accountId);
				save();
				return json(201, created);
			}
			case 'DELETE root-keys':
				deleteRootKeys(state, accountId);
				save();
				return json(200, { ok: true });
			default:
				return json(404, { error: `unknown admin route ${route}` });
		}
	} catch (error) {
		if (error instanceof AdminError) return json(409, { error: error.message });
		throw error;
	}
}
