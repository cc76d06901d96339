import { parseDocument } from 'yaml';
import { validateAppSpec } from '../../src/lib/appspec/index.ts';

export interface BenchSection {
	title: string;
	rows: { name: string; value: string }[];
}

/** A typical 30-line EC2 AppSpec: files, permissions, five hooks. */
export function smallAppSpec(): string {
	const lines = [
		'version: 0.0',
		'os: linux',
		'files:',
		'  - source: /',
		'    destination: /var/www/html',
		'file_exists_behavior: OVERWRITE',
		'permissions:',
		'  - object: /var/www/html',
		'    owner: apache',
		'    group: apache',
		'    mode: "0755"',
		'    acls: ["u:deploy:rwx"]',
		'    type: [directory]',
		'hooks:',
		'  ApplicationStop:',
		'    - location: scripts/stop.sh',
		'      timeout: 300',
		'  BeforeInstall:',
		'    - location: scripts/deps.sh',
		'      timeout: 300',
		'  AfterInstall:',
		'    - location: scripts/configure.sh',
		'      timeout: 120',
		'  ApplicationStart:',
		'    - location: scripts/start.sh',
		'      timeout: 300',
		'  ValidateService:',
		'    - location: scripts/check.sh',
		'      timeout: 60',
		'      runas: root',
	];
	return `${lines.join('\n')}\n`;
}

/** A 1,000-line EC2 AppSpec: many files, permissions and scripts (every rule has work to do). */
export function largeAppSpec(): string {
	const lines = ['version: 0.0', 'os: linux', 'files:'];
	for (let i = 0; i < 150; i++)
		lines.push(`  - source: app/module${i}`, `    destination: /opt/app/module${i}`);
	lines.push('permissions:');
	for (let i = 0; i < 80; i++) {
		lines.push(
			`  - object: /opt/app/module${i}`,
			'    mode: "0750"',
			`    acls: ["u:user${i}:rwx", "d:g:web:r-x"]`,
		);
	}
	lines.push('hooks:');
	const events = ['BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'];
	for (const event of events) {
		lines.push(`  ${event}:`);
		for (let i = 0; lines.length < 1000 && i < 100; i++) {
			lines.push(`    - location: scripts/${event}/${i}.sh`, '      timeout: 30');
		}
	}
	return `${lines.slice(0, 1000).join('\n')}\n`;
}

interface Timing {
	median: number;
	p95: number;
}

/**
 * Times `a` and `b` in alternation (a b, b a, …) after a warm-up, so that both see the same JIT state, GC
 * pressure and machine load; a ratio of separately timed loops is mostly noise on a busy machine.
 */
function measurePair(runs: number, a: () => unknown, b: () => unknown): [Timing, Timing] {
	for (let i = 0; i < Math.min(100, runs); i++) {
		a();
		b();
	}
	const times: [number[], number[]] = [[], []];
	const time = (work: () => unknown, into: number[]) => {
		const start = performance.now();
		work();
		into.push(performance.now() - start);
	};
	for (let i = 0; i < runs; i++) {
		if (i % 2 === 0) {
			time(a, times[0]);
			time(b, times[1]);
		} else {
			time(b, times[1]);
			time(a, times[0]);
		}
	}
	return [summarise(times[0]), summarise(times[1])];
}

function summarise(times: number[]): Timing {
	const sorted = times.toSorted((x, y) => x - y);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
	return { median: at(0.5), p95: at(0.95) };
}

const ms = (value: number) => `${value.toFixed(3)} ms`;

export async function bench(): Promise<BenchSection> {
	const rows: BenchSection['rows'] = [];
	for (const [label, source, runs] of [
		['30-line AppSpec', smallAppSpec(), 2000],
		['1,000-line AppSpec', largeAppSpec(), 300],
	] as const) {
		const lineCount = source.split('\n').length - 1;
		const errors = validateAppSpec(source).diagnostics.filter((d) => d.severity === 'error').length;
		if (errors > 0) throw new Error(`bench input ${label} is invalid`);
		const [parse, validate] = measurePair(
			runs,
			() => parseDocument(source, { version: '1.1', uniqueKeys: false }),
			() => validateAppSpec(source),
		);
		rows.push(
			{
				name: `${label} (${lineCount} lines): yaml.parseDocument median / p95`,
				value: `${ms(parse.median)} / ${ms(parse.p95)}`,
			},
			{
				name: `${label}: validateAppSpec median / p95`,
				value: `${ms(validate.median)} / ${ms(validate.p95)}`,
			},
			{
				name: `${label}: ratio validate / parse, median / p95 (target < 3×)`,
				value: `${(validate.median / parse.median).toFixed(2)}× / ${(validate.p95 / parse.p95).toFixed(2)}×`,
			},
		);
	}
	return { title: 'AppSpec validator', rows };
}

if (import.meta.main) {
	const section = await bench();
	console.log(section.title);
	for (const row of section.rows) console.log(`  ${row.name}: ${row.value}`);
}
