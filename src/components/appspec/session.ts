/**
 * One live editor: a Monaco instance over the learner's text, validated synchronously after each change
 * (the validator takes a few milliseconds on a 200-line file), with our diagnostics as markers, quick fixes as
 * code actions and as buttons in the problems list, and the text saved through the element to the store.
 */
import { fixTitle, formatDiagnostic, type Diagnostic, type Range } from '../../lib/appspec/index.ts';
import { checkAndRender } from './check.ts';
import type { EditorHost } from './host.ts';
import { configureYaml, followTheme, monaco } from './monaco.ts';

export interface EditorSession {
	setSource(source: string): void;
	goTo(line: number, column: number): void;
	applyFix(index: number): void;
}

const LINE_HEIGHT_PX = 19;

/** Current diagnostics per model, for the code action provider (one provider serves every editor). */
const diagnosticsByModel = new WeakMap<monaco.editor.ITextModel, readonly Diagnostic[]>();

const toMonacoRange = (range: Range) =>
	new monaco.Range(range.start.line, range.start.column, range.end.line, range.end.column);

const SEVERITY = {
	error: monaco.MarkerSeverity.Error,
	warning: monaco.MarkerSeverity.Warning,
	info: monaco.MarkerSeverity.Info,
} as const;

function toMarker(diagnostic: Diagnostic, lang: EditorHost['pageLang']): monaco.editor.IMarkerData {
	return {
		...toMonacoRange(diagnostic.range).toJSON(),
		severity: SEVERITY[diagnostic.severity],
		message: formatDiagnostic(diagnostic, lang),
		code: diagnostic.code,
		source: 'AppSpec',
	};
}

let codeActionsRegistered = false;
function registerCodeActions(lang: EditorHost['pageLang']): void {
	if (codeActionsRegistered) return;
	codeActionsRegistered = true;
	monaco.languages.registerCodeActionProvider('yaml', {
		provideCodeActions(model, range) {
			const diagnostics = diagnosticsByModel.get(model) ?? [];
			const actions = diagnostics
				.filter((d) => d.fix && toMonacoRange(d.range).intersectRanges(range))
				.map((d) => ({
					title: fixTitle(d.fix!, lang),
					kind: 'quickfix',
					isPreferred: true,
					diagnostics: [toMarker(d, lang)],
					edit: {
						edits: d.fix!.edits.map((edit) => ({
							resource: model.uri,
							versionId: model.getVersionId(),
							textEdit: { range: toMonacoRange(edit.range), text: edit.text },
						})),
					},
				}));
			return { actions, dispose: () => undefined };
		},
	});
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

function editorHeight(source: string): number {
	const lines = Math.min(Math.max(source.split('\n').length + 1, 8), 30);
	return lines * LINE_HEIGHT_PX + 16;
}

export function startSession(host: EditorHost): EditorSession {
	configureYaml(host.pageLang);
	registerCodeActions(host.pageLang);
	const surface = host.querySelector<HTMLElement>('.cd-aps-surface') ?? host;
	const container = document.createElement('div');
	container.className = 'cd-aps-monaco';
	container.style.height = `${editorHeight(host.source)}px`;
	for (const view of host.querySelectorAll<HTMLElement>('.cd-aps-static, .cd-aps-saved')) view.hidden = true;
	surface.append(container);
	// The wrapper was the focus target before Monaco existed; now the editor's own text area is.
	surface.removeAttribute('tabindex');

	const model = monaco.editor.createModel(
		host.source,
		'yaml',
		monaco.Uri.parse(`file:///${host.editorId}/appspec.yml`),
	);
	const editor = monaco.editor.create(container, {
		model,
		ariaLabel: surface.getAttribute('aria-label') ?? 'appspec.yml',
		automaticLayout: true,
		minimap: { enabled: false },
		scrollBeyondLastLine: false,
		tabSize: 2,
		insertSpaces: true,
		fontSize: 14,
		lineHeight: LINE_HEIGHT_PX,
		renderWhitespace: 'boundary',
		smoothScrolling: !reducedMotion(),
		cursorBlinking: reducedMotion() ? 'solid' : 'blink',
		cursorSmoothCaretAnimation: 'off',
		fixedOverflowWidgets: true,
		stickyScroll: { enabled: false },
	});
	followTheme();

	const validateNow = () => {
		const started = performance.now();
		const result = checkAndRender(host, model.getValue());
		diagnosticsByModel.set(model, result.diagnostics);
		monaco.editor.setModelMarkers(
			model,
			'appspec',
			result.diagnostics.map((d) => toMarker(d, host.pageLang)),
		);
		// Observed by the bench (labs/bench/appspec-editor.ts): when the markers are set, and what it cost.
		const detail = { version: model.getVersionId(), validateMs: performance.now() - started };
		host.dispatchEvent(new CustomEvent('cd-appspec-validated', { bubbles: true, detail }));
		return result.diagnostics;
	};
	// Validation takes a few milliseconds, so it runs at once, in a microtask: the change events of one edit
	// (Monaco can emit several) are coalesced, and the markers are set before the browser paints the keystroke.
	// A timer would wait for that paint, one frame (~16 ms) later.
	let pending = false;
	model.onDidChangeContent(() => {
		host.updateSource(model.getValue());
		container.style.height = `${editorHeight(model.getValue())}px`;
		if (pending) return;
		pending = true;
		queueMicrotask(() => {
			pending = false;
			validateNow();
		});
	});
	validateNow();

	// Escape leaves the editor (Monaco keeps Tab for indentation) unless a widget is open and wants it.
	editor.addCommand(
		monaco.KeyCode.Escape,
		() => host.querySelector<HTMLElement>('.cd-aps-toolbar button')?.focus(),
		'!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !renameInputVisible && !markersNavigationVisible',
	);
	editor.focus();

	return {
		setSource(source) {
			editor.pushUndoStop();
			editor.executeEdits('cd-reset', [{ range: model.getFullModelRange(), text: source }]);
			editor.pushUndoStop();
		},
		goTo(line, column) {
			editor.setPosition({ lineNumber: line, column });
			editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
			editor.focus();
		},
		applyFix(index) {
			const fix = validateNow()[index]?.fix;
			if (!fix) return;
			editor.pushUndoStop();
			editor.executeEdits(
				'cd-quick-fix',
				fix.edits.map((edit) => ({
					range: toMonacoRange(edit.range),
					text: edit.text,
					forceMoveMarkers: true,
				})),
			);
			editor.pushUndoStop();
			editor.focus();
		},
	};
}
