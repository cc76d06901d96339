import { isRecord } from './values.ts';

/** Safe readers for the plain data: never throw on an unexpected shape. */
export function field(value: unknown, key: string): unknown {
	return isRecord(value) ? value[key] : undefined;
}

export function list(value: unknown): readonly unknown[] {
	return Array.isArray(value) ? value : [];
}

export function entries(value: unknown): [string, unknown][] {
	return isRecord(value) ? Object.entries(value) : [];
}

/** The `os` the document declares, when it is one the agents know. */
export function declaredOs(root: unknown): 'linux' | 'windows' | undefined {
	const os = field(root, 'os');
	return os === 'linux' || os === 'windows' ? os : undefined;
}
