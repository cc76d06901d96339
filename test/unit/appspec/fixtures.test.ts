import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAppSpec } from '../../../src/lib/appspec/index.ts';

const root = join(import.meta.dirname, '../../fixtures/appspec');
const list = (kind: 'valid' | 'invalid') =>
	readdirSync(join(root, kind)).filter((name) => /\.(ya?ml|json)$/.test(name));

/** Expected codes: a leading `# expect: a, b` comment, or a `<file>.expect` sidecar for JSON files. */
function expectedCodes(path: string, source: string): string[] {
	const sidecar = `${path}.expect`;
	const line = existsSync(sidecar)
		? readFileSync(sidecar, 'utf8')
		: (/^# expect:(.*)$/m.exec(source)?.[1] ?? '');
	return line
		.split(',')
		.map((code) => code.trim())
		.filter(Boolean)
		.sort();
}

const PLATFORM_BY_PREFIX = { server: 'server', ecs: 'ecs', lambda: 'lambda' } as const;
const platformOf = (name: string) =>
	PLATFORM_BY_PREFIX[name.split(/[-.]/)[0] as keyof typeof PLATFORM_BY_PREFIX];

describe('AppSpec corpus', () => {
	it('covers the three platforms, valid and invalid', () => {
		for (const kind of ['valid', 'invalid'] as const) {
			expect(new Set(list(kind).map(platformOf))).toEqual(new Set(['server', 'ecs', 'lambda']));
		}
	});

	for (const name of list('valid')) {
		it(`valid/${name}: no error or warning, platform detected`, () => {
			const result = validateAppSpec(readFileSync(join(root, 'valid', name), 'utf8'));
			expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
			expect(result.platform).toBe(platformOf(name));
		});
	}

	for (const name of list('invalid')) {
		it(`invalid/${name}: exactly the declared codes`, () => {
			const path = join(root, 'invalid', name);
			const source = readFileSync(path, 'utf8');
			const expected = expectedCodes(path, source);
			expect(expected.length, 'declare the expected codes').toBeGreaterThan(0);
			const result = validateAppSpec(source);
			expect(result.diagnostics.map((d) => d.code).sort()).toEqual(expected);
			expect(result.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning')).toBe(true);
		});
	}
});
