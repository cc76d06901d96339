/**
 * `<cd-appspec-editor>`: upgrades the server-rendered AppSpec (AppSpecEditor.astro). This module stays small:
 * the validator (check.ts) and Monaco (session.ts) are loaded with import() only when needed — Monaco when the
 * learner focuses, clicks or types in the file (a hover only preloads it), never on page load or scroll.
 */
import { browserStorage, openStore, type ProgressStore } from '../../lib/progress/storage.ts';
import type { Platform } from '../../lib/appspec/index.ts';
import type { Lang } from '../../lib/i18n/localized.ts';
import type { EditorHost } from './host.ts';
import type { EditorMessageKey } from './messages.ts';
import type { EditorSession } from './session.ts';

const SAVE_DELAY_MS = 300;
const PRELOAD_DWELL_MS = 150;

let sharedStore: ProgressStore | undefined;
function store(): ProgressStore {
	sharedStore ??= openStore(browserStorage());
	return sharedStore;
}

/** Other widgets on the page write the same key: re-read it before each write so none overwrites another. */
function dispatchFresh(action: Parameters<ProgressStore['dispatch']>[0]): void {
	const s = store();
	// Without storage, reloading would only wipe this page's in-memory progress.
	if (s.persistent) s.reload();
	s.dispatch(action);
}

class AppSpecEditorElement extends HTMLElement implements EditorHost {
	#source = '';
	#strings: Partial<Record<EditorMessageKey, string>> = {};
	#session: Promise<EditorSession> | undefined;
	#saveTimer: ReturnType<typeof setTimeout> | undefined;
	#preloadTimer: ReturnType<typeof setTimeout> | undefined;

	get editorId(): string {
		return this.dataset['id'] ?? '';
	}
	get platform(): Platform {
		const value = this.dataset['platform'];
		return value === 'ecs' || value === 'lambda' ? value : 'server';
	}
	get pageLang(): Lang {
		return this.dataset['lang'] === 'en' ? 'en' : 'fr';
	}
	get initial(): string {
		return this.dataset['initial'] ?? '';
	}
	get goal(): string | undefined {
		return this.dataset['goal'] || undefined;
	}
	get source(): string {
		return this.#source;
	}
	get exerciseKey(): string {
		return `appspec:${this.goal ?? this.editorId}`;
	}

	text(key: EditorMessageKey): string {
		return this.#strings[key] ?? key;
	}

	connectedCallback(): void {
		if (this.#source) return;
		try {
			this.#strings = JSON.parse(this.dataset['strings'] ?? '{}') as Partial<
				Record<EditorMessageKey, string>
			>;
		} catch {
			this.#strings = {};
		}
		this.#source = this.initial;
		const surface = this.querySelector<HTMLElement>('.cd-aps-surface');
		if (surface) this.#listen(surface);
		this.addEventListener('click', (event) => this.#onClick(event));
		addEventListener('pagehide', () => this.#flushSave());

		const saved = store().state.editorEdits[this.editorId]?.source;
		if (saved !== undefined && saved !== this.initial) this.#showSaved(saved);
		else this.#showGoalStatus();
		if (!store().persistent) this.#note(this.text('notPersistent'));
	}

	#listen(surface: HTMLElement): void {
		const activate = () => void this.activate();
		surface.addEventListener('focusin', activate);
		surface.addEventListener('pointerdown', activate);
		surface.addEventListener('keydown', activate);
		surface.addEventListener('pointerenter', () => {
			this.#preloadTimer = setTimeout(() => void import('./session.ts'), PRELOAD_DWELL_MS);
		});
		surface.addEventListener('pointerleave', () => clearTimeout(this.#preloadTimer));
	}

	/** Shows a saved edit as plain text (no Monaco yet) and re-validates it for the problems list. */
	#showSaved(saved: string): void {
		this.#source = saved;
		const staticView = this.querySelector<HTMLElement>('.cd-aps-static');
		if (staticView) staticView.hidden = true;
		let pre = this.querySelector<HTMLPreElement>('.cd-aps-saved');
		if (!pre) {
			pre = document.createElement('pre');
			pre.className = 'cd-aps-saved';
			pre.setAttribute('aria-label', this.text('savedEdit'));
			staticView?.after(pre);
		}
		pre.textContent = saved;
		void import('./check.ts').then((check) => check.checkAndRender(this, saved));
	}

	/** Loads Monaco (once) and replaces the static view with the editor. */
	activate(): Promise<EditorSession> {
		if (!this.#session) {
			this.#note(this.text('loading'));
			this.#session = import('./session.ts')
				.then((module) => module.startSession(this))
				.then((session) => {
					this.#note('');
					return session;
				});
			this.#session.catch((error: unknown) => {
				this.#note(this.text('loadFailed'));
				this.#session = undefined;
				console.warn('AppSpec editor:', error);
			});
		}
		return this.#session;
	}

	updateSource(source: string): void {
		this.#source = source;
		clearTimeout(this.#saveTimer);
		this.#saveTimer = setTimeout(() => this.#flushSave(), SAVE_DELAY_MS);
	}

	#flushSave(force = false): void {
		if (this.#saveTimer === undefined && !force) return;
		clearTimeout(this.#saveTimer);
		this.#saveTimer = undefined;
		const at = new Date().toISOString();
		if (this.#source === this.initial) dispatchFresh({ type: 'editor/clear', editorId: this.editorId });
		else dispatchFresh({ type: 'editor/save', editorId: this.editorId, source: this.#source, at });
	}

	exerciseDone(): boolean {
		return store().state.exercises[this.exerciseKey]?.status === 'done';
	}

	markExerciseDone(): void {
		if (this.exerciseDone()) return;
		dispatchFresh({
			type: 'exercise/set',
			exerciseId: this.exerciseKey,
			status: 'done',
			at: new Date().toISOString(),
		});
	}

	#onClick(event: Event): void {
		const target = event.target instanceof Element ? event.target.closest('button') : null;
		if (!target || !this.contains(target)) return;
		const action = target.dataset['action'];
		if (action === 'reset') void this.#reset();
		else if (action === 'copy') void this.#copy();
		else if (action === 'download') this.#download();
		else if (target.dataset['fix'] !== undefined) {
			const index = Number(target.dataset['fix']);
			void this.activate().then((session) => session.applyFix(index));
		} else if (target.dataset['line'] !== undefined) {
			const line = Number(target.dataset['line']);
			const column = Number(target.dataset['column'] ?? 1);
			void this.activate().then((session) => session.goTo(line, column));
		}
	}

	async #reset(): Promise<void> {
		this.#source = this.initial;
		this.#flushSave(true);
		const pre = this.querySelector<HTMLElement>('.cd-aps-saved');
		pre?.remove();
		const staticView = this.querySelector<HTMLElement>('.cd-aps-static');
		if (this.#session) (await this.#session).setSource(this.initial);
		else if (staticView) staticView.hidden = false;
		const check = await import('./check.ts');
		check.checkAndRender(this, this.initial);
	}

	async #copy(): Promise<void> {
		try {
			await navigator.clipboard.writeText(this.#source);
			this.#note(this.text('copied'));
		} catch {
			this.#note(this.text('copyFailed'));
		}
	}

	#download(): void {
		const url = URL.createObjectURL(new Blob([this.#source], { type: 'text/yaml' }));
		const link = document.createElement('a');
		link.href = url;
		link.download = 'appspec.yml';
		link.click();
		setTimeout(() => URL.revokeObjectURL(url), 1000);
	}

	/** The goal's status before any validation: only what the store remembers (no validator download). */
	#showGoalStatus(): void {
		const status = this.querySelector<HTMLElement>('.cd-aps-goal-status');
		if (!status || !this.goal) return;
		const done = this.exerciseDone();
		status.textContent = this.text(done ? 'goalDoneBefore' : 'goalPending');
		if (done) status.dataset['done'] = '';
	}

	#note(text: string): void {
		const note = this.querySelector<HTMLElement>('.cd-aps-note');
		if (note) note.textContent = text;
	}
}

if (!customElements.get('cd-appspec-editor'))
	customElements.define('cd-appspec-editor', AppSpecEditorElement);
