/**
 * Short-answer normalisation, applied to both the learner's answer and every accepted variant:
 * 1. Unicode NFKC, then accents removed (NFD and combining marks dropped): "Déploiement" = "deploiement";
 * 2. case folded (lowercase);
 * 3. typographic quotes and apostrophes made plain, and quotes/backticks around the whole answer removed;
 * 4. leading/trailing spaces trimmed, inner runs of whitespace collapsed to one space;
 * 5. spaces next to `.`, `/`, `:` and `-` removed, so "CodeDeployDefault. OneAtATime" still matches.
 * Nothing else: a different word, a missing dot or a typo is a different answer.
 */
export function normalizeAnswer(text: string): string {
	const plain = text
		.normalize('NFKC')
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[\u2018\u2019\u201B\u2032]/g, "'")
		.replace(/[\u201C\u201D\u201F\u2033\u00AB\u00BB]/g, '"')
		.replace(/\s+/gu, ' ')
		.trim();
	const unquoted = plain.replace(/^(["'`])(.*)\1$/, '$2').trim();
	return unquoted.replace(/ ?([./:-]) ?/g, '$1');
}

/** True when the answer equals one of the accepted variants after normalisation. */
export function matchesAccepted(answer: string, accepted: readonly string[]): boolean {
	const normalized = normalizeAnswer(answer);
	return normalized.length > 0 && accepted.some((variant) => normalizeAnswer(variant) === normalized);
}
