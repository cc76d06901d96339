/**
 * Finds every AppSpec sample in a lesson file, with the diagnostic codes it declares.
 *
 * Two kinds of sample:
 * - `<AppSpecEditor … expect={['code', …]} initial={name} />`, where `name` is an `export const name = \`…\`;`
 *   of the same file. (An inline template literal would be re-indented by the MDX parser, which strips the
 *   indentation of continuation lines inside JSX; ESM exports are kept verbatim.)
 * - a fenced ```yaml / ```json block whose meta declares `expect="code code"` (`expect=""` for a valid file).
 *   A block counts as an AppSpec when its meta names `appspec.yml` / `appspec.yaml` / `appspec.json`, declares
 *   `expect=`, or when it has a top-level AppSpec key (os, files, permissions, hooks, Hooks, Resources);
 *   such a block without `expect=` is reported with `declared: undefined`, and fails the test.
 */
export interface Sample {
	readonly where: string;
	readonly source: string;
	/** undefined: the sample declares nothing. */
	readonly declared: readonly string[] | undefined;
	readonly platform?: 'server' | 'ecs' | 'lambda';
	readonly problem?: string;
}

const APPSPEC_KEY = /^(os|files|permissions|hooks|Hooks|Resources|file_exists_behavior)\s*:/m;
const JSON_KEYS = ['Resources', 'Hooks', 'hooks', 'os', 'files'];

function lineOf(text: string, index: number): number {
	return text.slice(0, index).split('\n').length;
}

function exportsOf(text: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const m of text.matchAll(/^export const (\w+) = `([\s\S]*?)`;[ \t]*$/gm)) {
		found.set(m[1] ?? '', m[2] ?? '');
	}
	return found;
}

function attribute(attrs: string, name: string): string | undefined {
	const quoted = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
	if (quoted) return quoted[1];
	const braced = new RegExp(`\\b${name}=\\{([\\s\\S]*?)\\}(?=\\s+\\w+=|\\s*$)`).exec(attrs.trim());
	return braced ? `{${braced[1]}}` : undefined;
}

function parseCodeList(expression: string): readonly string[] | undefined {
	const inner = /^\{\s*\[([\s\S]*)\]\s*\}$/.exec(expression.trim());
	if (!inner) return undefined;
	const items = (inner[1] ?? '')
		.split(',')
		.map((item) => item.trim())
		.filter(Boolean);
	const codes = items.map((item) => /^['"]([a-z0-9-]+)['"]$/.exec(item)?.[1]);
	return codes.every((code): code is string => code !== undefined) ? codes : undefined;
}

function editorSamples(file: string, text: string): Sample[] {
	const exported = exportsOf(text);
	return [...text.matchAll(/<AppSpecEditor\b([\s\S]*?)\/>/g)].map((m): Sample => {
		const attrs = m[1] ?? '';
		const where = `${file}:${lineOf(text, m.index)} <AppSpecEditor id="${attribute(attrs, 'id') ?? '?'}">`;
		const expectAttr = attribute(attrs, 'expect');
		const declared = expectAttr === undefined ? undefined : parseCodeList(expectAttr);
		const initial = attribute(attrs, 'initial');
		const name = initial && /^\{(\w+)\}$/.exec(initial)?.[1];
		const source = name ? exported.get(name) : undefined;
		const platform = attribute(attrs, 'platform');
		const base: Sample = { where, declared, source: source ?? '' };
		const withPlatform: Sample =
			platform === 'server' || platform === 'ecs' || platform === 'lambda' ? { ...base, platform } : base;
		if (source === undefined) {
			return {
				...withPlatform,
				problem: 'initial={name} must name an `export const name = `…`;` of the file',
			};
		}
		if (expectAttr !== undefined && declared === undefined) {
			return {
				...withPlatform,
				problem: "expect must be a list of quoted codes, e.g. expect={['version-quoted']}",
			};
		}
		return withPlatform;
	});
}

function looksLikeAppSpec(lang: string, body: string): boolean {
	if (lang !== 'json') return APPSPEC_KEY.test(body);
	try {
		const value: unknown = JSON.parse(body);
		return typeof value === 'object' && value !== null && JSON_KEYS.some((key) => key in value);
	} catch {
		return false;
	}
}

function fenceSamples(file: string, text: string): Sample[] {
	const samples: Sample[] = [];
	for (const m of text.matchAll(/^```(yaml|yml|json)([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm)) {
		const [, lang = '', meta = '', body = ''] = m;
		const expectMeta = /\bexpect="([^"]*)"/.exec(meta);
		const named = /\btitle="appspec\.(yml|yaml|json)"/.test(meta);
		if (!expectMeta && !named && !looksLikeAppSpec(lang, body)) continue;
		const declared = expectMeta ? (expectMeta[1] ?? '').split(/[\s,]+/).filter(Boolean) : undefined;
		samples.push({ where: `${file}:${lineOf(text, m.index)} \`\`\`${lang}${meta}`, source: body, declared });
	}
	return samples;
}

export function samplesOf(file: string, text: string): Sample[] {
	return [...editorSamples(file, text), ...fenceSamples(file, text)];
}
