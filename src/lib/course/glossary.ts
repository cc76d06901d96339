import { z } from 'zod';
import { localized } from '../i18n/schema.ts';
import { formatDataFileErrors, parseYamlData } from '../content/yaml-data.ts';

const termId = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case / les ids sont en kebab-case');

export const glossaryEntrySchema = z.object({
	id: termId,
	term: localized(),
	definition: localized(),
	seeAlso: z.array(termId).optional(),
	docs: z.url({ protocol: /^https$/ }).optional(),
});

export const glossarySchema = z.array(glossaryEntrySchema).superRefine((entries, ctx) => {
	const ids = new Set<string>();
	entries.forEach((entry, index) => {
		if (ids.has(entry.id)) {
			ctx.addIssue({
				code: 'custom',
				path: [index, 'id'],
				message: `duplicate id "${entry.id}" / id en double`,
			});
		}
		ids.add(entry.id);
	});
	entries.forEach((entry, index) => {
		entry.seeAlso?.forEach((target, j) => {
			if (!ids.has(target)) {
				ctx.addIssue({
					code: 'custom',
					path: [index, 'seeAlso', j],
					message: `unknown glossary id "${target}" / id inconnu`,
				});
			}
		});
	});
});

export type GlossaryEntry = z.output<typeof glossaryEntrySchema>;

/** Parses `content/glossary.yaml`; a malformed file throws an error naming file, line and field. */
export function parseGlossary(source: string, file = 'content/glossary.yaml'): GlossaryEntry[] {
	const result = parseYamlData(source, glossarySchema, file);
	if (!result.ok) throw new Error(`Invalid glossary:\n${formatDataFileErrors(result.errors)}`);
	return result.value;
}
