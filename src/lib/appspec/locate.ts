import {
	isAlias,
	isCollection,
	isMap,
	isPair,
	isScalar,
	isSeq,
	type Document,
	type Node,
	type YAMLMap,
} from 'yaml';
import type { LineIndex } from './positions.ts';
import type { Range } from './types.ts';

export type Path = readonly (string | number)[];

/** Where a path of the plain data lives in the YAML tree. */
export interface Located {
	/** The node at the deepest path segment that exists. */
	node: Node | undefined;
	/** The key of the pair holding `node`, when `node` is a map value. */
	key: Node | undefined;
	/** True when the whole path was found. */
	found: boolean;
}

const MAX_ALIAS_HOPS = 50;

/** The text a key node stands for, as the AWS parsers compare keys (`String(value)`). */
export function keyText(key: unknown): string {
	if (isScalar(key)) return String(key.value);
	return String(key);
}

function resolve(doc: Document, node: unknown): Node | undefined {
	let current = node;
	for (let hops = 0; isAlias(current) && hops < MAX_ALIAS_HOPS; hops++) current = current.resolve(doc);
	return isAlias(current) ? undefined : (current as Node | undefined);
}

/** Walks `path` through the tree. In a map the last pair with that key wins, as with YAML duplicate keys. */
export function locate(doc: Document, path: Path): Located {
	let node = resolve(doc, doc.contents);
	let key: Node | undefined;
	for (const segment of path) {
		const next = child(doc, node, segment);
		if (!next) return { node, key, found: false };
		node = next.node;
		key = next.key;
	}
	return { node, key, found: node !== undefined };
}

/** Key → pair index for each map, built once: rules look up many paths in large maps. */
const mapIndexes = new WeakMap<object, Map<string, number>>();

function indexOf(map: YAMLMap): Map<string, number> {
	let index = mapIndexes.get(map);
	if (!index) {
		index = new Map();
		for (let i = 0; i < map.items.length; i++) {
			const pair = map.items[i];
			if (isPair(pair)) index.set(keyText(pair.key), i); // the last duplicate wins, as in Psych
		}
		mapIndexes.set(map, index);
	}
	return index;
}

function child(doc: Document, node: Node | undefined, segment: string | number) {
	if (isMap(node)) {
		const at = indexOf(node).get(String(segment));
		const pair = at === undefined ? undefined : node.items[at];
		return pair ? { node: resolve(doc, pair.value), key: pair.key as Node } : undefined;
	}
	if (isSeq(node) && typeof segment === 'number') {
		const item = node.items[segment];
		return item === undefined ? undefined : { node: resolve(doc, item), key: undefined };
	}
	return undefined;
}

/** The original source text of a node (e.g. to see whether `0644` was written unquoted). */
export function sourceText(source: string, node: Node | undefined): string {
	const range = node?.range;
	return range ? source.slice(range[0], range[1]) : '';
}

/**
 * The range to underline for a node: the exact span of a scalar; only the first line of a collection (a whole
 * block would be noise). Empty nodes fall back to their key.
 */
export function nodeRange(
	source: string,
	lines: LineIndex,
	node: Node | undefined,
	key?: Node,
): Range | undefined {
	const span = node?.range;
	if (!span || span[1] <= span[0]) return key ? nodeRange(source, lines, key) : undefined;
	let end = span[1];
	if (isCollection(node)) {
		const startLine = lines.position(span[0]).line;
		const nextLineStart = lines.lineStart(startLine + 1);
		if (nextLineStart > span[0] && nextLineStart < end) end = nextLineStart;
	}
	while (end > span[0] + 1 && /\s/.test(source[end - 1] ?? '')) end--;
	return lines.range(span[0], end);
}
