/** A parameter error in the page language, with the AWS naming rule it breaks (texts in messages.ts). */
import { format } from '../../lib/i18n/localized.ts';
import type { ParamError } from '../../lib/labs/params.ts';

export function paramErrorText(
	table: Readonly<Record<string, string>>,
	error: ParamError,
	kind: string,
): string {
	const rule = table[`rule.${kind}`] ?? '';
	return format(table[error.code] ?? error.code, { ...error.params, rule });
}
