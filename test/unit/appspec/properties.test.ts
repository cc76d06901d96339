import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPSPEC_CODES, messages, validateAppSpec } from '../../../src/lib/appspec/index.ts';
import type { Diagnostic, Range, TextEdit, ValidateOptions } from '../../../src/lib/appspec/index.ts';

/** Raise for a longer hunt: APPSPEC_FC_SCALE=50 npx vitest run --project unit test/unit/appspec/properties.test.ts */
const SCALE = Number(process.env['APPSPEC_FC_SCALE'] ?? 1);

const validDir = join(import.meta.dirname, '../../fixtures/appspec/valid');
const samples = readdirSync(validDir).map((name) => readFileSync(join(validDir, name), 'utf8'));
const lineLengths = (source: string) => source.split(/\r\n|\r|\n/).map((line) => line.length);

function inside(range: Range, lengths: number[]): boolean {
	const ok = (p: Range['start']) =>
		p.line >= 1 && p.line <= lengths.length && p.column >= 1 && p.column <= (lengths[p.line - 1] ?? 0) + 1;
	const ordered =
		range.start.line < range.end.line ||
		(range.start.line === range.end.line && range.start.column <= range.end.column);
	return ok(range.start) && ok(range.end) && ordered;
}

/** Every invariant a result must keep, whatever the input. */
function checkResult(source: string, options: ValidateOptions = {}): Diagnostic[] {
	const result = validateAppSpec(source, options);
	const lengths = lineLengths(source);
	for (const d of result.diagnostics) {
		expect(APPSPEC_CODES).toContain(d.code);
		expect(inside(d.range, lengths), `${d.code} range ${JSON.stringify(d.range)}`).toBe(true);
		for (const edit of d.fix?.edits ?? []) expect(inside(edit.range, lengths)).toBe(true);
		for (const placeholder of messages.en[d.code].matchAll(/\{(\w+)\}/g)) {
			expect(d.params, `${d.code} lacks param ${placeholder[1]}`).toHaveProperty(placeholder[1] ?? '');
		}
	}
	return result.diagnostics;
}

const platforms = fc.constantFrom<ValidateOptions>(
	{},
	{ platform: 'server', os: 'linux' },
	{ platform: 'ecs' },
	{ platform: 'lambda' },
	{ os: 'windows' },
);

describe('validator properties', () => {
	it('never throws and keeps ranges inside the document, on arbitrary strings', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 300 }), platforms, (source, options) => {
				checkResult(source, options);
			}),
			{ numRuns: 400 * SCALE },
		);
	});

	const token = fc.constantFrom(
		'version',
		'os',
		'hooks',
		'files',
		'mode',
		'Resources',
		'Hooks',
		':',
		': ',
		'- ',
		'  ',
		'\n',
		'\r\n',
		'\t',
		'"',
		"'",
		'[',
		']',
		'{',
		'}',
		',',
		'&a ',
		'*a',
		'#',
		'0644',
		'0.0',
		'<<: ',
		'!!str ',
		'|',
		'>',
		'?',
		'🚀',
		'é',
	);

	it('never throws on YAML-like token soup', () => {
		fc.assert(
			fc.property(fc.array(token, { maxLength: 80 }), platforms, (tokens, options) => {
				checkResult(tokens.join(''), options);
			}),
			{ numRuns: 400 * SCALE },
		);
	});
});

type Mutation = (lines: string[], at: number) => string[];
const NEW_VALUES = [
	'0644',
	'"text"',
	'[]',
	'{}',
	'',
	'[x]',
	'42',
	'null',
	'{a: [b, c]}',
	'"0.0"',
	'Linux',
	'BeforeInstal',
];

const indentOf = (line: string) => /^ */.exec(line)?.[0].length ?? 0;

/** The line at `at` and the lines nested under it: one YAML node with its children. */
function blockEnd(lines: string[], at: number): number {
	const indent = indentOf(lines[at] ?? '') + (/^\s*- /.test(lines[at] ?? '') ? 1 : 0);
	let end = at + 1;
	while (end < lines.length && ((lines[end] ?? '').trim() === '' || indentOf(lines[end] ?? '') > indent))
		end++;
	return end;
}

/** Structural mutations, on whole nodes, the way people really break AppSpecs. */
const mutations: Record<string, fc.Arbitrary<Mutation>> = {
	delete: fc.constant((lines, at) => lines.toSpliced(at, blockEnd(lines, at) - at)),
	duplicate: fc.constant((lines, at) => lines.toSpliced(at, 0, ...lines.slice(at, blockEnd(lines, at)))),
	reindent: fc.constantFrom(-4, -2, 2, 4).map((shift) => (lines, at) => {
		const block = lines.slice(at, blockEnd(lines, at));
		const moved = block.map((line) =>
			shift >= 0 ? ' '.repeat(shift) + line : line.replace(new RegExp(`^ {0,${-shift}}`), ''),
		);
		return lines.toSpliced(at, block.length, ...moved);
	}),
	retype: fc.constantFrom(...NEW_VALUES).map((value) => (lines, at) => {
		const match = /^(\s*(?:- )?[^:#\s][^:#]*:)(\s|$)/.exec(lines[at] ?? '');
		return match ? lines.toSpliced(at, blockEnd(lines, at) - at, `${match[1]} ${value}`.trimEnd()) : lines;
	}),
};

const yamlSamples = samples.filter((sample) => !sample.trimStart().startsWith('{'));

const mutant = fc
	.tuple(
		fc.constantFrom(...yamlSamples),
		fc.array(fc.tuple(fc.oneof(...Object.values(mutations)), fc.nat()), { minLength: 1, maxLength: 3 }),
	)
	.map(([sample, steps]) => {
		let lines = sample.split('\n');
		for (const [mutate, position] of steps) lines = mutate(lines, position % Math.max(1, lines.length));
		return lines.join('\n');
	});

const isYamlFailure = (d: Diagnostic) => d.code.startsWith('yaml-') && d.code !== 'yaml-alias-server';

function applyEdits(source: string, edits: TextEdit[]): string {
	const lines = source.split('\n');
	const offset = (p: Range['start']) =>
		lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
	return edits
		.map((e) => ({ from: offset(e.range.start), to: offset(e.range.end), text: e.text }))
		.sort((a, b) => b.from - a.from)
		.reduce((text, e) => text.slice(0, e.from) + e.text + text.slice(e.to), source);
}

describe('mutations of the valid samples', () => {
	it('never throw, keep ranges inside, and mostly get past YAML parsing to the rules', () => {
		let parsed = 0;
		let total = 0;
		const failures: string[] = [];
		fc.assert(
			fc.property(mutant, (source) => {
				const diagnostics = checkResult(source);
				total++;
				if (!diagnostics.some(isYamlFailure)) parsed++;
				else failures.push(diagnostics.find(isYamlFailure)?.code ?? '');
			}),
			{ numRuns: 600 * SCALE },
		);
		// About 3 in 4 get through in practice; a broken parser path or mutator would drop far lower.
		expect(parsed / total, `YAML failures: ${[...new Set(failures)].join(', ')}`).toBeGreaterThan(0.6);
	});

	it('applying a quick fix removes the diagnostic it fixes', () => {
		fc.assert(
			fc.property(mutant, (source) => {
				for (const d of validateAppSpec(source).diagnostics) {
					if (!d.fix) continue;
					const fixed = validateAppSpec(applyEdits(source, d.fix.edits)).diagnostics;
					const same = fixed.filter((x) => x.code === d.code && x.range.start.line === d.range.start.line);
					expect(same, `${d.code} fix ${JSON.stringify(d.fix.edits)}`).toEqual([]);
				}
			}),
			{ numRuns: 300 * SCALE },
		);
	});
});
