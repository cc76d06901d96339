/** Turns a lab step's files and commands into shell-specific templates for the page (build time and browser). */
import { pick, type Lang } from '../../lib/i18n/localized.ts';
import type { Lab, LabCommand } from '../../lib/labs/schema.ts';
import { labFiles } from '../../lib/labs/schema.ts';
import type { Shell } from '../../lib/labs/shell.ts';
import type { Template } from './template.ts';

export interface Block {
	readonly template: (shell: Shell) => Template;
	readonly where?: 'admin' | 'instance';
	readonly note?: string;
}

export function commandBlocks(commands: readonly LabCommand[], lang: Lang): Block[] {
	return commands.map((c) => ({
		// Commands run on the instance are Linux shell commands whatever the learner's own shell.
		template: (shell) => ({
			k: 'cmd',
			run: c.run,
			where: c.where,
			shell: c.where === 'instance' ? 'bash' : shell,
		}),
		...(c.where !== 'learner' && { where: c.where }),
		...(c.note && { note: pick(c.note, lang) }),
	}));
}

export function fileBlocks(lab: Lab, names: readonly string[]): Block[] {
	const files = labFiles(lab);
	return names.map((name) => ({
		template: (shell) => ({ k: 'file', name, content: files[name] ?? '', shell }),
	}));
}
