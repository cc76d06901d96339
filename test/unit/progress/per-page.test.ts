import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { STORE_KEY } from '../../../src/lib/progress/key.ts';
import { serialize } from '../../../src/lib/progress/load.ts';
import { peekProgress } from '../../../src/lib/progress/peek.ts';
import { reduce } from '../../../src/lib/progress/reducer.ts';
import { emptyState } from '../../../src/lib/progress/types.ts';

const AT = '2026-11-26T10:00:00.000Z';
const storageWith = (raw: string | null) => ({ getItem: (key: string) => (key === STORE_KEY ? raw : null) });

describe('peekProgress (per-page progress display)', () => {
	it('reads visited lessons and best scores of finished attempts', () => {
		let state = reduce(emptyState(), { type: 'lesson/visit', lesson: '05-appspec/01-structure', at: AT });
		state = reduce(state, { type: 'quiz/start', quizId: '05-appspec', attemptId: 'a', at: AT });
		state = reduce(state, {
			type: 'quiz/answer',
			quizId: '05-appspec',
			attemptId: 'a',
			questionId: 'x',
			answer: { type: 'short', text: 'x' },
			score: 1,
			at: AT,
		});
		state = reduce(state, {
			type: 'quiz/finish',
			quizId: '05-appspec',
			attemptId: 'a',
			questionCount: 4,
			at: AT,
		});
		state = reduce(state, { type: 'quiz/start', quizId: '06-deployment-types', attemptId: 'b', at: AT });
		expect(peekProgress(storageWith(serialize(state)))).toEqual({
			lessonsVisited: ['05-appspec/01-structure'],
			bestScores: { '05-appspec': 0.25 },
		});
	});

	it.each([null, '{bad', '[]', '{"version":2}', '{"version":1,"quizzes":{"q":{"attempts":[1],"best":7}}}'])(
		'reads %j as no progress',
		(raw) => {
			expect(peekProgress(storageWith(raw))).toEqual({ lessonsVisited: [], bestScores: {} });
		},
	);

	it('survives storage that throws', () => {
		expect(
			peekProgress({
				getItem: () => {
					throw new Error('SecurityError');
				},
			}),
		).toEqual({ lessonsVisited: [], bestScores: {} });
		expect(peekProgress(null)).toEqual({ lessonsVisited: [], bestScores: {} });
	});
});

describe('per-page script size', () => {
	it('keeps "lesson visited" + progress peek far below the 5 KB budget (minified, gzipped)', async () => {
		const entry = `export { recordLessonVisit } from './visit.ts'; export { peekProgress } from './peek.ts';`;
		const result = await build({
			stdin: {
				contents: entry,
				resolveDir: fileURLToPath(new URL('../../../src/lib/progress/', import.meta.url)),
				loader: 'ts',
			},
			bundle: true,
			minify: true,
			format: 'esm',
			write: false,
			logLevel: 'silent',
		});
		const code = result.outputFiles[0]?.contents ?? new Uint8Array();
		// Nothing heavy may sneak in: zod, ts-fsrs or the quiz engine would each blow this limit.
		expect(gzipSync(code).length).toBeLessThan(1024);
	});
});
