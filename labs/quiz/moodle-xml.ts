import type { BankQuestion, ResolvedQuiz } from '../../src/lib/quiz/bank.ts';
import { moodlePercent } from '../../src/lib/quiz/fractions.ts';
import type { Question, QuestionOf } from '../../src/lib/quiz/schema.ts';
import { feedbackHtml, toHtml, type ExportOptions } from './export-text.ts';

/**
 * Moodle XML (docs.moodle.org "Moodle XML format"): one `<quiz>` with a category per quiz, then
 * multichoice, truefalse, matching, shortanswer and ordering (qtype_ordering, bundled with recent
 * Moodle versions, a plugin on older ones) questions. Per-answer feedback carries each explanation and the lesson link.
 * appspec-fix questions need our validator and have no Moodle equivalent: they are skipped and reported.
 */
export function toMoodleXml(
	quizzes: readonly ResolvedQuiz[],
	options: ExportOptions,
): { xml: string; skipped: string[] } {
	const skipped: string[] = [];
	const body: string[] = [];
	for (const quiz of quizzes) {
		body.push(category(`${options.category}/${quiz.title[options.lang]}`));
		for (const entry of quiz.questions) {
			const xml = question(entry, options);
			if (xml) body.push(xml);
			else skipped.push(entry.question.id);
		}
	}
	return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${body.join('\n')}\n</quiz>\n`, skipped };
}

function category(path: string): string {
	return `  <question type="category">\n    <category>${text(`$course$/top/${path}`)}</category>\n  </question>`;
}

function question({ question: q }: BankQuestion, options: ExportOptions): string | undefined {
	const body = typeSpecific(q, options);
	if (body === undefined) return undefined;
	const general = 'explanation' in q ? feedbackHtml(q.explanation[options.lang], q.lesson, options) : '';
	return [
		`  <question type="${moodleType(q)}">`,
		`    <name>${text(q.id)}</name>`,
		`    <questiontext format="html">${text(`<p>${toHtml(q.prompt[options.lang])}</p>`)}</questiontext>`,
		`    <generalfeedback format="html">${text(general)}</generalfeedback>`,
		'    <defaultgrade>1</defaultgrade>',
		'    <penalty>0.3333333</penalty>',
		'    <hidden>0</hidden>',
		`    <idnumber>${escapeXml(q.id)}</idnumber>`,
		body,
		'  </question>',
	].join('\n');
}

function moodleType(q: Question): string {
	const types: Record<Question['type'], string> = {
		single: 'multichoice',
		multiple: 'multichoice',
		'true-false': 'truefalse',
		matching: 'matching',
		short: 'shortanswer',
		ordering: 'ordering',
		'appspec-fix': '',
	};
	return types[q.type];
}

function typeSpecific(q: Question, options: ExportOptions): string | undefined {
	switch (q.type) {
		case 'single':
		case 'multiple':
			return choice(q, options);
		case 'true-false': {
			const feedback = feedbackHtml(q.explanation[options.lang], q.lesson, options);
			return [true, false]
				.map((value) => answer(value === q.answer ? 1 : 0, String(value), feedback, 'moodle_auto_format'))
				.join('\n');
		}
		case 'matching':
			return matching(q, options);
		case 'short':
			return short(q, options);
		case 'ordering':
			return ordering(q, options);
		case 'appspec-fix':
			return undefined;
	}
}

/** Single: 100 for the right option, 0 otherwise. Multiple: +1/correct and -1/wrong, as the grader scores. */
function choice(q: QuestionOf<'single'> | QuestionOf<'multiple'>, options: ExportOptions): string {
	const correct = q.options.filter((o) => o.correct).length;
	const wrong = q.options.length - correct;
	const answers = q.options.map((o) => {
		const fraction = q.type === 'single' ? (o.correct ? 1 : 0) : o.correct ? 1 / correct : -1 / wrong;
		const feedback = feedbackHtml(o.explanation[options.lang], o.lesson ?? q.lesson, options);
		return answer(fraction, `<p>${toHtml(o.text[options.lang])}</p>`, feedback, 'html');
	});
	return [
		`    <single>${q.type === 'single'}</single>`,
		'    <shuffleanswers>true</shuffleanswers>',
		'    <answernumbering>abc</answernumbering>',
		...answers,
	].join('\n');
}

function matching(q: QuestionOf<'matching'>, options: ExportOptions): string {
	const subquestions = [
		...q.pairs.map((p) => subquestion(`<p>${toHtml(p.left[options.lang])}</p>`, p.right[options.lang])),
		// An empty subquestion is Moodle's way of adding a distractor answer.
		...q.distractors.map((d) => subquestion('', d.text[options.lang])),
	];
	return ['    <shuffleanswers>true</shuffleanswers>', ...subquestions].join('\n');
}

function subquestion(left: string, right: string): string {
	return `    <subquestion format="html">${text(left)}\n      <answer>${text(right)}</answer>\n    </subquestion>`;
}

/** Moodle compares short answers ignoring case (usecase 0); `*` is its wildcard, so a literal one is escaped. */
function short(q: QuestionOf<'short'>, options: ExportOptions): string {
	const feedback = feedbackHtml(q.explanation[options.lang], q.lesson, options);
	const answers = q.accepted.map((a) => answer(1, a.replace(/\*/g, '\\*'), feedback, 'moodle_auto_format'));
	// A catch-all wrong answer, so a wrong reply also shows the explanation.
	answers.push(answer(0, '*', feedback, 'moodle_auto_format'));
	return ['    <usecase>0</usecase>', ...answers].join('\n');
}

/**
 * qtype_ordering: answers in the correct order; their `fraction` is the position (1, 2, 3…), as the plugin
 * exports it, not a grade. Grading "relative to the next item, excluding the last" matches ours.
 */
function ordering(q: QuestionOf<'ordering'>, options: ExportOptions): string {
	const feedback = (html: string) => `${text(html)}`;
	const explanation = feedbackHtml(q.explanation[options.lang], q.lesson, options);
	return [
		'    <layouttype>VERTICAL</layouttype>',
		'    <selecttype>ALL</selecttype>',
		'    <selectcount>0</selectcount>',
		'    <gradingtype>RELATIVE_NEXT_EXCLUDE_LAST</gradingtype>',
		'    <showgrading>SHOW</showgrading>',
		'    <numberingstyle>none</numberingstyle>',
		`    <correctfeedback format="html">${feedback(explanation)}</correctfeedback>`,
		`    <partiallycorrectfeedback format="html">${feedback(explanation)}</partiallycorrectfeedback>`,
		`    <incorrectfeedback format="html">${feedback(explanation)}</incorrectfeedback>`,
		'    <shownumcorrect/>',
		...q.items.map(
			(item, index) =>
				`    <answer fraction="${index + 1}" format="html">${text(`<p>${toHtml(item.text[options.lang])}</p>`)}</answer>`,
		),
	].join('\n');
}

function answer(fraction: number, content: string, feedback: string, format: string): string {
	return [
		`    <answer fraction="${moodlePercent(fraction)}" format="${format}">`,
		`      ${text(content)}`,
		`      <feedback format="html">${text(feedback)}</feedback>`,
		'    </answer>',
	].join('\n');
}

function text(content: string): string {
	return `<text>${escapeXml(content)}</text>`;
}

export function escapeXml(content: string): string {
	return content
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}
