import { parseArgs } from 'node:util';
import { translator } from '../../src/lib/i18n/catalog.ts';
import { adminCommand, snapshot, type AdminIo, type T } from '../sandbox/cli-admin.ts';
import { messages } from '../sandbox/sandbox.messages.ts';
import { readServerInfo, startSandbox } from '../sandbox/server.ts';
import { adminCredentials, BOOTSTRAP_ACCOUNT, type AdminCredentials } from '../sandbox/state.ts';
import { CorruptStateError, defaultStateDir, loadState, resetState } from '../sandbox/store.ts';
import { EXIT, langFromEnv, type CliIo } from './io.ts';

/**
 * `npm run sandbox`: the local practice account (IAM, STS, S3 on 127.0.0.1).
 * Subcommands: start (default), credentials, account create, root-keys create|delete, reset.
 */

const DEFAULT_PORT = 4566;

interface Flags {
	port?: string;
	'state-dir'?: string;
	'latency-ms'?: string;
	format?: string;
	lang?: string;
	id?: string;
	account?: string;
	quiet?: boolean;
	help?: boolean;
}

export async function cli(argv: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				port: { type: 'string' },
				'state-dir': { type: 'string' },
				'latency-ms': { type: 'string' },
				format: { type: 'string' },
				lang: { type: 'string' },
				id: { type: 'string' },
				account: { type: 'string' },
				quiet: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' },
			},
		});
	} catch (error) {
		const t = translator(messages, langFromEnv(undefined, io.env));
		io.stderr(`${error instanceof Error ? error.message : String(error)}\n${t('usage')}\n`);
		return EXIT.usage;
	}
	const flags = parsed.values as Flags;
	const t = translator(messages, langFromEnv(flags.lang, io.env));
	if (flags.help) {
		io.stdout(`${t('usage')}\n`);
		return EXIT.ok;
	}
	const format = flags.format ?? 'text';
	if (format !== 'text' && format !== 'json') return usage(io, t, t('badFormat', { value: format }));
	const stateDir = flags['state-dir'] ?? io.env['ATELIER_SANDBOX_STATE_DIR'] ?? defaultStateDir(io.env);
	const [command = 'start', sub] = parsed.positionals;
	try {
		switch (command) {
			case 'start':
				return await start(io, t, flags, stateDir, signal);
			case 'credentials':
				return credentials(io, t, flags, stateDir, format);
			case 'reset':
				resetState(stateDir);
				io.stderr(`${t('reset', { stateDir })}\n`);
				return EXIT.ok;
			case 'snapshot':
				return await snapshot(adminIo(io, t), stateDir, sub, parsed.positionals[2]);
			case 'account':
				if (sub !== 'create') return usage(io, t, t('unknownCommand', { command: `account ${sub ?? ''}` }));
				return await adminCommand(
					adminIo(io, t),
					stateDir,
					format,
					'accounts',
					'POST',
					flags.id ?? flags.account,
				);
			case 'root-keys':
				if (sub !== 'create' && sub !== 'delete')
					return usage(io, t, t('unknownCommand', { command: `root-keys ${sub ?? ''}` }));
				return await adminCommand(
					adminIo(io, t),
					stateDir,
					format,
					'root-keys',
					sub === 'create' ? 'POST' : 'DELETE',
					flags.account ?? flags.id,
				);
			default:
				return usage(io, t, t('unknownCommand', { command }));
		}
	} catch (error) {
		if (error instanceof CorruptStateError) {
			io.stderr(`${t('corrupt', { detail: error.message })}\n`);
			return EXIT.usage;
		}
		throw error;
	}
}

function adminIo(io: CliIo, t: T): AdminIo {
	return {
		io,
		t,
		usage: (message) => usage(io, t, message),
		print: (format, c) => printCredentials(io, format, c),
	};
}

function usage(io: CliIo, t: T, message: string): number {
	io.stderr(`${message}\n${t('usage')}\n`);
	return EXIT.usage;
}

function portOf(flags: Flags, t: T, io: CliIo): number | undefined {
	const raw = flags.port ?? io.env['ATELIER_SANDBOX_PORT'] ?? String(DEFAULT_PORT);
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		usage(io, t, t('badPort', { value: raw }));
		return undefined;
	}
	return port;
}

async function start(io: CliIo, t: T, flags: Flags, stateDir: string, signal?: AbortSignal): Promise<number> {
	const port = portOf(flags, t, io);
	if (port === undefined) return EXIT.usage;
	const latency = Number(flags['latency-ms'] ?? 0);
	if (!Number.isFinite(latency) || latency < 0)
		return usage(io, t, t('badLatency', { value: flags['latency-ms'] }));
	let sandbox;
	try {
		sandbox = await startSandbox({
			port,
			stateDir,
			latencyMs: latency,
			advertise: true,
			...(!flags.quiet && { log: (line: string) => io.stderr(`${line}\n`) }),
		});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
			io.stderr(`${t('portInUse', { port })}\n`);
			return EXIT.usage;
		}
		throw error;
	}
	const { credentials: c, url } = sandbox;
	const profile = 'atelier-sandbox';
	io.stdout(
		[
			t('listening', { url }),
			t('identity', { accountId: c.accountId, stateDir }),
			'',
			t('paste'),
			`  aws configure set aws_access_key_id ${c.accessKeyId} --profile ${profile}`,
			`  aws configure set aws_secret_access_key ${c.secretAccessKey} --profile ${profile}`,
			`  aws configure set region eu-west-3 --profile ${profile}`,
			t('then'),
			`  aws sts get-caller-identity --profile ${profile} --endpoint-url ${url}`,
			'',
			t('stop'),
			'',
		].join('\n'),
	);
	await new Promise<void>((resolve) => {
		const stop = () => resolve();
		if (signal) signal.addEventListener('abort', stop, { once: true });
		else {
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
		}
	});
	await sandbox.stop();
	return EXIT.ok;
}

function credentials(io: CliIo, t: T, flags: Flags, stateDir: string, format: string): number {
	const accountId = flags.account ?? BOOTSTRAP_ACCOUNT;
	const state = loadState(stateDir);
	const creds = adminCredentials(state, accountId);
	if (!creds) {
		io.stderr(`${t('noAccount', { accountId, stateDir })}\n`);
		return EXIT.usage;
	}
	const running = readServerInfo(stateDir);
	const port = flags.port !== undefined ? portOf(flags, t, io) : (running?.port ?? DEFAULT_PORT);
	if (port === undefined) return EXIT.usage;
	printCredentials(io, format, { ...creds, endpoint: `http://127.0.0.1:${port}` });
	return EXIT.ok;
}

export function printCredentials(
	io: CliIo,
	format: string,
	c: AdminCredentials & { endpoint?: string },
): void {
	if (format === 'json') io.stdout(`${JSON.stringify(c, null, 2)}\n`);
	else
		io.stdout(
			[
				`AWS_ACCESS_KEY_ID=${c.accessKeyId}`,
				`AWS_SECRET_ACCESS_KEY=${c.secretAccessKey}`,
				`ACCOUNT_ID=${c.accountId}`,
				...(c.endpoint ? [`ENDPOINT=${c.endpoint}`] : []),
				'',
			].join('\n'),
		);
}
