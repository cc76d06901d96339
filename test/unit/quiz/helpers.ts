import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseQuizSource } from '../../../src/lib/quiz/parse.ts';
import type { QuizFile } from '../../../src/lib/quiz/schema.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/quiz/', import.meta.url));

export function fixtureSource(name: string): string {
	return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/** The valid sample quiz, parsed (throws if the fixture stops being valid). */
export function sampleQuiz(): QuizFile {
	const parsed = parseQuizSource(fixtureSource('sample.yaml'), 'sample.yaml');
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.quiz;
}

export function questionOf(quiz: QuizFile, id: string) {
	const question = quiz.questions?.find((q) => q.id === id);
	if (!question) throw new Error(`no question ${id}`);
	return question;
}
