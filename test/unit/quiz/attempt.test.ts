import { describe, expect, it } from 'vitest';
import { newAttemptId, planAttempt } from '../../../src/lib/quiz/attempt.ts';
import { buildBank, resolveQuiz } from '../../../src/lib/quiz/bank.ts';
import { sampleQuiz } from './helpers.ts';

const quiz = resolveQuiz(buildBank([sampleQuiz()]), 'sample');

describe('attempts', () => {
	it('rebuilds the same orders from the same attempt id (a reload mid-attempt)', () => {
		expect(planAttempt(quiz, 'attempt-1')).toEqual(planAttempt(quiz, 'attempt-1'));
	});

	it('gives a retry a new order', () => {
		const orders = new Set(
			Array.from({ length: 20 }, (_, i) => JSON.stringify(planAttempt(quiz, `attempt-${i}`).order)),
		);
		expect(orders.size).toBeGreaterThan(10);
	});

	it('shuffles ids only: every option, item and choice appears exactly once', () => {
		const plan = planAttempt(quiz, 'x');
		expect([...(plan.order['sample-multiple'] ?? [])].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect([...(plan.order['sample-match'] ?? [])].sort()).toEqual(['ec2', 'immutable', 'lambda']);
		expect(plan.order['sample-short']).toBeUndefined();
		expect(plan.questionIds).toEqual(quiz.questions.map((q) => q.question.id));
	});

	it('never presents an ordering question already solved', () => {
		for (let i = 0; i < 200; i++) {
			expect(planAttempt(quiz, `seed-${i}`).order['sample-order']).not.toEqual([
				'stop',
				'before',
				'after',
				'start',
			]);
		}
	});

	it('makes distinct attempt ids', () => {
		const now = new Date('2026-11-26T10:00:00Z');
		let n = 0;
		const random = () => (n++ % 10) / 10;
		expect(newAttemptId(now, random)).not.toBe(newAttemptId(now, random));
	});
});
