import { describe, expect, it } from 'vitest';
import { SERVER_HEAD, codes, expectAt, yaml } from '../helpers.ts';

const withMode = (mode: string) =>
	yaml(...SERVER_HEAD, 'permissions:', '  - object: /app', `    mode: ${mode}`);

describe('rule permission-mode', () => {
	it('warns that an unquoted 0644 is octal 420, with a quoting fix', () => {
		const d = expectAt(withMode('0644'), 'mode-octal-unquoted', 5, 11, {}, 15);
		expect(d.severity).toBe('warning');
		expect(d.params).toMatchObject({ written: '0644', applied: '420' });
		expect(d.fix?.edits[0]?.text).toBe('"0644"');
	});

	it('is an error when the octal value becomes an invalid mode (0755 → 493)', () => {
		const d = expectAt(withMode('0755'), 'mode-octal-unquoted-rejected', 5, 11);
		expect(d.params).toMatchObject({ applied: '493', char: '9' });
		expect(String(d.params['agentMessage'])).toContain('invalid character (9)');
	});

	it('accepts quoted and leading-zero-free modes', () => {
		for (const mode of ['"0644"', "'0755'", '644', '4755', '7']) expect(codes(withMode(mode))).toEqual([]);
	});

	it('rejects modes longer than 4 characters after padding, and invalid characters', () => {
		expectAt(withMode('"07777"'), 'mode-too-long', 5, 11);
		expectAt(withMode('u+x'), 'mode-invalid-character', 5, 11);
		expect(expectAt(withMode('648'), 'mode-invalid-character', 5, 11).params['char']).toBe('8');
	});

	it('reads a float the way Ruby prints it (644.0 is 5 characters)', () => {
		expectAt(withMode('644.0'), 'mode-too-long', 5, 11);
	});

	it('skips modes on Windows, where permissions are an error of their own', () => {
		const src = yaml('version: 0.0', 'os: windows', 'permissions:', '  - object: /app', '    mode: 0644');
		expect(codes(src)).toEqual(['permissions-on-windows']);
	});
});
