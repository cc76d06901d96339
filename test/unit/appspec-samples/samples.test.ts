import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppSpecCode, validateAppSpec } from '../../../src/lib/appspec/index.ts';
import { normalizeSample, sameCodes } from '../../../src/components/appspec/sample.ts';
import { samplesOf, type Sample } from './extract.ts';

const root = join(import.meta.dirname, '../../..');
const docs = join(root, 'src/content/docs');

function lessonFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return lessonFiles(path);
		return /\.mdx?$/.test(entry.name) ? [path] : [];
	});
}

const files = ['fr', 'en'].flatMap((lang) => lessonFiles(join(docs, lang)));
const samples: Sample[] = files.flatMap((file) =>
	samplesOf(relative(root, file), readFileSync(file, 'utf8')),
);

function verdict(sample: Sample): string[] {
	const options = sample.platform ? { platform: sample.platform } : {};
	return validateAppSpec(normalizeSample(sample.source), options).diagnostics.map((d) => d.code);
}

describe('AppSpec samples in the lessons', () => {
	it('finds the samples of both languages, module 05 and the complete scenario of module 07', () => {
		for (const lang of ['fr', 'en']) {
			expect(samples.filter((s) => s.where.includes(`/${lang}/05-appspec/`)).length).toBeGreaterThanOrEqual(
				10,
			);
			expect(samples.some((s) => s.where.includes(`/${lang}/07-scenario/`))).toBe(true);
		}
	});

	it('module 05 carries at least six graded exercises per language', () => {
		for (const lang of ['fr', 'en']) {
			const text = files
				.filter((f) => f.includes(`/${lang}/05-appspec/`))
				.map((f) => readFileSync(f, 'utf8'))
				.join('\n');
			expect(
				new Set([...text.matchAll(/\bgoal="([a-z0-9-]+)"/g)].map((m) => m[1])).size,
			).toBeGreaterThanOrEqual(6);
		}
	});

	for (const sample of samples) {
		it(`${sample.where} produces exactly the codes it declares`, () => {
			expect(sample.problem, sample.problem).toBeUndefined();
			expect(sample.declared, 'a sample without a declaration of its codes (expect)').toBeDefined();
			const declared = sample.declared ?? [];
			expect(
				declared.filter((code) => !isAppSpecCode(code)),
				'unknown codes declared',
			).toEqual([]);
			const actual = verdict(sample);
			expect(
				sameCodes(actual, declared),
				`declared [${declared.join(', ')}], got [${actual.join(', ')}]`,
			).toBe(true);
		});
	}
});

describe('sample extraction', () => {
	it('reports an AppSpec code block without a declaration', () => {
		const text = '# x\n\n```yaml\nversion: 0.0\nos: linux\n```\n';
		expect(samplesOf('x.mdx', text)).toEqual([
			expect.objectContaining({ declared: undefined, source: 'version: 0.0\nos: linux\n' }),
		]);
	});

	it('ignores YAML that is not an AppSpec (a buildspec)', () => {
		expect(
			samplesOf('x.mdx', '```yaml\nversion: 0.2\nphases:\n  build:\n    commands: [make]\n```\n'),
		).toEqual([]);
	});

	it('reads a declared fence, empty or not', () => {
		const text =
			'```yaml title="appspec.yml" expect=""\nversion: 0.0\n```\n```yaml expect="version-quoted os-missing"\nversion: "0.0"\n```\n';
		expect(samplesOf('x.mdx', text).map((s) => s.declared)).toEqual([[], ['version-quoted', 'os-missing']]);
	});

	it('reads an editor whose initial text is an export, and flags one without expect', () => {
		const text = [
			'export const a = `',
			'version: 0.0',
			'  os: linux',
			'`;',
			'',
			'<AppSpecEditor id="one" platform="server" expect={[\'key-unknown\']} initial={a} />',
			'<AppSpecEditor id="two" platform="server" initial={a} />',
		].join('\n');
		const [one, two] = samplesOf('x.mdx', text);
		expect(one).toMatchObject({
			declared: ['key-unknown'],
			platform: 'server',
			source: '\nversion: 0.0\n  os: linux\n',
		});
		expect(one?.problem).toBeUndefined();
		expect(two?.declared).toBeUndefined();
	});

	it('flags an editor whose initial text is not an export of the file', () => {
		const [sample] = samplesOf(
			'x.mdx',
			'<AppSpecEditor id="x" platform="server" expect={[]} initial={missing} />',
		);
		expect(sample?.problem).toMatch(/export const/);
	});
});
