/**
 * The grade values Moodle accepts for an answer (`question_bank::fraction_options_full`), as fractions of
 * the question's mark. An import rejects any other value, so a split of 3 must be 0.3333333, never 0.33.
 */
export const MOODLE_FRACTIONS: readonly number[] = [
	1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667,
	0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0,
];

const TOLERANCE = 1e-6;

/** True when `value` (between -1 and 1) is one of Moodle's grades or its negative. */
export function isMoodleFraction(value: number): boolean {
	return MOODLE_FRACTIONS.some((grade) => Math.abs(Math.abs(value) - grade) < TOLERANCE);
}

/** The Moodle grade closest to `value`, keeping its sign; throws when none is within rounding distance. */
export function toMoodleFraction(value: number): number {
	const grade = MOODLE_FRACTIONS.find((candidate) => Math.abs(Math.abs(value) - candidate) < TOLERANCE);
	if (grade === undefined) throw new RangeError(`${value} is not a grade Moodle accepts`);
	return value < 0 ? -grade : grade;
}

/** A Moodle grade written as the percentage both Moodle XML and GIFT use, e.g. `33.33333` or `-50`. */
export function moodlePercent(value: number): string {
	const percent = toMoodleFraction(value) * 100;
	const text = percent.toFixed(5).replace(/\.?0+$/, '');
	return text === '-0' ? '0' : text;
}
