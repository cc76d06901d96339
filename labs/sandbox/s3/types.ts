import type { Caller } from '../caller.ts';
import type { SandboxState } from '../state.ts';

export interface S3Request {
	readonly method: string;
	readonly bucket?: string;
	readonly key?: string;
	readonly query: URLSearchParams;
	readonly headers: ReadonlyMap<string, string>;
	readonly body: Buffer;
	/** The region of the SigV4 credential scope: the region the client believes it talks to. */
	readonly region: string;
	readonly caller: Caller;
	readonly state: SandboxState;
}

export interface S3Response {
	readonly status: number;
	readonly headers?: Record<string, string>;
	readonly body?: string | Buffer;
	/** True when the request changed the state (saved before the response is sent). */
	readonly changed?: boolean;
}

export const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function xmlResponse(body: string, status = 200, headers: Record<string, string> = {}): S3Response {
	return {
		status,
		headers: { 'Content-Type': 'application/xml', ...headers },
		body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
	};
}

/** Reads the text of the first `<name>` element of a small request body (S3 configuration documents). */
export function xmlField(body: string, name: string): string | undefined {
	const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(body);
	return match?.[1]?.trim();
}

export function xmlFields(body: string, name: string): string[] {
	return [...body.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`, 'g'))].map((m) =>
		unescapeXml(m[1] ?? ''),
	);
}

export function unescapeXml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
		.replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
		.replace(/&amp;/g, '&');
}
