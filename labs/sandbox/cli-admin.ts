import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXIT, type CliIo } from '../cli/io.ts';
import {
	ADMIN_PREFIX,
	ADMIN_TOKEN_HEADER,
	AdminError,
	createRootKey,
	createStudentAccount,
	deleteRootKeys,
	restoreInto,
} from './admin.ts';
import type { Translate } from '../../src/lib/i18n/catalog.ts';
import type { messages } from './sandbox.messages.ts';
import type { AdminCredentials } from './state.ts';
import { loadState, readServerInfo, saveState } from './store.ts';

/**
 * The CLI's administrative subcommands (`account create`, `root-keys`, `snapshot`). They go through the running
 * sandbox's admin API when there is one, since that process owns the state; otherwise they edit the state file.
 */

export type T = Translate<keyof (typeof messages)['en']>;

export interface AdminIo {
	readonly io: CliIo;
	readonly t: T;
	usage(message: string): number;
	print(format: string, credentials: AdminCredentials & { endpoint?: string }): void;
}

/** Through the running sandbox's admin API when it runs (it owns the state), else directly in the state file. */
export async function adminCommand(
	ctx: AdminIo,
	stateDir: string,
	format: string,
	route: 'accounts' | 'root-keys',
	method: 'POST' | 'DELETE',
	accountId: string | undefined,
): Promise<number> {
	const { io, t } = ctx;
	if (!accountId) return ctx.usage(t('missingId'));
	const state = loadState(stateDir);
	const running = readServerInfo(stateDir);
	let result: AdminCredentials | undefined;
	let handled = false;
	if (running) {
		const response = await fetch(`${running.url}${ADMIN_PREFIX}${route}`, {
			method,
			headers: { [ADMIN_TOKEN_HEADER]: state.adminToken, 'content-type': 'application/json' },
			body: JSON.stringify({ accountId }),
		}).catch(() => undefined);
		if (response) {
			handled = true;
			const body = (await response.json()) as AdminCredentials & { error?: string };
			if (!response.ok) {
				io.stderr(`${t('adminFailed', { detail: body.error ?? response.status })}\n`);
				return EXIT.usage;
			}
			if (method === 'POST') result = body;
		}
	}
	if (!handled) {
		try {
			if (route === 'accounts') result = createStudentAccount(state, accountId);
			else if (method === 'POST') result = createRootKey(state, accountId);
			else deleteRootKeys(state, accountId);
		} catch (error) {
			if (!(error instanceof AdminError)) throw error;
			io.stderr(`${t('adminFailed', { detail: error.message })}\n`);
			return EXIT.usage;
		}
		saveState(stateDir, state);
	}
	if (!result) {
		io.stderr(`${t('rootKeysDeleted', { accountId })}\n`);
		return EXIT.ok;
	}
	if (format === 'json') ctx.print('json', { ...result, ...(running && { endpoint: running.url }) });
	else
		io.stdout(
			`${t(route === 'accounts' ? 'accountCreated' : 'rootKeyCreated', { accountId, accessKeyId: result.accessKeyId })}\n` +
				`AWS_SECRET_ACCESS_KEY=${result.secretAccessKey}\n`,
		);
	return EXIT.ok;
}

/** `snapshot save FILE` / `snapshot restore FILE`: a whole practice account, e.g. a correct lab setup to start from. */
export async function snapshot(
	ctx: AdminIo,
	stateDir: string,
	action: string | undefined,
	file: string | undefined,
): Promise<number> {
	const { io, t } = ctx;
	if ((action !== 'save' && action !== 'restore') || !file)
		return ctx.usage(t('unknownCommand', { command: `snapshot ${action ?? ''}` }));
	const path = resolve(io.cwd, file);
	const state = loadState(stateDir);
	const running = readServerInfo(stateDir);
	const headers = { [ADMIN_TOKEN_HEADER]: state.adminToken };
	if (action === 'save') {
		const live = running
			? await fetch(`${running.url}${ADMIN_PREFIX}snapshot`, { headers }).then(
					(r) => (r.ok ? r.text() : undefined),
					() => undefined,
				)
			: undefined;
		writeFileSync(path, live ?? JSON.stringify(state), { mode: 0o600 });
		io.stderr(`${t('snapshotSaved', { file: path })}\n`);
		return EXIT.ok;
	}
	const content = readFileSync(path, 'utf8');
	const response = running
		? await fetch(`${running.url}${ADMIN_PREFIX}snapshot`, { method: 'PUT', headers, body: content }).catch(
				() => undefined,
			)
		: undefined;
	if (response && !response.ok) {
		const body = (await response.json()) as { error?: string };
		io.stderr(`${t('adminFailed', { detail: body.error ?? response.status })}\n`);
		return EXIT.usage;
	}
	if (!response) {
		try {
			restoreInto(state, content);
		} catch (error) {
			if (!(error instanceof AdminError)) throw error;
			io.stderr(`${t('adminFailed', { detail: error.message })}\n`);
			return EXIT.usage;
		}
		saveState(stateDir, state);
	}
	io.stderr(`${t('snapshotRestored', { file: path })}\n`);
	return EXIT.ok;
}
