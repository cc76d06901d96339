import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYamlData, formatDataFileErrors } from '../../../src/lib/content/yaml-data.ts';
import { embeddedComponents, frontmatterOf, isLesson, pagesOf, readPage } from './lessons.ts';

const fr = pagesOf('fr');
const en = pagesOf('en');

const lessonFrontmatter = z.object({
	title: z.string().min(1),
	description: z.string().min(20),
	lastVerified: z.coerce.date(),
});

describe('French / English parity of lessons', () => {
	it('every page has its twin at the same relative path', () => {
		expect(en).toEqual(fr);
	});

	for (const page of fr.filter((p) => en.includes(p))) {
		it(`${page}: both languages embed the same components`, () => {
			expect(embeddedComponents(readPage('en', page))).toEqual(embeddedComponents(readPage('fr', page)));
		});
	}
});

describe('lesson structure', () => {
	for (const lang of ['fr', 'en'] as const) {
		for (const page of pagesOf(lang).filter(isLesson)) {
			const file = `src/content/docs/${lang}/${page}`;
			const source = readPage(lang, page);

			it(`${file}: frontmatter has title, description and lastVerified`, () => {
				const result = parseYamlData(frontmatterOf(source) ?? '', lessonFrontmatter, file);
				// Frontmatter starts on line 2 of the file (after `---`).
				if (!result.ok) expect.fail(formatDataFileErrors(result.errors.map((e) => ({ ...e, line: e.line + 1 }))));
			});

			it(`${file}: objectives, takeaways, AWS docs and at least one diagram`, () => {
				const components = embeddedComponents(source);
				expect(components['Objectives'], 'missing <Objectives>').toBeGreaterThan(0);
				expect(components['KeyTakeaways'], 'missing <KeyTakeaways>').toBeGreaterThan(0);
				expect(components['AwsDocs'], 'missing <AwsDocs>').toBeGreaterThan(0);
				expect(source, 'no diagram component imported').toMatch(/from '~\/components\/(diagrams|simulator|appspec)\//);
			});

			it(`${file}: no real-looking AWS account id`, () => {
				const ids = source.match(/(?<![\d.])\d{12}(?![\d.])/g) ?? [];
				expect(ids.filter((id) => id !== '123456789012' && id !== '000000000000')).toEqual([]);
			});
		}
	}
});
