import { parseArgs } from 'node:util';
import { classCli } from '../class/cli.ts';
import { translator } from '../../src/lib/i18n/catalog.ts';
import { checkerPolicy } from '../../src/lib/labs/allowlist.ts';
import { validateParams } from '../../src/lib/labs/params.ts';
import { exitCodeFor, toJson, toJunit, toText } from '../../src/lib/labs/report.ts';
import { messages } from '../../src/lib/labs/report.messages.ts';
import type { Shell } from '../../src/lib/labs/shell.ts';
import { LAB_IDS } from '../engine/catalog.ts';
import { LabUsageError, runLabCheck, type RunOptions } from '../engine/run.ts';
import { EXIT, langFromEnv, useColor, type CliIo } from './io.ts';

const FORMATS = ['text', 'json', 'junit'] as const;
const SHELLS: readonly Shell[] = ['bash', 'powershell'];

/**
 * `lab check <lab> [--param k=v]… [--profile P] [--region R] [--endpoint-url URL] [--format text|json|junit]
 * [--lang fr|en] [--shell bash|powershell] [--assume-role ARN]`, `lab policy [--param accountId=…] [--param bucket=…]`,
 * `lab list`, `lab class …` (instructor mode, labs/class/cli.ts). `overrides` lets tests inject clients or
 * credentials; the CLI itself never needs it.
 */
export async function cli(argv: string[], io: CliIo, overrides: Partial<RunOptions> = {}): Promise<number> {
	// Instructor mode has its own flags (labs/class/cli.ts).
	if (argv[0] === 'class') return classCli(argv.slice(1), io, overrides);
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				param: { type: 'string', multiple: true, short: 'p' },
				profile: { type: 'string' },
				region: { type: 'string' },
				'endpoint-url': { type: 'string' },
				format: { type: 'string', default: 'text' },
				lang: { type: 'string' },
				shell: { type: 'string' },
				'assume-role': { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
		});
	} catch (error) {
		const t = translator(messages, langFromEnv(undefined, io.env));
		io.stderr(`${error instanceof Error ? error.message : String(error)}\n${t('usage.text')}\n`);
		return EXIT.usage;
	}
	const { values: flags, positionals } = parsed;
	const lang = langFromEnv(flags.lang, io.env);
	const t = translator(messages, lang);
	const usage = (key: Parameters<typeof t>[0], params: Record<string, unknown> = {}) => {
		io.stderr(`${t(key, params)}\n${t('usage.text')}\n`);
		return EXIT.usage;
	};
	const [command, labId, ...extra] = positionals;
	if (flags.help || command === undefined) {
		io.stdout(`${t('usage.text')}\n`);
		return flags.help ? EXIT.ok : EXIT.usage;
	}
	const params: Record<string, string> = {};
	for (const entry of flags.param ?? []) {
		const at = entry.indexOf('=');
		if (at <= 0) return usage('usage.bad-param', { value: entry });
		params[entry.slice(0, at)] = entry.slice(at + 1);
	}
	if (command === 'list') {
		io.stdout(`${LAB_IDS.join('\n')}\n`);
		return EXIT.ok;
	}
	if (command === 'policy') return printPolicy(params, io, usage, t);
	if (command !== 'check') return usage('usage.command', { command });
	if (labId === undefined || extra.length > 0)
		return usage('usage.unknown-lab', { lab: labId ?? '', labs: LAB_IDS.join(', ') });
	const format = flags.format;
	if (!(FORMATS as readonly string[]).includes(format)) return usage('usage.bad-format', { format });
	const shell = (flags.shell ??
		(io.env['PSModulePath'] && !io.env['SHELL'] ? 'powershell' : 'bash')) as Shell;
	if (!SHELLS.includes(shell)) return usage('usage.bad-shell', { shell });
	const endpointUrl = flags['endpoint-url'];
	if (endpointUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(endpointUrl))
		return usage('usage.endpoint', { value: endpointUrl });

	const options: RunOptions = {
		lang,
		shell,
		env: io.env,
		...(flags.profile !== undefined && { profile: flags.profile }),
		...(flags.region !== undefined && { region: flags.region }),
		...(endpointUrl !== undefined && { endpointUrl }),
		...(flags['assume-role'] !== undefined && { assumeRoleArn: flags['assume-role'] }),
		...envCredentials(io.env, flags.profile),
		...(format === 'text' && {
			onProgress: ({ done, total, result }) =>
				io.stderr(`${t('report.progress', { done, total, id: result.id })}\n`),
		}),
		...overrides,
	};
	try {
		const report = await runLabCheck(labId, params, options);
		if (format === 'json') io.stdout(`${JSON.stringify(toJson(report, lang), null, 2)}\n`);
		else if (format === 'junit') io.stdout(toJunit(report, lang));
		else io.stdout(toText(report, lang, useColor(io.env, Boolean(process.stdout.isTTY))));
		return exitCodeFor(report.results);
	} catch (error) {
		if (!(error instanceof LabUsageError)) throw error;
		if (error.code !== 'usage.params') return usage(error.code, error.params);
		io.stderr(`${error.paramErrors.map((e) => t(e.code, e.params)).join('\n')}\n${t('usage.text')}\n`);
		return EXIT.usage;
	}
}

/**
 * The SDK's environment provider reads `process.env`; a CLI run in process (tests, the site's server) gets its
 * environment through `io.env`, so static keys found there are passed on explicitly. A profile flag wins.
 */
function envCredentials(env: CliIo['env'], profile: string | undefined): Pick<RunOptions, 'credentials'> {
	const accessKeyId = env['AWS_ACCESS_KEY_ID'];
	const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
	if (profile !== undefined || !accessKeyId || !secretAccessKey) return {};
	const sessionToken = env['AWS_SESSION_TOKEN'];
	return { credentials: { accessKeyId, secretAccessKey, ...(sessionToken && { sessionToken }) } };
}

function printPolicy(
	params: Record<string, string>,
	io: CliIo,
	usage: (key: 'usage.bad-param', params: Record<string, unknown>) => number,
	t: ReturnType<typeof translator<keyof (typeof messages)['en']>>,
): number {
	const { values, errors } = validateParams(
		[
			{ key: 'accountId', kind: 'accountId' },
			{ key: 'bucket', kind: 'bucket' },
		],
		params,
	);
	if (errors.length > 0) {
		io.stderr(`${errors.map((e) => t(e.code, e.params)).join('\n')}\n`);
		return usage('usage.bad-param', { value: Object.keys(params).join(', ') });
	}
	const policy = checkerPolicy({
		...(values['accountId'] !== undefined && { accountId: values['accountId'] }),
		...(values['bucket'] !== undefined && { bucket: values['bucket'] }),
	});
	io.stdout(`${JSON.stringify(policy, null, 2)}\n`);
	return EXIT.ok;
}
