/**
 * Ruby conversions the agent applies to AppSpec values, reproduced so verdicts match the agent exactly.
 */

/** `String#to_i` / `Integer#to_i` / `Float#to_i`: leading integer, else 0 (`"300s"` → 300, `"foo"` → 0). */
export function rubyToI(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0;
	if (typeof value !== 'string') return undefined;
	const match = /^\s*([-+]?)(\d+(?:_\d+)*)/.exec(value);
	if (!match) return 0;
	const digits = (match[2] ?? '0').replaceAll('_', '');
	return Number(digits) * (match[1] === '-' ? -1 : 1);
}

/** `to_s` of a YAML scalar as Psych would have typed it: floats keep their `.0`. */
export function rubyToS(value: unknown, sourceText: string): string {
	if (typeof value === 'number') {
		const looksFloat = /[.eE]/.test(sourceText) && !/^[-+]?0x/i.test(sourceText);
		if (looksFloat && Number.isInteger(value)) return `${value}.0`;
		return String(value);
	}
	if (value === null || value === undefined) return '';
	return String(value);
}
