import { isScalar, type Scalar } from 'yaml';
import type { z } from 'zod';
import type { AppSpecCode } from './codes.ts';
import type { RuleContext } from './context.ts';
import type { Path } from './locate.ts';
import type { Fix, FixTitleKey } from './types.ts';

/** A fix that replaces the whole scalar at `path` (quotes included) with `text`, written as is. */
export function replaceScalar(
	ctx: RuleContext,
	path: Path,
	text: string,
	title: FixTitleKey,
): Fix | undefined {
	const { node, found } = ctx.locate(path);
	if (!found || !isScalar(node) || !node.range) return undefined;
	return { title, edits: [{ range: ctx.lines.range(node.range[0], node.range[1]), text }] };
}

/** `text` in the same quotes as `node`, so a fix in a JSON AppSpec stays JSON. */
function sameQuotes(node: Scalar, text: string): string {
	if (node.type === 'QUOTE_DOUBLE') return JSON.stringify(text);
	if (node.type === 'QUOTE_SINGLE') return `'${text.replaceAll("'", "''")}'`;
	return text;
}

/** A fix that replaces the value at `path` with another string value, keeping its quoting style. */
export function replaceValue(
	ctx: RuleContext,
	path: Path,
	text: string,
	title: FixTitleKey,
): Fix | undefined {
	const { node, found } = ctx.locate(path);
	if (!found || !isScalar(node)) return undefined;
	return replaceScalar(ctx, path, sameQuotes(node, text), title);
}

/** A fix that renames the key of the pair at `path`, keeping its quoting style. */
export function renameKey(ctx: RuleContext, path: Path, text: string, title: FixTitleKey): Fix | undefined {
	const { key, found } = ctx.locate(path);
	if (!found || !isScalar(key) || !key.range) return undefined;
	const range = ctx.lines.range(key.range[0], key.range[1]);
	return { title, edits: [{ range, text: sameQuotes(key, text) }] };
}

/** The one value a near miss certainly meant: the only allowed value, or the one that differs only in case. */
export function certainValue(input: unknown, allowed: readonly unknown[]): string | undefined {
	if (typeof input !== 'string') return undefined;
	const strings = allowed.filter((v): v is string => typeof v === 'string');
	if (strings.length === 1 && allowed.length === 1) return strings[0];
	const folded = input.trim().toLowerCase();
	const matches = strings.filter((v) => v.toLowerCase() === folded);
	return matches.length === 1 ? matches[0] : undefined;
}

/** Certain fixes for shape-layer diagnostics. */
export function fixForCode(
	ctx: RuleContext,
	code: AppSpecCode,
	path: Path,
	input: unknown,
	issue?: z.core.$ZodIssue,
): Fix | undefined {
	switch (code) {
		case 'version-quoted':
			return replaceScalar(ctx, path, '0.0', 'fix-unquote-version');
		case 'os-invalid':
			return withValue(ctx, path, certainValue(input, ['linux', 'windows']));
		case 'file-exists-behavior-invalid':
			return withValue(ctx, path, certainValue(input, ['DISALLOW', 'OVERWRITE', 'RETAIN']));
		case 'value-not-allowed':
			return issue?.code === 'invalid_value'
				? withValue(ctx, path, certainValue(input, issue.values))
				: undefined;
		default:
			return undefined;
	}
}

function withValue(ctx: RuleContext, path: Path, value: string | undefined): Fix | undefined {
	return value === undefined ? undefined : replaceValue(ctx, path, value, 'fix-replace-value');
}
