import type { Lang } from '../i18n/localized.ts';
import type { Read } from './facts.ts';
import { messages, type MessageKey } from './messages.ts';
import { translator } from '../i18n/catalog.ts';
import { renderCommand, renderFileCommand, renderFile, type Shell } from './shell.ts';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'error' | 'skipped';

/** The lab check contract (DESIGN.md). `warn` is a pass with advice; `error` means "could not verify". */
export interface CheckResult {
	readonly id: string;
	readonly status: CheckStatus;
	readonly messageKey: MessageKey;
	readonly params: Readonly<Record<string, string | number>>;
	readonly fix?: { readonly commands: readonly string[]; readonly console?: string };
	readonly docs?: string;
	/** Internal: whether the checked resource exists (prerequisite "exists"); not part of reports. */
	readonly exists?: boolean;
}

/** What an evaluator knows besides the facts: the learner's validated values and how to render fixes. */
export interface EvalContext {
	readonly values: Readonly<Record<string, string>>;
	readonly shell: Shell;
	readonly lang: Lang;
	/** The lab's files by name (JSON policies), with `{param}` placeholders; fixes that need a file write it first. */
	readonly files?: Readonly<Record<string, string>>;
}

/** A fix step: an AWS CLI command as an argument list, or one of the lab's files to write first. */
export type FixStep = readonly string[] | { readonly file: string };

export function renderFix(
	steps: readonly FixStep[],
	ctx: EvalContext,
	extra: Readonly<Record<string, string>> = {},
): string[] {
	const values = { ...ctx.values, ...extra };
	return steps.flatMap((step) => {
		if (!('file' in step)) return [renderCommand(step as readonly string[], values, ctx.shell)];
		const content = ctx.files?.[step.file];
		return content === undefined
			? []
			: [renderFileCommand(step.file, renderFile(content, values), ctx.shell)];
	});
}

/** A verdict with a fix: commands rendered for the learner's shell and names, and a console path key. */
export function withFix(
	verdict: Verdict,
	ctx: EvalContext,
	steps: readonly FixStep[],
	consoleKey?: MessageKey,
	extra: Readonly<Record<string, string>> = {},
): Verdict {
	const consolePath =
		consoleKey === undefined ? undefined : translator(messages, ctx.lang)(consoleKey, ctx.values);
	return {
		...verdict,
		fix: {
			commands: renderFix(steps, ctx, extra),
			...(consolePath !== undefined && { console: consolePath }),
		},
	};
}

export type Verdict = Omit<CheckResult, 'id'>;

/** When a read did not succeed in a way that says nothing about the learner's setup: `error`, naming what is missing. */
export function unreadable(read: Read<unknown>): Verdict | undefined {
	if (read.status === 'denied')
		return { status: 'error', messageKey: 'check.denied', params: { action: read.action } };
	if (read.status === 'failed')
		return {
			status: 'error',
			messageKey: 'check.read-failed',
			params: { code: read.code, message: read.message },
		};
	return undefined;
}

/** The first unreadable among several reads. */
export function firstUnreadable(...reads: Read<unknown>[]): Verdict | undefined {
	for (const read of reads) {
		const verdict = unreadable(read);
		if (verdict) return verdict;
	}
	return undefined;
}

export function ok<T>(read: Read<T>): T | undefined {
	return read.status === 'ok' ? read.value : undefined;
}
