import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COURSE_MODULES } from '../../../src/lib/course/modules.ts';
import { validateAppSpec } from '../../../src/lib/appspec/validate.ts';
import { resolveQuiz } from '../../../src/lib/quiz/bank.ts';
import { moodlePercent, MOODLE_FRACTIONS } from '../../../src/lib/quiz/fractions.ts';
import { grade } from '../../../src/lib/quiz/grade.ts';
import { toGift } from '../../../labs/quiz/gift.ts';
import { loadQuizBank } from '../../../labs/quiz/load.ts';
import { toMoodleXml } from '../../../labs/quiz/moodle-xml.ts';
import { parseGift } from './gift-parser.ts';
import { children, parseXml } from './xml-check.ts';

const bank = loadQuizBank(fileURLToPath(new URL('../../../content/quizzes/', import.meta.url)));
const all = [...bank.quizzes.keys()].sort().map((id) => resolveQuiz(bank, id));

describe('the question bank (content/quizzes)', () => {
	it('has a quiz of at least 8 questions mixing at least 3 types for every module', () => {
		for (const { slug } of COURSE_MODULES) {
			const quiz = all.find((q) => q.module === slug);
			expect(quiz, slug).toBeDefined();
			expect(quiz!.questions.length, slug).toBeGreaterThanOrEqual(8);
			expect(new Set(quiz!.questions.map((q) => q.question.type)).size, slug).toBeGreaterThanOrEqual(3);
		}
	});

	it('holds the four review questions of the notes', () => {
		const ids = [
			'review-instance-profile',
			'review-appspec-purpose',
			'review-zero-downtime',
			'review-platforms',
		];
		expect(ids.map((id) => bank.questions.get(id)?.module)).toEqual([
			'04-components',
			'05-appspec',
			'03-strategies',
			'04-components',
		]);
	});

	it('draws a 20-question final test from across the course', () => {
		const final = resolveQuiz(bank, 'final');
		expect(final.questions).toHaveLength(20);
		expect(new Set(final.questions.map((q) => q.question.id)).size).toBe(20);
		expect(new Set(final.questions.map((q) => q.module)).size).toBeGreaterThanOrEqual(9);
	});

	it('grades its AppSpec fix-it questions with the real validator', () => {
		const context = { validateAppSpec };
		const version = bank.questions.get('appspec-fix-version')!.question;
		if (version.type !== 'appspec-fix') throw new Error('type');
		expect(grade(version, { type: 'appspec-fix', source: version.source }, context).correct).toBe(false);
		const fixed = version.source.replace('"0.0"', '0.0');
		expect(grade(version, { type: 'appspec-fix', source: fixed }, context).correct).toBe(true);
		const deleted = 'version: 0.0\nos: linux\n';
		expect(grade(version, { type: 'appspec-fix', source: deleted }, context).correct).toBe(false);
		const hook = bank.questions.get('appspec-fix-hook-list')!.question;
		if (hook.type !== 'appspec-fix') throw new Error('type');
		expect(grade(hook, { type: 'appspec-fix', source: hook.source }, context).correct).toBe(false);
		const hookFixed =
			'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/migrate.sh\n      timeout: 300\n';
		expect(grade(hook, { type: 'appspec-fix', source: hookFixed }, context).correct).toBe(true);
	});

	it.each(['fr', 'en'] as const)('exports to well-formed Moodle XML with valid grades (%s)', (lang) => {
		const { xml, skipped } = toMoodleXml(all, {
			lang,
			siteUrl: 'https://x.example',
			category: 'Atelier CodeDeploy',
		});
		const root = parseXml(xml);
		const grades = new Set(MOODLE_FRACTIONS.flatMap((f) => [moodlePercent(f), moodlePercent(-f)]));
		for (const question of children(root, 'question')) {
			if (question.attributes['type'] === 'ordering' || question.attributes['type'] === 'category') continue;
			for (const answer of children(question, 'answer'))
				expect(grades.has(answer.attributes['fraction'] ?? '')).toBe(true);
		}
		expect(skipped.every((id) => bank.questions.get(id)?.question.type === 'appspec-fix')).toBe(true);
	});

	it.each(['fr', 'en'] as const)('exports to GIFT that reads back question for question (%s)', (lang) => {
		const { gift, skipped } = toGift(all, {
			lang,
			siteUrl: 'https://x.example',
			category: 'Atelier CodeDeploy',
		});
		const expected = all
			.flatMap((quiz) => quiz.questions.map((q) => q.question.id))
			.filter((id) => !skipped.includes(id));
		expect(parseGift(gift).map((q) => q.title)).toEqual(expected);
	});
});

describe('the question bank against the lessons', () => {
	it('lints clean: every lesson link resolves in both languages (rename a heading? update content/quizzes)', async () => {
		const { lintBank } = await import('../../../labs/quiz/lint.ts');
		const { readQuizFiles } = await import('../../../labs/quiz/load.ts');
		const { indexLessons } = await import('../../../labs/quiz/lessons.ts');
		const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
		const findings = lintBank(readQuizFiles(root('content/quizzes')), indexLessons(root('src/content/docs')));
		expect(findings.map((f) => `${f.file}:${f.line} ${f.field}: ${f.message} [${f.code}]`)).toEqual([]);
	});
});
