/**
 * Several YAML documents in one Compose file are one model: compose-go reads each document and
 * merges it over the ones before with its override rules, as it does for `-f a.yaml -f b.yaml`.
 * Mappings merge key by key, sequences append (an item already there is not repeated), any other
 * value is replaced. A value tagged `!override` replaces what was there whole; one tagged `!reset`
 * removes the key (readers skip keys whose value carries `!reset`, so the key is absent).
 *
 * The merged tree reuses the documents' own nodes, so every position still points at the line the
 * value came from.
 */

import { isAlias, isMap, isScalar, isSeq, mapNode, pairNode, seqNode, tagOf, type YamlMap, type YamlNode } from './yaml-nodes';

function resolved(node: YamlNode | null): YamlNode | null {
	return isAlias(node) ? node.target : node;
}

function keyOf(node: YamlNode | null): string | null {
	const n = resolved(node);
	return isScalar(n) ? n.source : null;
}

/** A scalar's identity when deciding whether an appended item is already there. */
function scalarText(node: YamlNode | null): string | null {
	const n = resolved(node);
	return isScalar(n) ? n.source : null;
}

export function mergeYamlNodes(base: YamlNode | null, over: YamlNode | null): YamlNode | null {
	const b = resolved(base);
	const o = resolved(over);
	if (o === null) return base;
	if (tagOf(o) === '!override' || tagOf(o) === '!reset' || b === null) return over;
	if (isMap(b) && isMap(o)) return mergeMaps(b, o);
	if (isSeq(b) && isSeq(o)) {
		const seq = seqNode(b.range[0], b.flow);
		seq.range = [...b.range];
		const seen = new Set(b.items.map(scalarText).filter((t): t is string => t !== null));
		seq.items = [...b.items];
		for (const item of o.items) {
			const text = scalarText(item);
			if (text !== null && seen.has(text)) continue;
			if (text !== null) seen.add(text);
			seq.items.push(item);
		}
		return seq;
	}
	return over;
}

function mergeMaps(base: YamlMap, over: YamlMap): YamlMap {
	const map = mapNode(base.range[0], base.flow);
	map.range = [...base.range];
	const index = new Map<string, number>();
	for (const pair of base.items) {
		const key = keyOf(pair.key);
		if (key !== null) index.set(key, map.items.length);
		map.items.push(pair);
	}
	for (const pair of over.items) {
		const key = keyOf(pair.key);
		const at = key === null ? undefined : index.get(key);
		if (at === undefined) {
			if (key !== null) index.set(key, map.items.length);
			map.items.push(pair);
			continue;
		}
		const previous = map.items[at];
		map.items[at] = pairNode(pair.key, mergeYamlNodes(previous?.value ?? null, pair.value));
	}
	return map;
}

/** The documents of a multi-document file merged in order, as one root. */
export function mergeYamlDocuments(documents: readonly YamlNode[]): YamlNode | null {
	let root: YamlNode | null = null;
	for (const document of documents) root = root === null ? document : mergeYamlNodes(root, document);
	return root;
}
