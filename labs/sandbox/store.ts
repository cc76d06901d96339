import { randomBytes } from 'node:crypto';
import {
	closeSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
	writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { emptyState, type SandboxState } from './state.ts';

export const STATE_FILE = 'state.json';

/** The user's data directory (XDG on Linux, Application Support on macOS, %APPDATA% on Windows). */
export function defaultStateDir(
	env: Readonly<Record<string, string | undefined>> = process.env,
	platform: NodeJS.Platform = process.platform,
	home: string = homedir(),
): string {
	const app = 'atelier-codedeploy';
	if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), app);
	if (platform === 'darwin') return join(home, 'Library', 'Application Support', app);
	return join(env['XDG_DATA_HOME'] || join(home, '.local', 'share'), app);
}

export class CorruptStateError extends Error {
	readonly file: string;
	constructor(file: string, cause: unknown) {
		super(`Cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
		this.file = file;
	}
}

/** Loads the state, creating (and saving) a fresh account with new admin keys when there is none yet. */
export function loadState(dir: string): SandboxState {
	const file = join(dir, STATE_FILE);
	let raw: string;
	try {
		raw = readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		const state = emptyState(randomBytes(24).toString('hex'));
		saveState(dir, state);
		return state;
	}
	try {
		const state = JSON.parse(raw) as SandboxState;
		if (state.format !== 'atelier-sandbox/1') throw new Error(`unknown format ${String(state.format)}`);
		return state;
	} catch (error) {
		throw new CorruptStateError(file, error);
	}
}

let tempCounter = 0;

/**
 * Writes the whole state atomically: a temporary file in the same directory, flushed to disk, then renamed over
 * the old one. A crash at any point leaves either the old or the new file, never half of one.
 */
export function saveState(dir: string, state: SandboxState): void {
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const file = join(dir, STATE_FILE);
	const temp = `${file}.${process.pid}.${++tempCounter}.tmp`;
	const fd = openSync(temp, 'w', 0o600);
	try {
		writeSync(fd, JSON.stringify(state));
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	renameSync(temp, file);
	syncDirectory(dir);
}

function syncDirectory(dir: string): void {
	// Makes the rename itself durable on Linux; not possible (nor needed the same way) on Windows.
	if (process.platform === 'win32') return;
	try {
		const fd = openSync(dir, 'r');
		try {
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
	} catch {
		// Best effort: some file systems refuse fsync on a directory.
	}
}

export const SERVER_FILE = 'server.json';

export interface ServerInfo {
	readonly url: string;
	readonly port: number;
	readonly pid: number;
}

/** Tells the CLI (`account create`, `credentials`) where the running sandbox for this state directory listens. */
export function writeServerInfo(dir: string, info: ServerInfo): void {
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const file = join(dir, SERVER_FILE);
	writeFileSync(`${file}.tmp`, JSON.stringify(info), { mode: 0o600 });
	renameSync(`${file}.tmp`, file);
}

export function removeServerInfo(dir: string, pid = process.pid): void {
	if (readServerInfo(dir)?.pid === pid) rmSync(join(dir, SERVER_FILE), { force: true });
}

/** The running sandbox of this state directory, if its process is still alive. */
export function readServerInfo(dir: string): ServerInfo | undefined {
	try {
		const info = JSON.parse(readFileSync(join(dir, SERVER_FILE), 'utf8')) as ServerInfo;
		process.kill(info.pid, 0);
		return info;
	} catch {
		return undefined;
	}
}

/** Forgets everything: the next start creates a new account with new admin keys. */
export function resetState(dir: string): void {
	rmSync(join(dir, STATE_FILE), { force: true });
}
