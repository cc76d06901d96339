import type { Lang } from '../i18n/localized.ts';
import type { GradeResult } from './answer.ts';
import type { AttemptPlan } from './attempt.ts';
import type { BankQuestion } from './bank.ts';
import { translator } from '../i18n/catalog.ts';
import { lessonUrl } from './lesson-link.ts';
import { messages } from './quiz.messages.ts';
import type { LessonRef, Question } from './schema.ts';

/** One choice as the page shows it, in the attempt's order. */
export interface PresentedChoice {
	readonly id: string;
	readonly text: string;
}

/** A question ready to render in one language: texts only, in the attempt's display order. */
export interface PresentedQuestion {
	readonly id: string;
	readonly type: Question['type'];
	readonly prompt: string;
	/** single/multiple: options; ordering: items (scrambled); matching: right-hand choices; true-false: true, false. */
	readonly choices: readonly PresentedChoice[];
	/** matching only: the left-hand items, in authored order. */
	readonly prompts: readonly PresentedChoice[];
	/** appspec-fix only: the broken file to start from. */
	readonly source: string | undefined;
	readonly lessonUrl: string;
}

/** Texts and order for one question of an attempt (the plan gives the order; without one, authored order). */
export function presentQuestion(
	{ question }: BankQuestion,
	lang: Lang,
	plan?: AttemptPlan,
	base = '/',
): PresentedQuestion {
	const order = plan?.order[question.id];
	const inOrder = <T extends { id: string }>(items: readonly T[]): T[] =>
		order
			? order.map((id) => items.find((item) => item.id === id)).filter((x): x is T => x !== undefined)
			: [...items];
	const common = {
		id: question.id,
		type: question.type,
		prompt: question.prompt[lang],
		lessonUrl: lessonUrl(question.lesson, lang, base),
	};
	switch (question.type) {
		case 'single':
		case 'multiple':
			return {
				...common,
				choices: inOrder(question.options).map((o) => ({ id: o.id, text: o.text[lang] })),
				prompts: [],
				source: undefined,
			};
		case 'true-false': {
			const t = translator(messages, lang);
			const choices = [
				{ id: 'true', text: t('choice.true') },
				{ id: 'false', text: t('choice.false') },
			];
			return { ...common, choices, prompts: [], source: undefined };
		}
		case 'ordering':
			return {
				...common,
				choices: inOrder(question.items).map((i) => ({ id: i.id, text: i.text[lang] })),
				prompts: [],
				source: undefined,
			};
		case 'matching': {
			const rights = [
				...question.pairs.map((p) => ({ id: p.id, text: p.right[lang] })),
				...question.distractors.map((d) => ({ id: d.id, text: d.text[lang] })),
			];
			return {
				...common,
				choices: inOrder(rights),
				prompts: question.pairs.map((p) => ({ id: p.id, text: p.left[lang] })),
				source: undefined,
			};
		}
		case 'short':
			return { ...common, choices: [], prompts: [], source: undefined };
		case 'appspec-fix':
			return { ...common, choices: [], prompts: [], source: question.source };
	}
}

/** One explanation to show after answering, with the lesson section that teaches the point. */
export interface Explanation {
	/** The option/item/pair it explains, or `question` for the question-level explanation. */
	readonly id: string;
	readonly text: string;
	readonly lessonUrl: string;
	/** From the grade: the learner chose it, and whether that part is right. */
	readonly chosen: boolean;
	readonly correct: boolean;
}

/**
 * What to explain after grading: for choice questions every option's explanation (why right, or why wrong
 * and what is true); for the other types the question's explanation, plus per-item notes where authored.
 */
export function explain(
	{ question }: BankQuestion,
	result: GradeResult,
	lang: Lang,
	base = '/',
): Explanation[] {
	const url = (ref: LessonRef | undefined) => lessonUrl(ref ?? question.lesson, lang, base);
	const part = (id: string) => result.parts.find((p) => p.id === id);
	const whole: Explanation[] =
		'explanation' in question
			? [
					{
						id: 'question',
						text: question.explanation[lang],
						lessonUrl: url(undefined),
						chosen: true,
						correct: result.correct,
					},
				]
			: [];
	switch (question.type) {
		case 'single':
		case 'multiple':
			return question.options.map((o) => ({
				id: o.id,
				text: o.explanation[lang],
				lessonUrl: url(o.lesson),
				chosen: part(o.id)?.chosen ?? false,
				correct: o.correct,
			}));
		case 'ordering':
			return [...whole, ...notes(question.items, part, lang, url(undefined))];
		case 'matching':
			return [...whole, ...notes(question.pairs, part, lang, url(undefined))];
		default:
			return whole;
	}
}

function notes(
	entries: readonly { id: string; explanation?: { fr: string; en: string } | undefined }[],
	part: (id: string) => { chosen: boolean; correct: boolean } | undefined,
	lang: Lang,
	url: string,
): Explanation[] {
	return entries.flatMap((entry) =>
		entry.explanation
			? [
					{
						id: entry.id,
						text: entry.explanation[lang],
						lessonUrl: url,
						chosen: part(entry.id)?.chosen ?? false,
						correct: part(entry.id)?.correct ?? false,
					},
				]
			: [],
	);
}
