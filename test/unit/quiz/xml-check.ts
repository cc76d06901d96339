/**
 * A small, strict XML reader for tests: it throws on anything that is not well-formed (unclosed or
 * mismatched tags, unquoted or duplicate attributes, a raw `<` or `&` in text, unknown entities, text or a
 * second element outside the root) and returns the element tree so tests can check Moodle's structure.
 */
export interface XmlElement {
	readonly name: string;
	readonly attributes: Readonly<Record<string, string>>;
	readonly children: XmlElement[];
	/** Concatenated text directly inside this element, entities decoded. */
	text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;

export function parseXml(source: string): XmlElement {
	let pos = 0;
	const fail = (message: string): never => {
		throw new Error(`${message} at offset ${pos}: ${JSON.stringify(source.slice(pos, pos + 40))}`);
	};
	if (source.startsWith('<?xml')) {
		const end = source.indexOf('?>');
		if (end < 0) fail('unterminated XML declaration');
		pos = end + 2;
	}
	const skipMisc = () => {
		for (;;) {
			const ws = /^\s*/.exec(source.slice(pos))?.[0] ?? '';
			pos += ws.length;
			if (source.startsWith('<!--', pos)) {
				const end = source.indexOf('-->', pos);
				if (end < 0) fail('unterminated comment');
				pos = end + 3;
			} else return;
		}
	};
	const decode = (text: string): string => {
		if (text.includes('<')) fail('raw < in text');
		return text.replace(/&([^;]*);?/g, (whole, entity: string) => {
			if (!whole.endsWith(';')) return fail(`bare & (${whole})`);
			const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
			if (entity in named) return named[entity] as string;
			const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(entity);
			if (num?.[1])
				return String.fromCodePoint(num[1].startsWith('x') ? parseInt(num[1].slice(1), 16) : Number(num[1]));
			return fail(`unknown entity &${entity};`);
		});
	};
	const element = (): XmlElement => {
		if (source[pos] !== '<') fail('expected <');
		pos++;
		const name = NAME.exec(source.slice(pos))?.[0] ?? fail('bad element name');
		pos += name.length;
		const attributes: Record<string, string> = {};
		for (;;) {
			const ws = /^\s*/.exec(source.slice(pos))?.[0] ?? '';
			pos += ws.length;
			if (source.startsWith('/>', pos)) {
				pos += 2;
				return { name, attributes, children: [], text: '' };
			}
			if (source[pos] === '>') {
				pos++;
				break;
			}
			if (ws.length === 0) fail('missing space before attribute');
			const attr = NAME.exec(source.slice(pos))?.[0] ?? fail('bad attribute name');
			pos += attr.length;
			if (source[pos] !== '=') fail('attribute without =');
			const quote = source[pos + 1];
			if (quote !== '"' && quote !== "'") fail('unquoted attribute');
			const end = source.indexOf(quote as string, pos + 2);
			if (end < 0) fail('unterminated attribute');
			if (attr in attributes) fail(`duplicate attribute ${attr}`);
			attributes[attr] = decode(source.slice(pos + 2, end));
			pos = end + 1;
		}
		const node: XmlElement = { name, attributes, children: [], text: '' };
		for (;;) {
			const next = source.indexOf('<', pos);
			if (next < 0) fail(`unclosed <${name}>`);
			node.text += decode(source.slice(pos, next));
			pos = next;
			if (source.startsWith('<![CDATA[', pos)) {
				const end = source.indexOf(']]>', pos);
				if (end < 0) fail('unterminated CDATA');
				node.text += source.slice(pos + 9, end);
				pos = end + 3;
			} else if (source.startsWith('<!--', pos)) {
				const end = source.indexOf('-->', pos);
				if (end < 0) fail('unterminated comment');
				pos = end + 3;
			} else if (source.startsWith('</', pos)) {
				const close = `</${name}>`;
				if (!source.startsWith(close, pos)) fail(`expected ${close}`);
				pos += close.length;
				return node;
			} else node.children.push(element());
		}
	};
	skipMisc();
	const root = element();
	skipMisc();
	if (pos !== source.length) fail('content after the root element');
	return root;
}

export function child(node: XmlElement, name: string): XmlElement | undefined {
	return node.children.find((c) => c.name === name);
}

export function children(node: XmlElement, name: string): XmlElement[] {
	return node.children.filter((c) => c.name === name);
}

/** The text of `<name><text>…</text></name>`. */
export function textOf(node: XmlElement, name: string): string | undefined {
	const holder = child(node, name);
	return holder ? child(holder, 'text')?.text : undefined;
}
