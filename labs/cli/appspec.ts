import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseCli } from './args.ts';
import { appSpecJsonSchema, validateAppSpec } from '../../src/lib/appspec/index.ts';
import type { Platform, TargetOs } from '../../src/lib/appspec/index.ts';
import { messages } from '../../src/lib/appspec/cli.messages.ts';
import { translator, type Translate } from '../../src/lib/i18n/catalog.ts';
import { hasErrors, jsonReport, textReport, type FileReport } from '../appspec/report.ts';
import { EXIT, useColor, type CliIo } from './io.ts';

export const DEFAULT_SCHEMA_PATH = 'public/schemas/appspec.schema.json';

/** The committed JSON Schema's exact text (a unit test compares it with the file, so it cannot drift). */
export function schemaText(): string {
	return `${JSON.stringify(appSpecJsonSchema(), null, 2)}\n`;
}

/**
 * `appspec validate <file…> [--platform] [--os] [--format text|json] [--lang]`: 0 when no file has an error
 * (warnings allowed), 1 when one has, 2 on bad usage or an unreadable file.
 * `appspec schema [--out file]`: writes the JSON Schema (`--out -` prints it).
 */
export async function cli(argv: string[], io: CliIo): Promise<number> {
	const args = parseCli(
		argv,
		io,
		{
			platform: { type: 'string' },
			os: { type: 'string' },
			format: { type: 'string', default: 'text' },
			out: { type: 'string' },
		},
		(lang) => translator(messages, lang)('usage'),
	);
	if (args.done) return args.code;
	const { values, positionals, lang, usage } = args;
	const t = translator(messages, lang);
	const [command, ...files] = positionals;
	if (command === 'schema') return files.length > 0 ? usage() : writeSchema(values.out, io, t);
	if (command !== 'validate') return usage(command ? t('unknownCommand', { command }) : undefined);
	if (files.length === 0) return usage(t('noFiles'));
	const platform = values.platform;
	if (platform !== undefined && !['server', 'ecs', 'lambda'].includes(platform))
		return usage(t('badPlatform'));
	if (values.os !== undefined && values.os !== 'linux' && values.os !== 'windows') return usage(t('badOs'));
	if (values.format !== 'text' && values.format !== 'json') return usage(t('badFormat'));

	const reports: FileReport[] = [];
	let unreadable = false;
	for (const file of files) {
		const source = await readSource(resolve(io.cwd, file), file, io, t);
		if (source === undefined) {
			unreadable = true;
			continue;
		}
		const options = {
			...(platform ? { platform: platform as Platform } : {}),
			...(values.os ? { os: values.os as TargetOs } : {}),
		};
		const result = validateAppSpec(source, options);
		reports.push({ file, source, platform: result.platform, diagnostics: result.diagnostics });
	}
	if (values.format === 'json') io.stdout(`${JSON.stringify(jsonReport(reports, lang), null, 2)}\n`);
	else io.stdout(textReport(reports, lang, useColor(io.env, process.stdout.isTTY === true)));
	if (unreadable) return EXIT.usage;
	return reports.some(hasErrors) ? EXIT.findings : EXIT.ok;
}

async function readSource(path: string, file: string, io: CliIo, t: Translate<keyof typeof messages.en>) {
	try {
		return await readFile(path, 'utf8');
	} catch (error) {
		const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		io.stderr(`${t('unreadable', { file, reason })}\n`);
		return undefined;
	}
}

async function writeSchema(out: string | undefined, io: CliIo, t: Translate<keyof typeof messages.en>) {
	const text = schemaText();
	if (out === '-') {
		io.stdout(text);
		return EXIT.ok;
	}
	const target = out ?? DEFAULT_SCHEMA_PATH;
	const path = resolve(io.cwd, target);
	try {
		await mkdir(dirname(path), { recursive: true });
		await writeFile(path, text);
	} catch (error) {
		io.stderr(`${t('unreadable', { file: target, reason: (error as Error).message })}\n`);
		return EXIT.usage;
	}
	io.stderr(`${t('schemaWritten', { file: target })}\n`);
	return EXIT.ok;
}
