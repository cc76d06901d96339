/**
 * What a command-line tool may touch, passed in so tests run CLIs in process (DESIGN.md: `cli(argv, io)`).
 * Machine output goes to `stdout` only; progress and logs go to `stderr`.
 */
export interface CliIo {
	stdout(text: string): void;
	stderr(text: string): void;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly cwd: string;
}

/** Exit codes shared by every CLI (DESIGN.md). */
export const EXIT = {
	ok: 0,
	findings: 1,
	usage: 2,
	unverified: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The real process streams, for the `bin` wrappers. */
export function processIo(): CliIo {
	return {
		stdout: (text) => process.stdout.write(text),
		stderr: (text) => process.stderr.write(text),
		env: process.env,
		cwd: process.cwd(),
	};
}

/** An in-memory io for tests: everything written is kept. */
export function memoryIo(env: Record<string, string | undefined> = {}, cwd = process.cwd()) {
	const out: string[] = [];
	const err: string[] = [];
	const io: CliIo = {
		stdout: (text) => void out.push(text),
		stderr: (text) => void err.push(text),
		env,
		cwd,
	};
	return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** `--lang` wins; otherwise the `LANG`/`LC_ALL` locale decides; French is the course's default language. */
export function langFromEnv(flag: string | undefined, env: CliIo['env']): 'fr' | 'en' {
	if (flag === 'fr' || flag === 'en') return flag;
	const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
	return locale.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/** Colours only on a terminal and never when `NO_COLOR` is set (https://no-color.org). */
export function useColor(env: CliIo['env'], isTty: boolean): boolean {
	return isTty && !('NO_COLOR' in env && env['NO_COLOR'] !== undefined);
}
