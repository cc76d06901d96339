import source from '../../../content/glossary.yaml?raw';
import { parseGlossary, type GlossaryEntry } from '../../lib/course/glossary.ts';

/** The glossary, parsed once per build; a malformed file fails the build naming file, line and field. */
export const glossary: readonly GlossaryEntry[] = parseGlossary(source);

export function glossaryEntry(id: string, page: string): GlossaryEntry {
	const entry = glossary.find((candidate) => candidate.id === id);
	if (!entry) throw new Error(`<Term id="${id}"> on ${page}: no such entry in content/glossary.yaml`);
	return entry;
}
