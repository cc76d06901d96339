/**
 * JSON Schema descriptions carry both course languages in one string, because VS Code shows one description.
 * French first (the course's default language).
 */
export function bi(fr: string, en: string): { description: string } {
	return { description: `${fr} / ${en}` };
}

/**
 * Custom zod error: returns one of our diagnostic codes as the issue message (the shape layer turns it into a
 * diagnostic), or `undefined` to keep zod's generic issue.
 */
export function codeWhen(pick: (input: unknown) => string | undefined): {
	error: (issue: { input?: unknown }) => string | undefined;
} {
	return { error: (issue) => pick(issue.input) };
}

export const isMissing = (input: unknown): boolean => input === undefined || input === null;
export const isPlainMap = (input: unknown): boolean =>
	typeof input === 'object' && input !== null && !Array.isArray(input);
