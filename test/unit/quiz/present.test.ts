import { describe, expect, it } from 'vitest';
import { planAttempt } from '../../../src/lib/quiz/attempt.ts';
import { buildBank, resolveQuiz } from '../../../src/lib/quiz/bank.ts';
import { grade } from '../../../src/lib/quiz/grade.ts';
import { explain, presentQuestion } from '../../../src/lib/quiz/present.ts';
import { sampleQuiz } from './helpers.ts';

const quiz = resolveQuiz(buildBank([sampleQuiz()]), 'sample');
const entry = (id: string) => quiz.questions.find((q) => q.question.id === id)!;

describe('presentQuestion', () => {
	it('gives the texts of one language in the attempt order', () => {
		const plan = planAttempt(quiz, 'attempt-7');
		const shown = presentQuestion(entry('sample-multiple'), 'fr', plan, '/cours/');
		expect(shown.choices.map((c) => c.id)).toEqual(plan.order['sample-multiple']);
		expect(shown.prompt).toBe('Lesquels ?');
		expect(shown.lessonUrl).toBe('/cours/fr/03-strategies/');
	});
	it('labels true/false and splits matching into prompts and choices', () => {
		expect(presentQuestion(entry('sample-tf'), 'fr').choices.map((c) => c.text)).toEqual(['Vrai', 'Faux']);
		const matching = presentQuestion(entry('sample-match'), 'en');
		expect(matching.prompts.map((p) => p.text)).toEqual(['EC2', 'Lambda']);
		expect(matching.choices.map((c) => c.text)).toEqual(['in-place', 'canary', 'immutable']);
	});
});

describe('explain', () => {
	it('explains every option of a choice question, marking what was chosen', () => {
		const single = entry('sample-single');
		const result = grade(single.question, { type: 'single', optionId: 'b' });
		expect(explain(single, result, 'en')).toEqual([
			{ id: 'a', text: 'Yes.', lessonUrl: '/en/03-strategies/', chosen: false, correct: true },
			{
				id: 'b',
				text: 'No, that is Elastic Beanstalk.',
				lessonUrl: '/en/03-strategies/',
				chosen: true,
				correct: false,
			},
		]);
	});
	it('gives the question explanation for the other types', () => {
		const short = entry('sample-short');
		const result = grade(short.question, { type: 'short', text: 'nope' });
		expect(explain(short, result, 'fr')).toEqual([
			{
				id: 'question',
				text: 'La config par défaut.',
				lessonUrl: '/fr/06-deployment-types/',
				chosen: true,
				correct: false,
			},
		]);
	});
});
