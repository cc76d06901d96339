import { describe, expect, it } from 'vitest';
import { parseGift } from './gift-parser.ts';

/** Examples from Moodle's "GIFT format" documentation page, used to check the test parser itself. */
const MOODLE_EXAMPLES = `// true/false
::Q1:: 1+1=2 {T}

// multiple choice with specified feedback for right and wrong answers
::Q2:: What's between orange and green in the spectrum?
{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }

// fill-in-the-blank
::Q3:: Two plus {=two =2} equals four.

// matching
::Q4:: Which animal eats which food? { =cat -> cat food =dog -> dog food }

// math range question
::Q5:: What is a number from 1 to 5? {#3:2}

// essay
::Q8:: How are you? {}
`;

describe('test GIFT parser on Moodle documentation examples', () => {
	const questions = parseGift(MOODLE_EXAMPLES);

	it('reads every question with its title and type', () => {
		expect(questions.map((q) => [q.title, q.type])).toEqual([
			['Q1', 'truefalse'],
			['Q2', 'multichoice'],
			['Q3', 'shortanswer'],
			['Q4', 'matching'],
			['Q5', 'numerical'],
			['Q8', 'essay'],
		]);
	});

	it('reads answers, weights and feedback', () => {
		const q2 = questions[1];
		expect(q2?.type === 'multichoice' && q2.answers).toEqual([
			{ text: 'yellow', weight: 100, feedback: 'right; good!' },
			{ text: 'red', weight: 0, feedback: "wrong, it's yellow" },
			{ text: 'blue', weight: 0, feedback: "wrong, it's yellow" },
		]);
		const q1 = questions[0];
		expect(q1?.type === 'truefalse' && q1.answer).toBe(true);
	});

	it('reads missing-word text and matching pairs', () => {
		expect(questions[2]?.text).toBe('Two plus _____ equals four.');
		const q4 = questions[3];
		expect(q4?.type === 'matching' && q4.pairs).toEqual([
			{ left: 'cat', right: 'cat food' },
			{ left: 'dog', right: 'dog food' },
		]);
	});

	it('reads percentage weights, including negative ones', () => {
		const [q] = parseGift(`What two people are entombed in Grant's tomb? {
   ~%-100%No one
   ~%50%Grant
   ~%50%Grant's wife
   ~%-100%Grant's father
}`);
		expect(q?.type === 'multichoice' && q.answers.map((a) => [a.text, a.weight])).toEqual([
			['No one', -100],
			['Grant', 50],
			["Grant's wife", 50],
			["Grant's father", -100],
		]);
	});

	it('unescapes the control characters ~ = # { } :', () => {
		const [q] = parseGift(
			'::GIFT \\: control characters::Which is not a control character \\{ here \\}? {~\\~ ~\\= ~\\# ~\\{ ~\\} =\\: #the colon is only special in titles}',
		);
		expect(q?.title).toBe('GIFT : control characters');
		expect(q?.text).toBe('Which is not a control character { here }?');
		expect(q?.type === 'multichoice' && q.answers.map((a) => a.text)).toEqual(['~', '=', '#', '{', '}', ':']);
		expect(q?.type === 'multichoice' && q.answers[5]?.feedback).toBe('the colon is only special in titles');
	});

	it('reads categories, formats, true/false feedbacks and general feedback', () => {
		const [q] = parseGift(
			'$CATEGORY: $course$/top/Demo\n\n::T::[html]<p>Sky is green</p>{FALSE#No, blue.#Right.####See the lesson}',
		);
		expect(q).toMatchObject({
			category: '$course$/top/Demo',
			format: 'html',
			text: '<p>Sky is green</p>',
			type: 'truefalse',
			answer: false,
			wrongFeedback: 'No, blue.',
			rightFeedback: 'Right.',
			generalFeedback: 'See the lesson',
		});
	});
});
