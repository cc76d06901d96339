/** One block of `npm run bench` output. Every labs/bench/<area>.ts exports `bench(): Promise<BenchSection>`. */
export interface BenchSection {
	readonly title: string;
	readonly rows: readonly { readonly name: string; readonly value: string }[];
}

export function printSection(section: BenchSection): void {
	const width = Math.max(...section.rows.map((row) => row.name.length), 10);
	console.log(`\n## ${section.title}`);
	for (const row of section.rows) console.log(`  ${row.name.padEnd(width)}  ${row.value}`);
}

/** Median and 95th percentile of repeated measurements, in the unit they were taken. */
export function summarize(samples: readonly number[]): { median: number; p95: number } {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
	return { median: at(0.5), p95: at(0.95) };
}
