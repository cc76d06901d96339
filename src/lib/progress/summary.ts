import { dueQuestions } from './review-queue.ts';
import type { ProgressState } from './types.ts';

export interface ModuleSummary {
	readonly module: string;
	/** Lessons of this module visited at least once. */
	readonly lessonsVisited: number;
	readonly lessonsTotal: number | undefined;
	readonly quizId: string | undefined;
	readonly attempts: number;
	/** 0 to 1, undefined before a first finished attempt. */
	readonly bestScore: number | undefined;
	readonly lastScore: number | undefined;
	/** Questions of this module's quiz that are due for review now. */
	readonly reviewDue: number;
	/** 0 to 1: the share of lessons visited and the quiz's best score, weighted equally. */
	readonly completion: number;
}

export interface SummaryInput {
	/** Module slugs in course order (src/lib/course/modules.ts). */
	readonly modules: readonly { readonly slug: string }[];
	/** Module slug → id of the quiz that closes it. */
	readonly quizByModule: Readonly<Record<string, string>>;
	/** Module slug → number of lessons, when the page knows it (the sidebar does). */
	readonly lessonCounts?: Readonly<Record<string, number>>;
}

/** Per-module progress for the sidebar, the course home and the progress page. */
export function moduleSummaries(state: ProgressState, input: SummaryInput, now: Date): ModuleSummary[] {
	const due = dueQuestions(state, now);
	const visited = Object.keys(state.lessonsVisited);
	return input.modules.map(({ slug }) => {
		const quizId = input.quizByModule[slug];
		const quiz = quizId ? state.quizzes[quizId] : undefined;
		const lessonsVisited = visited.filter((lesson) => lesson.startsWith(`${slug}/`)).length;
		const lessonsTotal = input.lessonCounts?.[slug];
		const bestScore = quiz && quiz.attempts.length > 0 ? quiz.best : undefined;
		const lessonShare = lessonsTotal
			? Math.min(1, lessonsVisited / lessonsTotal)
			: lessonsVisited > 0
				? 1
				: 0;
		return {
			module: slug,
			lessonsVisited,
			lessonsTotal,
			quizId,
			attempts: quiz?.attempts.length ?? 0,
			bestScore,
			lastScore: quiz?.attempts.at(-1)?.score,
			reviewDue: due.filter((entry) => entry.quizId === quizId).length,
			completion: Math.round(((lessonShare + (bestScore ?? 0)) / 2) * 100) / 100,
		};
	});
}
