import { expect } from 'vitest';
import { validateAppSpec } from '../../../src/lib/appspec/index.ts';
import type { AppSpecCode, Diagnostic, ValidateOptions } from '../../../src/lib/appspec/index.ts';

/** Joins lines so positions in tests are easy to read. */
export const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

export const SERVER_HEAD = ['version: 0.0', 'os: linux'];

export function codes(source: string, options: ValidateOptions = {}): AppSpecCode[] {
	return validateAppSpec(source, options).diagnostics.map((d) => d.code);
}

/** The only diagnostic with `code`; fails when there is none or more than one. */
export function only(source: string, code: AppSpecCode, options: ValidateOptions = {}): Diagnostic {
	const found = validateAppSpec(source, options).diagnostics.filter((d) => d.code === code);
	expect(found, `expected exactly one ${code}`).toHaveLength(1);
	return found[0] as Diagnostic;
}

/** Asserts one diagnostic `code` starting at line:column (and ending at endColumn on the same line if given). */
export function expectAt(
	source: string,
	code: AppSpecCode,
	line: number,
	column: number,
	options: ValidateOptions = {},
	endColumn?: number,
): Diagnostic {
	const d = only(source, code, options);
	expect(d.range.start).toEqual({ line, column });
	if (endColumn !== undefined) expect(d.range.end).toEqual({ line, column: endColumn });
	return d;
}

export function expectNone(source: string, code: AppSpecCode, options: ValidateOptions = {}): void {
	expect(codes(source, options)).not.toContain(code);
}
