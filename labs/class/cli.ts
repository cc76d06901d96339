import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { translator } from '../../src/lib/i18n/catalog.ts';
import type { Lang } from '../../src/lib/i18n/localized.ts';
import { paramDefinitions } from '../../src/lib/labs/schema.ts';
import { EXIT, langFromEnv, type CliIo } from '../cli/io.ts';
import { isLabId, LAB_IDS, loadLab } from '../engine/catalog.ts';
import type { RunOptions } from '../engine/run.ts';
import { messages, type ClassMessageKey } from './class.messages.ts';
import { toClassHtml } from './html.ts';
import {
	CLASS_FORMATS,
	studentRow,
	toClassCsv,
	toClassJson,
	toClassJunit,
	type ClassFormat,
} from './report.ts';
import { parseRoster } from './roster.ts';
import { checkedCount, runClass, type ClassReport, type StudentOutcome } from './run-class.ts';

/**
 * `lab class --roster roster.csv [--lab iam-setup] [--concurrency 8] [--format csv|json|junit|html] [--out FILE]
 * [--lang fr|en] [--region R] [--endpoint-url URL] [--profile P]`: instructor mode. For each student, assume the
 * checker role with its ExternalId, run the lab's checks, and write one class report. Exit 0 when the report was
 * produced (whatever the results), 2 on usage errors, 3 when no student could be checked.
 */
export async function classCli(
	argv: string[],
	io: CliIo,
	overrides: Partial<RunOptions> = {},
): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			options: {
				roster: { type: 'string' },
				lab: { type: 'string', default: 'iam-setup' },
				concurrency: { type: 'string', default: '8' },
				format: { type: 'string', default: 'csv' },
				out: { type: 'string' },
				lang: { type: 'string' },
				region: { type: 'string' },
				'endpoint-url': { type: 'string' },
				profile: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
		});
	} catch (error) {
		const t = translator(messages, langFromEnv(undefined, io.env));
		io.stderr(`${error instanceof Error ? error.message : String(error)}\n${t('usage.text')}\n`);
		return EXIT.usage;
	}
	const flags = parsed.values;
	const lang = langFromEnv(flags.lang, io.env);
	const t = translator(messages, lang);
	const usage = (key: ClassMessageKey, params: Record<string, unknown> = {}) => {
		io.stderr(`${t(key, params)}\n${t('usage.text')}\n`);
		return EXIT.usage;
	};
	if (flags.help) {
		io.stdout(`${t('usage.text')}\n`);
		return EXIT.ok;
	}
	if (!isLabId(flags.lab)) return usage('usage.unknown-lab', { lab: flags.lab, labs: LAB_IDS.join(', ') });
	const labId = flags.lab;
	if (!(CLASS_FORMATS as readonly string[]).includes(flags.format))
		return usage('usage.bad-format', { format: flags.format });
	const format = flags.format as ClassFormat;
	const concurrency = Number(flags.concurrency);
	if (!/^\d+$/.test(flags.concurrency) || concurrency < 1 || concurrency > 64)
		return usage('usage.concurrency', { value: flags.concurrency });
	const endpointUrl = flags['endpoint-url'];
	if (endpointUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(endpointUrl))
		return usage('usage.endpoint', { value: endpointUrl });
	if (flags.roster === undefined) return usage('usage.roster-missing');
	const rosterPath = resolve(io.cwd, flags.roster);
	let text: string;
	try {
		text = readFileSync(rosterPath, 'utf8');
	} catch (error) {
		return usage('usage.roster-read', { path: flags.roster, error: (error as Error).message });
	}
	const paramKeys = paramDefinitions(loadLab(labId)).map((d) => d.key);
	const { students, error } = parseRoster(text, paramKeys);
	if (error) return usage(error.code, error.params);

	io.stderr(`${t('progress.start', { count: students.length, lab: labId, concurrency })}\n`);
	const report = await runClass({
		labId,
		students,
		concurrency,
		...(flags.region !== undefined && { defaults: { region: flags.region } }),
		run: {
			lang,
			env: io.env,
			...(flags.profile !== undefined && { profile: flags.profile }),
			...(endpointUrl !== undefined && { endpointUrl }),
			...instructorCredentials(io.env, flags.profile),
			...overrides,
		},
		onStudent: ({ done, total, outcome }) =>
			io.stderr(
				`${t('progress.student', { done, total, name: outcome.student.name, outcome: describe(outcome, lang) })}\n`,
			),
	});
	const rendered = render(report, format, lang);
	if (flags.out !== undefined) {
		try {
			writeFileSync(resolve(io.cwd, flags.out), rendered);
		} catch (error) {
			return usage('usage.out', { path: flags.out, error: (error as Error).message });
		}
	} else io.stdout(rendered);
	if (checkedCount(report) === 0) {
		io.stderr(`${t('progress.none')}\n`);
		return EXIT.unverified;
	}
	return EXIT.ok;
}

function render(report: ClassReport, format: ClassFormat, lang: Lang): string {
	switch (format) {
		case 'json':
			return `${JSON.stringify(toClassJson(report, lang), null, 2)}\n`;
		case 'junit':
			return toClassJunit(report, lang);
		case 'html':
			return toClassHtml(report, lang);
		case 'csv':
			return toClassCsv(report, lang);
	}
}

function describe(outcome: StudentOutcome, lang: Lang): string {
	const t = translator(messages, lang);
	const row = studentRow(outcome, lang);
	if (row.summary) return t('summary.line', row.summary);
	return `${t(`student.${outcome.kind}`)} — ${row.failures.join(' ')}`;
}

/** The instructor's own keys from `io.env` (the SDK reads only `process.env`); a profile flag wins. */
function instructorCredentials(
	env: CliIo['env'],
	profile: string | undefined,
): Pick<RunOptions, 'credentials'> {
	const accessKeyId = env['AWS_ACCESS_KEY_ID'];
	const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
	if (profile !== undefined || !accessKeyId || !secretAccessKey) return {};
	const sessionToken = env['AWS_SESSION_TOKEN'];
	return { credentials: { accessKeyId, secretAccessKey, ...(sessionToken && { sessionToken }) } };
}
