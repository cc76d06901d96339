import { translator } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/localized.ts';
import { messages as checkMessages, type MessageKey } from './messages.ts';
import { messages as reportMessages } from './report.messages.ts';
import type { CheckResult, CheckStatus } from './result.ts';

export interface LabReport {
	readonly lab: string;
	readonly params: Readonly<Record<string, string>>;
	/** The ARN that ran the checks, when credentials worked. */
	readonly principal: string | null;
	readonly startedAt: string;
	readonly results: readonly CheckResult[];
}

export type Summary = Record<CheckStatus, number>;

export function summarize(results: readonly CheckResult[]): Summary {
	const summary: Summary = { pass: 0, warn: 0, fail: 0, error: 0, skipped: 0 };
	for (const r of results) summary[r.status]++;
	return summary;
}

/** 1 if anything failed, else 3 if anything could not be verified, else 0 (DESIGN.md). */
export function exitCodeFor(results: readonly CheckResult[]): 0 | 1 | 3 {
	if (results.some((r) => r.status === 'fail')) return 1;
	if (results.some((r) => r.status === 'error')) return 3;
	return 0;
}

/** The sentence for a result; params naming other catalog entries (`explanation`) are translated too. */
export function messageFor(result: CheckResult, lang: Lang): string {
	const t = translator(checkMessages, lang);
	const params: Record<string, unknown> = { ...result.params };
	const explanation = params['explanation'];
	if (typeof explanation === 'string' && explanation in checkMessages[lang])
		params['explanation'] = t(explanation as MessageKey);
	return t(result.messageKey, params).replace(/\s+$/, '');
}

/** The JSON report of the CLI contract (issue 5): stable field order, `message` in the requested language. */
export function toJson(report: LabReport, lang: Lang) {
	return {
		lab: report.lab,
		params: report.params,
		principal: report.principal,
		startedAt: report.startedAt,
		results: report.results.map((r) => ({
			id: r.id,
			status: r.status,
			message: messageFor(r, lang),
			messageKey: r.messageKey,
			params: r.params,
			...(r.fix && {
				fix: { commands: r.fix.commands, ...(r.fix.console !== undefined && { console: r.fix.console }) },
			}),
			...(r.docs !== undefined && { docs: r.docs }),
		})),
		summary: summarize(report.results),
	};
}

const MARKS: Record<CheckStatus, string> = { pass: '✔', warn: '!', fail: '✘', error: '?', skipped: '-' };
const COLORS: Record<CheckStatus, string> = { pass: '32', warn: '33', fail: '31', error: '35', skipped: '2' };

/** The checklist for a terminal. */
export function toText(report: LabReport, lang: Lang, color = false): string {
	const t = translator(reportMessages, lang);
	const paint = (status: CheckStatus, text: string) =>
		color ? `\u001b[${COLORS[status]}m${text}\u001b[0m` : text;
	const lines = [t('report.title', { lab: report.lab })];
	if (report.principal) lines.push(t('report.principal', { principal: report.principal }));
	lines.push('');
	for (const r of report.results) {
		const label = `${MARKS[r.status]} ${t(`status.${r.status}`)}`;
		lines.push(`${paint(r.status, label)}  ${r.id}: ${messageFor(r, lang)}`);
		if (r.fix && (r.fix.commands.length > 0 || r.fix.console)) {
			if (r.fix.commands.length > 0) {
				lines.push(`    ${t('report.fix')}`);
				for (const c of r.fix.commands) lines.push(...c.split('\n').map((l) => `      ${l}`));
			}
			if (r.fix.console) lines.push(`    ${t('report.console')} ${r.fix.console}`);
		}
		if (r.docs && r.status !== 'pass' && r.status !== 'skipped')
			lines.push(`    ${t('report.docs')} ${r.docs}`);
	}
	const summary = summarize(report.results);
	lines.push('', t('report.summary', summary));
	return `${lines.join('\n')}\n`;
}

const xml = (s: string) =>
	s.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
	);

/** JUnit XML, so a CI job or an instructor's grader can read the results (fail → failure, error → error). */
export function toJunit(report: LabReport, lang: Lang): string {
	const summary = summarize(report.results);
	const cases = report.results.map((r) => {
		const message = xml(messageFor(r, lang));
		const body =
			r.status === 'fail'
				? `<failure message="${message}">${xml((r.fix?.commands ?? []).join('\n'))}</failure>`
				: r.status === 'error'
					? `<error message="${message}"/>`
					: r.status === 'skipped'
						? `<skipped message="${message}"/>`
						: r.status === 'warn'
							? `<system-out>${message}</system-out>`
							: '';
		return `    <testcase classname="lab.${xml(report.lab)}" name="${xml(r.id)}">${body}</testcase>`;
	});
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<testsuites name="atelier-lab" tests="${report.results.length}" failures="${summary.fail}" errors="${summary.error}" skipped="${summary.skipped}">`,
		`  <testsuite name="${xml(report.lab)}" tests="${report.results.length}" failures="${summary.fail}" errors="${summary.error}" skipped="${summary.skipped}" timestamp="${xml(report.startedAt)}">`,
		...cases,
		'  </testsuite>',
		'</testsuites>',
		'',
	].join('\n');
}
