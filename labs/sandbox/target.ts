import { adminCredentials, BOOTSTRAP_ACCOUNT } from './state.ts';
import { defaultStateDir, loadState, readServerInfo } from './store.ts';

/**
 * "Practice account" as a lab target (issue 6): where the local sandbox listens and the admin keys to check it
 * with, read from its state directory. For the lab CLI and the site's local endpoint, which map the target to this
 * fixed loopback endpoint on the server side; the browser never chooses it.
 */
export interface PracticeAccountTarget {
	readonly endpoint: string;
	readonly accountId: string;
	readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
	/** False when no sandbox process is running for this state directory (the endpoint is then the default one). */
	readonly running: boolean;
}

export const DEFAULT_PORT = 4566;

export function practiceAccountTarget(
	options: { stateDir?: string; env?: Readonly<Record<string, string | undefined>>; accountId?: string } = {},
): PracticeAccountTarget | undefined {
	const env = options.env ?? process.env;
	const stateDir = options.stateDir ?? env['ATELIER_SANDBOX_STATE_DIR'] ?? defaultStateDir(env);
	const running = readServerInfo(stateDir);
	const credentials = adminCredentials(loadState(stateDir), options.accountId ?? BOOTSTRAP_ACCOUNT);
	if (!credentials) return undefined;
	return {
		endpoint: running?.url ?? `http://127.0.0.1:${env['ATELIER_SANDBOX_PORT'] ?? DEFAULT_PORT}`,
		accountId: credentials.accountId,
		credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
		running: running !== undefined,
	};
}
