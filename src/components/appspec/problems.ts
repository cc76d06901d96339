/**
 * The problems list as an HTML string: the page renders it at build time (readable without JavaScript) and the
 * editor re-renders it after each validation, so both always have the same markup. Controls that need
 * JavaScript carry `cd-aps-js` and stay hidden until the custom element is defined (see AppSpecEditor.astro).
 */
import { diagnosticMessage, agentQuote, fixTitle, type Diagnostic } from '../../lib/appspec/index.ts';
import { translator } from '../../lib/i18n/catalog.ts';
import type { Lang } from '../../lib/i18n/localized.ts';
import { messages } from './messages.ts';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export function summaryText(diagnostics: readonly Diagnostic[], lang: Lang): string {
	const t = translator(messages, lang);
	if (diagnostics.length === 0) return t('problemsNone');
	const count = (severity: Diagnostic['severity']) =>
		diagnostics.filter((d) => d.severity === severity).length;
	return t('problemsCount', { errors: count('error'), warnings: count('warning'), infos: count('info') });
}

function itemHtml(diagnostic: Diagnostic, index: number, lang: Lang): string {
	const t = translator(messages, lang);
	const { line, column } = diagnostic.range.start;
	const position = escapeHtml(t('position', { line, column }));
	const quote = agentQuote(diagnostic, lang);
	const fix = diagnostic.fix
		? `<button type="button" class="cd-aps-js cd-aps-fix" data-fix="${index}">${escapeHtml(
				t('fix', { title: fixTitle(diagnostic.fix, lang) }),
			)}</button>`
		: '';
	return [
		`<li class="cd-aps-item" data-severity="${diagnostic.severity}" data-code="${escapeHtml(diagnostic.code)}">`,
		`<span class="cd-aps-sev">${escapeHtml(t(`severity_${diagnostic.severity}`))}</span> `,
		`<span class="cd-aps-nojs cd-aps-pos">${position}</span>`,
		`<button type="button" class="cd-aps-js cd-aps-goto" data-line="${line}" data-column="${column}" `,
		`aria-label="${escapeHtml(t('goTo', { line, column }))}">${position}</button> `,
		`<span class="cd-aps-msg">${escapeHtml(diagnosticMessage(diagnostic, lang))}</span>`,
		quote ? ` <span class="cd-aps-agent">${escapeHtml(quote)}</span>` : '',
		` <code class="cd-aps-code">${escapeHtml(diagnostic.code)}</code>`,
		fix,
		'</li>',
	].join('');
}

/** The inside of the problems region: a summary line and the ordered list. */
export function problemsHtml(diagnostics: readonly Diagnostic[], lang: Lang): string {
	const items = diagnostics.map((d, i) => itemHtml(d, i, lang)).join('');
	return `<p class="cd-aps-summary">${escapeHtml(summaryText(diagnostics, lang))}</p>${
		items ? `<ol class="cd-aps-list">${items}</ol>` : ''
	}`;
}
