import type { Document, Node } from 'yaml';
import { AGENT_MESSAGES } from './agent-messages.ts';
import { CODE_SEVERITY, type AppSpecCode } from './codes.ts';
import { format } from '../i18n/localized.ts';
import { LIMITS } from './limits.ts';
import { locate, nodeRange, sourceText, type Located, type Path } from './locate.ts';
import type { LineIndex } from './positions.ts';
import type { Diagnostic, DiagnosticParams, Fix, Platform, Range, TargetOs } from './types.ts';

/** Where a diagnostic goes: a data path (its value, or its key with `on: 'key'`), a node, or a range. */
export type Target =
	{ path: Path; on?: 'key' | 'value' } | { node: Node | undefined; key?: Node } | { range: Range };

/** Everything a rule needs: the plain data AWS would see, the tree for positions, and a way to report. */
export class RuleContext {
	readonly source: string;
	readonly lines: LineIndex;
	readonly doc: Document;
	readonly platform: Platform;
	readonly os: TargetOs | undefined;
	readonly value: unknown;
	readonly diagnostics: Diagnostic[] = [];
	/** Diagnostics found past `LIMITS.maxCollected`, counted but not built. */
	dropped = 0;

	constructor(init: {
		source: string;
		lines: LineIndex;
		doc: Document;
		platform: Platform;
		os: TargetOs | undefined;
		value: unknown;
	}) {
		this.source = init.source;
		this.lines = init.lines;
		this.doc = init.doc;
		this.platform = init.platform;
		this.os = init.os;
		this.value = init.value;
	}

	locate(path: Path): Located {
		return locate(this.doc, path);
	}

	/** The source text of the value at `path` ('' when absent). */
	text(path: Path): string {
		const found = this.locate(path);
		return found.found ? sourceText(this.source, found.node) : '';
	}

	rangeOf(target: Target): Range {
		if ('range' in target) return target.range;
		if ('node' in target)
			return nodeRange(this.source, this.lines, target.node, target.key) ?? this.fallbackRange();
		const found = this.locate(target.path);
		const onKey = target.on === 'key' || !found.found;
		const preferred = onKey && found.key ? found.key : found.node;
		return nodeRange(this.source, this.lines, preferred, found.key) ?? this.fallbackRange();
	}

	/** The whole first non-empty line: for things missing from the document itself. */
	fallbackRange(): Range {
		const match = /\S[^\r\n]*/.exec(this.source);
		if (!match) return this.lines.range(0, 0);
		return this.lines.range(match.index, match.index + match[0].trimEnd().length);
	}

	get full(): boolean {
		return this.diagnostics.length >= LIMITS.maxCollected;
	}

	report(code: AppSpecCode, target: Target, params: DiagnosticParams = {}, fix?: Fix): void {
		if (this.full) {
			this.dropped++;
			return;
		}
		this.diagnostics.push(buildDiagnostic(code, this.rangeOf(target), params, this.platform, fix));
	}
}

/** Builds a diagnostic; on EC2/on-premises errors it adds the agent's own message as `params.agentMessage`. */
export function buildDiagnostic(
	code: AppSpecCode,
	range: Range,
	params: DiagnosticParams,
	platform: Platform,
	fix?: Fix,
): Diagnostic {
	const agentTemplate = platform === 'server' ? AGENT_MESSAGES[code] : undefined;
	const allParams =
		agentTemplate && params['agentMessage'] === undefined
			? { ...params, agentMessage: format(agentTemplate, params) }
			: params;
	const diagnostic: Diagnostic = { code, severity: CODE_SEVERITY[code], params: allParams, range };
	if (fix) diagnostic.fix = fix;
	return diagnostic;
}
