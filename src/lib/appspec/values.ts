import type { Path } from './locate.ts';

/** YAML words for what a value is, used in params (the same in both languages). */
export function kindOf(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return 'list';
	if (typeof value === 'object') return 'map';
	return typeof value;
}

/** A short printable form of a value for messages; long values are cut. */
export function describeValue(value: unknown): string {
	if (value === undefined || value === null) return '';
	let text: string;
	try {
		text = typeof value === 'object' ? (JSON.stringify(value) ?? '') : String(value);
	} catch {
		text = kindOf(value); // a cyclic structure built from YAML aliases
	}
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `hooks.BeforeInstall[0].location` */
export function pathText(path: Path): string {
	return path
		.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
		.join('');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
