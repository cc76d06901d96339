/**
 * Validation and everything it drives in the page, without Monaco: the problems list, the exercise status.
 * Loaded lazily (with the validator) by the element when it has a saved edit to show, and by the session.
 */
import { validateAppSpec, type ValidationResult } from '../../lib/appspec/index.ts';
import { checkExercise, isExerciseId } from '../../lib/appspec/exercises.ts';
import type { EditorHost } from './host.ts';
import { problemsHtml } from './problems.ts';

export function validate(host: EditorHost, source: string): ValidationResult {
	return validateAppSpec(source, { platform: host.platform });
}

/** Re-renders the problems list, only when its content changed (the region is aria-live). */
export function renderProblems(host: EditorHost, result: ValidationResult): void {
	const body = host.querySelector<HTMLElement>('.cd-aps-problems-body');
	if (!body) return;
	const html = problemsHtml(result.diagnostics, host.pageLang);
	if (body.dataset['rendered'] === html) return;
	body.dataset['rendered'] = html;
	body.innerHTML = html;
}

/** Shows whether the goal is met; a first success is recorded in the learner store. */
export function renderGoal(host: EditorHost, result: ValidationResult | undefined): void {
	const status = host.querySelector<HTMLElement>('.cd-aps-goal-status');
	const goal = host.goal;
	if (!status || goal === undefined || !isExerciseId(goal)) return;
	// "Reached" while the current text passes; otherwise remind a learner who passed it before.
	const passing = result !== undefined && checkExercise(goal, result);
	if (passing) host.markExerciseDone();
	const key = passing ? 'goalDone' : host.exerciseDone() ? 'goalDoneBefore' : 'goalPending';
	if (key === 'goalPending') delete status.dataset['done'];
	else status.dataset['done'] = '';
	const text = host.text(key);
	if (status.textContent !== text) status.textContent = text;
}

/** Validates `source` and updates the page; returns the result for the caller (markers, code actions). */
export function checkAndRender(host: EditorHost, source: string): ValidationResult {
	const result = validate(host, source);
	renderProblems(host, result);
	renderGoal(host, result);
	return result;
}
