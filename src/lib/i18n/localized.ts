/** A text that exists in both course languages. Data files carry every text this way. */
export interface Localized {
	readonly fr: string;
	readonly en: string;
}

export type Lang = keyof Localized;

/** Picks the text for `lang`. Both languages are required by the schemas, so there is no fallback. */
export function pick(text: Localized, lang: Lang): string {
	return text[lang];
}

/** Replaces `{name}` placeholders with values from `params`; unknown placeholders are left visible. */
export function format(template: string, params: Readonly<Record<string, unknown>> = {}): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole,
	);
}
