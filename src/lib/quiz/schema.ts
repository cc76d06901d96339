import { z } from 'zod';
import { localized } from '../i18n/schema.ts';
import { LESSON_REF_PATTERN } from './lesson-link.ts';
import { isMoodleFraction } from './fractions.ts';

/**
 * The question bank schema (`content/quizzes/<id>.yaml`). Ids are stable: saved progress and the review
 * schedule are keyed on them, never on text or position, so renaming an id forgets a learner's history.
 */
const ID = /^[a-z0-9][a-z0-9-]*$/;
const id = () => z.string().regex(ID, 'ids use lowercase letters, digits and dashes');

/** Where the point is taught: `module/lesson#anchor`, or per-language anchors when headings differ. */
export const lessonRefSchema = z.union([
	z.string().regex(LESSON_REF_PATTERN, 'expected "NN-module", "NN-module/NN-lesson" or "…#anchor"'),
	z.strictObject({
		page: z.string().regex(LESSON_REF_PATTERN),
		fr: z.string().min(1),
		en: z.string().min(1),
	}),
]);

const optionSchema = z.strictObject({
	id: id(),
	text: localized(),
	correct: z.boolean(),
	/** Why this option is right, or why it is wrong and what is true. */
	explanation: localized(),
	lesson: lessonRefSchema.optional(),
});

const base = {
	id: id(),
	prompt: localized(),
	lesson: lessonRefSchema,
};

const singleSchema = z.strictObject({
	...base,
	type: z.literal('single'),
	options: z.array(optionSchema).min(2).max(8),
});

const multipleSchema = z.strictObject({
	...base,
	type: z.literal('multiple'),
	options: z.array(optionSchema).min(2).max(10),
});

const trueFalseSchema = z.strictObject({
	...base,
	type: z.literal('true-false'),
	answer: z.boolean(),
	/** Shown whichever way the learner answered: it states what is true and why. */
	explanation: localized(),
});

const orderingSchema = z.strictObject({
	...base,
	type: z.literal('ordering'),
	/** Listed in the correct order; the attempt shuffles them. */
	items: z
		.array(z.strictObject({ id: id(), text: localized(), explanation: localized().optional() }))
		.min(3)
		.max(15),
	explanation: localized(),
});

const matchingSchema = z.strictObject({
	...base,
	type: z.literal('matching'),
	pairs: z
		.array(
			z.strictObject({
				id: id(),
				left: localized(),
				right: localized(),
				explanation: localized().optional(),
			}),
		)
		.min(2)
		.max(10),
	/** Extra right-hand choices that match nothing. */
	distractors: z.array(z.strictObject({ id: id(), text: localized() })).default([]),
	explanation: localized(),
});

const shortSchema = z.strictObject({
	...base,
	type: z.literal('short'),
	/** Accepted answers, compared after `normalizeAnswer` (case, spaces, accents, quotes). */
	accepted: z.array(z.string().trim().min(1)).min(1),
	explanation: localized(),
});

const appSpecPredicateSchema = z.strictObject({
	/** Path into the parsed AppSpec value, e.g. `[hooks, AfterInstall, 0, timeout]`. */
	path: z.array(z.union([z.string(), z.number().int().nonnegative()])).min(1),
	equals: z.unknown().optional(),
	exists: z.boolean().optional(),
});

const appSpecFixSchema = z.strictObject({
	...base,
	type: z.literal('appspec-fix'),
	platform: z.enum(['server', 'ecs', 'lambda']),
	/** The broken AppSpec the learner starts from. */
	source: z.string().min(1),
	/** All must hold on the fixed file, in addition to "the validator reports no error". */
	predicates: z.array(appSpecPredicateSchema).default([]),
	explanation: localized(),
});

const questionUnion = z.discriminatedUnion('type', [
	singleSchema,
	multipleSchema,
	trueFalseSchema,
	orderingSchema,
	matchingSchema,
	shortSchema,
	appSpecFixSchema,
]);

export const questionSchema = questionUnion.superRefine(checkQuestion);

/** Rules that span several fields: how many options are correct, unique ids, Moodle-compatible splits. */
function checkQuestion(question: z.output<typeof questionUnion>, ctx: z.RefinementCtx): void {
	const issue = (path: (string | number)[], message: string, code = 'invalid-question') =>
		ctx.addIssue({ code: 'custom', path, message, params: { code } });
	if (question.type === 'single' || question.type === 'multiple') {
		checkUniqueIds(question.options, 'options', issue);
		const correct = question.options.filter((option) => option.correct).length;
		const wrong = question.options.length - correct;
		if (question.type === 'single' && correct !== 1) {
			issue(
				['options'],
				`a single-choice question needs exactly one correct option (found ${correct})`,
				correct === 0 ? 'no-correct-answer' : 'invalid-question',
			);
		}
		if (question.type === 'multiple') {
			if (correct === 0) issue(['options'], 'no option is marked correct', 'no-correct-answer');
			// Each correct option is worth 1/correct and each wrong one costs 1/wrong: both must be Moodle grades.
			for (const count of [correct, wrong]) {
				if (count > 0 && !isMoodleFraction(1 / count)) {
					issue(
						['options'],
						`1/${count} is not a grade Moodle accepts: use 1 to 10 correct and wrong options`,
					);
				}
			}
		}
	}
	if (question.type === 'ordering') checkUniqueIds(question.items, 'items', issue);
	if (question.type === 'matching') {
		checkUniqueIds([...question.pairs, ...question.distractors], 'pairs', issue);
		if (question.pairs.length + question.distractors.length < 3) {
			issue(['pairs'], 'Moodle needs at least three answers: add a pair or a distractor');
		}
		const rights = [
			...question.pairs.map((pair) => pair.right.en),
			...question.distractors.map((d) => d.text.en),
		];
		if (new Set(rights).size !== rights.length) issue(['pairs'], 'two right-hand answers have the same text');
	}
}

function checkUniqueIds(
	entries: readonly { id: string }[],
	field: string,
	issue: (path: (string | number)[], message: string, code?: string) => void,
): void {
	const seen = new Set<string>();
	entries.forEach((entry, index) => {
		if (seen.has(entry.id)) issue([field, index, 'id'], `duplicate id "${entry.id}"`, 'duplicate-id');
		seen.add(entry.id);
	});
}

export const quizSchema = z
	.strictObject({
		id: id(),
		/** The course module this quiz closes (slug from src/lib/course/modules.ts); absent for the final test. */
		module: z
			.string()
			.regex(/^\d\d-[a-z0-9-]+$/)
			.optional(),
		title: localized(),
		intro: localized().optional(),
		questions: z.array(questionSchema).optional(),
		/** A test drawn from other quizzes: `from: all` or a list of quiz ids, a fixed seed so everyone sees the same set. */
		draw: z
			.strictObject({
				from: z.union([z.literal('all'), z.array(id()).min(1)]),
				count: z.number().int().min(1).max(100),
				seed: z.string().min(1),
			})
			.optional(),
		/** Explicit question ids taken from other quizzes. */
		include: z.array(id()).min(1).optional(),
	})
	.superRefine((quiz, ctx) => {
		const sources = [quiz.questions, quiz.draw, quiz.include].filter((x) => x !== undefined).length;
		if (sources !== 1) {
			ctx.addIssue({
				code: 'custom',
				path: [],
				message: 'a quiz has exactly one of "questions", "draw" or "include"',
			});
		}
	});

export type QuizFile = z.output<typeof quizSchema>;
export type Question = z.output<typeof questionSchema>;
export type QuestionType = Question['type'];
export type ChoiceOption = z.output<typeof optionSchema>;
export type LessonRef = z.output<typeof lessonRefSchema>;
export type AppSpecPredicate = z.output<typeof appSpecPredicateSchema>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

export const QUESTION_TYPES: readonly QuestionType[] = [
	'single',
	'multiple',
	'true-false',
	'ordering',
	'matching',
	'short',
	'appspec-fix',
];
