import { describe, expect, it } from 'vitest';
import { SERVER_HEAD, expectAt, yaml } from '../helpers.ts';

describe('rule hook-location (and its shape check)', () => {
	it('rejects an empty location with the agent message', () => {
		const src = yaml(...SERVER_HEAD, 'hooks:', '  AfterInstall:', '    - location: "  "');
		const d = expectAt(src, 'hook-location-missing', 5, 17);
		expect(String(d.params['agentMessage'])).toContain('script with no location value');
	});

	it('rejects a script without location, on the script', () => {
		const src = yaml(...SERVER_HEAD, 'hooks:', '  AfterInstall:', '    - timeout: 30');
		expectAt(src, 'hook-location-missing', 5, 7);
	});

	it('explains that an absolute-looking location is joined to the revision root', () => {
		const src = yaml(...SERVER_HEAD, 'hooks:', '  AfterInstall:', '    - location: /opt/a.sh');
		expect(expectAt(src, 'hook-location-absolute', 5, 17, {}, 26).severity).toBe('info');
	});
});
