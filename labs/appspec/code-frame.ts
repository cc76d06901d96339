import type { Range } from '../../src/lib/appspec/index.ts';

/**
 * A few lines of source around `range`, with line numbers and a caret line under the offending text, e.g.
 *     7 |     object: /app
 *   > 8 |     mode: 0644
 *       |           ^^^^
 */
export function codeFrame(source: string, range: Range, context = 1): string {
	const lines = source.split(/\r\n|\r|\n/);
	const first = Math.max(1, range.start.line - context);
	const last = Math.min(lines.length, range.start.line + context);
	const width = String(last).length;
	const out: string[] = [];
	for (let n = first; n <= last; n++) {
		const text = (lines[n - 1] ?? '').replaceAll('\t', ' ');
		const marker = n === range.start.line ? '>' : ' ';
		out.push(`${marker} ${String(n).padStart(width)} | ${text}`.trimEnd());
		if (n === range.start.line) {
			const end = range.end.line === n ? range.end.column : text.length + 1;
			const carets = '^'.repeat(Math.max(1, end - range.start.column));
			out.push(`  ${' '.repeat(width)} | ${' '.repeat(range.start.column - 1)}${carets}`);
		}
	}
	return out.join('\n');
}
