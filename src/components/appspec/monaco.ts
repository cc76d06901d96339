/**
 * Monaco, set up once per page: only the editor core, its features and the YAML grammar (not the 80 other
 * languages of `monaco-editor`'s main entry), Vite-bundled workers, monaco-yaml wired to our JSON Schema for
 * completion and hover in the page's language, and the theme kept in step with Starlight's `data-theme`.
 * Diagnostics come from our validator only: monaco-yaml's own validation is switched off.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
// Only the editor features the course uses (register.all also brings diff editor, color picker, inlay hints…).
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/caretOperations/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
// The completion widget itself (register.all gets it through inline completions, which the course does not use).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/unicodeHighlighter/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/quickHelp/register';
import 'monaco-editor/features/quickCommand/register';
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import type { Lang } from '../../lib/i18n/localized.ts';
import schema from '../../../public/schemas/appspec.schema.json';
import { localizeSchema } from './schema-lang.ts';
import YamlWorker from './yaml.worker.ts?worker';

export { monaco };

(globalThis as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
	getWorker: () => new EditorWorker(),
};

let configuredFor: Lang | undefined;

interface LegacyWorkerOptions {
	createData?: unknown;
	host?: Record<string, unknown>;
	keepIdleModels?: boolean;
}

/**
 * monaco-yaml (through monaco-worker-manager) still calls `createWebWorker({ moduleId, label, createData })`,
 * the pre-0.5x signature; Monaco 0.57 wants a `worker`. Start the YAML worker the way Monaco's own language
 * workers now do: a first message the worker's entry ignores, then the settings (createData).
 */
function createYamlWebWorker(options: LegacyWorkerOptions) {
	const worker = new YamlWorker();
	worker.postMessage('ignore');
	worker.postMessage(options.createData);
	return monaco.editor.createWebWorker({
		worker: Promise.resolve(worker),
		...(options.host ? { host: options.host } : {}),
		keepIdleModels: options.keepIdleModels ?? false,
	} as unknown as Parameters<typeof monaco.editor.createWebWorker>[0]);
}

/** monaco-yaml can be configured once per page; every editor of a page shares the page's language. */
export function configureYaml(lang: Lang): void {
	if (configuredFor) return;
	configuredFor = lang;
	const monacoForYaml = { ...monaco, editor: { ...monaco.editor, createWebWorker: createYamlWebWorker } };
	configureMonacoYaml(monacoForYaml as unknown as typeof monaco, {
		validate: false,
		completion: true,
		hover: true,
		format: { enable: false },
		enableSchemaRequest: false,
		yamlVersion: '1.1',
		schemas: [
			{
				uri: new URL(
					`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}schemas/appspec.schema.json`,
					location.origin,
				).href,
				fileMatch: ['**/appspec.yml'],
				schema: localizeSchema(schema, lang),
			},
		],
	});
}

const themeName = () => (document.documentElement.dataset['theme'] === 'light' ? 'vs' : 'vs-dark');
let themeWatched = false;

/** Applies Starlight's current theme and follows its changes (Monaco themes are global to the page). */
export function followTheme(): void {
	monaco.editor.setTheme(themeName());
	if (themeWatched) return;
	themeWatched = true;
	new MutationObserver(() => monaco.editor.setTheme(themeName())).observe(document.documentElement, {
		attributes: true,
		attributeFilter: ['data-theme'],
	});
}
