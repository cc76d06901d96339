import { describe, expect, it } from 'vitest';
import { SERVER_HEAD, codes, expectAt, yaml } from '../helpers.ts';

describe('permissions rules', () => {
	it('permissions-windows: any entry fails on Windows', () => {
		const src = yaml('version: 0.0', 'os: windows', 'permissions:', '  - object: c:\\app');
		expectAt(src, 'permissions-on-windows', 3, 1);
		expect(codes(yaml('version: 0.0', 'os: windows', 'permissions: []'))).toEqual([]);
	});

	it('permission-objects: one object, one entry', () => {
		const src = yaml(...SERVER_HEAD, 'permissions:', '  - object: /app', '  - object: /app/');
		expect(expectAt(src, 'permission-object-duplicate', 5, 13).params['line']).toBe(4);
	});

	it('object is required', () => {
		expectAt(yaml(...SERVER_HEAD, 'permissions:', '  - owner: bob'), 'permission-object-missing', 4, 5);
		expectAt(yaml(...SERVER_HEAD, 'permissions:', '  - object: " "'), 'permission-object-missing', 4, 13);
	});

	it('type must be a list of file/directory', () => {
		const src = yaml(...SERVER_HEAD, 'permissions:', '  - object: /app', '    type:', '      - files');
		expectAt(src, 'permission-type-invalid', 6, 9);
		const scalar = yaml(...SERVER_HEAD, 'permissions:', '  - object: /app', '    type: file');
		expectAt(scalar, 'type-mismatch', 5, 11);
	});

	it('permission-except: entries with "/" never match', () => {
		const src = yaml(...SERVER_HEAD, 'permissions:', '  - object: /app', '    except: [sub/b.txt, "*.log"]');
		expectAt(src, 'permission-except-nested', 5, 14, {}, 23);
	});
});

describe('rule permission-context', () => {
	const context = (...lines: string[]) =>
		yaml(
			...SERVER_HEAD,
			'permissions:',
			'  - object: /app',
			'    context:',
			...lines.map((l) => `      ${l}`),
		);

	it('requires type (the agent does, the docs do not)', () => {
		const d = expectAt(context('name: unconfined_u'), 'context-type-missing', 5, 5);
		expect(String(d.params['agentMessage'])).toContain('{"name"=>"unconfined_u"}');
	});

	it('warns that user is ignored and offers to rename it to name', () => {
		const d = expectAt(
			context('user: unconfined_u', 'type: httpd_sys_content_t'),
			'context-user-ignored',
			6,
			7,
		);
		expect(d.fix?.edits[0]?.text).toBe('name');
	});

	it('checks the range grammar like the agent', () => {
		expect(codes(context('type: t', 'range: s0-s1:c0.c5,c9'))).toEqual([]);
		for (const range of ['s1-s0', 'x0', 's0:c1024', 's0:c5.c1', 's0:c1,c1', 's0:']) {
			expect(codes(context('type: t', `range: "${range}"`))).toEqual(['context-range-invalid']);
		}
	});
});

describe('shapes the agent crashes on, quoted', () => {
	it('quotes the Ruby error for a scalar type and for files written as a map', () => {
		const scalar = yaml(...SERVER_HEAD, 'permissions:', '  - object: /app', '    type: file');
		expect(String(expectAt(scalar, 'type-mismatch', 5, 11).params['agentMessage'])).toBe(
			'undefined method `each\' for "file":String (NoMethodError)',
		);
		const map = yaml(...SERVER_HEAD, 'files:', '  source: app');
		expect(String(expectAt(map, 'type-mismatch', 4, 3).params['agentMessage'])).toContain(
			'no implicit conversion',
		);
	});
});
