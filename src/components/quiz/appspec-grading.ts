import type { GradeContext } from '../../lib/quiz/answer.ts';
import type { Question } from '../../lib/quiz/schema.ts';

/**
 * What grading a question needs. AppSpec fix-it questions need the AppSpec validator, loaded with import()
 * the first time one is checked, so quiz pages without such a question never download it.
 */
export async function gradeContext(question: Question): Promise<GradeContext> {
	if (question.type !== 'appspec-fix') return {};
	try {
		const { validateAppSpec } = await import('../../lib/appspec/validate.ts');
		return { validateAppSpec: (source, options) => validateAppSpec(source, options) };
	} catch {
		// The validator could not be loaded (offline): the question is ungradable, never marked wrong.
		return {};
	}
}
