import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

/** A problem in an authored data file, located so the build error names file, line and field. */
export interface DataFileError {
	readonly file: string;
	readonly line: number;
	readonly column: number;
	/** Dotted path of the offending field, e.g. `questions.3.options.0.explanation.fr`. */
	readonly field: string;
	readonly message: string;
}

export type DataFileResult<T> = { ok: true; value: T } | { ok: false; errors: DataFileError[] };

/**
 * Parses an authored YAML data file (glossary, quiz, lab) and validates it with a zod schema, keeping the
 * position of every node so each schema issue points at the line of the field that is wrong.
 */
export function parseYamlData<S extends z.ZodType>(
	source: string,
	schema: S,
	file: string,
): DataFileResult<z.output<S>> {
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter, prettyErrors: false });
	if (doc.errors.length > 0) {
		return {
			ok: false,
			errors: doc.errors.map((error) => {
				const pos = lineCounter.linePos(error.pos[0]);
				return { file, line: pos.line, column: pos.col, field: '', message: error.message };
			}),
		};
	}
	const result = schema.safeParse(doc.toJS());
	if (result.success) return { ok: true, value: result.data };
	return {
		ok: false,
		errors: result.error.issues.map((issue) => {
			const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
			const pos = lineCounter.linePos(offsetOf(doc, path));
			return { file, line: pos.line, column: pos.col, field: path.join('.'), message: issue.message };
		}),
	};
}

/** The offset of the deepest node of `path` that exists (a missing field points at its parent). */
function offsetOf(doc: Document, path: readonly (string | number)[]): number {
	for (let depth = path.length; depth >= 0; depth--) {
		const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
		if (isNode(node) && node.range) return node.range[0];
	}
	return 0;
}

/** One line per error, `file:line:column field: message`, for build failures and CLI output. */
export function formatDataFileErrors(errors: readonly DataFileError[]): string {
	return errors
		.map((e) => `${e.file}:${e.line}:${e.column}${e.field ? ` ${e.field}` : ''}: ${e.message}`)
		.join('\n');
}
