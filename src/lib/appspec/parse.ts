import { isMap, isPair, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { AppSpecCode } from './codes.ts';
import { buildDiagnostic } from './context.ts';
import { LIMITS, findExcessiveNesting, utf8LengthExceeds } from './limits.ts';
import { keyText } from './locate.ts';
import { LineIndex } from './positions.ts';
import type { Diagnostic, Platform } from './types.ts';

export interface ParsedYaml {
	lines: LineIndex;
	doc?: Document;
	/** Present when the YAML layer succeeded: the data AWS's parser would see. */
	value?: unknown;
	diagnostics: Diagnostic[];
}

/**
 * Layer 1: YAML syntax. AppSpecs are read as YAML 1.1 (Ruby's Psych, used by the agent, is a 1.1 parser:
 * `0644` is octal) with duplicate keys allowed (the last one silently wins, as in Psych); both are then
 * reported by the rules. JSON is YAML, so it goes through the same path.
 */
export function parseYaml(source: string, platformHint: Platform): ParsedYaml {
	const lines = new LineIndex(source);
	const fail = (code: AppSpecCode, start: number, end: number, params = {}) => ({
		lines,
		diagnostics: [buildDiagnostic(code, lines.range(start, end), params, platformHint)],
	});
	if (utf8LengthExceeds(source, LIMITS.maxBytes)) {
		return fail('document-too-large', 0, 0, { limit: LIMITS.maxBytes });
	}
	const deepAt = findExcessiveNesting(source, LIMITS.maxDepth);
	if (deepAt >= 0) return fail('document-too-deep', deepAt, deepAt + 1, { limit: LIMITS.maxDepth });

	const doc = parseDocument(source, { version: '1.1', uniqueKeys: false, prettyErrors: false });
	const diagnostics = [
		...doc.errors
			.slice(0, LIMITS.maxCollected)
			.map((error) => yamlErrorDiagnostic(error, lines, platformHint, source.length)),
		...doc.warnings
			.slice(0, LIMITS.maxCollected)
			.map((warning) =>
				buildDiagnostic(
					'yaml-warning',
					lines.range(warning.pos[0], warning.pos[1]),
					{ detail: warning.message },
					platformHint,
				),
			),
	];
	if (doc.errors.length > 0) return { lines, doc, diagnostics };
	alignWithPsych(doc, source);
	try {
		const value: unknown = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
		diagnostics.push(...duplicateKeyDiagnostics(doc, lines, platformHint));
		return { lines, doc, value, diagnostics };
	} catch (error) {
		const code = error instanceof ReferenceError ? 'yaml-alias-limit' : 'yaml-syntax';
		const detail = error instanceof Error ? error.message : String(error);
		diagnostics.push(
			buildDiagnostic(code, lines.range(0, 0), { detail, limit: LIMITS.maxAliasCount }, platformHint),
		);
		return { lines, doc, diagnostics };
	}
}

/**
 * Where the `yaml` package's YAML 1.1 schema types a plain scalar differently from Psych (the agent's parser),
 * follow Psych: its float pattern has every part optional, so `E1` or `.` become NaN (only `.nan` is NaN in
 * Psych), and it reads `y`/`n` as booleans (Psych keeps them strings).
 */
function alignWithPsych(doc: Document, source: string): void {
	visit(doc, {
		Scalar(_, node) {
			if (node.type !== 'PLAIN' || !node.range) return;
			const falseNaN = typeof node.value === 'number' && Number.isNaN(node.value);
			const falseBoolean = typeof node.value === 'boolean';
			if (!falseNaN && !falseBoolean) return;
			const text = source.slice(node.range[0], node.range[1]);
			if (falseNaN && !/^[-+]?\.nan$/i.test(text)) node.value = text;
			if (falseBoolean && /^[yn]$/i.test(text)) node.value = text;
		},
	});
}

function yamlErrorDiagnostic(
	error: YAMLError,
	lines: LineIndex,
	platform: Platform,
	length: number,
): Diagnostic {
	const code: AppSpecCode =
		error.code === 'TAB_AS_INDENT'
			? 'yaml-tab-indent'
			: error.code === 'MULTIPLE_DOCS'
				? 'yaml-multiple-documents'
				: 'yaml-syntax';
	const start = Math.min(error.pos[0], length);
	const end = Math.max(start + 1, Math.min(error.pos[1], length));
	const detail = error.message.split('\n')[0] ?? error.code;
	return buildDiagnostic(code, lines.range(start, end), { detail, yamlCode: error.code }, platform);
}

/** Psych keeps the last of duplicated keys without a word; say so on every earlier occurrence. */
function duplicateKeyDiagnostics(doc: Document, lines: LineIndex, platform: Platform): Diagnostic[] {
	const found: Diagnostic[] = [];
	visit(doc, {
		Map(_, map) {
			if (!isMap(map)) return;
			const last = new Map<string, number>();
			map.items.forEach((pair, index) => {
				if (isPair(pair)) last.set(keyText(pair.key), index);
			});
			map.items.forEach((pair, index) => {
				if (!isPair(pair)) return;
				const key = keyText(pair.key);
				const winner = map.items[last.get(key) ?? index];
				if (last.get(key) === index || !winner || found.length >= LIMITS.maxCollected) return;
				const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
				const winnerRange = (winner.key as { range?: [number, number, number] } | null)?.range;
				if (!keyRange) return;
				const range = lines.range(keyRange[0], keyRange[1]);
				const winnerLine = winnerRange ? lines.position(winnerRange[0]).line : 0;
				found.push(buildDiagnostic('key-duplicate', range, { key, line: winnerLine }, platform));
			});
		},
	});
	return found;
}
