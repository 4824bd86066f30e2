/**
 * Reading a block's YAML with positions. Every node carries an offset range in the block; line
 * starts turn offsets into block lines, and the block's first line in the note shifts them so
 * every diagnostic points into the note, not into the block.
 */

import type { DiagnosticSink, Pos } from '../shared/diagnostic';
import { didYouMean } from '../shared/did-you-mean';
import { TextSource } from '../shared/text-source';
import { readSimpleYaml } from './fast-yaml';
import { composeYaml, type YamlProblem } from './yaml-compose';
import { readDocuments } from './yaml-documents';
import { mergeYamlDocuments } from './yaml-merge';
import { isAlias, isMap, isPair, isScalar, isSeq, tagOf, type YamlNode } from './yaml-nodes';

export interface Entry {
	key: string;
	keyPos: Pos;
	value: YamlNode | null;
	valuePos: Pos;
}

export class YamlSource extends TextSource {
	readonly root: YamlNode | null;
	/** Every document of the block (`---` between them) when read with `documents: true`; else the root alone. */
	readonly documents: readonly YamlNode[];
	/** Diagnostics after this note line are dropped: past a syntax error the tree is guesswork. */
	readonly syntaxCutoff: number;

	/**
	 * `documents`: several `---` documents are kept apart (`documents`, e.g. Kubernetes manifests);
	 * `mergeDocuments`: they are merged into one root as compose-go merges them (yaml-merge.ts);
	 * otherwise a second document is reported.
	 */
	constructor(source: string, firstLine: number, columnOffset = 0, options: { documents?: boolean; mergeDocuments?: boolean } = {}) {
		super(source, firstLine, columnOffset);
		if (options.documents) {
			const read = readDocuments(source);
			this.documents = read.documents;
			this.root = read.documents[0] ?? null;
			this.syntaxCutoff = this.reportProblems(source, read.problems);
			return;
		}
		const fast = readSimpleYaml(source);
		if (fast) {
			this.root = fast.root;
			this.documents = fast.root ? [fast.root] : [];
			this.syntaxCutoff = Infinity;
			return;
		}
		const { root, documents, problems } = composeYaml(source, options.mergeDocuments === true);
		this.syntaxCutoff = this.reportProblems(source, problems);
		this.root = documents.length > 1 ? mergeYamlDocuments(documents) : root;
		this.documents = this.root ? [this.root] : [];
	}

	/** Reports the reader's problems; returns the note line past which diagnostics are guesswork. */
	private reportProblems(source: string, problems: readonly YamlProblem[]): number {
		const firstLine = this.firstLine;
		let cutoff = Infinity;
		const lines = source.split(/\r\n|\r|\n/);
		for (const problem of problems) {
			const pos = this.pos(problem.offset);
			if (problem.kind === 'alias') {
				this.sink.add(pos, 'yaml-syntax', problem.message);
				continue;
			}
			cutoff = Math.min(cutoff, pos.line);
			const text = lines[pos.line - firstLine] ?? '';
			const message = /^\s*\t/.test(text)
				? 'indent with spaces, not tabs: YAML does not allow tabs for indentation'
				: `YAML: ${problem.message.split('\n')[0] ?? ''}`;
			this.sink.add(pos, 'yaml-syntax', message);
		}
		return cutoff;
	}

	posOf(node: YamlNode | null | undefined, fallback: Pos = this.start): Pos {
		const range = node?.range;
		return range ? this.pos(range[0]) : fallback;
	}

	/** Follows an alias (`*anchor`) to the node it names. */
	resolve(node: YamlNode | null | undefined): YamlNode | null {
		if (isAlias(node)) return node.target;
		return node ?? null;
	}

	isMap(node: YamlNode | null): boolean {
		return isMap(this.resolve(node));
	}

	isSeq(node: YamlNode | null): boolean {
		return isSeq(this.resolve(node));
	}

	isNull(node: YamlNode | null): boolean {
		const n = this.resolve(node);
		return n === null || (isScalar(n) && n.value === null);
	}

	/**
	 * The pairs of a mapping in order, `<<` merge keys expanded (Compose files use them), keys as
	 * strings. Repeated keys are reported as `duplicate-name` (YAML forbids them; the last wins).
	 */
	entries(node: YamlNode | null, what: string): Entry[] {
		const map = this.resolve(node);
		if (!isMap(map)) return [];
		const result: Entry[] = [];
		const indexOf = new Map<string, number>();
		const merged: Entry[] = [];
		let mapPos: Pos | null = null;
		for (const pair of map.items) {
			if (!isPair(pair)) continue;
			const keyNode = pair.key;
			const valueNode = pair.value;
			const keyPos = keyNode?.range ? this.pos(keyNode.range[0]) : (mapPos ??= this.posOf(map));
			if (tagOf(this.resolve(valueNode)) === '!reset') {
				// Compose's `!reset`: the key is gone, including what a `<<` merge would bring.
				const key = this.keyText(keyNode);
				if (key !== null) indexOf.set(key, -1);
				continue;
			}
			if (isScalar(keyNode) && keyNode.value === '<<' && keyNode.style === 'plain') {
				const sources = this.resolve(valueNode);
				const list = isSeq(sources) ? sources.items : [valueNode];
				for (const source of list) merged.push(...this.entries(source, what));
				continue;
			}
			const key = this.keyText(keyNode);
			if (key === null) {
				this.report(keyPos, 'invalid-value', `${what} keys must be plain names, not lists or maps`);
				continue;
			}
			const entry: Entry = { key, keyPos, value: valueNode, valuePos: this.posOf(valueNode, keyPos) };
			const previous = indexOf.get(key);
			if (previous === -1) continue;
			if (previous === undefined) {
				indexOf.set(key, result.length);
				result.push(entry);
				continue;
			}
			// YAML forbids repeated keys; the yaml package keeps the last, and so do we.
			this.report(keyPos, 'duplicate-name', `\`${key}\` appears twice in ${what} (line ${(result[previous]).keyPos.line}); rename or merge them`);
			result[previous] = entry;
		}
		// Merged keys are defaults: the mapping's own keys win, as YAML merge keys define.
		for (const entry of merged) {
			if (indexOf.has(entry.key)) continue;
			indexOf.set(entry.key, result.length);
			result.push(entry);
		}
		return result;
	}

	/**
	 * Keys of a mapping whose value is tagged `!reset` or `!override` (Compose's tags), with the
	 * tag. The readers above already drop `!reset` keys; a merge (such as `extends`) also needs to
	 * know that these keys replace what a base would bring instead of adding to it.
	 */
	replacingKeys(node: YamlNode | null): Map<string, '!reset' | '!override'> {
		const result = new Map<string, '!reset' | '!override'>();
		const map = this.resolve(node);
		if (!isMap(map)) return result;
		for (const pair of map.items) {
			if (!isPair(pair)) continue;
			const tag = tagOf(this.resolve(pair.value));
			const key = this.keyText(pair.key);
			if (key !== null && (tag === '!reset' || tag === '!override')) result.set(key, tag);
		}
		return result;
	}

	/**
	 * `entries` for a mapping with a fixed set of keys: unknown ones are reported with a
	 * did-you-mean. `lenient` keys (Compose's many options) are accepted silently unless they
	 * look like a typo of a known one.
	 */
	fields(node: YamlNode | null, what: string, known: readonly string[], lenient?: readonly string[]): Map<string, Entry> {
		const result = new Map<string, Entry>();
		for (const entry of this.entries(node, what)) {
			if (known.includes(entry.key)) {
				result.set(entry.key, entry);
				continue;
			}
			if (lenient) {
				if (lenient.includes(entry.key) || entry.key.startsWith('x-')) continue;
				const hint = didYouMean(entry.key, [...known, ...lenient]);
				if (hint) this.report(entry.keyPos, 'unknown-field', `unknown ${what} field \`${entry.key}\`${hint}`);
				continue;
			}
			this.report(entry.keyPos, 'unknown-field', `unknown ${what} field \`${entry.key}\`${didYouMean(entry.key, known) || `; expected one of ${known.join(', ')}`}`);
		}
		return result;
	}

	/** A mapping expected here; reports and returns false otherwise (null values are empty maps). */
	expectMap(entry: Entry, what: string): boolean {
		if (this.isNull(entry.value) || this.isMap(entry.value)) return true;
		this.report(entry.valuePos, 'invalid-value', `${what} should be a mapping of names to settings`);
		return false;
	}

	keyText(node: YamlNode | null): string | null {
		const n = this.resolve(node);
		if (isScalar(n)) {
			if (n.value === null) return '';
			if (typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean') return String(n.value);
			return n.source ?? null;
		}
		return null;
	}

	/** A scalar as text (numbers too: `ports: 22`), or null when it is a list/map/missing. */
	text(node: YamlNode | null): string | null {
		const n = this.resolve(node);
		if (!isScalar(n) || n.value === null || n.value === undefined) return null;
		if (typeof n.value === 'string') return n.value;
		if (typeof n.value === 'number' || typeof n.value === 'boolean' || typeof n.value === 'bigint') {
			return n.source ?? String(n.value);
		}
		return null;
	}

	bool(node: YamlNode | null): boolean | null {
		const n = this.resolve(node);
		if (isScalar(n) && typeof n.value === 'boolean') return n.value;
		return null;
	}

	/** The items of a list, or a single scalar as a one-item list (`security-groups: web-sg`). */
	items(node: YamlNode | null): YamlNode[] {
		const n = this.resolve(node);
		if (isSeq(n)) return n.items.map((item) => this.resolve(item)).filter((item): item is YamlNode => item !== null);
		if (n === null || (isScalar(n) && n.value === null)) return [];
		return [n];
	}

	/** Like `text`, reporting `missing-field` or `invalid-value` when it is not a plain value. */
	requireText(fields: Map<string, Entry>, key: string, owner: string, ownerPos: Pos): { value: string; pos: Pos } | null {
		const entry = fields.get(key);
		if (!entry) {
			this.report(ownerPos, 'missing-field', `${owner} needs \`${key}\``);
			return null;
		}
		const value = this.text(entry.value);
		if (value === null || value.trim() === '') {
			this.report(entry.valuePos, 'missing-field', `${owner}: \`${key}\` is empty`);
			return null;
		}
		return { value: value.trim(), pos: entry.valuePos };
	}

	/** Diagnostics, minus those past the first syntax error (they would be noise). */
	override diagnostics(): DiagnosticSink['list'] {
		return this.sink.list.filter((d) => d.code === 'yaml-syntax' || d.line < this.syntaxCutoff);
	}
}
