import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../labs/cli/quiz.ts';
import { memoryIo } from '../../../labs/cli/io.ts';
import { loadQuizBank } from '../../../labs/quiz/load.ts';
import { fixtureSource } from './helpers.ts';

/** A throw-away project: a quiz bank and lesson pages in both languages. */
function project(quizzes: Record<string, string>, heading = '## Canary'): string {
	const root = mkdtempSync(join(tmpdir(), 'quiz-cli-'));
	mkdirSync(join(root, 'content/quizzes'), { recursive: true });
	for (const [name, source] of Object.entries(quizzes))
		writeFileSync(join(root, 'content/quizzes', name), source);
	for (const lang of ['fr', 'en']) {
		for (const module of ['03-strategies', '04-components', '05-appspec', '06-deployment-types']) {
			mkdirSync(join(root, 'src/content/docs', lang, module), { recursive: true });
			writeFileSync(
				join(root, 'src/content/docs', lang, module, '01-intro.mdx'),
				`---\ntitle: x\n---\n\n${heading}\n`,
			);
		}
	}
	return root;
}

const sample = fixtureSource('sample.yaml');
const padded = (extra: number) =>
	sample +
	Array.from(
		{ length: extra },
		(_, i) =>
			`  - id: extra-${i}\n    type: true-false\n    lesson: 03-strategies/01-intro#canary\n    prompt: { fr: Vrai ?, en: True? }\n    answer: true\n    explanation: { fr: Oui., en: Yes. }\n`,
	).join('');

describe('quiz lint', () => {
	it('passes a clean bank', async () => {
		const { io, stdout } = memoryIo({ LANG: 'en_US.UTF-8' }, project({ 'sample.yaml': padded(2) }));
		expect(await cli(['lint'], io)).toBe(0);
		expect(stdout()).toBe('Question bank valid: 1 files, 8 questions.\n');
	});

	it('reports file, line, field and code for each problem, and exits 1', async () => {
		const broken = padded(2).replace(
			'lesson: 03-strategies/01-intro#canary',
			'lesson: 03-strategies/01-intro#nowhere',
		);
		const root = project({
			'sample.yaml': broken,
			'other.yaml': fixtureSource('missing-explanation.yaml').replace('id: broken', 'id: other'),
			'dup.yaml': fixtureSource('sample.yaml').replace('id: sample\n', 'id: dup\n'),
		});
		const { io, stdout } = memoryIo({ LANG: 'fr_FR.UTF-8' }, root);
		expect(await cli(['lint'], io)).toBe(1);
		const out = stdout();
		expect(out).toMatch(
			/content\/quizzes\/other\.yaml:12:\d+ questions\.0\.options\.0\.explanation\.en: Explication manquante : .* \[missing-explanation\]/,
		);
		expect(out).toMatch(
			/content\/quizzes\/sample\.yaml:\d+:1 questions\.6\.lesson: Lien vers une section introuvable : .*#nowhere \[anchor-not-found\]/,
		);
		expect(out).toMatch(
			/dup\.yaml:\d+:1 questions\.0\.id: .* \[duplicate-id\]|sample\.yaml:\d+:1 questions\.0\.id: .* \[duplicate-id\]/,
		);
		expect(out).toMatch(/dup\.yaml:\d+:1 questions: .* \[too-few-questions\]/);
	});

	it('reports a question with no correct answer', async () => {
		const root = project({ 'no-correct.yaml': fixtureSource('no-correct.yaml') });
		const { io, stdout } = memoryIo({ LANG: 'en' }, root);
		expect(await cli(['lint', '--format', 'json'], io)).toBe(1);
		const { findings } = JSON.parse(stdout()) as { findings: { code: string; line: number }[] };
		expect(findings).toContainEqual(expect.objectContaining({ code: 'no-correct-answer', line: 9 }));
	});

	it('refuses unknown commands and flags with exit 2', async () => {
		const { io, stderr } = memoryIo({ LANG: 'en' });
		expect(await cli(['frobnicate'], io)).toBe(2);
		expect(await cli(['lint', '--nope'], io)).toBe(2);
		expect(stderr()).toContain('Usage');
	});
});

describe('quiz export', () => {
	it('writes Moodle XML to stdout, GIFT to a file, and reports skipped types', async () => {
		const root = project({ 'sample.yaml': sample });
		const xml = memoryIo({ LANG: 'fr' }, root);
		expect(await cli(['export', '--format', 'moodle-xml', '--quiz', 'sample'], xml.io)).toBe(0);
		expect(xml.stdout()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<quiz>/);
		expect(xml.stdout()).toContain('Quel type ?');
		const gift = memoryIo({ LANG: 'fr' }, root);
		expect(await cli(['export', '--format', 'gift', '--lang', 'en', '--out', 'out.gift'], gift.io)).toBe(0);
		expect(gift.stdout()).toBe('');
		expect(readFileSync(join(root, 'out.gift'), 'utf8')).toContain(
			'::sample-single::[html]<p>Which type?</p>',
		);
		expect(gift.stderr()).toContain('sample-order');
	});

	it('exits 2 for an unknown quiz or format', async () => {
		const root = project({ 'sample.yaml': sample });
		expect(await cli(['export', '--format', 'gift', '--quiz', 'nope'], memoryIo({}, root).io)).toBe(2);
		expect(await cli(['export', '--format', 'pdf'], memoryIo({}, root).io)).toBe(2);
	});
});

describe('loadQuizBank (build hook)', () => {
	it('loads a valid bank', () => {
		const bank = loadQuizBank(join(project({ 'sample.yaml': sample }), 'content/quizzes'));
		expect(bank.questions.size).toBe(6);
	});
	it('throws naming file, line and field', () => {
		const dir = join(
			project({ 'broken.yaml': fixtureSource('missing-explanation.yaml') }),
			'content/quizzes',
		);
		expect(() => loadQuizBank(dir)).toThrow(
			/broken\.yaml:12:\d+ questions\.0\.options\.0\.explanation\.en: /,
		);
	});
});

describe('lesson index', () => {
	it('slugs headings the way the built site does, and ignores component ids', async () => {
		const { headingIds } = await import('../../../labs/quiz/lessons.ts');
		const ids = headingIds(
			'---\ntitle: t\n---\n## Tout d’un coup (all-at-once)\n## 9 — Politique gérée introuvable\n## « Économique » : gratuit sauf sur site\n```\n## not a heading\n```\n<Term id="canary-deployment">x</Term>\n<div id="custom-anchor"></div>\n## Canary\n## Canary\n',
		);
		expect([...ids]).toEqual([
			'tout-dun-coup-all-at-once',
			'9--politique-gérée-introuvable',
			'-économique---gratuit-sauf-sur-site',
			'custom-anchor',
			'canary',
			'canary-1',
		]);
	});
});

describe('loadQuizBank with docsDir', () => {
	it('points module-only lesson links at the module first lesson', () => {
		const root = project({ 'sample.yaml': sample });
		const bank = loadQuizBank(join(root, 'content/quizzes'), { docsDir: join(root, 'src/content/docs') });
		expect(bank.questions.get('sample-single')?.question.lesson).toBe('03-strategies/01-intro');
		expect(bank.questions.get('sample-order')?.question.lesson).toBe('05-appspec/01-intro');
	});
});

describe('quiz stats', () => {
	it('counts questions per quiz and type', async () => {
		const { io, stdout } = memoryIo({}, project({ 'sample.yaml': sample }));
		expect(await cli(['stats'], io)).toBe(0);
		expect(stdout()).toContain('| sample | 1 | 1 | 1 | 1 | 1 | 1 | 0 | 6 |');
	});
});
