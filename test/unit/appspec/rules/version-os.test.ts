import { describe, expect, it } from 'vitest';
import { codes, expectAt, yaml } from '../helpers.ts';

describe('version', () => {
	it('rejects a quoted "0.0" on EC2 and offers the number', () => {
		const d = expectAt(yaml("version: '0.0'", 'os: linux'), 'version-quoted', 1, 10, {}, 15);
		expect(d.severity).toBe('error');
		expect(d.fix).toEqual({
			title: 'fix-unquote-version',
			edits: [{ range: { start: { line: 1, column: 10 }, end: { line: 1, column: 15 } }, text: '0.0' }],
		});
		expect(String(d.params['agentMessage'])).toContain('invalid version value (0.0)');
	});

	it('accepts 0.0, 0 and 0.00 like the agent', () => {
		for (const v of ['0.0', '0', '0.00']) expect(codes(yaml(`version: ${v}`, 'os: linux'))).toEqual([]);
	});

	it('rejects other versions and a missing key', () => {
		expectAt(yaml('version: 1.0', 'os: linux'), 'version-invalid', 1, 10);
		expectAt(yaml('os: linux'), 'version-missing', 1, 1);
	});

	it('flags "Version" as unknown and suggests the real key', () => {
		const src = yaml('Version: 0.0', 'os: linux');
		expect(expectAt(src, 'key-unknown', 1, 1).params['suggestion']).toBe('version');
	});
});

describe('os and rule os-match', () => {
	it('rejects a capitalised os with a lowercase fix', () => {
		const d = expectAt(yaml('version: 0.0', 'os: Linux'), 'os-invalid', 2, 5, {}, 10);
		expect(d.fix?.edits[0]?.text).toBe('linux');
	});

	it('requires os', () => {
		expectAt(yaml('version: 0.0'), 'os-missing', 1, 1);
	});

	it('rejects an os that does not match the instances', () => {
		expectAt(yaml('version: 0.0', 'os: linux'), 'os-mismatch', 2, 5, { os: 'windows' });
		expect(codes(yaml('version: 0.0', 'os: windows'), { os: 'windows' })).toEqual([]);
	});
});

describe('file_exists_behavior', () => {
	it('accepts the three values and rejects lowercase with an uppercase fix', () => {
		expect(codes(yaml('version: 0.0', 'os: linux', 'file_exists_behavior: RETAIN'))).toEqual([]);
		const d = expectAt(
			yaml('version: 0.0', 'os: linux', 'file_exists_behavior: overwrite'),
			'file-exists-behavior-invalid',
			3,
			23,
		);
		expect(d.fix?.edits[0]?.text).toBe('OVERWRITE');
	});
});
