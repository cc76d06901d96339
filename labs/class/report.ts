import { translator } from '../../src/lib/i18n/catalog.ts';
import type { Lang } from '../../src/lib/i18n/localized.ts';
import { messageFor, summarize, type Summary } from '../../src/lib/labs/report.ts';
import { messages as labMessages } from '../../src/lib/labs/report.messages.ts';
import type { CheckStatus } from '../../src/lib/labs/result.ts';
import { messages } from './class.messages.ts';
import type { ClassReport, StudentOutcome } from './run-class.ts';

export const CLASS_FORMATS = ['csv', 'json', 'junit', 'html'] as const;
export type ClassFormat = (typeof CLASS_FORMATS)[number];

/** One student, flattened for every format: per-check statuses, counts, and the sentences to show. */
export interface StudentRow {
	readonly name: string;
	readonly accountId: string;
	readonly roleArn: string;
	readonly kind: StudentOutcome['kind'];
	readonly principal: string | null;
	readonly statuses: Readonly<Record<string, CheckStatus>>;
	readonly summary: Summary | null;
	/** "check-id: message" for failed and unverified checks, or the reason the student was not checked. */
	readonly failures: readonly string[];
}

export function studentRow(outcome: StudentOutcome, lang: Lang): StudentRow {
	const t = translator(messages, lang);
	const tLab = translator(labMessages, lang);
	const { student } = outcome;
	const base = {
		name: student.name,
		accountId: student.accountId,
		roleArn: student.roleArn,
		kind: outcome.kind,
	};
	switch (outcome.kind) {
		case 'checked': {
			const { results, principal } = outcome.report;
			return {
				...base,
				principal,
				statuses: Object.fromEntries(results.map((r) => [r.id, r.status])),
				summary: summarize(results),
				failures: results
					.filter((r) => r.status === 'fail' || r.status === 'error')
					.map((r) => `${r.id}: ${messageFor(r, lang)}`),
			};
		}
		case 'assume-failed':
			return {
				...base,
				principal: null,
				statuses: {},
				summary: null,
				failures: [t('reason.assume', { code: outcome.code, message: outcome.message })],
			};
		case 'invalid':
			return {
				...base,
				principal: null,
				statuses: {},
				summary: null,
				failures: [t(outcome.problem.code, outcome.problem.params)],
			};
		case 'params':
			return {
				...base,
				principal: null,
				statuses: {},
				summary: null,
				failures: outcome.errors.map((e) => tLab(e.code, e.params)),
			};
	}
}

/** Per check: how many checked students reached each status. */
export function totalsByCheck(report: ClassReport): Record<string, Summary> {
	const totals: Record<string, Summary> = {};
	for (const id of report.checks) totals[id] = { pass: 0, warn: 0, fail: 0, error: 0, skipped: 0 };
	for (const outcome of report.outcomes) {
		if (outcome.kind !== 'checked') continue;
		for (const r of outcome.report.results) if (totals[r.id]) totals[r.id]![r.status]++;
	}
	return totals;
}

const passed = (s: Summary) => s.pass + s.warn;

/**
 * RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes. A field a spreadsheet
 * would run as a formula (starting with = + - @ or a tab) is prefixed with an apostrophe: student names and
 * AWS messages end up in this report, and the instructor opens it in a spreadsheet.
 */
export function csvField(value: string): string {
	const safe = /^[=+\-@\t]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toClassCsv(report: ClassReport, lang: Lang): string {
	const t = translator(messages, lang);
	const rows = report.outcomes.map((o) => studentRow(o, lang));
	const header = [
		'name',
		'accountId',
		'status',
		...report.checks,
		'pass',
		'warn',
		'fail',
		'error',
		'skipped',
		'failures',
	];
	const lines = [header];
	for (const row of rows) {
		const s = row.summary;
		lines.push([
			row.name,
			row.accountId,
			row.kind,
			...report.checks.map((id) => row.statuses[id] ?? ''),
			...(s ? [s.pass, s.warn, s.fail, s.error, s.skipped].map(String) : ['', '', '', '', '']),
			row.failures.join(' | '),
		]);
	}
	const totals = totalsByCheck(report);
	const checked = rows.filter((r) => r.kind === 'checked').length;
	lines.push([
		t('total.label'),
		'',
		`${checked}/${rows.length}`,
		...report.checks.map((id) => `${passed(totals[id]!)}/${checked}`),
		'',
		'',
		'',
		'',
		'',
		'',
	]);
	return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function toClassJson(report: ClassReport, lang: Lang) {
	const rows = report.outcomes.map((o) => studentRow(o, lang));
	return {
		lab: report.lab,
		startedAt: report.startedAt,
		checks: report.checks,
		students: report.outcomes.map((outcome, i) => {
			const row = rows[i]!;
			return {
				name: row.name,
				accountId: row.accountId,
				roleArn: row.roleArn,
				status: row.kind,
				principal: row.principal,
				...(outcome.kind === 'checked'
					? {
							results: outcome.report.results.map((r) => ({
								id: r.id,
								status: r.status,
								message: messageFor(r, lang),
								messageKey: r.messageKey,
							})),
							summary: row.summary,
						}
					: { reason: row.failures.join(' ') }),
			};
		}),
		totals: {
			students: rows.length,
			checked: rows.filter((r) => r.kind === 'checked').length,
			notChecked: rows.filter((r) => r.kind !== 'checked').length,
			byCheck: totalsByCheck(report),
		},
	};
}

export function xmlEscape(text: string): string {
	return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One testsuite per student, one testcase per check; a student not checked is one errored testcase. */
export function toClassJunit(report: ClassReport, lang: Lang): string {
	const tLab = translator(labMessages, lang);
	const suites = report.outcomes.map((outcome) => {
		const row = studentRow(outcome, lang);
		const name = xmlEscape(`${row.name} (${row.accountId})`);
		if (outcome.kind !== 'checked') {
			const reason = xmlEscape(row.failures.join(' '));
			return `  <testsuite name="${name}" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="${xmlEscape(report.lab)}" name="assume-role"><error message="${reason}"/></testcase>\n  </testsuite>`;
		}
		const s = row.summary!;
		const cases = outcome.report.results.map((r) => {
			const message = xmlEscape(`${tLab(`status.${r.status}`)}: ${messageFor(r, lang)}`);
			const body =
				r.status === 'fail'
					? `<failure message="${message}"/>`
					: r.status === 'error'
						? `<error message="${message}"/>`
						: r.status === 'skipped'
							? `<skipped message="${message}"/>`
							: '';
			return `    <testcase classname="${xmlEscape(report.lab)}" name="${xmlEscape(r.id)}">${body}</testcase>`;
		});
		return `  <testsuite name="${name}" tests="${cases.length}" failures="${s.fail}" errors="${s.error}" skipped="${s.skipped}">\n${cases.join('\n')}\n  </testsuite>`;
	});
	const count = (kind: 'failures' | 'errors') =>
		report.outcomes.reduce((n, o) => {
			if (o.kind !== 'checked') return n + (kind === 'errors' ? 1 : 0);
			const s = summarize(o.report.results);
			return n + (kind === 'errors' ? s.error : s.fail);
		}, 0);
	const tests = report.outcomes.reduce((n, o) => n + (o.kind === 'checked' ? o.report.results.length : 1), 0);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xmlEscape(`lab class ${report.lab}`)}" tests="${tests}" failures="${count('failures')}" errors="${count('errors')}">\n${suites.join('\n')}\n</testsuites>\n`;
}
