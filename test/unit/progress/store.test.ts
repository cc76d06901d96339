import { describe, expect, it } from 'vitest';
import { STORE_KEY, BACKUP_KEY } from '../../../src/lib/progress/key.ts';
import { load, serialize, type Migration } from '../../../src/lib/progress/load.ts';
import { reduce } from '../../../src/lib/progress/reducer.ts';
import { openStore, type StorageLike } from '../../../src/lib/progress/storage.ts';
import { exportStore, importStore } from '../../../src/lib/progress/transfer.ts';
import { emptyState, type ProgressState } from '../../../src/lib/progress/types.ts';
import { recordLessonVisit } from '../../../src/lib/progress/visit.ts';

const AT = '2026-11-26T10:00:00.000Z';

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
	const data = { ...initial };
	return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

function withAttempt(): ProgressState {
	let state = reduce(emptyState(), { type: 'quiz/start', quizId: 'q', attemptId: 'a1', at: AT });
	state = reduce(state, {
		type: 'quiz/answer',
		quizId: 'q',
		attemptId: 'a1',
		questionId: 'x',
		answer: { type: 'single', optionId: 'a' },
		score: 1,
		at: AT,
	});
	state = reduce(state, {
		type: 'quiz/answer',
		quizId: 'q',
		attemptId: 'a1',
		questionId: 'y',
		answer: { type: 'short', text: 'z' },
		score: 0,
		at: AT,
	});
	return state;
}

describe('reducer', () => {
	it('records an attempt and its score over all questions', () => {
		const state = reduce(withAttempt(), {
			type: 'quiz/finish',
			quizId: 'q',
			attemptId: 'a1',
			questionCount: 4,
			at: AT,
		});
		expect(state.quizzes['q']).toMatchObject({
			best: 0.25,
			attempts: [{ attemptId: 'a1', score: 0.25, correctCount: 1, questionCount: 4 }],
		});
		expect(state.quizzes['q']?.current).toBeUndefined();
		expect('current' in (state.quizzes['q'] ?? {})).toBe(false);
	});
	it('ignores answers for a stale attempt and never mutates its input', () => {
		const before = withAttempt();
		const frozen = JSON.stringify(before);
		const after = reduce(before, {
			type: 'quiz/answer',
			quizId: 'q',
			attemptId: 'old',
			questionId: 'x',
			answer: { type: 'single', optionId: 'b' },
			score: 0,
			at: AT,
		});
		expect(after.quizzes['q']?.current?.answers['x']?.score).toBe(1);
		expect(JSON.stringify(before)).toBe(frozen);
	});
	it('keeps the best score across attempts', () => {
		let state = reduce(withAttempt(), {
			type: 'quiz/finish',
			quizId: 'q',
			attemptId: 'a1',
			questionCount: 2,
			at: AT,
		});
		state = reduce(state, { type: 'quiz/start', quizId: 'q', attemptId: 'a2', at: AT });
		state = reduce(state, { type: 'quiz/finish', quizId: 'q', attemptId: 'a2', questionCount: 2, at: AT });
		expect(state.quizzes['q']).toMatchObject({ best: 0.5, attempts: [{ score: 0.5 }, { score: 0 }] });
	});
	it('handles every namespace', () => {
		let state = reduce(emptyState(), { type: 'lesson/visit', lesson: '03-strategies/01-intro', at: AT });
		state = reduce(state, {
			type: 'lesson/visit',
			lesson: '03-strategies/01-intro',
			at: '2027-01-01T00:00:00.000Z',
		});
		state = reduce(state, { type: 'editor/save', editorId: 'e1', source: 'version: 0.0', at: AT });
		state = reduce(state, { type: 'exercise/set', exerciseId: 'x1', status: 'done', at: AT });
		state = reduce(state, { type: 'labParams/set', labId: 'iam', params: { region: 'eu-west-3' } });
		expect(state.lessonsVisited).toEqual({ '03-strategies/01-intro': AT });
		expect(state.editorEdits['e1']?.source).toBe('version: 0.0');
		expect(state.exercises['x1']?.status).toBe('done');
		expect(state.labParams['iam']).toEqual({ region: 'eu-west-3' });
		state = reduce(state, { type: 'editor/clear', editorId: 'e1' });
		state = reduce(state, { type: 'labParams/clear', labId: 'iam' });
		expect(state.editorEdits).toEqual({});
		expect(state.labParams).toEqual({});
		expect(reduce(state, { type: 'store/reset' })).toEqual(emptyState());
	});
});

describe('load: corruption recovery and migration', () => {
	it('starts empty without a notice when nothing is stored', () => {
		expect(load(null)).toEqual({ state: emptyState() });
	});
	it.each(['{not json', '[]', '42', '"text"', '{"no":"version"}', '{"version":"1"}', '{"version":0}'])(
		'resets %j with a notice, never throws',
		(raw) => {
			expect(load(raw)).toEqual({ state: emptyState(), notice: 'reset-corrupt' });
		},
	);
	it('round-trips a valid state', () => {
		const state = withAttempt();
		expect(load(serialize(state))).toEqual({ state });
	});
	it('resets only the damaged namespace', () => {
		const doc = { ...withAttempt(), editorEdits: { e1: { source: 42 } } };
		const result = load(JSON.stringify(doc));
		expect(result.notice).toBe('repaired');
		expect(result.repaired).toEqual(['editorEdits']);
		expect(result.state.quizzes).toEqual(withAttempt().quizzes);
		expect(result.state.editorEdits).toEqual({});
	});
	it('refuses a newer version rather than guessing', () => {
		expect(load('{"version":99}').notice).toBe('newer-version');
	});
	it('runs the migration chain from an older version', () => {
		// A hypothetical v1 → v2 → v3 history: v1 kept visited lessons as a list.
		const migrations: Record<number, Migration> = {
			1: (doc) => ({
				...doc,
				version: 2,
				lessonsVisited: Object.fromEntries((doc['visited'] as string[]).map((l) => [l, AT])),
			}),
			2: (doc) => ({ ...doc, version: 3 }),
		};
		const result = load(
			JSON.stringify({ version: 1, visited: ['01-pipeline/01-cicd-on-aws'] }),
			migrations,
			3,
		);
		expect(result.notice).toBe('migrated');
		expect(result.state.lessonsVisited).toEqual({ '01-pipeline/01-cicd-on-aws': AT });
	});
	it('resets when a migration step is missing or throws', () => {
		expect(load('{"version":1}', {}, 2).notice).toBe('reset-corrupt');
		expect(
			load(
				'{"version":1}',
				{
					1: () => {
						throw new Error('x');
					},
				},
				2,
			).notice,
		).toBe('reset-corrupt');
	});
});

describe('export and import', () => {
	const now = new Date(AT);
	it('imports its own export', () => {
		const state = withAttempt();
		expect(importStore(exportStore(state, now))).toEqual({ ok: true, state });
	});
	it('migrates an older export', () => {
		const migrations: Record<number, Migration> = { 1: (doc) => ({ ...doc, version: 2 }) };
		const old = JSON.stringify({
			format: 'atelier-codedeploy-progress',
			exportedAt: AT,
			store: { version: 1, lessonsVisited: { 'a/b': AT } },
		});
		expect(importStore(old, migrations, 2)).toMatchObject({
			ok: true,
			notice: 'migrated',
			state: { lessonsVisited: { 'a/b': AT } },
		});
	});
	it('refuses files that are not a progress export', () => {
		expect(importStore('nope')).toEqual({ ok: false, error: 'not-json' });
		expect(importStore('{"hello":1}')).toEqual({ ok: false, error: 'not-a-progress-file' });
		expect(importStore('{"version":7}')).toEqual({ ok: false, error: 'newer-version' });
	});
});

describe('storage adapter', () => {
	it('persists every dispatch under the one key', () => {
		const storage = memoryStorage();
		const store = openStore(storage);
		store.dispatch({ type: 'lesson/visit', lesson: '01-pipeline/01-cicd-on-aws', at: AT });
		expect(JSON.parse(storage.data[STORE_KEY] ?? '')).toMatchObject({
			version: 1,
			lessonsVisited: { '01-pipeline/01-cicd-on-aws': AT },
		});
		expect(openStore(storage).state.lessonsVisited).toEqual({ '01-pipeline/01-cicd-on-aws': AT });
	});
	it('keeps working in memory when storage throws (private mode, quota)', () => {
		const blocked: StorageLike = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
		};
		const store = openStore(blocked);
		const state = store.dispatch({ type: 'lesson/visit', lesson: 'a/b', at: AT });
		expect(state.lessonsVisited).toEqual({ 'a/b': AT });
		expect(store.persistent).toBe(false);
		expect(openStore(null).persistent).toBe(false);
	});
	it('backs up corrupt data before resetting it', () => {
		const storage = memoryStorage({ [STORE_KEY]: '{broken' });
		const store = openStore(storage);
		expect(store.loaded.notice).toBe('reset-corrupt');
		expect(storage.data[BACKUP_KEY]).toBe('{broken');
	});
	it('notifies subscribers', () => {
		const store = openStore(memoryStorage());
		const seen: number[] = [];
		const stop = store.subscribe((s) => seen.push(Object.keys(s.lessonsVisited).length));
		store.dispatch({ type: 'lesson/visit', lesson: 'a/b', at: AT });
		stop();
		store.dispatch({ type: 'lesson/visit', lesson: 'a/c', at: AT });
		expect(seen).toEqual([1]);
	});
});

describe('recordLessonVisit (per-page script)', () => {
	it('adds the visit to an empty or current store, which the full loader reads', () => {
		const storage = memoryStorage();
		expect(recordLessonVisit(storage, '05-appspec/01-structure', AT)).toBe(true);
		expect(load(storage.data[STORE_KEY] ?? null)).toEqual({
			state: { ...emptyState(), lessonsVisited: { '05-appspec/01-structure': AT } },
		});
		const withQuiz = memoryStorage({ [STORE_KEY]: serialize(withAttempt()) });
		recordLessonVisit(withQuiz, 'a/b', AT);
		expect(load(withQuiz.data[STORE_KEY] ?? null).state.quizzes).toEqual(withAttempt().quizzes);
	});
	it('leaves data it does not understand untouched', () => {
		for (const raw of ['{broken', '{"version":2}', '{"version":1,"lessonsVisited":[]}']) {
			const storage = memoryStorage({ [STORE_KEY]: raw });
			expect(recordLessonVisit(storage, 'a/b', AT)).toBe(false);
			expect(storage.data[STORE_KEY]).toBe(raw);
		}
		expect(recordLessonVisit(null, 'a/b', AT)).toBe(false);
	});
});
