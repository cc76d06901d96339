import { formatDiagnostic, fixTitle, PLATFORM_NAMES } from '../../src/lib/appspec/index.ts';
import type { Diagnostic, Platform } from '../../src/lib/appspec/index.ts';
import { translator } from '../../src/lib/i18n/catalog.ts';
import type { Lang } from '../../src/lib/i18n/localized.ts';
import { messages } from '../../src/lib/appspec/cli.messages.ts';
import { codeFrame } from './code-frame.ts';

export interface FileReport {
	file: string;
	source: string;
	platform: Platform;
	diagnostics: Diagnostic[];
}

export const hasErrors = (report: FileReport): boolean =>
	report.diagnostics.some((d) => d.severity === 'error');

/** The `--format json` document: exactly `{ files: [{ file, platform, valid, diagnostics }] }`. */
export function jsonReport(reports: FileReport[], lang: Lang) {
	return {
		files: reports.map((report) => ({
			file: report.file,
			platform: report.platform,
			valid: !hasErrors(report),
			diagnostics: report.diagnostics.map((d) => ({
				code: d.code,
				severity: d.severity,
				message: formatDiagnostic(d, lang),
				line: d.range.start.line,
				column: d.range.start.column,
				endLine: d.range.end.line,
				endColumn: d.range.end.column,
			})),
		})),
	};
}

const COLORS = {
	error: '\x1b[31m',
	warning: '\x1b[33m',
	info: '\x1b[36m',
	dim: '\x1b[2m',
	reset: '\x1b[0m',
} as const;

/** Human-readable report: `file:line:column severity code`, a code frame with carets, the message, the fix. */
export function textReport(reports: FileReport[], lang: Lang, color: boolean): string {
	const t = translator(messages, lang);
	const paint = (text: string, tone: keyof typeof COLORS) =>
		color ? `${COLORS[tone]}${text}${COLORS.reset}` : text;
	const blocks: string[] = [];
	const totals = { error: 0, warning: 0, info: 0 };
	for (const report of reports) {
		if (report.diagnostics.length === 0) {
			blocks.push(t('valid', { file: report.file, platform: PLATFORM_NAMES[report.platform] }));
			continue;
		}
		for (const d of report.diagnostics) {
			totals[d.severity]++;
			const where = `${report.file}:${d.range.start.line}:${d.range.start.column}`;
			const lines = [
				`${where} ${paint(t(d.severity), d.severity)} ${paint(d.code, 'dim')}`,
				codeFrame(report.source, d.range),
				...formatDiagnostic(d, lang)
					.split('\n')
					.map((line) => `  ${line}`),
			];
			if (d.fix) lines.push(`  ${t('fix', { title: fixTitle(d.fix, lang) })}`);
			blocks.push(lines.join('\n'));
		}
	}
	const summary = t('summary', {
		files: reports.length,
		errors: totals.error,
		warnings: totals.warning,
		infos: totals.info,
	});
	return `${[...blocks, summary].join('\n\n')}\n`;
}
