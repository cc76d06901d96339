import { describe, expect, it } from 'vitest';
import { validateAppSpec } from '../../../src/lib/appspec/index.ts';
import { LIMITS } from '../../../src/lib/appspec/limits.ts';
import { LineIndex } from '../../../src/lib/appspec/positions.ts';
import { SERVER_HEAD, codes, expectAt, yaml } from './helpers.ts';

describe('YAML layer', () => {
	it('reports syntax errors with a position and stops there', () => {
		const result = validateAppSpec('version: 0.0\nos: [linux\n');
		expect(result.diagnostics.every((d) => d.code === 'yaml-syntax')).toBe(true);
		expect(result.value).toBeUndefined();
	});

	it('reports tab indentation', () => {
		expect(codes('version: 0.0\nhooks:\n\tAfterInstall: []\n')).toContain('yaml-tab-indent');
	});

	it('reports several documents', () => {
		expect(codes('version: 0.0\n---\nos: linux\n')).toContain('yaml-multiple-documents');
	});

	it('keeps the last duplicate key and warns on the earlier one', () => {
		const src = yaml('version: 0.0', 'os: windows', 'os: linux');
		const d = expectAt(src, 'key-duplicate', 2, 1, {}, 3);
		expect(d.params).toMatchObject({ key: 'os', line: 3 });
		expect(validateAppSpec(src).value).toMatchObject({ os: 'linux' });
	});

	it('parses JSON input', () => {
		const result = validateAppSpec('{"version": 0.0, "os": "linux"}');
		expect(result.diagnostics).toEqual([]);
		expect(result.platform).toBe('server');
	});

	it('reports an empty or comment-only file with the agent message', () => {
		for (const src of ['', '# nothing\n', '   \n']) {
			const [d] = validateAppSpec(src).diagnostics;
			expect(d?.code).toBe('document-empty');
			expect(String(d?.params['agentMessage'])).toContain('was empty');
		}
	});

	it('rejects a document that is not a map', () => {
		expectAt('- a\n- b\n', 'document-not-map', 1, 1);
		expectAt('just text\n', 'document-not-map', 1, 1);
	});

	it('warns on aliases for EC2 (Psych 4 refuses them)', () => {
		const src = yaml(
			...SERVER_HEAD,
			'files:',
			'  - source: &s app',
			'    destination: /a',
			'  - source: *s',
			'    destination: /b',
		);
		expectAt(src, 'yaml-alias-server', 6, 13);
	});
});

describe('limits on hostile input', () => {
	it('refuses documents over 1 MB', () => {
		const big = `version: 0.0\nos: linux\n# ${'x'.repeat(LIMITS.maxBytes)}\n`;
		expect(codes(big)).toEqual(['document-too-large']);
	});

	it('counts bytes, not characters', () => {
		const accents = `version: 0.0\nos: linux\n# ${'é'.repeat(LIMITS.maxBytes / 2)}\n`;
		expect(codes(accents)).toEqual(['document-too-large']);
	});

	it('refuses alias bombs', () => {
		const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
		for (let i = 1; i < 8; i++)
			levels.push(
				`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10)
					.fill(`*${'abcdefgh'[i - 1]}`)
					.join(', ')}]`,
			);
		expect(codes(levels.join('\n'))).toEqual(['yaml-alias-limit']);
	});

	it('refuses deep flow and block nesting', () => {
		expect(codes('a: ' + '['.repeat(100_000))).toEqual(['document-too-deep']);
		expect(codes('- '.repeat(50_000) + 'x')).toEqual(['document-too-deep']);
		const block = Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
		expect(codes(block)).toEqual(['document-too-deep']);
	});
});

describe('positions', () => {
	it('counts columns in UTF-16 code units, as Monaco does', () => {
		// "🚀" is two UTF-16 code units.
		const src = yaml('version: 0.0', 'os: linux', 'hooks:', '  🚀BeforeInstal: []');
		expectAt(src, 'hook-unknown-name', 4, 3, {}, 17);
	});

	it('handles CRLF and lone CR line breaks', () => {
		const index = new LineIndex('a\r\nb\rc\n');
		expect(index.position(3)).toEqual({ line: 2, column: 1 });
		expect(index.position(5)).toEqual({ line: 3, column: 1 });
		expect(index.lineCount).toBe(4);
		expect(codes('version: 0.0\r\nos: Linux\r\n')).toEqual(['os-invalid']);
	});
});

describe('YAML 1.1 typing, as Psych does it', () => {
	it('reads E1 and similar plain words as strings, not NaN', () => {
		const result = validateAppSpec(
			yaml(...SERVER_HEAD, 'hooks:', '  AfterInstall:', '    - location: E1', '      runas: e5'),
		);
		expect(result.value).toMatchObject({ hooks: { AfterInstall: [{ location: 'E1', runas: 'e5' }] } });
		expect(validateAppSpec(yaml(...SERVER_HEAD, 'x: .nan')).value).toMatchObject({ x: Number.NaN });
	});

	it('reads leading-zero numbers as octal and keeps the last duplicate key', () => {
		expect(validateAppSpec(yaml(...SERVER_HEAD, 'x: 0644', 'y: 1', 'y: 2')).value).toMatchObject({
			x: 420,
			y: 2,
		});
	});
});

describe('hostile documents stay bounded', () => {
	it('stops building diagnostics past the collection limit and says how many more there are', () => {
		const src = yaml(
			...SERVER_HEAD,
			...Array.from({ length: LIMITS.maxCollected + 500 }, (_, i) => `k${i}: v`),
		);
		const result = validateAppSpec(src);
		expect(result.diagnostics).toHaveLength(LIMITS.maxDiagnostics + 1);
		const last = result.diagnostics.at(-1);
		expect(last?.code).toBe('too-many-diagnostics');
		expect(last?.params['count']).toBe(LIMITS.maxCollected + 500 - LIMITS.maxDiagnostics);
	});
});
