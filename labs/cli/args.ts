import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { EXIT, langFromEnv, type CliIo } from './io.ts';

type Lang = 'fr' | 'en';

/** What `parseArgs` returns for a given set of options (positionals allowed, `--lang` and `--help` added). */
type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<
	typeof parseArgs<{ args: string[]; allowPositionals: true; options: O & typeof COMMON }>
>;

const COMMON = {
	lang: { type: 'string' },
	help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsOptionsConfig;

export type CliArgs<O extends ParseArgsOptionsConfig> =
	| { readonly done: true; readonly code: number }
	| {
			readonly done: false;
			readonly values: Parsed<O>['values'];
			readonly positionals: string[];
			readonly lang: Lang;
			/** Prints the optional detail and the usage to stderr; returns the usage exit code. */
			readonly usage: (detail?: string) => number;
	  };

/**
 * The argument handling every CLI shares: parse with `node:util`, `--lang` (default from LANG), `--help`
 * (usage on stdout, exit 0), and an unknown flag or missing value as a usage error (exit 2) with the usage.
 */
export function parseCli<const O extends ParseArgsOptionsConfig>(
	argv: string[],
	io: CliIo,
	options: O,
	usageText: (lang: Lang) => string,
): CliArgs<O> {
	let parsed: Parsed<O>;
	try {
		parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, ...COMMON } });
	} catch (error) {
		io.stderr(`${(error as Error).message}\n${usageText(langFromEnv(undefined, io.env))}\n`);
		return { done: true, code: EXIT.usage };
	}
	const common = parsed.values as { lang?: string; help?: boolean };
	const lang = langFromEnv(common.lang, io.env);
	if (common.help) {
		io.stdout(`${usageText(lang)}\n`);
		return { done: true, code: EXIT.ok };
	}
	const usage = (detail?: string) => {
		io.stderr(`${detail ? `${detail}\n` : ''}${usageText(lang)}\n`);
		return EXIT.usage;
	};
	return { done: false, values: parsed.values, positionals: parsed.positionals, lang, usage };
}
