/**
 * Question texts may carry `code` spans (YAML keys, configuration names). This turns a text into safe HTML:
 * everything escaped, backtick spans as <code>. Shared by the build-time markup and the browser's feedback.
 */
export function inlineHtml(text: string): string {
	return text
		.split(/(`[^`]+`)/)
		.map((part) =>
			part.length > 2 && part.startsWith('`') && part.endsWith('`')
				? `<code>${escapeHtml(part.slice(1, -1))}</code>`
				: escapeHtml(part),
		)
		.join('');
}

export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** The id prefix of a question's elements; unique on a page because question ids are unique in the bank. */
export function questionDomId(questionId: string): string {
	return `cdq-${questionId}`;
}
