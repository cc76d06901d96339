/** A tiny XML writer: every text value is escaped, so no handler can break an envelope. */

export type XmlValue = string | number | boolean | Date | undefined | null;

export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** ISO-8601 without milliseconds, the form IAM and S3 use (`2026-11-26T13:56:47Z`). */
export function isoDate(value: string | Date): string {
	const date = typeof value === 'string' ? new Date(value) : value;
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `<name>value</name>`; omitted (empty string) when the value is `undefined` or `null`. */
export function text(name: string, value: XmlValue): string {
	if (value === undefined || value === null) return '';
	const rendered = value instanceof Date ? isoDate(value) : String(value);
	return `<${name}>${escapeXml(rendered)}</${name}>`;
}

/** `<name>…children…</name>` with children already rendered. */
export function node(name: string, ...children: string[]): string {
	const inner = children.join('');
	return inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

/** An awsQuery list: `<Name><member>…</member>…</Name>`; `<Name/>` when empty (reference §4.3). */
export function members(name: string, items: readonly string[]): string {
	return node(name, ...items.map((item) => `<member>${item}</member>`));
}

/** A list of plain strings. */
export function textMembers(name: string, items: readonly string[]): string {
	return members(name, items.map(escapeXml));
}

/**
 * URL-encodes a policy document as IAM does: RFC 3986, everything but unreserved characters escaped, including
 * `/` and `*` (reference §4.5), and the author's whitespace kept.
 */
export function encodePolicyDocument(document: string): string {
	return encodeURIComponent(document).replace(
		/[!'()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}
