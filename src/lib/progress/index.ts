/** The learner store (DESIGN.md): one key, one versioned schema, one pure reducer. */
export { STORE_KEY, STORE_VERSION, BACKUP_KEY } from './key.ts';
export { emptyState } from './types.ts';
export type * from './types.ts';
export { reduce, MAX_ATTEMPTS, type ProgressAction } from './reducer.ts';
export {
	load,
	serialize,
	fromDocument,
	MIGRATIONS,
	type LoadNotice,
	type LoadResult,
	type Migration,
} from './load.ts';
export { exportStore, exportFileName, importStore, EXPORT_FORMAT, type ImportResult } from './transfer.ts';
export { openStore, browserStorage, type ProgressStore, type StorageLike } from './storage.ts';
export { dueQuestions, nextReviewAt, type DueQuestion } from './review-queue.ts';
export { moduleSummaries, type ModuleSummary, type SummaryInput } from './summary.ts';
export { recordLessonVisit } from './visit.ts';
export { peekProgress, type ProgressPeek } from './peek.ts';
