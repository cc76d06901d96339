import type { BankQuestion, ResolvedQuiz } from '../../src/lib/quiz/bank.ts';
import { moodlePercent } from '../../src/lib/quiz/fractions.ts';
import type { Question } from '../../src/lib/quiz/schema.ts';
import { feedbackHtml, toHtml, type ExportOptions } from './export-text.ts';

/**
 * GIFT (docs.moodle.org "GIFT format"): multiple choice (with % weights), true/false, short answer and
 * matching. GIFT has no ordering type and no per-pair feedback or distractors for matching; ordering and
 * appspec-fix questions are skipped and reported, matching distractors are dropped and pair explanations
 * go to the general feedback (`####`).
 */
export function toGift(
	quizzes: readonly ResolvedQuiz[],
	options: ExportOptions,
): { gift: string; skipped: string[] } {
	const skipped: string[] = [];
	const blocks: string[] = [];
	for (const quiz of quizzes) {
		blocks.push(`$CATEGORY: $course$/top/${options.category}/${quiz.title[options.lang]}`);
		for (const entry of quiz.questions) {
			const gift = question(entry, options);
			if (gift) blocks.push(gift);
			else skipped.push(entry.question.id);
		}
	}
	return { gift: `${blocks.join('\n\n')}\n`, skipped };
}

function question({ question: q }: BankQuestion, options: ExportOptions): string | undefined {
	const answers = answerBlock(q, options);
	if (answers === undefined) return undefined;
	const general =
		'explanation' in q
			? `####${escapeGift(feedbackHtml(q.explanation[options.lang], q.lesson, options))}`
			: '';
	return `// ${q.id}\n::${escapeGift(q.id)}::[html]${escapeGift(`<p>${toHtml(q.prompt[options.lang])}</p>`)}{\n${answers}\n${general}}`;
}

function answerBlock(q: Question, options: ExportOptions): string | undefined {
	const lang = options.lang;
	switch (q.type) {
		case 'single':
		case 'multiple': {
			const correct = q.options.filter((o) => o.correct).length;
			const wrong = q.options.length - correct;
			return q.options
				.map((o) => {
					const feedback = escapeGift(feedbackHtml(o.explanation[lang], o.lesson ?? q.lesson, options));
					const content = escapeGift(toHtml(o.text[lang]));
					if (q.type === 'single') return `\t${o.correct ? '=' : '~'}${content}#${feedback}`;
					const weight = moodlePercent(o.correct ? 1 / correct : -1 / wrong);
					return `\t~%${weight}%${content}#${feedback}`;
				})
				.join('\n');
		}
		case 'true-false': {
			const feedback = escapeGift(feedbackHtml(q.explanation[lang], q.lesson, options));
			// GIFT: the first feedback is shown for a wrong answer, the second for a right one.
			return `\t${q.answer ? 'TRUE' : 'FALSE'}#${feedback}#${feedback}`;
		}
		case 'short': {
			const feedback = escapeGift(feedbackHtml(q.explanation[lang], q.lesson, options));
			return q.accepted.map((a) => `\t=${escapeGift(a)}#${feedback}`).join('\n');
		}
		case 'matching':
			return q.pairs
				.map((p) => `\t=${escapeGift(toHtml(p.left[lang]))} -> ${escapeGift(p.right[lang])}`)
				.join('\n');
		case 'ordering':
		case 'appspec-fix':
			return undefined;
	}
}

/** Backslash-escapes GIFT's control characters `~ = # { } :` (and the backslash itself); newlines become `\n`. */
export function escapeGift(text: string): string {
	return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}
