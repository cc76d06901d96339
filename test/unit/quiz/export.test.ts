import { describe, expect, it } from 'vitest';
import { buildBank, resolveQuiz } from '../../../src/lib/quiz/bank.ts';
import { moodlePercent, MOODLE_FRACTIONS } from '../../../src/lib/quiz/fractions.ts';
import { toHtml } from '../../../labs/quiz/export-text.ts';
import { escapeGift, toGift } from '../../../labs/quiz/gift.ts';
import { toMoodleXml } from '../../../labs/quiz/moodle-xml.ts';
import { parseGift } from './gift-parser.ts';
import { sampleQuiz } from './helpers.ts';
import { child, children, parseXml, textOf } from './xml-check.ts';

const quiz = resolveQuiz(buildBank([sampleQuiz()]), 'sample');
const options = { lang: 'en' as const, siteUrl: 'https://course.example/cd', category: 'Atelier CodeDeploy' };
const GRADES = new Set(MOODLE_FRACTIONS.flatMap((f) => [moodlePercent(f), moodlePercent(-f)]));

describe('Moodle grade values', () => {
	it('writes a split of 3 as 33.33333 and refuses values Moodle does not accept', () => {
		expect(moodlePercent(1 / 3)).toBe('33.33333');
		expect(moodlePercent(-1 / 2)).toBe('-50');
		expect(moodlePercent(1 / 6)).toBe('16.66667');
		expect(() => moodlePercent(0.33)).toThrow();
	});
});

describe('Moodle XML export', () => {
	const { xml, skipped } = toMoodleXml([quiz], options);
	const root = parseXml(xml);
	const questions = children(root, 'question');

	it('is well-formed, rooted at <quiz>, with a category first', () => {
		expect(root.name).toBe('quiz');
		expect(questions[0]?.attributes['type']).toBe('category');
		expect(skipped).toEqual([]);
	});

	it('writes one question per bank question with the documented elements', () => {
		const real = questions.slice(1);
		expect(real.map((q) => q.attributes['type'])).toEqual([
			'multichoice',
			'multichoice',
			'truefalse',
			'ordering',
			'matching',
			'shortanswer',
		]);
		for (const q of real) {
			expect(textOf(q, 'name')).toMatch(/^sample-/);
			expect(child(q, 'questiontext')?.attributes['format']).toBe('html');
			expect(textOf(q, 'questiontext')).toBeTruthy();
			expect(child(q, 'defaultgrade')?.text).toBe('1');
		}
	});

	it('uses only grade values Moodle accepts, summing to 100 for the right answers', () => {
		for (const q of questions.filter((x) =>
			['multichoice', 'truefalse', 'shortanswer'].includes(x.attributes['type'] ?? ''),
		)) {
			const fractions = children(q, 'answer').map((a) => a.attributes['fraction'] ?? '');
			for (const f of fractions) expect(GRADES.has(f), `fraction ${f}`).toBe(true);
			const positive = fractions.map(Number).filter((f) => f > 0);
			if (q.attributes['type'] === 'multichoice' && child(q, 'single')?.text === 'false') {
				expect(positive.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 3);
			} else expect(Math.max(...positive)).toBe(100);
		}
		const multiple = questions.find((q) => textOf(q, 'name') === 'sample-multiple');
		expect(children(multiple!, 'answer').map((a) => a.attributes['fraction'])).toEqual([
			'33.33333',
			'33.33333',
			'33.33333',
			'-50',
			'-50',
		]);
	});

	it('carries per-answer feedback with the lesson link', () => {
		const single = questions.find((q) => textOf(q, 'name') === 'sample-single')!;
		const feedback = child(children(single, 'answer')[1]!, 'feedback');
		expect(child(feedback!, 'text')?.text).toContain('No, that is Elastic Beanstalk.');
		expect(child(feedback!, 'text')?.text).toContain('href="https://course.example/cd/en/03-strategies/"');
	});

	it('writes ordering for qtype_ordering: settings, and answers in order with positions', () => {
		const ordering = questions.find((q) => q.attributes['type'] === 'ordering')!;
		expect(child(ordering, 'gradingtype')?.text).toBe('RELATIVE_NEXT_EXCLUDE_LAST');
		expect(child(ordering, 'layouttype')?.text).toBe('VERTICAL');
		expect(child(ordering, 'selecttype')?.text).toBe('ALL');
		const answers = children(ordering, 'answer');
		expect(answers.map((a) => a.attributes['fraction'])).toEqual(['1', '2', '3', '4']);
		expect(answers.map((a) => child(a, 'text')?.text)).toEqual([
			'<p>ApplicationStop</p>',
			'<p>BeforeInstall</p>',
			'<p>AfterInstall</p>',
			'<p>ApplicationStart</p>',
		]);
	});

	it('writes matching with subquestions and an empty one per distractor', () => {
		const matching = questions.find((q) => q.attributes['type'] === 'matching')!;
		const subs = children(matching, 'subquestion').map((s) => [child(s, 'text')?.text, textOf(s, 'answer')]);
		expect(subs).toEqual([
			['<p>EC2</p>', 'in-place'],
			['<p>Lambda</p>', 'canary'],
			['', 'immutable'],
		]);
	});

	it('escapes markup in the text, so a prompt cannot break the file', () => {
		const tricky = {
			...quiz,
			questions: [
				{
					...quiz.questions[0]!,
					question: { ...quiz.questions[0]!.question, prompt: { fr: 'a', en: 'Use <b> & "x" ]]> `code`' } },
				},
			],
		};
		const parsed = parseXml(toMoodleXml([tricky], options).xml);
		expect(textOf(children(parsed, 'question')[1]!, 'questiontext')).toBe(
			'<p>Use &lt;b&gt; &amp; &quot;x&quot; ]]&gt; <code>code</code></p>',
		);
	});
});

describe('GIFT export', () => {
	const { gift, skipped } = toGift([quiz], options);
	const parsed = parseGift(gift);

	it('skips the types GIFT cannot carry', () => {
		expect(skipped).toEqual(['sample-order']);
	});

	it('is read back as the same questions', () => {
		const source = quiz.questions.map((q) => q.question).filter((q) => q.type !== 'ordering');
		expect(parsed.map((q) => q.title)).toEqual(source.map((q) => q.id));
		expect(parsed.map((q) => q.type)).toEqual([
			'multichoice',
			'multichoice',
			'truefalse',
			'matching',
			'shortanswer',
		]);
		expect(parsed.every((q) => q.category === '$course$/top/Atelier CodeDeploy/Sample')).toBe(true);
		for (const [index, q] of parsed.entries()) {
			expect(q.text).toBe(`<p>${toHtml(source[index]!.prompt.en)}</p>`);
			expect(q.format).toBe('html');
		}
	});

	it('keeps answers, weights and per-answer feedback', () => {
		const single = parsed[0]!;
		expect(single.type === 'multichoice' && single.answers.map((a) => [a.text, a.weight])).toEqual([
			['In-place', 100],
			['Immutable', 0],
		]);
		expect(single.type === 'multichoice' && single.answers[1]?.feedback).toContain(
			'No, that is Elastic Beanstalk.',
		);
		const multiple = parsed[1]!;
		expect(multiple.type === 'multichoice' && multiple.answers.map((a) => a.weight)).toEqual([
			33.33333, 33.33333, 33.33333, -50, -50,
		]);
		const tf = parsed[2]!;
		expect(tf.type === 'truefalse' && [tf.answer, tf.rightFeedback]).toEqual([
			false,
			expect.stringContaining('False.'),
		]);
		const matching = parsed[3]!;
		expect(matching.type === 'matching' && matching.pairs).toEqual([
			{ left: 'EC2', right: 'in-place' },
			{ left: 'Lambda', right: 'canary' },
		]);
		const short = parsed[4]!;
		expect(short.type === 'shortanswer' && short.answers.map((a) => a.text)).toEqual([
			'CodeDeployDefault.OneAtATime',
		]);
		expect(short.generalFeedback).toContain('https://course.example/cd/en/06-deployment-types/');
	});

	it('escapes every control character and reads it back', () => {
		const text = 'a ~ b = c # d { e } f : g \\ h';
		expect(escapeGift(text)).toBe('a \\~ b \\= c \\# d \\{ e \\} f \\: g \\\\ h');
		const tricky = {
			...quiz,
			questions: [
				{
					...quiz.questions[2]!,
					question: { ...quiz.questions[2]!.question, prompt: { fr: 'x', en: text } },
				},
			],
		};
		expect(parseGift(toGift([tricky], options).gift)[0]?.text).toBe(`<p>${toHtml(text)}</p>`);
	});
});
