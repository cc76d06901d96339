import { describe, expect, it } from 'vitest';
import { validateAppSpec } from '../../../src/lib/appspec/index.ts';
import { escapeHtml, problemsHtml, summaryText } from '../../../src/components/appspec/problems.ts';
import { normalizeSample, sameCodes } from '../../../src/components/appspec/sample.ts';

describe('problems list markup (build time and in the browser)', () => {
	const result = validateAppSpec(
		'version: "0.0"\nos: linux\nhooks:\n  BeforeInstal:\n    - location: <x>.sh\n',
	);

	it('lists each diagnostic with severity, position, message in the page language and code', () => {
		const fr = problemsHtml(result.diagnostics, 'fr');
		const en = problemsHtml(result.diagnostics, 'en');
		expect(fr).toContain('ligne 1, colonne 10');
		expect(en).toContain('line 1, column 10');
		expect(fr).toContain('data-code="version-quoted"');
		expect(fr).toContain('Erreur');
		expect(en).toContain('Warning');
		expect(fr.match(/<li /g)).toHaveLength(result.diagnostics.length);
	});

	it('offers a fix button only for diagnostics that carry a fix, numbered like the diagnostics', () => {
		const html = problemsHtml(result.diagnostics, 'en');
		const fixable = result.diagnostics.flatMap((d, i) => (d.fix ? [i] : []));
		expect(fixable.length).toBeGreaterThan(0);
		expect([...html.matchAll(/data-fix="(\d+)"/g)].map((m) => Number(m[1]))).toEqual(fixable);
	});

	it('escapes text coming from the learner', () => {
		const html = problemsHtml(validateAppSpec('version: 0.0\nos: "<img src=x>"\n').diagnostics, 'en');
		expect(html).not.toContain('<img');
		expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
	});

	it('says so when there is no problem', () => {
		expect(summaryText([], 'fr')).toBe('Aucun problème détecté.');
		expect(problemsHtml([], 'en')).not.toContain('<ol');
	});
});

describe('sample helpers', () => {
	it('drops the newline after the opening backtick and ends with one newline', () => {
		expect(normalizeSample('\nversion: 0.0\n  \n\n')).toBe('version: 0.0\n');
	});

	it('compares declared codes as sets', () => {
		expect(sameCodes(['a', 'b', 'a'], ['b', 'a'])).toBe(true);
		expect(sameCodes(['a'], ['a', 'b'])).toBe(false);
		expect(sameCodes([], [])).toBe(true);
	});
});
