import { AwsError, validationError } from './errors.ts';
import { escapeXml } from './xml.ts';

/** awsQuery parameters (form body, or query string for GET): `Name=value`, lists as `Name.member.N`. */
export class Params {
	readonly #values: Map<string, string>;

	constructor(values: Map<string, string>) {
		this.#values = values;
	}

	static parse(...sources: string[]): Params {
		const values = new Map<string, string>();
		for (const source of sources) for (const [k, v] of new URLSearchParams(source)) values.set(k, v);
		return new Params(values);
	}

	get(name: string): string | undefined {
		return this.#values.get(name);
	}

	/** IAM's "must not be null" validation error, with the member name in lower camel case as AWS writes it. */
	required(name: string): string {
		const value = this.#values.get(name);
		if (value === undefined || value === '')
			throw validationError(
				`1 validation error detected: Value null at '${name[0]!.toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`,
			);
		return value;
	}

	list(name: string): string[] {
		const out: string[] = [];
		for (let i = 1; this.#values.has(`${name}.member.${i}`); i++)
			out.push(this.#values.get(`${name}.member.${i}`)!);
		return out;
	}

	int(name: string): number | undefined {
		const value = this.#values.get(name);
		if (value === undefined) return undefined;
		const n = Number(value);
		if (!Number.isInteger(n)) throw validationError(`Invalid value for ${name}: ${value}`);
		return n;
	}

	bool(name: string): boolean | undefined {
		const value = this.#values.get(name);
		return value === undefined ? undefined : value === 'true';
	}
}

export interface Page<T> {
	readonly items: T[];
	/** `<IsTruncated>…</IsTruncated>` and, when truncated, `<Marker>…</Marker>`. */
	readonly tail: string;
}

/** IAM pagination: `MaxItems` (1–1000, default 100), an opaque `Marker`, `IsTruncated` (reference §4.6). */
export function paginate<T>(items: readonly T[], params: Params): Page<T> {
	const max = params.int('MaxItems') ?? 100;
	if (max < 1 || max > 1000)
		throw validationError(
			`1 validation error detected: Value '${max}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`,
		);
	const marker = params.get('Marker');
	let start = 0;
	if (marker !== undefined) {
		const decoded = Number(
			Buffer.from(marker, 'base64url')
				.toString('utf8')
				.replace(/^page:/, ''),
		);
		if (!Number.isInteger(decoded) || decoded < 0) throw new AwsError('InvalidInput', 400, 'Invalid Marker.');
		start = decoded;
	}
	const slice = items.slice(start, start + max);
	const next = start + slice.length;
	const truncated = next < items.length;
	const tail = truncated
		? `<IsTruncated>true</IsTruncated><Marker>${escapeXml(Buffer.from(`page:${next}`).toString('base64url'))}</Marker>`
		: '<IsTruncated>false</IsTruncated>';
	return { items: slice, tail };
}

export const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** `<OpResponse><OpResult>…</OpResult><ResponseMetadata>…` — the Result wrapper is mandatory for the JS SDK (§4.3). */
export function queryResponse(
	namespace: string,
	action: string,
	result: string | undefined,
	requestId: string,
): string {
	const body = result === undefined ? '' : `<${action}Result>${result}</${action}Result>`;
	return `<${action}Response xmlns="${namespace}">${body}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function queryError(namespace: string, error: AwsError, requestId: string): string {
	const type = error.status >= 500 ? 'Receiver' : 'Sender';
	return `<ErrorResponse xmlns="${namespace}"><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}
