import type { Answer } from '../quiz/answer.ts';
import type { ExerciseProgress, ProgressState, QuizProgress, ReviewEntry } from './types.ts';
import { emptyState } from './types.ts';

/** Attempts kept per quiz: enough for a history, small enough for localStorage. */
export const MAX_ATTEMPTS = 20;

export type ProgressAction =
	| { type: 'quiz/start'; quizId: string; attemptId: string; at: string }
	| {
			type: 'quiz/answer';
			quizId: string;
			attemptId: string;
			questionId: string;
			answer: Answer;
			score: number;
			at: string;
	  }
	| { type: 'quiz/finish'; quizId: string; attemptId: string; questionCount: number; at: string }
	| { type: 'quiz/reset'; quizId: string }
	| { type: 'review/set'; questionId: string; entry: ReviewEntry }
	| { type: 'review/remove'; questionId: string }
	/** A review answer: updates the question's latest score without touching any quiz attempt. */
	| { type: 'review/answer'; quizId: string; questionId: string; score: number; at: string }
	| { type: 'lesson/visit'; lesson: string; at: string }
	| { type: 'editor/save'; editorId: string; source: string; at: string }
	| { type: 'editor/clear'; editorId: string }
	| {
			type: 'exercise/set';
			exerciseId: string;
			status: ExerciseProgress['status'];
			data?: unknown;
			at: string;
	  }
	| { type: 'labParams/set'; labId: string; params: Readonly<Record<string, string>> }
	| { type: 'labParams/clear'; labId: string }
	| { type: 'store/reset' };

const NO_QUIZ: QuizProgress = { attempts: [], best: 0, questions: {} };

/** The one reducer: pure, never mutates `state`, ignores actions that do not apply (e.g. a stale attempt id). */
export function reduce(state: ProgressState, action: ProgressAction): ProgressState {
	switch (action.type) {
		case 'quiz/start':
		case 'quiz/answer':
		case 'quiz/finish':
		case 'quiz/reset':
			return withQuiz(state, action.quizId, reduceQuiz(state.quizzes[action.quizId] ?? NO_QUIZ, action));
		case 'review/set':
			return { ...state, review: { ...state.review, [action.questionId]: action.entry } };
		case 'review/remove':
			return { ...state, review: without(state.review, action.questionId) };
		case 'review/answer': {
			const quiz = state.quizzes[action.quizId] ?? NO_QUIZ;
			const questions = { ...quiz.questions, [action.questionId]: { score: action.score, at: action.at } };
			return withQuiz(state, action.quizId, { ...quiz, questions });
		}
		case 'lesson/visit':
			if (state.lessonsVisited[action.lesson]) return state;
			return { ...state, lessonsVisited: { ...state.lessonsVisited, [action.lesson]: action.at } };
		case 'editor/save':
			return {
				...state,
				editorEdits: {
					...state.editorEdits,
					[action.editorId]: { source: action.source, updatedAt: action.at },
				},
			};
		case 'editor/clear':
			return { ...state, editorEdits: without(state.editorEdits, action.editorId) };
		case 'exercise/set': {
			const entry: ExerciseProgress =
				action.data === undefined
					? { status: action.status, updatedAt: action.at }
					: { status: action.status, updatedAt: action.at, data: action.data };
			return { ...state, exercises: { ...state.exercises, [action.exerciseId]: entry } };
		}
		case 'labParams/set':
			return { ...state, labParams: { ...state.labParams, [action.labId]: { ...action.params } } };
		case 'labParams/clear':
			return { ...state, labParams: without(state.labParams, action.labId) };
		case 'store/reset':
			return emptyState();
	}
}

type QuizAction = Extract<ProgressAction, { type: `quiz/${string}` }>;

function reduceQuiz(quiz: QuizProgress, action: QuizAction): QuizProgress {
	switch (action.type) {
		case 'quiz/start':
			return { ...quiz, current: { attemptId: action.attemptId, startedAt: action.at, answers: {} } };
		case 'quiz/answer': {
			const current = quiz.current;
			if (!current || current.attemptId !== action.attemptId) return quiz;
			const stored = { answer: action.answer, score: action.score, at: action.at };
			return {
				...quiz,
				current: { ...current, answers: { ...current.answers, [action.questionId]: stored } },
				questions: { ...quiz.questions, [action.questionId]: { score: action.score, at: action.at } },
			};
		}
		case 'quiz/finish': {
			const current = quiz.current;
			if (!current || current.attemptId !== action.attemptId || action.questionCount < 1) return quiz;
			const scores = Object.values(current.answers).map((a) => a.score);
			const score = Math.round((scores.reduce((sum, s) => sum + s, 0) / action.questionCount) * 1e4) / 1e4;
			const finished = {
				attemptId: current.attemptId,
				finishedAt: action.at,
				score,
				questionCount: action.questionCount,
				correctCount: scores.filter((s) => s === 1).length,
			};
			const attempts = [...quiz.attempts, finished].slice(-MAX_ATTEMPTS);
			return { ...quiz, current: undefined, attempts, best: Math.max(quiz.best, score) };
		}
		case 'quiz/reset':
			return NO_QUIZ;
	}
}

function withQuiz(state: ProgressState, quizId: string, quiz: QuizProgress): ProgressState {
	// exactOptionalPropertyTypes: an attempt that ended leaves no `current: undefined` behind.
	const { current, ...rest } = quiz;
	return { ...state, quizzes: { ...state.quizzes, [quizId]: current ? { ...rest, current } : rest } };
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
	const copy = { ...record };
	delete copy[key];
	return copy;
}
