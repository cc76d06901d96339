import type { Position, Range } from './types.ts';

/**
 * Converts string offsets (UTF-16 code units, as JavaScript and the `yaml` package count them) into 1-based
 * line/column positions the way Monaco counts them: `\r\n`, `\n` and a lone `\r` each end a line.
 */
export class LineIndex {
	readonly #starts: number[];
	/** Where each line's text ends (before its line break). */
	readonly #ends: number[];
	readonly #length: number;

	constructor(source: string) {
		const starts = [0];
		const ends: number[] = [];
		for (let i = 0; i < source.length; i++) {
			const ch = source.charCodeAt(i);
			if (ch === 10 || ch === 13) {
				ends.push(i);
				if (ch === 13 && source.charCodeAt(i + 1) === 10) i++;
				starts.push(i + 1);
			}
		}
		ends.push(source.length);
		this.#starts = starts;
		this.#ends = ends;
		this.#length = source.length;
	}

	get lineCount(): number {
		return this.#starts.length;
	}

	/** Offset where 1-based `line` starts. */
	lineStart(line: number): number {
		return this.#starts[Math.min(Math.max(line, 1), this.#starts.length) - 1] ?? 0;
	}

	position(offset: number): Position {
		const clamped = Math.min(Math.max(0, Math.trunc(offset) || 0), this.#length);
		let low = 0;
		let high = this.#starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if ((this.#starts[mid] ?? 0) <= clamped) low = mid;
			else high = mid - 1;
		}
		// An offset between `\r` and `\n` is still the end of that line.
		const inLine = Math.min(clamped, this.#ends[low] ?? clamped);
		return { line: low + 1, column: inLine - (this.#starts[low] ?? 0) + 1 };
	}

	range(start: number, end: number): Range {
		const from = Math.min(Math.max(0, start), this.#length);
		return { start: this.position(from), end: this.position(Math.max(from, end)) };
	}
}

/** The last line of a document, for diagnostics about something missing at the end. */
export function documentStartRange(): Range {
	return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}
