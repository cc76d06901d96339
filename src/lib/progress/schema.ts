import { z } from 'zod';

/**
 * The stored shape of the learner store, checked namespace by namespace when loading: a damaged namespace
 * is reset on its own, so a bad editor entry never costs the learner their quiz history.
 */
const iso = z.string().min(1).max(40);
const record = <T extends z.ZodType>(value: T) => z.record(z.string().max(200), value);

const storedCard = z.object({
	due: iso,
	stability: z.number(),
	difficulty: z.number(),
	elapsed_days: z.number(),
	scheduled_days: z.number(),
	learning_steps: z.number(),
	reps: z.number(),
	lapses: z.number(),
	state: z.number().int().min(0).max(3),
	last_review: iso.optional(),
});

const answer = z.looseObject({ type: z.string() });
const score = z.number().min(0).max(1);

const quizProgress = z.object({
	current: z
		.object({
			attemptId: z.string().min(1),
			startedAt: iso,
			answers: record(z.object({ answer, score, at: iso })),
		})
		.optional(),
	attempts: z.array(
		z.object({
			attemptId: z.string().min(1),
			finishedAt: iso,
			score,
			questionCount: z.number().int().min(1),
			correctCount: z.number().int().min(0),
		}),
	),
	best: score,
	questions: record(z.object({ score, at: iso })),
});

export const NAMESPACE_SCHEMAS = {
	quizzes: record(quizProgress),
	review: record(z.object({ quizId: z.string().min(1), card: storedCard })),
	lessonsVisited: record(iso),
	editorEdits: record(z.object({ source: z.string().max(200_000), updatedAt: iso })),
	exercises: record(
		z.object({ status: z.enum(['started', 'done']), updatedAt: iso, data: z.unknown().optional() }),
	),
	labParams: record(record(z.string().max(2_000))),
} as const;

export type Namespace = keyof typeof NAMESPACE_SCHEMAS;
export const NAMESPACES = Object.keys(NAMESPACE_SCHEMAS) as Namespace[];
