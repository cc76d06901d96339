import { join } from 'node:path';
import { loadQuizBank } from '../../../labs/quiz/load.ts';
import type { QuizBank } from '../../lib/quiz/bank.ts';

let cached: QuizBank | undefined;

/**
 * The question bank, loaded once per build from `content/quizzes` (the build runs from the project root).
 * A malformed file throws the loader's error, `file:line:column field: message`, which fails the build.
 */
export function quizBank(): QuizBank {
	cached ??= loadQuizBank(join(process.cwd(), 'content/quizzes'), {
		docsDir: join(process.cwd(), 'src/content/docs'),
	});
	return cached;
}
