/**
 * What a lab page shows, for one set of learner values: commands, files and texts rendered from the lab's
 * templates. Shared by the build (values not known yet: `<bucket>`-style placeholders) and by `<cd-lab-params>`
 * (the learner's values, quoted for each shell). Pure: no DOM, no Node.
 */
import { format } from '../../lib/i18n/localized.ts';
import { validateParams, type ParamDefinition, type ParamError } from '../../lib/labs/params.ts';
import { quote, renderCommand, renderFile, renderFileCommand, type Shell } from '../../lib/labs/shell.ts';

export type Target = 'aws' | 'practice';
export const TARGETS: readonly Target[] = ['aws', 'practice'];

/** The practice account's fixed endpoint and the AWS CLI profile its start banner tells the learner to create. */
export const PRACTICE_ENDPOINT = 'http://127.0.0.1:4566';
export const PRACTICE_PROFILE = 'atelier-sandbox';
/** The practice account's id (labs/sandbox BOOTSTRAP_ACCOUNT), used when the learner leaves accountId empty. */
export const PRACTICE_ACCOUNT = '000000000000';

/** Keys the page keeps next to the lab parameters in the learner store; never sent to the endpoint. */
export const TARGET_KEY = '@target';

/** A templated node of the page, serialised into `data-lab-tpl`. */
export type Template =
	| { readonly k: 'cmd'; readonly run: readonly string[]; readonly where: string; readonly shell: Shell }
	| { readonly k: 'file'; readonly name: string; readonly content: string; readonly shell: Shell }
	| { readonly k: 'text'; readonly t: string };

export interface PageValues {
	/** Every parameter: the learner's valid value, else its default, else a placeholder marker. */
	readonly values: Readonly<Record<string, string>>;
	readonly target: Target;
	readonly errors: readonly ParamError[];
}

// Letters only, so quoting never depends on it; replaced by `<key>` once the command is rendered.
const marker = (key: string) => `QQPLACEHOLDER${key}QQ`;
const MARKERS = /QQPLACEHOLDER(\w+?)QQ/g;
const unmark = (text: string) => text.replace(MARKERS, (_, key: string) => `<${key}>`);

/** Splits a stored entry into lab parameters (for validation and the endpoint) and the page's target. */
export function splitStored(stored: Readonly<Record<string, string>> | undefined): {
	params: Record<string, string>;
	target: Target;
} {
	const params: Record<string, string> = {};
	for (const [key, value] of Object.entries(stored ?? {})) if (!key.startsWith('@')) params[key] = value;
	return { params, target: stored?.[TARGET_KEY] === 'practice' ? 'practice' : 'aws' };
}

/** The values a page shows: invalid or missing values fall back to the default, then to a visible placeholder. */
export function pageValues(
	definitions: readonly ParamDefinition[],
	raw: Readonly<Record<string, string>>,
	target: Target,
): PageValues {
	const nonEmpty = Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== ''));
	const { values, errors } = validateParams(definitions, nonEmpty);
	const shown: Record<string, string> = {};
	for (const d of definitions) {
		const practiceAccount = target === 'practice' && d.key === 'accountId' ? PRACTICE_ACCOUNT : undefined;
		shown[d.key] = values[d.key] ?? practiceAccount ?? d.default ?? marker(d.key);
	}
	return { values: shown, target, errors: errors.filter((e) => e.code !== 'param.required') };
}

/**
 * With the practice account, every `aws` command run on the learner's machine talks to the local endpoint, with
 * the `atelier-sandbox` profile unless the command names its own (the learner's `codedeploy` profile).
 */
export function withTarget(run: readonly string[], where: string, target: Target): string[] {
	const argv = [...run];
	if (target !== 'practice' || where === 'instance' || argv[0] !== 'aws' || argv[1] === 'configure')
		return argv;
	if (!argv.includes('--profile')) argv.push('--profile', PRACTICE_PROFILE);
	argv.push('--endpoint-url', PRACTICE_ENDPOINT);
	return argv;
}

export function renderTemplate(template: Template, page: PageValues): string {
	switch (template.k) {
		case 'cmd':
			return unmark(
				renderCommand(withTarget(template.run, template.where, page.target), page.values, template.shell),
			);
		case 'file':
			return unmark(
				renderFileCommand(template.name, renderFile(template.content, page.values), template.shell),
			);
		case 'text':
			return unmark(format(template.t, page.values));
	}
}

/** A fix the checker printed, made to run against the practice account like the page's own commands. */
export function practiceFix(command: string): string {
	return command
		.split('\n')
		.map((line) => {
			if (!/^aws (?!configure\b)/.test(line) || line.includes('--endpoint-url') || /[\\`]$/.test(line))
				return line;
			const profile = line.includes('--profile') ? '' : ` --profile ${PRACTICE_PROFILE}`;
			return `${line}${profile} --endpoint-url ${PRACTICE_ENDPOINT}`;
		})
		.join('\n');
}

/** The CLI command that runs the same checks, for a static copy of the site (no local endpoint). */
export function cliCommand(
	lab: string,
	params: Readonly<Record<string, string>>,
	target: Target,
	shell: Shell,
) {
	const argv = ['npm', 'run', '-s', 'lab', '--', 'check', lab];
	for (const [key, value] of Object.entries(params))
		if (value.trim() !== '') argv.push('--param', `${key}=${value}`);
	if (target === 'practice') argv.push('--profile', PRACTICE_PROFILE, '--endpoint-url', PRACTICE_ENDPOINT);
	// PowerShell's npm shim (npm.ps1) swallows a bare `--`; quoted, it reaches npm.
	return argv.map((arg) => (shell === 'powershell' && arg === '--' ? "'--'" : quote(arg, shell))).join(' ');
}
