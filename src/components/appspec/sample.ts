/**
 * How a lesson's AppSpec sample is read and checked against its declared codes; shared by the component (the
 * build fails on a mismatch) and the sample test (test/unit/appspec-samples), so both apply the same rule.
 */

/** A sample as the learner sees it: without the newline after the opening backtick, ending with one newline. */
export function normalizeSample(source: string): string {
	const body = source.replace(/^\r?\n/, '').replace(/\s+$/, '');
	return `${body}\n`;
}

/** The declared codes match when the sets of distinct codes are equal (order and repetition do not matter). */
export function sameCodes(actual: readonly string[], declared: readonly string[]): boolean {
	const a = [...new Set(actual)].sort();
	const b = [...new Set(declared)].sort();
	return a.length === b.length && a.every((code, i) => code === b[i]);
}
