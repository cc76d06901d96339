import { describe, expect, it } from 'vitest';
import { SERVER_HEAD, codes, expectAt, yaml } from '../helpers.ts';

const file = (source: string, destination: string, os = 'linux') =>
	yaml('version: 0.0', `os: ${os}`, 'files:', `  - source: ${source}`, `    destination: ${destination}`);

describe('rule files-paths and files shape', () => {
	it('warns on a relative destination (Linux and Windows)', () => {
		expectAt(file('app', 'var/www'), 'files-destination-relative', 5, 18, {}, 25);
		expectAt(file('app', 'temp\\app', 'windows'), 'files-destination-relative', 5, 18);
		expect(codes(file('app', 'c:\\temp', 'windows'))).toEqual([]);
	});

	it('rejects globs in source (Install fails with ENOENT)', () => {
		expectAt(file('"app/*"', '/var/www'), 'files-source-glob', 4, 13);
	});

	it('rejects entries without source or destination, with the agent messages', () => {
		const noDest = yaml(...SERVER_HEAD, 'files:', '  - source: app');
		const d = expectAt(noDest, 'files-destination-missing', 4, 5);
		expect(String(d.params['agentMessage'])).toContain('only a source file (app)');
		expectAt(yaml(...SERVER_HEAD, 'files:', '  - destination: /x'), 'files-source-missing', 4, 5);
	});

	it('rejects files written as a map', () => {
		const d = expectAt(yaml(...SERVER_HEAD, 'files:', '  source: app'), 'type-mismatch', 4, 3);
		expect(d.params).toMatchObject({ expected: 'list', received: 'map' });
	});
});
