import { describe, expect, it } from 'vitest';
import { SERVER_HEAD, expectAt, expectNone, yaml } from '../helpers.ts';

describe('rule hook-names (EC2)', () => {
	it('warns on a misspelled event and offers the real name as a fix', () => {
		const src = yaml(...SERVER_HEAD, 'hooks:', '  BeforeInstal:', '    - location: a.sh');
		const d = expectAt(src, 'hook-unknown-name', 4, 3, {}, 15);
		expect(d.severity).toBe('warning');
		expect(d.params['suggestion']).toBe('BeforeInstall');
		expect(d.fix?.edits).toEqual([
			{ range: { start: { line: 4, column: 3 }, end: { line: 4, column: 15 } }, text: 'BeforeInstall' },
		]);
	});

	it('suggests the right case for a wrongly-cased event', () => {
		const src = yaml(...SERVER_HEAD, 'hooks:', '  afterInstall:', '    - location: a.sh');
		expect(expectAt(src, 'hook-unknown-name', 4, 3).params['suggestion']).toBe('AfterInstall');
	});

	it('has no suggestion when nothing is close', () => {
		const src = yaml(...SERVER_HEAD, 'hooks:', '  Deploy:', '    - location: a.sh');
		const d = expectAt(src, 'hook-unknown-name', 4, 3);
		expect(d.params['suggestion']).toBe('');
		expect(d.fix).toBeUndefined();
	});

	it('warns that scripts on reserved events never run', () => {
		const src = yaml(...SERVER_HEAD, 'hooks:', '  Install:', '    - location: a.sh');
		expectAt(src, 'hook-reserved-event', 4, 3, {}, 10);
	});

	it('accepts every scriptable event', () => {
		const events = [
			'ApplicationStop',
			'BeforeInstall',
			'AfterInstall',
			'ApplicationStart',
			'ValidateService',
		];
		const src = yaml(...SERVER_HEAD, 'hooks:', ...events.flatMap((e) => [`  ${e}:`, '    - location: a.sh']));
		expectNone(src, 'hook-unknown-name');
	});
});
