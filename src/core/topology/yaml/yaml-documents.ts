/**
 * Blocks of pasted manifests hold several YAML documents separated by `---` lines. Each document
 * is read on its own (the fast path when it can, the composer otherwise) and its node offsets are
 * shifted back into the block, so positions stay exact and a 200-document block costs what its
 * documents cost, not a quadratic re-scan.
 */

import { readSimpleYaml } from './fast-yaml';
import { composeYaml, type YamlProblem } from './yaml-compose';
import { isAlias, isMap, isSeq, type YamlNode } from './yaml-nodes';

export interface DocumentSlice {
	/** Offset of the document's first character in the block. */
	offset: number;
	text: string;
}

/** A `---` (or `...`) line on its own, optionally with a comment: where documents part. */
const MARKER = /^(?:---|\.\.\.)[ \t]*(?:#.*)?$/;
/** `--- {...}`: a document that starts on its marker's line; the composer reads it, marker included (and rejects `--- key: v` as YAML does). */
const MARKER_WITH_CONTENT = /^---[ \t]+\S/;

/** The block cut at its document markers; markers themselves belong to no document. */
export function splitDocuments(source: string): DocumentSlice[] {
	const slices: DocumentSlice[] = [];
	let start = 0;
	let offset = 0;
	while (offset <= source.length) {
		const end = source.indexOf('\n', offset);
		const lineEnd = end === -1 ? source.length : end;
		const line = source.slice(offset, lineEnd).replace(/\r$/, '');
		if (MARKER.test(line)) {
			slices.push({ offset: start, text: source.slice(start, offset) });
			start = lineEnd + 1;
		} else if (MARKER_WITH_CONTENT.test(line)) {
			slices.push({ offset: start, text: source.slice(start, offset) });
			start = offset;
		}
		if (end === -1) break;
		offset = end + 1;
	}
	slices.push({ offset: Math.min(start, source.length), text: source.slice(Math.min(start, source.length)) });
	return slices;
}

/** Moves a document's offsets into the block, in place: each node is visited once (an alias's target is shifted where it stands). */
function shift(node: YamlNode | null, by: number): void {
	if (node === null) return;
	const range = node.range;
	range[0] += by;
	range[1] += by;
	range[2] += by;
	if (isAlias(node)) return;
	if (isMap(node)) {
		for (const pair of node.items) {
			shift(pair.key, by);
			shift(pair.value, by);
		}
	} else if (isSeq(node)) {
		for (const item of node.items) shift(item, by);
	}
}

/** Every non-empty document of the block, with offsets in the block, and the problems found. */
export function readDocuments(source: string): { documents: YamlNode[]; problems: YamlProblem[] } {
	const documents: YamlNode[] = [];
	const problems: YamlProblem[] = [];
	for (const slice of splitDocuments(source)) {
		if (slice.text.split('\n').every((line) => /^\s*(?:#.*)?$/.test(line))) continue;
		const fast = readSimpleYaml(slice.text);
		const composed = fast ? { root: fast.root, problems: [] } : composeYaml(slice.text);
		for (const problem of composed.problems) problems.push({ ...problem, offset: problem.offset + slice.offset });
		if (composed.root === null) continue;
		if (slice.offset > 0) shift(composed.root, slice.offset);
		documents.push(composed.root);
	}
	return { documents, problems };
}
