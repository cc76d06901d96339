import * as z from 'zod/mini';

/**
 * The stored shape of the learner store, checked namespace by namespace when loading: a damaged namespace
 * is reset on its own, so a bad editor entry never costs the learner their quiz history.
 * zod/mini (not classic zod) because this ships to the browser with the quiz and progress pages.
 */
const iso = z.string().check(z.minLength(1), z.maxLength(40));
const id = z.string().check(z.minLength(1), z.maxLength(200));
const record = <T extends z.ZodMiniType>(value: T) => z.record(z.string().check(z.maxLength(200)), value);
const score = z.number().check(z.gte(0), z.lte(1));
const count = z.int().check(z.gte(0));

const storedCard = z.object({
	due: iso,
	stability: z.number(),
	difficulty: z.number(),
	elapsed_days: z.number(),
	scheduled_days: z.number(),
	learning_steps: z.number(),
	reps: z.number(),
	lapses: z.number(),
	state: z.int().check(z.gte(0), z.lte(3)),
	last_review: z.optional(iso),
});

const quizProgress = z.object({
	current: z.optional(
		z.object({
			attemptId: id,
			startedAt: iso,
			answers: record(z.object({ answer: z.looseObject({ type: z.string() }), score, at: iso })),
		}),
	),
	attempts: z.array(
		z.object({
			attemptId: id,
			finishedAt: iso,
			score,
			questionCount: z.int().check(z.gte(1)),
			correctCount: count,
		}),
	),
	best: score,
	questions: record(z.object({ score, at: iso })),
});

export const NAMESPACE_SCHEMAS = {
	quizzes: record(quizProgress),
	review: record(z.object({ quizId: id, card: storedCard })),
	lessonsVisited: record(iso),
	editorEdits: record(z.object({ source: z.string().check(z.maxLength(200_000)), updatedAt: iso })),
	exercises: record(
		z.object({ status: z.enum(['started', 'done']), updatedAt: iso, data: z.optional(z.unknown()) }),
	),
	labParams: record(record(z.string().check(z.maxLength(2_000)))),
} as const;

export type Namespace = keyof typeof NAMESPACE_SCHEMAS;
export const NAMESPACES = Object.keys(NAMESPACE_SCHEMAS) as Namespace[];
