import { describe, expect, it } from 'vitest';
import { SERVER_HEAD, expectAt, yaml } from '../helpers.ts';

describe('hook shapes the agent crashes on (EC2)', () => {
	it('hooks written as an ECS-style list', () => {
		const src = yaml(...SERVER_HEAD, 'hooks:', '  - BeforeInstall: a.sh');
		const d = expectAt(src, 'hooks-list-on-server', 4, 3);
		expect(String(d.params['agentMessage'])).toContain('each_pair');
	});

	it('an event whose value is a plain string', () => {
		const src = yaml(...SERVER_HEAD, 'hooks:', '  AfterInstall: scripts/x.sh');
		expectAt(src, 'hook-event-not-list', 4, 17);
	});

	it('a script given as a bare string', () => {
		const src = yaml(...SERVER_HEAD, 'hooks:', '  AfterInstall:', '    - scripts/x.sh');
		expectAt(src, 'hook-script-not-map', 5, 7);
	});

	it('an empty event is skipped (info)', () => {
		const src = yaml(...SERVER_HEAD, 'hooks:', '  AfterInstall:');
		expect(expectAt(src, 'hook-event-empty', 4, 3).severity).toBe('info');
	});
});

describe('rule hook-runas', () => {
	it('warns that runas is ignored on Windows', () => {
		const src = yaml(
			'version: 0.0',
			'os: windows',
			'hooks:',
			'  AfterInstall:',
			'    - location: a.ps1',
			'      runas: bob',
		);
		expectAt(src, 'hook-runas-windows', 6, 7);
	});

	it('uses the os option when the document says linux', () => {
		const src = yaml(...SERVER_HEAD, 'hooks:', '  AfterInstall:', '    - location: a.sh', '      runas: bob');
		expectAt(src, 'hook-runas-windows', 6, 7, { os: 'windows' });
	});
});
