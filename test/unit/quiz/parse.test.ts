import { describe, expect, it } from 'vitest';
import { formatQuizFileErrors, parseQuizSource } from '../../../src/lib/quiz/parse.ts';
import { fixtureSource } from './helpers.ts';

describe('parseQuizSource', () => {
	it('accepts the valid sample', () => {
		const parsed = parseQuizSource(fixtureSource('sample.yaml'), 'sample.yaml');
		expect(parsed.ok).toBe(true);
	});

	it('names the file, line and field of a missing translation', () => {
		const parsed = parseQuizSource(fixtureSource('missing-explanation.yaml'), 'missing-explanation.yaml');
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors).toHaveLength(1);
		// The `explanation` map is on line 12; the missing `en` points at it.
		expect(parsed.errors[0]).toMatchObject({
			file: 'missing-explanation.yaml',
			line: 12,
			field: 'questions.0.options.0.explanation.en',
		});
		expect(formatQuizFileErrors(parsed.errors)).toMatch(
			/^missing-explanation\.yaml:12:\d+ questions\.0\.options\.0\.explanation\.en: /,
		);
	});

	it('reports a YAML syntax error with its line', () => {
		const parsed = parseQuizSource(fixtureSource('syntax-error.yaml.txt'), 'syntax-error.yaml');
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors[0]?.line).toBe(6);
	});

	it('points a question with no correct option at its options', () => {
		const parsed = parseQuizSource(fixtureSource('no-correct.yaml'), 'no-correct.yaml');
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors[0]).toMatchObject({
			line: 9,
			field: 'questions.0.options',
			message: 'no option is marked correct',
		});
	});

	it('reports an unknown field on its own line', () => {
		const source =
			'id: x\ntitle: { fr: A, en: B }\nquestions:\n  - id: q\n    type: short\n    lesson: 05-appspec\n    prompt: { fr: A, en: B }\n    accepted: [a]\n    explanation: { fr: A, en: B }\n    hint: nope\n';
		const parsed = parseQuizSource(source, 'x.yaml');
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors[0]).toMatchObject({
			field: 'questions.0',
			message: 'unknown field(s): hint',
			line: 4,
		});
	});

	it('refuses duplicate keys and a split Moodle cannot express', () => {
		expect(parseQuizSource('id: a\nid: b\n', 'dup.yaml').ok).toBe(false);
		const options = Array.from(
			{ length: 12 },
			(_, i) =>
				`      - { id: o${i}, text: { fr: A, en: A }, correct: ${i < 11}, explanation: { fr: a, en: a } }`,
		).join('\n');
		const source = `id: x\ntitle: { fr: A, en: B }\nquestions:\n  - id: q\n    type: multiple\n    lesson: 05-appspec\n    prompt: { fr: A, en: B }\n    options:\n${options}\n`;
		expect(parseQuizSource(source, 'x.yaml').ok).toBe(false);
	});
});

describe('texts cut by a comma in a flow map', () => {
	it('reports the stray key instead of silently truncating the French text', () => {
		const source =
			"id: x\ntitle: { fr: A, en: B }\nquestions:\n  - id: q\n    type: short\n    lesson: 05-appspec\n    prompt: { fr: Non, c'est faux, en: No }\n    accepted: [a]\n    explanation: { fr: A, en: B }\n";
		const parsed = parseQuizSource(source, 'x.yaml');
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors[0]).toMatchObject({ line: 7, field: "questions.0.prompt.c'est faux" });
	});
});
