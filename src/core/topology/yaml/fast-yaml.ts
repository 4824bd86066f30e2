/**
 * A fast path for the YAML our blocks are made of: block mappings and sequences, one-line flow
 * collections, plain and quoted scalars, comments. Going through the `yaml` package's parser and
 * our composer (yaml-compose.ts) costs milliseconds for a few hundred resources, which a note
 * re-renders on every keystroke; this reader builds the same nodes (yaml-nodes.ts, with the same
 * offsets) in a fraction of it.
 *
 * It only ever says "I read this exactly as YAML would" or "not mine": anything outside the
 * subset (anchors, tags, block scalars, multi-line scalars or flow collections, documents
 * markers, tabs, odd indentation, any error) returns null and the caller uses the composer,
 * which also produces the syntax errors. Tests compare both with the `yaml` package.
 */

import { DOUBLE_ESCAPES, mapNode, pairNode, plainValue, scalarNode, seqNode, type YamlMap, type YamlNode, type YamlScalar, type YamlSeq } from './yaml-nodes';

class NotMine extends Error {}

function bail(): never {
	throw new NotMine();
}

interface Line {
	/** Offset of the line's first character in the source. */
	start: number;
	text: string;
	/** Column of the first non-space character; -1 for blank or comment-only lines. */
	indent: number;
}

class Reader {
	private readonly lines: Line[] = [];
	private row = 0;

	constructor(private readonly source: string) {
		let start = 0;
		for (const text of source.split('\n')) {
			if (text.includes('\r') || text.includes('\t')) bail();
			// A document marker anywhere (`---`, `--- key: v`, `...`) starts or ends a document: not ours.
			if (/^(?:---|\.\.\.)(?:[ \t]|$)/.test(text)) bail();
			const content = /^ *(?:#.*)?$/.test(text) ? -1 : (/^ */.exec(text)?.[0].length ?? 0);
			this.lines.push({ start, text, indent: content });
			start += text.length + 1;
		}
	}

	read(): YamlNode | null {
		this.skipBlank();
		if (this.row >= this.lines.length) return null;
		const first = this.lines[this.row];
		if (first.indent !== 0 || /^(?:---|\.\.\.)(?:\s|$)/.test(first.text) || first.text.startsWith('%')) bail();
		const node = this.blockNode(0, 0);
		this.skipBlank();
		if (this.row < this.lines.length) bail();
		return node;
	}

	private skipBlank(): void {
		while (this.row < this.lines.length && (this.lines[this.row]).indent === -1) this.row++;
	}

	/** A block node whose first character is at `col` of the current line. */
	private blockNode(col: number, parentIndent: number): YamlNode {
		const line = this.lines[this.row];
		const rest = line.text.slice(col);
		if (rest === '-' || rest.startsWith('- ')) return this.blockSeq(col);
		if (this.keyEnd(line.text, col) !== -1) return this.blockMap(col);
		const node = this.inlineValue(line, col);
		this.row++;
		this.noContinuation(parentIndent);
		return node;
	}

	/** A multi-line plain scalar or stray deeper line would follow here: not ours. */
	private noContinuation(parentIndent: number): void {
		this.skipBlank();
		const next = this.lines[this.row];
		if (next && next.indent > parentIndent) bail();
	}

	private blockSeq(col: number): YamlSeq {
		const seq = seqNode(0, false);
		const first = this.lines[this.row];
		let end = first.start + col;
		for (;;) {
			const line = this.lines[this.row];
			if (!line || line.indent === -1) break;
			const dash = line.start + col;
			const isItem = line.indent === col && (line.text.slice(col) === '-' || line.text.startsWith('- ', col));
			if (!isItem) {
				if (line.indent > col) bail();
				break;
			}
			let itemCol = col + 1;
			while (line.text[itemCol] === ' ') itemCol++;
			if (itemCol >= line.text.length || line.text[itemCol] === '#') {
				this.row++;
				this.skipBlank();
				const next = this.lines[this.row];
				if (next && next.indent > col) seq.items.push(this.blockNode(next.indent, col));
				else seq.items.push(scalarNode(null, '', line.start + itemCol, line.start + itemCol, 'plain'));
			} else if (line.text.startsWith('- ', itemCol) || line.text.slice(itemCol) === '-') {
				bail();
			} else {
				seq.items.push(this.blockNode(itemCol, col));
			}
			end = dash;
			this.skipBlank();
		}
		seq.range = [first.start + col, end, end];
		return seq;
	}

	private blockMap(col: number): YamlMap {
		const map = mapNode(0, false);
		const first = this.lines[this.row];
		let firstLine = true;
		for (;;) {
			const line = this.lines[this.row];
			if (!line || line.indent === -1) break;
			const keyCol = firstLine ? col : line.indent;
			if (!firstLine && line.indent !== col) {
				if (line.indent > col) bail();
				break;
			}
			firstLine = false;
			const colon = this.keyEnd(line.text, keyCol);
			if (colon === -1) bail();
			const key = this.keyScalar(line, keyCol, colon);
			let valueCol = colon + 1;
			while (line.text[valueCol] === ' ') valueCol++;
			let value: YamlNode;
			if (valueCol >= line.text.length || line.text[valueCol] === '#') {
				this.row++;
				this.skipBlank();
				const next = this.lines[this.row];
				const nextIsSeq = next && next.indent === col && (next.text.slice(col) === '-' || next.text.startsWith('- ', col));
				if (next && (next.indent > col || nextIsSeq)) value = this.blockNode(next.indent, col);
				// Where yaml puts an empty value: after the spaces that follow the colon.
				else value = scalarNode(null, '', line.start + valueCol, line.start + valueCol, 'plain');
			} else {
				const rest = line.text.slice(valueCol);
				if (rest === '-' || rest.startsWith('- ') || this.keyEnd(line.text, valueCol) !== -1) bail();
				value = this.inlineValue(line, valueCol);
				this.row++;
				this.noContinuation(col);
			}
			map.items.push(pairNode(key, value));
			this.skipBlank();
		}
		map.range = [first.start + col, this.offsetHere(), this.offsetHere()];
		return map;
	}

	private offsetHere(): number {
		return this.lines[this.row]?.start ?? this.source.length;
	}

	/** Column of the `:` ending a block mapping key that starts at `col`, or -1. */
	private keyEnd(text: string, col: number): number {
		const c = text[col];
		if (c === '"' || c === "'") {
			const close = this.quotedEnd(text, col);
			if (close === -1) return -1;
			let i = close;
			while (text[i] === ' ') i++;
			return text[i] === ':' && (i + 1 >= text.length || text[i + 1] === ' ') ? i : -1;
		}
		if (c === undefined || '-?:,[]{}#&*!|>%@`'.includes(c)) {
			if (!((c === '-' || c === '?' || c === ':') && text[col + 1] !== undefined && text[col + 1] !== ' ')) return -1;
		}
		for (let i = col; i < text.length; i++) {
			if (text[i] === ':' && (i + 1 >= text.length || text[i + 1] === ' ')) return i;
			if (text[i] === '#' && text[i - 1] === ' ') return -1;
		}
		return -1;
	}

	private keyScalar(line: Line, col: number, colon: number): YamlNode {
		const c = line.text[col];
		if (c === '"' || c === "'") {
			const end = this.quotedEnd(line.text, col);
			return this.quoted(line, col, end);
		}
		const raw = line.text.slice(col, colon).trimEnd();
		return scalarNode(plainValue(raw), raw, line.start + col, line.start + col + raw.length, 'plain');
	}

	/** Offset just past the closing quote, or -1. */
	private quotedEnd(text: string, col: number): number {
		const q = text[col];
		for (let i = col + 1; i < text.length; i++) {
			if (q === '"' && text[i] === '\\') {
				i++;
				continue;
			}
			if (text[i] === q) {
				if (q === "'" && text[i + 1] === "'") {
					i++;
					continue;
				}
				return i + 1;
			}
		}
		return -1;
	}

	private quoted(line: Line, col: number, end: number): YamlScalar {
		if (end === -1) bail();
		const body = line.text.slice(col + 1, end - 1);
		let value: string;
		if (line.text[col] === "'") {
			value = body.replace(/''/g, "'");
			return scalarNode(value, value, line.start + col, line.start + end, 'single');
		}
		value = '';
		for (let i = 0; i < body.length; i++) {
			const ch = body[i];
			if (ch !== '\\') {
				value += ch;
				continue;
			}
			const e = body[++i] ?? '';
			const simple = DOUBLE_ESCAPES[e];
			if (simple !== undefined) {
				value += simple;
				continue;
			}
			const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
			const hex = body.slice(i + 1, i + 1 + width);
			if (width === 0 || !new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) bail();
			const code = parseInt(hex, 16);
			if (code > 0x10ffff) bail();
			value += String.fromCodePoint(code);
			i += width;
		}
		return scalarNode(value, value, line.start + col, line.start + end, 'double');
	}

	/** A value that must fit on this line: flow collection, quoted or plain scalar, then a comment at most. */
	private inlineValue(line: Line, col: number): YamlNode {
		const c = line.text[col];
		let node: YamlNode;
		let after: number;
		if (c === '[' || c === '{') {
			const flow = new FlowReader(line, col, this);
			node = flow.collection();
			after = flow.pos;
		} else if (c === '"' || c === "'") {
			after = this.quotedEnd(line.text, col);
			node = this.quoted(line, col, after);
		} else {
			if (c === undefined || '&*!|>%@`,]}'.includes(c) || ((c === '-' || c === '?' || c === ':') && line.text[col + 1] === ' ')) bail();
			let end = line.text.length;
			const hash = line.text.indexOf(' #', col);
			if (hash !== -1) end = hash;
			const raw = line.text.slice(col, end).trimEnd();
			if (raw.includes(': ') || raw.endsWith(':')) bail();
			node = scalarNode(plainValue(raw), raw, line.start + col, line.start + col + raw.length, 'plain');
			after = col + raw.length;
		}
		const tail = line.text.slice(after);
		if (!/^ *(?:#.*)?$/.test(tail) || (tail.startsWith('#') && after > col)) bail();
		return node;
	}

	quotedAt(line: Line, col: number): { node: YamlScalar; end: number } {
		const end = this.quotedEnd(line.text, col);
		return { node: this.quoted(line, col, end), end };
	}
}

/** One-line flow collections: `[a, "b", {c: d}]`, `{ cidr: 10.0.1.0/24, zone: a }`. */
class FlowReader {
	pos: number;
	constructor(
		private readonly line: Line,
		col: number,
		private readonly reader: Reader,
	) {
		this.pos = col;
	}

	private get text(): string {
		return this.line.text;
	}

	private spaces(): void {
		while (this.text[this.pos] === ' ') this.pos++;
		if (this.pos >= this.text.length) bail();
	}

	collection(): YamlNode {
		const open = this.text[this.pos];
		const start = this.pos;
		this.pos++;
		const close = open === '[' ? ']' : '}';
		const node = open === '[' ? seqNode(0, true) : mapNode(0, true);
		this.spaces();
		while (this.text[this.pos] !== close) {
			if (open === '{') {
				const key = this.item(true);
				this.spaces();
				if (this.text[this.pos] !== ':') bail();
				this.pos++;
				this.spaces();
				const c = this.text[this.pos];
				const value = c === ',' || c === '}' ? scalarNode(null, '', this.line.start + this.pos, this.line.start + this.pos, 'plain') : this.item(false);
				(node as YamlMap).items.push(pairNode(key, value));
			} else {
				(node as YamlSeq).items.push(this.item(false));
			}
			this.spaces();
			if (this.text[this.pos] === ',') {
				this.pos++;
				this.spaces();
			} else if (this.text[this.pos] !== close) bail();
		}
		this.pos++;
		node.range = [this.line.start + start, this.line.start + this.pos, this.line.start + this.pos];
		return node;
	}

	private item(isKey: boolean): YamlNode {
		const c = this.text[this.pos];
		if (c === '[' || c === '{') {
			if (isKey) bail();
			return this.collection();
		}
		if (c === '"' || c === "'") {
			const { node, end } = this.reader.quotedAt(this.line, this.pos);
			this.pos = end;
			return node;
		}
		if (c === undefined || '&*!|>%@`#,]}'.includes(c) || ((c === '-' || c === '?' || c === ':') && /[\s,[\]{}]/.test(this.text[this.pos + 1] ?? ' '))) bail();
		const start = this.pos;
		while (this.pos < this.text.length) {
			const ch = this.text[this.pos];
			if (',[]{}'.includes(ch)) break;
			if (ch === ':' && /[\s,[\]{}]/.test(this.text[this.pos + 1] ?? ' ')) break;
			if (ch === '#' && this.text[this.pos - 1] === ' ') bail();
			this.pos++;
		}
		const raw = this.text.slice(start, this.pos).trimEnd();
		if (!isKey && this.text[this.pos] === ':') bail();
		return scalarNode(plainValue(raw), raw, this.line.start + start, this.line.start + start + raw.length, 'plain');
	}
}

const NOT_YAML_SPACE = /[\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** The document's root node, or null when this input is not for the fast path. */
export function readSimpleYaml(source: string): { root: YamlNode | null } | null {
	// JavaScript's trim and \s treat these as spaces, YAML does not (a key of no-break spaces is a key).
	if (NOT_YAML_SPACE.test(source)) return null;
	try {
		return { root: new Reader(source).read() };
	} catch (e) {
		// RangeError: flow collections nested thousands deep overflow the recursive reader;
		// the composer reports those as a syntax error instead.
		if (e instanceof NotMine || e instanceof RangeError) return null;
		throw e;
	}
}
