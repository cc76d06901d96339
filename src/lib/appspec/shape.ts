import type * as z from 'zod';
import { isAppSpecCode, type AppSpecCode } from './codes.ts';
import type { RuleContext } from './context.ts';
import { describeValue, kindOf, pathText } from './values.ts';
import type { Path } from './locate.ts';
import { APPSPEC_SCHEMAS } from './schema/index.ts';
import { fixForCode } from './fixes.ts';

/** Layer 2: the zod schema of the platform. Every issue becomes one diagnostic on the offending node. */
export function checkShape(ctx: RuleContext): void {
	const result = APPSPEC_SCHEMAS[ctx.platform].safeParse(ctx.value, { reportInput: true });
	if (result.success) return;
	for (const issue of result.error.issues) {
		if (ctx.full) ctx.dropped++;
		else reportIssue(ctx, issue);
	}
}

const EXPECTED_WORDS: Record<string, string> = { array: 'list', object: 'map', record: 'map' };

function reportIssue(ctx: RuleContext, issue: z.core.$ZodIssue): void {
	const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
	const input = 'input' in issue ? issue.input : undefined;
	const missing = input === undefined;
	const base = { path: pathText(path) || '/', value: describeValue(input) };
	const target = missing ? { path: path.slice(0, -1), on: 'key' as const } : { path };
	if (isAppSpecCode(issue.message)) {
		const code = issue.message;
		const params = { ...base, ...specificParams(ctx, code, path) };
		ctx.report(code, target, params, fixForCode(ctx, code, path, input));
		return;
	}
	const generic = genericIssue(issue, path, missing);
	const crash =
		ctx.platform === 'server' && generic.code === 'type-mismatch' ? rubyCrash(path, input) : undefined;
	const params = { ...base, ...generic.params, ...(crash ? { agentMessage: crash } : {}) };
	ctx.report(generic.code, target, params, fixForCode(ctx, generic.code, path, input, issue));
}

function genericIssue(issue: z.core.$ZodIssue, path: Path, missing: boolean) {
	const key = String(path.at(-1) ?? '');
	const input = 'input' in issue ? issue.input : undefined;
	switch (issue.code) {
		case 'invalid_type':
			if (missing) return { code: 'key-required' as AppSpecCode, params: { key } };
			return typeMismatch(EXPECTED_WORDS[issue.expected] ?? issue.expected, input);
		case 'invalid_union': {
			if (missing) return { code: 'key-required' as AppSpecCode, params: { key } };
			const expected = issue.errors
				.map((branch) => branch[0])
				.map((first) =>
					first?.code === 'invalid_type' ? (EXPECTED_WORDS[first.expected] ?? first.expected) : '',
				)
				.filter(Boolean);
			return typeMismatch([...new Set(expected)].join(' | ') || '?', input);
		}
		case 'invalid_value':
			if (missing) return { code: 'key-required' as AppSpecCode, params: { key } };
			return {
				code: 'value-not-allowed' as AppSpecCode,
				params: { allowed: issue.values.map((v) => String(v)).join(', ') },
			};
		case 'too_small':
		case 'too_big':
			return {
				code: 'value-out-of-range' as AppSpecCode,
				params: {
					bound: issue.code === 'too_small' ? `≥ ${String(issue.minimum)}` : `≤ ${String(issue.maximum)}`,
				},
			};
		default:
			return { code: 'shape-invalid' as AppSpecCode, params: { detail: issue.message } };
	}
}

function typeMismatch(expected: string, input: unknown) {
	return { code: 'type-mismatch' as AppSpecCode, params: { expected, received: kindOf(input) } };
}

/**
 * The raw Ruby error the agent dies with on the classic wrong shapes (reference §1.3, Ruby 3.1 wording), quoted
 * so learners recognise it in the deployment's error log.
 */
function rubyCrash(path: Path, input: unknown): string | undefined {
	const last = path.at(-1);
	if (path.length === 1 && last === 'files' && kindOf(input) === 'map') {
		return 'no implicit conversion of String into Integer (TypeError)';
	}
	if (
		path[0] === 'permissions' &&
		(last === 'type' || last === 'except' || last === 'acls') &&
		typeof input === 'string'
	) {
		return `undefined method \`each' for ${JSON.stringify(input)}:String (NoMethodError)`;
	}
	return undefined;
}

/** Params some codes need besides the value, read from the data around the offending node. */
function specificParams(ctx: RuleContext, code: AppSpecCode, path: Path): Record<string, string | number> {
	const parent = valueAt(ctx.value, path.slice(0, -1));
	switch (code) {
		case 'files-destination-missing':
			return { source: describeValue((parent as Record<string, unknown> | undefined)?.['source']) };
		case 'context-type-missing':
			return { context: rubyInspect(parent) };
		case 'resources-count':
			return {
				count: Array.isArray(valueAt(ctx.value, path)) ? (valueAt(ctx.value, path) as unknown[]).length : 0,
			};
		default:
			return {};
	}
}

export function valueAt(value: unknown, path: Path): unknown {
	let current = value;
	for (const segment of path) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as Record<string | number, unknown>)[segment];
	}
	return current;
}

/** How Ruby's `Hash#inspect` shows a context map in the agent's message. */
function rubyInspect(value: unknown): string {
	if (typeof value !== 'object' || value === null) return describeValue(value);
	const pairs = Object.entries(value).map(
		([k, v]) => `${JSON.stringify(k)}=>${v === null ? 'nil' : JSON.stringify(v)}`,
	);
	return `{${pairs.join(', ')}}`;
}
