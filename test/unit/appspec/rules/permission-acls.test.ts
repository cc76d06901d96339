import { describe, expect, it } from 'vitest';
import { aclProblem } from '../../../../src/lib/appspec/rules/permission-acls.ts';
import { SERVER_HEAD, expectAt, yaml } from '../helpers.ts';

describe('rule permission-acls', () => {
	it.each([
		'u:bob:rw',
		'user:bob:rwx',
		'g:dev:r-x',
		'm::rw',
		'd:u:bob:rw',
		'default:g:dev:7',
		'bob:rw',
		'd:u::rw',
		'o::r',
	])('agent grammar accepts or rejects %s like the agent', (ace) => {
		const expected = ace === 'o::r' ? 'acl-base-entry' : undefined;
		expect(aclProblem(ace)?.code).toBe(expected);
	});

	it.each([
		['u::rw', 'acl-base-entry'],
		['g::r', 'acl-base-entry'],
		['x:bob:rw', 'acl-invalid-entry'],
		['rw', 'acl-invalid-entry'],
		['a:b:c:d:e', 'acl-invalid-entry'],
		['x:u:bob:rw', 'acl-invalid-entry'],
		['d:d:bob:rw', 'acl-invalid-entry'],
		['m:bob:rw', 'acl-invalid-entry'],
		['u:bob:rwz', 'acl-invalid-permission'],
	])('%s → %s', (ace, code) => {
		expect(aclProblem(ace)?.code).toBe(code);
	});

	it('points at the offending list item with the agent message', () => {
		const src = yaml(
			...SERVER_HEAD,
			'permissions:',
			'  - object: /app',
			'    acls:',
			'      - u:bob:rw',
			'      - u::rw',
		);
		const d = expectAt(src, 'acl-base-entry', 7, 9, {}, 14);
		expect(String(d.params['agentMessage'])).toContain('Use mode to set the base acl entry (u::rw)');
	});
});
