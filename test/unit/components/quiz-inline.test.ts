import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineHtml, questionDomId } from '../../../src/components/quiz/inline.ts';

describe('quiz text to HTML', () => {
	it('turns backtick spans into <code> and escapes everything', () => {
		expect(inlineHtml('Write `version: 0.0` <not "0.0">')).toBe(
			'Write <code>version: 0.0</code> &lt;not &quot;0.0&quot;&gt;',
		);
	});

	it('escapes markup inside code spans too', () => {
		expect(inlineHtml('`<script>alert(1)</script>`')).toBe(
			'<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>',
		);
	});

	it('leaves a lone backtick as text', () => {
		expect(inlineHtml('a ` b')).toBe('a ` b');
		expect(inlineHtml('``')).toBe('``');
	});

	it('escapes the five HTML-significant characters', () => {
		expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
	});

	it('prefixes question ids for element ids', () => {
		expect(questionDomId('appspec-fix-version')).toBe('cdq-appspec-fix-version');
	});
});
