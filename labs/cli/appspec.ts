import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appSpecJsonSchema, validateAppSpec } from '../../src/lib/appspec/index.ts';
import type { Platform, TargetOs } from '../../src/lib/appspec/index.ts';
import { messages } from '../../src/lib/appspec/cli.messages.ts';
import { translator, type Translate } from '../../src/lib/i18n/catalog.ts';
import { hasErrors, jsonReport, textReport, type FileReport } from '../appspec/report.ts';
import { EXIT, langFromEnv, useColor, type CliIo } from './io.ts';

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
	let args;
	try {
		args = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				platform: { type: 'string' },
				os: { type: 'string' },
				format: { type: 'string', default: 'text' },
				lang: { type: 'string' },
				out: { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false },
			},
		});
	} catch (error) {
		const t = translator(messages, langFromEnv(undefined, io.env));
		io.stderr(`${(error as Error).message}\n${t('usage')}\n`);
		return EXIT.usage;
	}
	const { values, positionals } = args;
	const lang = langFromEnv(values.lang, io.env);
	const t = translator(messages, lang);
	const usage = (detail?: string) => {
		io.stderr(`${detail ? `${detail}\n` : ''}${t('usage')}\n`);
		return EXIT.usage;
	};
	if (values.help) {
		io.stdout(`${t('usage')}\n`);
		return EXIT.ok;
	}
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
