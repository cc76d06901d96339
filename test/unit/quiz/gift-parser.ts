/**
 * A test-only GIFT reader, written from Moodle's GIFT format documentation, to check that our export says
 * what we meant. It understands categories, comments, titles, `[format]`, multiple choice (with `%n%`
 * weights and `#feedback`), true/false (with its two feedbacks), short answer, matching, numerical,
 * essay, missing-word text after the answers, `####` general feedback and the backslash escapes of
 * `~ = # { } :` and `\n`.
 */
export interface GiftAnswer {
	readonly text: string;
	/** Percentage: 100 for `=`, 0 for `~`, or the `%n%` weight. */
	readonly weight: number;
	readonly feedback: string | undefined;
}

export type GiftQuestion = {
	readonly category: string | undefined;
	readonly title: string | undefined;
	readonly format: string | undefined;
	readonly text: string;
	readonly generalFeedback: string | undefined;
} & (
	| { readonly type: 'multichoice' | 'shortanswer'; readonly answers: GiftAnswer[] }
	| {
			readonly type: 'truefalse';
			readonly answer: boolean;
			readonly wrongFeedback?: string;
			readonly rightFeedback?: string;
	  }
	| { readonly type: 'matching'; readonly pairs: { left: string; right: string }[] }
	| { readonly type: 'numerical'; readonly raw: string }
	| { readonly type: 'essay' }
	| { readonly type: 'description' }
);

/** A character and whether it was backslash-escaped. */
type Char = { c: string; esc: boolean };

export function parseGift(source: string): GiftQuestion[] {
	const lines = source.replace(/\r\n?/g, '\n').split('\n');
	const blocks: string[][] = [];
	let current: string[] = [];
	let category: string | undefined;
	const questions: GiftQuestion[] = [];
	const flush = () => {
		if (current.length > 0) blocks.push(current);
		current = [];
	};
	for (const line of lines) {
		if (/^\s*\/\//.test(line)) continue;
		if (line.trim() === '') {
			flush();
			continue;
		}
		current.push(line);
	}
	flush();
	for (const block of blocks) {
		const text = block.join('\n').trim();
		const cat = /^\$CATEGORY:\s*(.*)$/.exec(text);
		if (cat) {
			category = cat[1]?.trim();
			continue;
		}
		questions.push(parseQuestion(chars(text), category));
	}
	return questions;
}

function chars(text: string): Char[] {
	const out: Char[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text[i] as string;
		if (c === '\\' && i + 1 < text.length) {
			const next = text[i + 1] as string;
			if ('~=#{}:\\'.includes(next)) {
				out.push({ c: next, esc: true });
				i++;
				continue;
			}
			if (next === 'n') {
				out.push({ c: '\n', esc: true });
				i++;
				continue;
			}
		}
		out.push({ c, esc: false });
	}
	return out;
}

const str = (cs: Char[]) => cs.map((x) => x.c).join('');
const at = (cs: Char[], i: number, c: string) => cs[i]?.c === c && !cs[i]?.esc;

function parseQuestion(cs: Char[], category: string | undefined): GiftQuestion {
	let i = 0;
	let title: string | undefined;
	if (at(cs, 0, ':') && at(cs, 1, ':')) {
		let end = 2;
		while (end < cs.length && !(at(cs, end, ':') && at(cs, end + 1, ':'))) end++;
		title = str(cs.slice(2, end)).trim();
		i = end + 2;
	}
	while (cs[i]?.c === ' ' || cs[i]?.c === '\n') i++;
	let format: string | undefined;
	if (at(cs, i, '[')) {
		const close = cs.findIndex((x, k) => k > i && x.c === ']');
		format = str(cs.slice(i + 1, close));
		i = close + 1;
	}
	const open = cs.findIndex((x, k) => k >= i && x.c === '{' && !x.esc);
	const base = { category, title, format };
	if (open < 0)
		return { ...base, type: 'description', text: str(cs.slice(i)).trim(), generalFeedback: undefined };
	const close = cs.findIndex((x, k) => k > open && x.c === '}' && !x.esc);
	const before = str(cs.slice(i, open)).trim();
	const after = str(cs.slice(close + 1)).trim();
	const text = after ? `${before} _____ ${after}` : before;
	let inner = cs.slice(open + 1, close);
	let generalFeedback: string | undefined;
	const general = inner.findIndex((_x, k) => [0, 1, 2, 3].every((d) => at(inner, k + d, '#')));
	if (general >= 0) {
		generalFeedback = str(inner.slice(general + 4)).trim();
		inner = inner.slice(0, general);
	}
	return { ...base, text, generalFeedback, ...parseAnswers(inner) } as GiftQuestion;
}

function parseAnswers(inner: Char[]): Record<string, unknown> {
	const raw = str(inner).trim();
	if (raw === '') return { type: 'essay' };
	const firstIndex = inner.findIndex((x) => x.c.trim() !== '');
	if (at(inner, firstIndex, '#')) return { type: 'numerical', raw: str(inner.slice(firstIndex + 1)).trim() };
	const tf = /^(T|TRUE|F|FALSE)\s*(#|$)/.exec(raw);
	if (tf && !inner.some((x) => (x.c === '=' || x.c === '~') && !x.esc)) {
		const parts = split(inner, '#').map((p) => str(p).trim());
		const value = (parts[0] ?? '').startsWith('T');
		return { type: 'truefalse', answer: value, wrongFeedback: parts[1], rightFeedback: parts[2] };
	}
	const answers: { mark: string; body: Char[] }[] = [];
	inner.forEach((x, k) => {
		if ((x.c === '=' || x.c === '~') && !x.esc) answers.push({ mark: x.c, body: [] });
		else answers.at(-1)?.body.push(inner[k] as Char);
	});
	const isMatching = answers.length > 0 && answers.every((a) => a.mark === '=' && arrowAt(a.body) >= 0);
	if (isMatching) {
		return {
			type: 'matching',
			pairs: answers.map((a) => {
				const arrow = arrowAt(a.body);
				return { left: str(a.body.slice(0, arrow)).trim(), right: str(a.body.slice(arrow + 2)).trim() };
			}),
		};
	}
	const parsed = answers.map((a) => answer(a.mark, a.body));
	const type = answers.every((a) => a.mark === '=') ? 'shortanswer' : 'multichoice';
	return { type, answers: parsed };
}

function arrowAt(body: Char[]): number {
	return body.findIndex((x, k) => x.c === '-' && !x.esc && body[k + 1]?.c === '>' && !body[k + 1]?.esc);
}

function answer(mark: string, body: Char[]): GiftAnswer {
	let rest = body;
	let weight = mark === '=' ? 100 : 0;
	const trimmedStart = rest.findIndex((x) => x.c.trim() !== '');
	if (at(rest, trimmedStart, '%')) {
		const end = rest.findIndex((x, k) => k > trimmedStart && x.c === '%');
		weight = Number(str(rest.slice(trimmedStart + 1, end)));
		rest = rest.slice(end + 1);
	}
	const [content = [], ...feedback] = split(rest, '#');
	return {
		text: str(content).trim(),
		weight,
		feedback: feedback.length > 0 ? feedback.map(str).join('#').trim() : undefined,
	};
}

function split(cs: Char[], separator: string): Char[][] {
	const parts: Char[][] = [[]];
	for (const x of cs) {
		if (x.c === separator && !x.esc) parts.push([]);
		else parts.at(-1)?.push(x);
	}
	return parts;
}
