import { describe, expect, it } from 'vitest';
import type { AppSpecValidator } from '../../../src/lib/quiz/answer.ts';
import { grade } from '../../../src/lib/quiz/grade.ts';
import { matchesAccepted, normalizeAnswer } from '../../../src/lib/quiz/normalize.ts';
import { questionSchema } from '../../../src/lib/quiz/schema.ts';
import { questionOf, sampleQuiz } from './helpers.ts';

const quiz = sampleQuiz();

describe('single choice and true/false', () => {
	const single = questionOf(quiz, 'sample-single');
	it('gives full marks only for the correct option', () => {
		expect(grade(single, { type: 'single', optionId: 'a' })).toMatchObject({ score: 1, correct: true });
		expect(grade(single, { type: 'single', optionId: 'b' })).toMatchObject({ score: 0, correct: false });
		expect(grade(single, { type: 'single', optionId: null }).score).toBe(0);
	});
	it('marks each option chosen and correct', () => {
		expect(grade(single, { type: 'single', optionId: 'b' }).parts).toEqual([
			{ id: 'a', chosen: false, correct: true },
			{ id: 'b', chosen: true, correct: false },
		]);
	});
	it('scores an answer of the wrong type as 0', () => {
		expect(grade(single, { type: 'short', text: 'a' }).score).toBe(0);
	});
	it('grades true/false', () => {
		const tf = questionOf(quiz, 'sample-tf');
		expect(grade(tf, { type: 'true-false', value: false }).correct).toBe(true);
		expect(grade(tf, { type: 'true-false', value: true }).score).toBe(0);
		expect(grade(tf, { type: 'true-false', value: null }).score).toBe(0);
	});
});

describe('multiple choice partial credit (3 correct, 2 wrong)', () => {
	const multiple = questionOf(quiz, 'sample-multiple');
	const score = (ids: string[]) => grade(multiple, { type: 'multiple', optionIds: ids }).score;
	it('gives 1/3 per correct option chosen', () => {
		expect(score(['a'])).toBe(0.333333);
		expect(score(['a', 'b'])).toBe(0.666667);
		expect(score(['a', 'b', 'c'])).toBe(1);
	});
	it('takes 1/2 per wrong option chosen, never below 0', () => {
		expect(score(['a', 'b', 'c', 'd'])).toBe(0.5);
		expect(score(['a', 'd'])).toBe(0);
		expect(score(['d', 'e'])).toBe(0);
	});
	it('scores choosing everything or nothing as 0', () => {
		expect(score(['a', 'b', 'c', 'd', 'e'])).toBe(0);
		expect(score([])).toBe(0);
	});
	it('only full marks count as correct', () => {
		expect(grade(multiple, { type: 'multiple', optionIds: ['a', 'b'] }).correct).toBe(false);
	});
});

describe('ordering partial credit (relative to the next item, excluding the last)', () => {
	const ordering = questionOf(quiz, 'sample-order');
	const score = (ids: string[]) => grade(ordering, { type: 'ordering', itemIds: ids }).score;
	it('gives full marks for the right order', () => {
		expect(score(['stop', 'before', 'after', 'start'])).toBe(1);
	});
	it('counts each item followed by its right successor', () => {
		// stop→before kept, before→after broken, after→start kept: 2 of 3.
		expect(score(['after', 'start', 'stop', 'before'])).toBe(0.666667);
		// Only after→start kept.
		expect(score(['before', 'stop', 'after', 'start'])).toBe(0.333333);
		expect(score(['start', 'after', 'before', 'stop'])).toBe(0);
	});
	it('scores an incomplete or duplicated order as 0', () => {
		expect(score(['stop', 'before', 'after'])).toBe(0);
		expect(score(['stop', 'stop', 'before', 'after'])).toBe(0);
	});
});

describe('matching', () => {
	const matching = questionOf(quiz, 'sample-match');
	it('gives 1/pairs per right match', () => {
		expect(grade(matching, { type: 'matching', matches: { ec2: 'ec2', lambda: 'lambda' } }).score).toBe(1);
		expect(grade(matching, { type: 'matching', matches: { ec2: 'ec2', lambda: 'immutable' } }).score).toBe(
			0.5,
		);
		expect(grade(matching, { type: 'matching', matches: { ec2: null } }).score).toBe(0);
	});
});

describe('short answer normalisation', () => {
	const short = questionOf(quiz, 'sample-short');
	it.each([
		'CodeDeployDefault.OneAtATime',
		'  codedeploydefault.oneatatime ',
		'"CodeDeployDefault.OneAtATime"',
		'CodeDeployDefault. OneAtATime',
	])('accepts %j', (text) => {
		expect(grade(short, { type: 'short', text }).correct).toBe(true);
	});
	it.each(['CodeDeployDefault.OneAtTime', 'OneAtATime', '', 'CodeDeployDefaultOneAtATime'])(
		'refuses %j',
		(text) => {
			expect(grade(short, { type: 'short', text }).correct).toBe(false);
		},
	);
	it('ignores case, accents, quote styles and extra spaces', () => {
		expect(normalizeAnswer('  Déploiement   SUR  place ')).toBe('deploiement sur place');
		expect(normalizeAnswer('« Bleu/Vert »')).toBe('bleu/vert');
		expect(matchesAccepted('l’agent', ["l'agent"])).toBe(true);
	});
});

describe('appspec-fix', () => {
	const question = questionSchema.parse({
		id: 'fix-version',
		type: 'appspec-fix',
		lesson: '05-appspec',
		prompt: { fr: 'Corrigez', en: 'Fix it' },
		platform: 'server',
		source: 'version: "0.0"\nos: linux\n',
		predicates: [{ path: ['os'], equals: 'linux' }],
		explanation: { fr: 'Nombre 0.0', en: 'Number 0.0' },
	});
	const validator: AppSpecValidator = (source) => {
		const value = {
			version: source.includes('"0.0"') ? '0.0' : 0,
			os: source.includes('windows') ? 'windows' : 'linux',
		};
		const diagnostics =
			typeof value.version === 'string' ? [{ code: 'version-quoted', severity: 'error' as const }] : [];
		return { value, diagnostics };
	};
	it('is ungradable without a validator, never wrong by guesswork', () => {
		expect(grade(question, { type: 'appspec-fix', source: 'x' })).toMatchObject({
			status: 'ungradable',
			correct: false,
		});
	});
	it('needs no validator error and every predicate to hold', () => {
		const context = { validateAppSpec: validator };
		expect(grade(question, { type: 'appspec-fix', source: 'version: 0.0\nos: linux' }, context).correct).toBe(
			true,
		);
		const quoted = grade(question, { type: 'appspec-fix', source: 'version: "0.0"\nos: linux\n' }, context);
		expect(quoted).toMatchObject({
			correct: false,
			appSpec: { errorCodes: ['version-quoted'], failedPredicates: [] },
		});
		const windows = grade(question, { type: 'appspec-fix', source: 'version: 0.0\nos: windows' }, context);
		expect(windows).toMatchObject({ correct: false, appSpec: { errorCodes: [], failedPredicates: [0] } });
	});
});
