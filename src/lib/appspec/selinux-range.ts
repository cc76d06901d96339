/**
 * The agent's SELinux range grammar (reference §1.6.4): `s<n>[-s<m>][:c<a>[.c<b>][,...]]`, m ≥ n, categories
 * ≤ 1023, no duplicates. Returns the agent's own short message for the first problem, or undefined when valid.
 */
export function selinuxRangeProblem(range: string): string | undefined {
	try {
		parseRange(range);
		return undefined;
	} catch (problem) {
		return problem instanceof RangeProblem ? problem.message : String(problem);
	}
}

class RangeProblem extends Error {}

function parts(input: string, separator: string): string[] {
	const index = input.indexOf(separator);
	const split = index === -1 ? [input] : [input.slice(0, index), input.slice(index + separator.length)];
	if (split.some((part) => part === '')) throw new RangeProblem(`invalid range part ${input}`);
	return split;
}

function level(text: string | undefined, prefix: 's' | 'c'): number {
	const kind = prefix === 's' ? 'sensitivity' : 'category';
	if (text === undefined || text.length < 2 || !text.startsWith(prefix))
		throw new RangeProblem(`invalid ${kind} ${text ?? ''}`);
	const digits = text.replace(prefix, '');
	if (!/^\d*$/.test(digits)) throw new RangeProblem(`invalid ${kind} ${text}`);
	const value = Number(digits || '0');
	if (prefix === 'c' && value > 1023) throw new RangeProblem(`invalid category ${text}`);
	return value;
}

function parseRange(range: string): void {
	const [sensitivity = '', categories] = parts(range, ':');
	const [low, high] = parts(sensitivity, '-');
	const lowLevel = level(low, 's');
	if (high !== undefined && level(high, 's') < lowLevel) {
		throw new RangeProblem(
			`The deployment failed because of a problem with the SELinux range specified (${range}) for the context parameter in the permissions section of the application specification file. Make corrections in the permissions section of the AppSpec file, and then try again.`,
		);
	}
	if (categories === undefined) return;
	const numbers: number[] = [];
	for (const part of categories.split(',')) {
		if (!part.includes('.')) {
			numbers.push(level(part, 'c'));
			continue;
		}
		const [from, to] = parts(part, '.');
		const a = level(from, 'c');
		const b = level(to, 'c');
		if (b < a) throw new RangeProblem(`invalid category range ${from ?? ''}.${to ?? ''}`);
		for (let c = a; c <= b; c++) numbers.push(c);
	}
	if (new Set(numbers).size !== numbers.length) throw new RangeProblem('duplicate categories');
}
