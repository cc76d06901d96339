import { describe, expect, it } from 'vitest';
import { SERVER_HEAD, codes, expectAt, yaml } from '../helpers.ts';

const withTimeouts = (...timeouts: string[]) =>
	yaml(
		...SERVER_HEAD,
		'hooks:',
		'  AfterInstall:',
		...timeouts.flatMap((t, i) => [`    - location: s${i}.sh`, `      timeout: ${t}`]),
	);

describe('rule hook-timeouts', () => {
	it('rejects a timeout that Ruby to_i reads as 0 or less', () => {
		for (const t of ['0', '-5', 'foo', '0.5']) {
			expect(expectAt(withTimeouts(t), 'hook-timeout-invalid', 6, 16).severity).toBe('error');
		}
	});

	it('warns when a non-integer is truncated but accepted ("300s" → 300)', () => {
		const d = expectAt(withTimeouts('300s'), 'hook-timeout-not-integer', 6, 16, {}, 20);
		expect(d.params['seconds']).toBe(300);
	});

	it('warns over 3600 s per script and per event', () => {
		expectAt(withTimeouts('4000'), 'hook-timeout-over-limit', 6, 16);
		expectAt(withTimeouts('2000', '2000'), 'hook-event-timeout-total-over-limit', 4, 3);
	});

	it('counts the default 3600 s for scripts without a timeout', () => {
		const src = yaml(
			...SERVER_HEAD,
			'hooks:',
			'  AfterInstall:',
			'    - location: a.sh',
			'    - location: b.sh',
		);
		expectAt(src, 'hook-event-timeout-total-over-limit', 4, 3);
	});

	it('accepts ordinary integers', () => {
		expect(codes(withTimeouts('300', '600'))).toEqual([]);
	});
});
