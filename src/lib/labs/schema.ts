import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { localized } from '../i18n/schema.ts';
import { checkerPolicy } from './allowlist.ts';
import type { ParamDefinition, ParamKind } from './params.ts';
import { renderCommand, renderFile, renderFileCommand, type Shell } from './shell.ts';

const PARAM_KINDS = [
	'region',
	'bucket',
	'userName',
	'roleName',
	'instanceProfileName',
	'accountId',
	'applicationName',
	'deploymentGroupName',
	'objectKey',
	'tagKey',
	'tagValue',
] as const satisfies readonly ParamKind[];

/** An AWS CLI command as an argument list, rendered for bash and PowerShell with the learner's values quoted. */
const command = z.object({
	run: z.array(z.string().min(1)).min(1),
	/** Where it runs: on the learner's machine (default), as an administrator, or on the EC2 instance (Linux shell). */
	where: z.enum(['learner', 'admin', 'instance']).default('learner'),
	note: localized().optional(),
});

const step = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/),
	title: localized(),
	goal: localized(),
	console: localized(),
	instructions: localized(),
	files: z.array(z.string()).default([]),
	commands: z.array(command).min(1),
	checks: z.array(z.string()).default([]),
	/** The hint ladder: a hint, a fuller hint; the solution commands are the last rung. */
	hints: z.array(localized()).min(2),
	solution: z.array(command).min(1),
	cleanup: z.array(command).default([]),
});

const file = z
	.object({
		name: z.string().regex(/^[\w.-]+$/),
		content: z.string().optional(),
		generated: z.literal('checker-policy').optional(),
	})
	.refine(
		(f) => (f.content === undefined) !== (f.generated === undefined),
		'a file has either content or generated',
	);

export const labSchema = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/),
	module: z.literal('08-labs'),
	title: localized(),
	summary: localized(),
	cost: localized(),
	cleanupNote: localized(),
	parameters: z.array(
		z.object({
			key: z.string().regex(/^[a-zA-Z]+$/),
			kind: z.enum(PARAM_KINDS),
			default: z.string().optional(),
			required: z.boolean().default(false),
			label: localized(),
		}),
	),
	files: z.array(file).default([]),
	checks: z.array(z.string()).min(1),
	steps: z.array(step).min(1),
	closing: localized(),
});

export type Lab = z.infer<typeof labSchema>;
export type LabStep = Lab['steps'][number];
export type LabCommand = LabStep['commands'][number];

export interface LabLoad {
	readonly lab?: Lab;
	readonly errors: readonly string[];
}

/** Parses and validates a lab file; also checks cross-references (steps' files and checks exist). */
export function parseLab(text: string): LabLoad {
	let data: unknown;
	try {
		data = parseYaml(text, { maxAliasCount: 50 });
	} catch (error) {
		return { errors: [error instanceof Error ? error.message : String(error)] };
	}
	const parsed = labSchema.safeParse(data);
	if (!parsed.success) return { errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
	const lab = parsed.data;
	const errors: string[] = [];
	const fileNames = new Set(lab.files.map((f) => f.name));
	const checks = new Set(lab.checks);
	for (const s of lab.steps) {
		for (const f of s.files) if (!fileNames.has(f)) errors.push(`steps.${s.id}.files: unknown file ${f}`);
		for (const c of s.checks) if (!checks.has(c)) errors.push(`steps.${s.id}.checks: unknown check ${c}`);
	}
	return errors.length ? { errors } : { lab, errors };
}

export function paramDefinitions(lab: Lab): ParamDefinition[] {
	return lab.parameters.map((p) => ({
		key: p.key,
		kind: p.kind,
		required: p.required,
		...(p.default !== undefined && { default: p.default }),
	}));
}

/** Every file's content (with `{param}` placeholders); the checker policy is generated from the allowlist. */
export function labFiles(lab: Lab): Record<string, string> {
	const files: Record<string, string> = {};
	for (const f of lab.files)
		files[f.name] = f.generated
			? `${JSON.stringify(checkerPolicy({ accountId: '{accountId}', bucket: '{bucket}' }), null, 2)}\n`
			: (f.content ?? '');
	return files;
}

export interface RenderedStep {
	readonly files: readonly { readonly name: string; readonly content: string; readonly command: string }[];
	readonly commands: readonly string[];
	readonly solution: readonly string[];
	readonly cleanup: readonly string[];
}

/** A step with the learner's values filled in, for one shell (instance-side commands always use bash). */
export function renderStep(
	lab: Lab,
	s: LabStep,
	values: Readonly<Record<string, string>>,
	shell: Shell,
): RenderedStep {
	const files = labFiles(lab);
	const render = (c: LabCommand) => renderCommand(c.run, values, c.where === 'instance' ? 'bash' : shell);
	return {
		files: s.files.map((name) => {
			const content = renderFile(files[name] ?? '', values);
			return { name, content, command: renderFileCommand(name, content, shell) };
		}),
		commands: s.commands.map(render),
		solution: s.solution.map(render),
		cleanup: s.cleanup.map(render),
	};
}
