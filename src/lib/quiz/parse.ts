import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { quizSchema, type QuizFile } from './schema.ts';

/** A problem in a quiz file, located so the build error names the file, the line and the field. */
export interface QuizFileError {
	readonly file: string;
	readonly line: number;
	readonly column: number;
	/** Dotted path of the offending field, e.g. `questions.3.options.0.explanation.fr` (empty for syntax errors). */
	readonly field: string;
	readonly message: string;
	/** A finding code for the linter: `no-correct-answer`, `missing-explanation`, `duplicate-id`, `invalid-file`. */
	readonly code: string;
}

export type QuizParseResult =
	| {
			readonly ok: true;
			readonly quiz: QuizFile;
			readonly lineOf: (path: readonly (string | number)[]) => number;
	  }
	| { readonly ok: false; readonly errors: readonly QuizFileError[] };

/** Limits for authored files: generous for a quiz, small enough to refuse a runaway document. */
const MAX_SOURCE_LENGTH = 1_000_000;

/**
 * Parses one `content/quizzes/<id>.yaml` and validates it. YAML is parsed keeping node positions, and each
 * zod issue path is walked back to the deepest node that exists, so a missing field points at its parent.
 * `lineOf` lets later checks (lint) locate a field of a valid file too.
 */
export function parseQuizSource(source: string, file: string): QuizParseResult {
	if (source.length > MAX_SOURCE_LENGTH) {
		return {
			ok: false,
			errors: [{ file, line: 1, column: 1, field: '', message: 'file is too large', code: 'invalid-file' }],
		};
	}
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
	if (doc.errors.length > 0) {
		return {
			ok: false,
			errors: doc.errors.map((error) => {
				const pos = lineCounter.linePos(error.pos[0]);
				return {
					file,
					line: pos.line,
					column: pos.col,
					field: '',
					code: 'invalid-file',
					message: error.message.split('\n')[0] ?? '',
				};
			}),
		};
	}
	const located = (path: readonly (string | number)[]) => lineCounter.linePos(offsetOf(doc, path));
	const raw: unknown = doc.toJS({ maxAliasCount: 100 });
	const parsed = quizSchema.safeParse(raw);
	const strays = strayTextKeys(raw, []).map((path) => {
		const pos = located(path);
		const field = path.join('.');
		const message = `unexpected key beside fr/en (a comma inside an unquoted { fr: …, en: … } text?)`;
		return { file, line: pos.line, column: pos.col, field, message, code: 'invalid-file' };
	});
	if (parsed.success && strays.length === 0)
		return { ok: true, quiz: parsed.data, lineOf: (path) => located(path).line };
	if (parsed.success) return { ok: false, errors: strays };
	return {
		ok: false,
		errors: parsed.error.issues.map((issue) => {
			const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
			const pos = located(path);
			const field = path.join('.');
			return {
				file,
				line: pos.line,
				column: pos.col,
				field,
				message: issueMessage(issue),
				code: issueCode(issue, path),
			};
		}),
	};
}

/**
 * Paths of extra keys in `{ fr, en }` texts. `localized()` ignores unknown keys, so a flow map such as
 * `{ fr: Non, c'est faux, en: No }` would silently cut the French text at the comma; this catches it.
 */
function strayTextKeys(node: unknown, path: (string | number)[]): (string | number)[][] {
	if (Array.isArray(node)) return node.flatMap((item, index) => strayTextKeys(item, [...path, index]));
	if (typeof node !== 'object' || node === null) return [];
	const keys = Object.keys(node);
	// A lesson reference `{ page, fr, en }` is the one object that legitimately has more than fr and en.
	const allowed = path.at(-1) === 'lesson' ? ['fr', 'en', 'page'] : ['fr', 'en'];
	if (keys.includes('fr') && keys.includes('en')) {
		return keys.filter((key) => !allowed.includes(key)).map((key) => [...path, key]);
	}
	return keys.flatMap((key) => strayTextKeys((node as Record<string, unknown>)[key], [...path, key]));
}

function issueCode(
	issue: { code: string; params?: Record<string, unknown> | undefined },
	path: (string | number)[],
): string {
	const code = issue.params?.['code'];
	if (typeof code === 'string') return code;
	const explanation = path.includes('explanation');
	return explanation && issue.code === 'invalid_type' ? 'missing-explanation' : 'invalid-file';
}

function issueMessage(issue: { message: string; code: string; keys?: readonly string[] }): string {
	if (issue.code === 'unrecognized_keys' && issue.keys) return `unknown field(s): ${issue.keys.join(', ')}`;
	return issue.message;
}

/** Offset of the deepest existing node on `path`. */
function offsetOf(doc: Document, path: readonly (string | number)[]): number {
	for (let depth = path.length; depth >= 0; depth--) {
		const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
		if (isNode(node) && node.range) return node.range[0];
	}
	return 0;
}

/** `file:line:column field: message`, one per line: the build failure and the CLI print this. */
export function formatQuizFileErrors(errors: readonly QuizFileError[]): string {
	return errors
		.map((e) => `${e.file}:${e.line}:${e.column}${e.field ? ` ${e.field}` : ''}: ${e.message}`)
		.join('\n');
}
