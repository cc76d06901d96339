/** Bounds on hostile input (DESIGN.md, security posture): each gets a diagnostic, never a hang or a crash. */
export const LIMITS = {
	/** Bytes of UTF-8; real AppSpecs are a few kilobytes. */
	maxBytes: 1024 * 1024,
	/** Nesting levels; real AppSpecs use fewer than 12, and the parsers recurse once per level. */
	maxDepth: 100,
	/** Passed to the `yaml` package, which refuses to expand more aliases than this (billion-laughs bombs). */
	maxAliasCount: 100,
	/** Past this many diagnostics the rest are summarised. */
	maxDiagnostics: 200,
	/** Past this many, rules and the shape layer only count what they find (keeps hostile documents fast). */
	maxCollected: 1000,
} as const;

/** UTF-8 length without TextEncoder (not in the pure core's lib), stopping once past `limit`. */
export function utf8LengthExceeds(source: string, limit: number): boolean {
	if (source.length > limit) return true;
	if (source.length * 3 <= limit) return false;
	let bytes = 0;
	for (let i = 0; i < source.length; i++) {
		const code = source.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		else if (code >= 0xd800 && code <= 0xdbff) {
			bytes += 4;
			i++;
		} else bytes += 3;
		if (bytes > limit) return true;
	}
	return false;
}

/**
 * A cheap upper estimate of how deeply a YAML text nests (block indentation levels, compact `- ` entries and
 * flow brackets), scanned once without recursion so that it is safe on any input. Returns the offset where
 * `limit` is first exceeded, or -1.
 */
export function findExcessiveNesting(source: string, limit: number): number {
	const indents: number[] = [];
	let flow = 0;
	let lineStart = 0;
	while (lineStart <= source.length) {
		let lineEnd = source.indexOf('\n', lineStart);
		if (lineEnd === -1) lineEnd = source.length;
		const line = source.slice(lineStart, lineEnd);
		const found = scanLine(line, indents, flow, limit);
		if (found.over >= 0) return lineStart + found.over;
		flow = found.flow;
		lineStart = lineEnd + 1;
	}
	return -1;
}

function scanLine(line: string, indents: number[], flowDepth: number, limit: number) {
	let i = 0;
	while (line[i] === ' ') i++;
	const content = line.slice(i).trimEnd();
	if (content === '' || content.startsWith('#')) return { over: -1, flow: flowDepth };
	if (flowDepth === 0) {
		while (indents.length > 0 && (indents.at(-1) ?? 0) > i) indents.pop();
		if (indents.length === 0 || (indents.at(-1) ?? 0) < i) indents.push(i);
	}
	let compact = 0;
	let flow = flowDepth;
	let quote = '';
	for (let j = i; j < line.length; j++) {
		const ch = line[j];
		if (quote) {
			if (ch === quote) quote = '';
			continue;
		}
		const before = j === 0 ? ' ' : (line[j - 1] ?? ' ');
		if ((ch === '"' || ch === "'") && /[\s[{,:]/.test(before)) quote = ch;
		else if (ch === '#' && /\s/.test(before)) break;
		else if ((ch === '-' || ch === '?') && flow === 0 && /\s/.test(before) && /\s/.test(line[j + 1] ?? ' '))
			compact++;
		else if (ch === '[' || ch === '{') flow++;
		else if ((ch === ']' || ch === '}') && flow > 0) flow--;
		if (indents.length + compact + flow > limit) return { over: j, flow };
	}
	return { over: -1, flow };
}
