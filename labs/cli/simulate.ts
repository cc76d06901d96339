import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCli } from './args.ts';
import { parse as parseYaml } from 'yaml';
import { translator } from '../../src/lib/i18n/catalog.ts';
import {
	compare,
	describeError,
	messages,
	parseScenario,
	renderComparison,
	renderTimeline,
	simulate,
	toReport,
} from '../../src/lib/simulator/index.ts';
import { EXIT, type CliIo } from './io.ts';

/** Scenario files are small; refuse anything that is obviously not one. */
const MAX_SCENARIO_BYTES = 256 * 1024;

/**
 * `simulate <scenario.json|yaml> [--seed N] [--compare] [--format text|json] [--lang fr|en]`: prints the timeline or
 * the JSON report. Exit 0 whatever the simulated outcome, 2 for bad usage or an invalid scenario.
 */
export async function cli(argv: string[], io: CliIo): Promise<number> {
	const args = parseCli(
		argv,
		io,
		{
			seed: { type: 'string' },
			compare: { type: 'boolean', default: false },
			format: { type: 'string', default: 'text' },
			verbose: { type: 'boolean', default: false },
		},
		(lang) => translator(messages, lang)('cli.usage'),
	);
	if (args.done) return args.code;
	const { values, positionals, lang, usage } = args;
	const t = translator(messages, lang);
	const file = positionals[0];
	if (!file || positionals.length > 1) return usage();
	if (values.format !== 'text' && values.format !== 'json') return usage(t('cli.badFormat'));
	const seed = values.seed === undefined ? 1 : Number(values.seed);
	if (!Number.isSafeInteger(seed) || seed < 0) return usage(t('cli.badSeed'));
	const document = await readScenario(resolve(io.cwd, file), file, io, t);
	if (document === undefined) return EXIT.usage;
	const parsed = parseScenario(document.value);
	if (!parsed.ok) {
		if (values.format === 'json') {
			const errors = parsed.errors.map((e) => ({
				path: e.path,
				message: describeError(e, lang).slice(e.path.length + 2),
			}));
			io.stdout(`${JSON.stringify({ errors }, null, 2)}\n`);
		}
		io.stderr(`${t('cli.invalid', { count: parsed.errors.length })}\n`);
		for (const error of parsed.errors) io.stderr(`  ${file}: ${describeError(error, lang)}\n`);
		return EXIT.usage;
	}
	const scenario = parsed.scenario;
	if (values.compare) {
		if (scenario.platform !== 'server') return usage(t('cli.compareServerOnly'));
		const comparison = compare(scenario, { seed });
		if (values.format === 'json') io.stdout(`${JSON.stringify(comparison, null, 2)}\n`);
		else io.stdout(`${renderComparison(comparison, lang, scenario.fleet.size).join('\n')}\n`);
		return EXIT.ok;
	}
	const events = simulate(scenario, { seed });
	if (values.format === 'json') {
		io.stdout(`${JSON.stringify(toReport(events), null, 2)}\n`);
		return EXIT.ok;
	}
	io.stdout(`${renderTimeline(events, lang, values.verbose).join('\n')}\n`);
	io.stdout(`${t('cli.summary', { status: toReport(events).status })}\n`);
	return EXIT.ok;
}

async function readScenario(
	path: string,
	shown: string,
	io: CliIo,
	t: ReturnType<typeof translator<keyof typeof messages.en>>,
) {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
		if (text.length > MAX_SCENARIO_BYTES) throw new Error(`> ${MAX_SCENARIO_BYTES} bytes`);
	} catch (error) {
		io.stderr(`${t('cli.readError', { file: shown, reason: (error as Error).message })}\n`);
		return undefined;
	}
	try {
		// JSON is YAML too; limits keep a hostile file from expanding aliases without end.
		return { value: parseYaml(text, { maxAliasCount: 100, uniqueKeys: true }) as unknown };
	} catch (error) {
		io.stderr(
			`${t('cli.parseError', { file: shown, reason: (error as Error).message.split('\n')[0] ?? '' })}\n`,
		);
		return undefined;
	}
}
