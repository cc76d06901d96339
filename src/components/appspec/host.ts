/**
 * What the lazily loaded parts of the editor (check.ts, session.ts) need from the custom element. Kept as a
 * type so they never import the element module (and its registration side effect) themselves.
 */
import type { Lang } from '../../lib/i18n/localized.ts';
import type { Platform } from '../../lib/appspec/index.ts';
import type { EditorMessageKey } from './messages.ts';

export interface EditorHost extends HTMLElement {
	readonly editorId: string;
	readonly platform: Platform;
	readonly pageLang: Lang;
	readonly initial: string;
	readonly goal: string | undefined;
	/** The text the learner currently has (the example, a saved edit, or what they are typing). */
	readonly source: string;
	text(key: EditorMessageKey): string;
	/** Records a new text: kept in memory at once, written to the learner store shortly after. */
	updateSource(source: string): void;
	/** Records the exercise as passed in the learner store (once). */
	markExerciseDone(): void;
	exerciseDone(): boolean;
}
