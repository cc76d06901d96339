/** Edit distance, bounded: stops early once every path is over `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			const value = Math.min(
				(previous[j] ?? 0) + 1,
				(current[j - 1] ?? 0) + 1,
				(previous[j - 1] ?? 0) + cost,
			);
			current.push(value);
			rowMin = Math.min(rowMin, value);
		}
		if (rowMin > max) return max + 1;
		previous = current;
	}
	return previous[b.length] ?? max + 1;
}

/**
 * The name `input` was most likely meant to be: a case-insensitive match, else the unique closest name within a
 * few edits (about a third of the name). Undefined when nothing is close or two names tie.
 */
export function nearestName(input: string, names: readonly string[]): string | undefined {
	const folded = input.toLowerCase();
	const sameLetters = names.filter((name) => name.toLowerCase() === folded);
	if (sameLetters.length === 1) return sameLetters[0];
	const max = Math.max(1, Math.min(3, Math.floor(input.length / 3)));
	let best: string | undefined;
	let bestDistance = max + 1;
	let tie = false;
	for (const name of names) {
		const distance = editDistance(folded, name.toLowerCase(), max);
		if (distance < bestDistance) {
			best = name;
			bestDistance = distance;
			tie = false;
		} else if (distance === bestDistance) tie = true;
	}
	return bestDistance <= max && !tie ? best : undefined;
}
