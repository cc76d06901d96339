import { translator } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/localized.ts';
import { messages } from './messages.ts';
import type { Diagnostic, DiagnosticParams, Fix, Platform } from './types.ts';

/** AWS's names of the compute platforms (the same in both languages); params keep the machine values. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
	server: 'EC2/On-Premises',
	ecs: 'ECS',
	lambda: 'Lambda',
};

function displayParams(params: DiagnosticParams): DiagnosticParams {
	const named = (value: string | number | undefined) =>
		typeof value === 'string' && value in PLATFORM_NAMES ? PLATFORM_NAMES[value as Platform] : value;
	const out: Record<string, string | number> = { ...params };
	for (const key of ['platform', 'detected']) {
		const value = named(params[key]);
		if (value !== undefined) out[key] = value;
	}
	return out;
}

/** The explanation of a diagnostic in one language, with the likely intended name when there is one. */
export function diagnosticMessage(diagnostic: Diagnostic, lang: Lang): string {
	const t = translator(messages, lang);
	const text = t(diagnostic.code, displayParams(diagnostic.params));
	const suggestion = diagnostic.params['suggestion'];
	return suggestion ? `${text} ${t('did-you-mean', { suggestion })}` : text;
}

/** The CodeDeploy agent's own (English) failure text, introduced in the reader's language; EC2 errors only. */
export function agentQuote(diagnostic: Diagnostic, lang: Lang): string | undefined {
	const agentMessage = diagnostic.params['agentMessage'];
	if (agentMessage === undefined || agentMessage === '') return undefined;
	return translator(messages, lang)('agent-says', { agentMessage });
}

/** Message and agent quote, one per line: what the CLI and the editor's hover show. */
export function formatDiagnostic(diagnostic: Diagnostic, lang: Lang): string {
	const quote = agentQuote(diagnostic, lang);
	const message = diagnosticMessage(diagnostic, lang);
	return quote ? `${message}\n${quote}` : message;
}

/** The title of a quick fix, e.g. "Rename to BeforeInstall". */
export function fixTitle(fix: Fix, lang: Lang): string {
	return translator(messages, lang)(fix.title, { text: fix.edits[0]?.text ?? '' });
}
