import { translator } from '../../src/lib/i18n/catalog.ts';
import type { Lang } from '../../src/lib/i18n/localized.ts';
import type { CheckStatus } from '../../src/lib/labs/result.ts';
import { messages } from './class.messages.ts';
import { studentRow, totalsByCheck, xmlEscape as esc } from './report.ts';
import type { ClassReport } from './run-class.ts';

const STATUSES: readonly CheckStatus[] = ['pass', 'warn', 'fail', 'error', 'skipped'];
/** A mark besides the word, never colour alone (WCAG 1.4.1). */
const MARKS: Record<CheckStatus, string> = { pass: '✔', warn: '!', fail: '✘', error: '?', skipped: '–' };

// Colours chosen for ≥ 4.5:1 contrast of the text on its background.
const STYLE = `
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b;background:#fff}
table{border-collapse:collapse;font-size:.9rem}
caption{text-align:left;font-weight:600;margin-bottom:.5rem}
th,td{border:1px solid #8a8a8a;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#eef1f5}
tbody th{font-weight:600;background:#fafafa}
.s-pass{background:#e3f4e6;color:#14532d}
.s-warn{background:#fff4d6;color:#5c3d00}
.s-fail{background:#fde4e4;color:#7f1d1d}
.s-error{background:#efe4fb;color:#4a1d7a}
.s-skipped{background:#f1f1f1;color:#3d3d3d}
.none{background:#fde4e4;color:#7f1d1d}
.wrap{overflow-x:auto}
ul.legend{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap}
ul.legend li{padding:.1rem .4rem}
`;

/** The class as a students × checks grid: a self-contained, accessible HTML page in the requested language. */
export function toClassHtml(report: ClassReport, lang: Lang): string {
	const t = translator(messages, lang);
	const rows = report.outcomes.map((o) => studentRow(o, lang));
	const checked = rows.filter((r) => r.kind === 'checked').length;
	const totals = totalsByCheck(report);
	const cell = (status: CheckStatus) =>
		`<td class="s-${status}"><span aria-hidden="true">${MARKS[status]}</span> ${esc(t(`cell.${status}`))}</td>`;
	const head = [t('column.name'), t('column.account'), t('column.status')]
		.map((h) => `<th scope="col">${esc(h)}</th>`)
		.concat(report.checks.map((id) => `<th scope="col"><code>${esc(id)}</code></th>`))
		.join('');
	const body = rows
		.map((row) => {
			const label = t(`student.${row.kind}`);
			const cells =
				row.kind === 'checked'
					? report.checks.map((id) => cell(row.statuses[id] ?? 'skipped')).join('')
					: `<td class="none" colspan="${report.checks.length}">${esc(t('cell.none'))} — ${esc(row.failures.join(' '))}</td>`;
			return `<tr><th scope="row">${esc(row.name)}</th><td>${esc(row.accountId)}</td><td>${esc(label)}</td>${cells}</tr>`;
		})
		.join('\n');
	const foot = `<tr><th scope="row" colspan="3">${esc(t('total.label'))}</th>${report.checks
		.map((id) => `<td>${totals[id]!.pass + totals[id]!.warn}/${checked}</td>`)
		.join('')}</tr>`;
	const details = rows
		.filter((row) => row.failures.length > 0)
		.map(
			(row) =>
				`<h3>${esc(row.name)} <small>(${esc(row.accountId)})</small></h3>\n<ul>${row.failures.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>`,
		)
		.join('\n');
	const legend = STATUSES.map(
		(s) => `<li class="s-${s}"><span aria-hidden="true">${MARKS[s]}</span> ${esc(t(`cell.${s}`))}</li>`,
	).join('');
	const title = t('html.title', { lab: report.lab });
	return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<p>${esc(t('html.students', { checked, total: rows.length }))}</p>
<h2 id="legend">${esc(t('html.legend'))}</h2>
<ul class="legend" aria-labelledby="legend">${legend}</ul>
<div class="wrap" role="region" aria-label="${esc(title)}" tabindex="0">
<table>
<caption>${esc(t('html.caption', { lab: report.lab, date: report.startedAt }))}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
<tfoot>${foot}</tfoot>
</table>
</div>
<h2>${esc(t('html.details'))}</h2>
${details || `<p>${esc(t('html.no-failures'))}</p>`}
</main>
</body>
</html>
`;
}
