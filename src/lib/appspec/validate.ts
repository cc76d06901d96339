import { isMap } from 'yaml';
import { buildDiagnostic, RuleContext } from './context.ts';
import { detectPlatform } from './detect.ts';
import { LIMITS } from './limits.ts';
import { parseYaml } from './parse.ts';
import { LineIndex } from './positions.ts';
import { RULES } from './rules/index.ts';
import { checkShape } from './shape.ts';
import type { Diagnostic, Platform, ValidateOptions, ValidationResult } from './types.ts';
import { kindOf } from './values.ts';

/**
 * Validates an AppSpec (YAML or JSON) the way AWS would: the agent for EC2/on-premises, the service for ECS
 * and Lambda. Three layers: YAML syntax → shape (zod) → semantic rules. Never throws, on any input.
 */
export function validateAppSpec(source: string, options: ValidateOptions = {}): ValidationResult {
	const text = typeof source === 'string' ? source : '';
	let platform: Platform = options.platform ?? detectPlatform(undefined, text);
	try {
		const parsed = parseYaml(text, platform);
		if (parsed.value === undefined || !parsed.doc)
			return finish(platform, undefined, parsed.diagnostics, text);
		platform = options.platform ?? detectPlatform(parsed.value, text);
		const ctx = new RuleContext({
			source: text,
			lines: parsed.lines,
			doc: parsed.doc,
			platform,
			os: options.os,
			value: parsed.value,
		});
		const diagnostics = [...parsed.diagnostics.map((d) => rebrand(d, platform))];
		if (checkRoot(ctx)) {
			checkShape(ctx);
			for (const rule of RULES) if (rule.platforms.includes(platform)) rule.check(ctx);
		}
		return finish(platform, parsed.value, [...diagnostics, ...ctx.diagnostics], text, ctx.dropped);
	} catch (error) {
		const lines = new LineIndex(text);
		const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		const code = error instanceof RangeError ? 'document-too-deep' : 'internal-error';
		const params = code === 'internal-error' ? { detail } : { limit: LIMITS.maxDepth };
		return { platform, diagnostics: [buildDiagnostic(code, lines.range(0, 0), params, platform)] };
	}
}

/** The document must be a map with something in it before shapes and rules mean anything. */
function checkRoot(ctx: RuleContext): boolean {
	const contents = ctx.doc.contents;
	if (ctx.value === null || ctx.value === undefined || contents === null) {
		ctx.report('document-empty', { range: ctx.lines.range(0, 0) });
		return false;
	}
	if (!isMap(contents) || kindOf(ctx.value) !== 'map') {
		ctx.report('document-not-map', { node: contents }, { received: kindOf(ctx.value) });
		return false;
	}
	return true;
}

/** YAML-layer diagnostics were built before the platform was known; agent quotes apply to EC2 only. */
function rebrand(diagnostic: Diagnostic, platform: Platform): Diagnostic {
	if (platform === 'server' || diagnostic.params['agentMessage'] === undefined) return diagnostic;
	const { agentMessage: _dropped, ...params } = diagnostic.params;
	return { ...diagnostic, params };
}

function finish(
	platform: Platform,
	value: unknown,
	diagnostics: Diagnostic[],
	source: string,
	dropped = 0,
): ValidationResult {
	const sorted = diagnostics.toSorted(
		(a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column,
	);
	let kept = sorted;
	if (sorted.length > LIMITS.maxDiagnostics || dropped > 0) {
		kept = sorted.slice(0, LIMITS.maxDiagnostics);
		const end = new LineIndex(source).range(source.length, source.length);
		const count = sorted.length - kept.length + dropped;
		kept.push(buildDiagnostic('too-many-diagnostics', end, { count }, platform));
	}
	return value === undefined ? { platform, diagnostics: kept } : { platform, value, diagnostics: kept };
}
