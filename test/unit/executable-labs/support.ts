/**
 * Shared plumbing for the executable-instructions tests: find the real AWS CLIs and moto_server, run CLI commands
 * asynchronously (the sandbox answers from this same process, so a synchronous child would deadlock it), and run
 * the checker. Outside CI a missing tool skips the tests with a message; under CI=true it fails the run.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runLabCheck } from '../../../labs/engine/run.ts';
import type { CheckStatus } from '../../../src/lib/labs/result.ts';
import { parseLab, type Lab } from '../../../src/lib/labs/schema.ts';

const execFileAsync = promisify(execFile);

export const lab: Lab = parseLab(
	readFileSync(join(import.meta.dirname, '../../../content/labs/iam-setup.yaml'), 'utf8'),
).lab!;

export interface AwsCli {
	readonly label: 'v1' | 'v2';
	readonly path: string;
}

function versionOf(path: string): string | undefined {
	try {
		return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	} catch {
		return undefined;
	}
}

/** v2 is Debian's package at /usr/bin/aws; v1 is the image's `aws` (a pyenv shim, resolved to skip its start-up). */
export function findClis(): { v1?: AwsCli; v2?: AwsCli } {
	const found: { v1?: AwsCli; v2?: AwsCli } = {};
	if (versionOf('/usr/bin/aws')?.startsWith('aws-cli/2.')) found.v2 = { label: 'v2', path: '/usr/bin/aws' };
	let v1Path = 'aws';
	try {
		v1Path = execFileSync('pyenv', ['which', 'aws'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}).trim();
	} catch {
		// no pyenv: the `aws` on PATH
	}
	if (versionOf(v1Path)?.startsWith('aws-cli/1.')) found.v1 = { label: 'v1', path: v1Path };
	return found;
}

export function hasMotoServer(): boolean {
	try {
		execFileSync('moto_server', ['--help'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/**
 * True when the tools are there. Otherwise: under CI=true throw (the run must fail), else warn and return false so
 * the caller skips.
 */
export function toolsPresent(what: string, missing: readonly string[]): boolean {
	if (missing.length === 0) return true;
	const message = `[executable-labs] ${what}: missing ${missing.join(', ')}`;
	if (process.env['CI'] === 'true') throw new Error(`${message} (required under CI=true)`);
	console.warn(`${message}: skipping.`);
	return false;
}

export interface Keys {
	readonly accessKeyId: string;
	readonly secretAccessKey: string;
}

/**
 * Runs AWS CLI commands against one endpoint: a private HOME and empty config/credentials files (nothing of the
 * machine's own AWS setup leaks in), credentials in the environment, and `aws` on PATH pointing at the chosen CLI
 * so the lab's rendered bash commands run as the learner would type them.
 */
export class CliRunner {
	readonly cli: AwsCli;
	readonly workDir: string;
	readonly endpoint: string;
	readonly region: string;
	readonly #bin: string;
	constructor(cli: AwsCli, endpoint: string, region = 'eu-west-3', workDir?: string) {
		this.cli = cli;
		this.endpoint = endpoint;
		this.region = region;
		this.workDir = workDir ?? mkdtempSync(join(tmpdir(), `atelier-cli-${cli.label}-`));
		this.#bin = join(this.workDir, '.bin');
		mkdirSync(this.#bin, { recursive: true });
		if (!existsSync(join(this.#bin, 'aws'))) symlinkSync(cli.path, join(this.#bin, 'aws'));
		writeFileSync(join(this.workDir, '.aws-config'), '');
		writeFileSync(join(this.workDir, '.aws-credentials'), '');
	}

	env(keys: Keys): NodeJS.ProcessEnv {
		const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
		return {
			...inherited,
			PATH: `${this.#bin}:${process.env['PATH'] ?? ''}`,
			HOME: this.workDir,
			AWS_CONFIG_FILE: join(this.workDir, '.aws-config'),
			AWS_SHARED_CREDENTIALS_FILE: join(this.workDir, '.aws-credentials'),
			AWS_ACCESS_KEY_ID: keys.accessKeyId,
			AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
			AWS_DEFAULT_REGION: this.region,
			AWS_PAGER: '',
			AWS_EC2_METADATA_DISABLED: 'true',
		};
	}

	/** An AWS CLI command line as the lab renders it, with `--endpoint-url` appended. Rejects on a non-zero exit. */
	shell(text: string, keys: Keys): Promise<string> {
		return this.bash(`${text} --endpoint-url ${this.endpoint}`, keys);
	}

	/** Any bash text (the lab's file commands are here-documents). */
	async bash(text: string, keys: Keys): Promise<string> {
		try {
			const { stdout } = await execFileAsync('bash', ['-c', text], {
				cwd: this.workDir,
				env: this.env(keys),
				encoding: 'utf8',
				timeout: 60_000,
			});
			return stdout;
		} catch (error) {
			const e = error as { stderr?: string; code?: number };
			throw new Error(
				`${this.cli.label} \`${text}\` exited ${String(e.code)}: ${e.stderr ?? String(error)}`,
				{
					cause: error,
				},
			);
		}
	}

	/** An argument list (mistake variants, which are not lab text). */
	async aws(args: readonly string[], keys: Keys): Promise<string> {
		try {
			const { stdout } = await execFileAsync(this.cli.path, [...args, '--endpoint-url', this.endpoint], {
				cwd: this.workDir,
				env: this.env(keys),
				encoding: 'utf8',
				timeout: 60_000,
			});
			return stdout;
		} catch (error) {
			const e = error as { stderr?: string; code?: number };
			throw new Error(`${this.cli.label} aws ${args.join(' ')} exited ${String(e.code)}: ${e.stderr ?? ''}`, {
				cause: error,
			});
		}
	}

	/** Plain file writes (the lab's own file commands run through bash too; these are for mistake files). */
	write(name: string, content: unknown): void {
		writeFileSync(join(this.workDir, name), typeof content === 'string' ? content : JSON.stringify(content));
	}
}

export type Verdicts = Record<string, CheckStatus>;

/** The lab check as the CLI runs it, reduced to check id → status. */
export async function verdicts(
	endpoint: string,
	keys: Keys,
	values: Record<string, string>,
): Promise<Verdicts> {
	const report = await runLabCheck('iam-setup', values, {
		endpointUrl: endpoint,
		env: {},
		credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey },
		missingRetries: 0,
		maxAttempts: 1,
		lang: 'en',
	});
	return Object.fromEntries(report.results.map((r) => [r.id, r.status]));
}

export const failing = (v: Verdicts) =>
	Object.entries(v)
		.filter(([, s]) => s === 'fail')
		.map(([id]) => id)
		.sort();

/** Runs tasks with at most `limit` at once (CLI start-up dominates; 2–3 cores are shared with other tests). */
export async function pool<T, R>(
	items: readonly T[],
	limit: number,
	task: (item: T) => Promise<R>,
): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

/** What commands may change: the accounts and the buckets (sessions and the sandbox's admin token aside). */
export function accountsView(snapshot: string, accountId?: string): unknown {
	const state = JSON.parse(snapshot) as {
		accounts: Record<string, unknown>;
		buckets: Record<string, { accountId: string }>;
	};
	if (accountId === undefined) return { accounts: state.accounts, buckets: state.buckets };
	return {
		account: state.accounts[accountId],
		buckets: Object.values(state.buckets).filter((b) => b.accountId === accountId),
	};
}
