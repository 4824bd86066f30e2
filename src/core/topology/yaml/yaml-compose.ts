/**
 * YAML text -> our node tree (yaml-nodes.ts), with every problem as an offset and a message.
 *
 * The `yaml` package's Parser turns the text into a concrete syntax tree (tokens with offsets,
 * indentation and the parser's own error tokens); this module composes that tree into nodes the
 * way the package's composer does (the same checks, the same node offsets, the core schema), but
 * without its Document, schemas and stringifiers, which cost main.js ~70 KB. Comments are dropped,
 * tags only choose between a string and the core schema's reading, aliases point at their node.
 *
 * Never throws: a problem is recorded and composition goes on with what is sound.
 */

import { Parser, type CST } from 'yaml';
import {
	DOUBLE_ESCAPES,
	mapNode,
	pairNode,
	plainValue,
	scalarNode,
	seqNode,
	type ScalarStyle,
	type YamlAlias,
	type YamlMap,
	type YamlNode,
	type YamlScalar,
	type YamlSeq,
} from './yaml-nodes';

export interface YamlProblem {
	offset: number;
	message: string;
	/** `alias`: an alias without an anchor before it (the `yaml` package only notices on output). */
	kind: 'syntax' | 'alias';
}

export interface ComposedYaml {
	/** The first document's root; null when the text holds no document. */
	root: YamlNode | null;
	/** Every document's root, in order (one unless `multiDocument` was asked for). */
	documents: YamlNode[];
	problems: YamlProblem[];
}

type Token = CST.Token;
type SourceToken = CST.SourceToken;
type Item = CST.CollectionItem;

interface Props {
	found: SourceToken | null;
	anchor: SourceToken | null;
	tag: SourceToken | null;
	comma: SourceToken | null;
	hasNewline: boolean;
	newlineAfterProp: SourceToken | null;
	/** Offset after the last prop token. */
	end: number;
	/** Offset of the first anchor or tag, else `end`. */
	start: number;
}

interface PropsContext {
	flow: string | null;
	indicator: string;
	next: Token | undefined;
	offset: number;
	parentIndent: number;
	startOnNewline: boolean;
}

/** Collections nested deeper than this are refused: the composer recurses, the stack does not grow forever. */
const MAX_DEPTH = 500;

const COLUMN_MESSAGE = 'All mapping items must start at the same column';
const BLOCK_IN_FLOW = 'Block collections are not allowed within flow collections';

/** A local tag (`!Ref`), as opposed to a core `!!str` or a verbatim `!<...>` one. */
function localTag(source: string): boolean {
	return /^![A-Za-z]/.test(source);
}

function tokenEnd(token: { offset: number; source?: string }): number {
	return token.offset + (token.source?.length ?? 0);
}

function isBlock(token: Token | null | undefined): boolean {
	return token?.type === 'block-map' || token?.type === 'block-seq';
}

/** Whether a key token spans lines (implicit keys must not). */
function containsNewline(token: Token | null | undefined): boolean {
	if (!token) return false;
	switch (token.type) {
		case 'alias':
		case 'scalar':
		case 'double-quoted-scalar':
		case 'single-quoted-scalar':
			return token.source.includes('\n') || (token.end?.some((t) => t.type === 'newline') ?? false);
		case 'flow-collection':
			return token.items.some(
				(item) =>
					item.start.some((t) => t.type === 'newline') ||
					(item.sep?.some((t) => t.type === 'newline') ?? false) ||
					containsNewline(item.key) ||
					containsNewline(item.value),
			);
		default:
			return true;
	}
}

/**
 * Where an empty value sits: after the last indicator or property before it and the spaces that
 * follow (where the `yaml` package puts it, so positions agree).
 */
function emptyPosition(offset: number, before: SourceToken[] | undefined): number {
	if (!before) return offset;
	for (let i = before.length - 1; i >= 0; --i) {
		const token = before[i];
		if (token.type === 'space' || token.type === 'comment' || token.type === 'newline') {
			offset -= token.source.length;
			continue;
		}
		for (let j = i + 1; before[j]?.type === 'space'; j++) offset += before[j].source.length;
		break;
	}
	return offset;
}

function trimSpaceEnd(text: string): string {
	let end = text.length;
	while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
	return text.slice(0, end);
}

function trimSpaceStart(text: string): string {
	let start = 0;
	while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
	return text.slice(start);
}

/**
 * Plain and single-quoted scalars: line breaks fold to spaces, empty lines to newlines. (Loops,
 * not regular expressions, trim the spaces: a long run of them must not cost quadratic time.)
 */
function unfoldLines(source: string): string {
	if (!source.includes('\n')) return source;
	const lines = source.split('\n');
	const last = lines.length - 1;
	const line = (i: number): string => {
		const text = lines[i] ?? '';
		return text.endsWith('\r') ? text.slice(0, -1) : text;
	};
	let result = trimSpaceEnd(line(0));
	let sep = ' ';
	for (let i = 1; i < last; i++) {
		const text = trimSpaceStart(trimSpaceEnd(line(i)));
		if (text === '') {
			if (sep === '\n') result += sep;
			else sep = '\n';
		} else {
			result += sep + text;
			sep = ' ';
		}
	}
	return result + sep + trimSpaceStart(lines[last] ?? '');
}

class Composer {
	readonly problems: YamlProblem[] = [];
	/** Anchor name -> node, with the node's place in document order (an anchor is seen where its node starts). */
	private readonly anchors = new Map<string, { node: YamlNode; order: number }>();
	private order = 0;
	private depth = 0;
	private atRoot = true;

	error(at: number | { offset: number }, message: string, kind: YamlProblem['kind'] = 'syntax'): void {
		this.problems.push({ offset: typeof at === 'number' ? at : at.offset, message, kind });
	}

	document(doc: CST.Document): YamlNode {
		const props = this.props(doc.start, { flow: null, indicator: 'doc-start', next: doc.value ?? doc.end?.[0], offset: doc.offset, parentIndent: 0, startOnNewline: true });
		if (props.found && isBlock(doc.value) && !props.hasNewline) {
			this.error(props.end, 'Block collection cannot start on same line with directives-end marker');
		}
		const root = doc.value ? this.node(doc.value, props) : this.empty(props.end, doc.start, props);
		this.end(doc.end, root.range[2]);
		return root;
	}

	/** Tokens after a node on its line: spaces and comments only. Returns the offset past them. */
	end(tokens: SourceToken[] | undefined, offset: number): number {
		for (const token of tokens ?? []) {
			if (token.type !== 'space' && token.type !== 'comment' && token.type !== 'newline') {
				this.error(token, `Unexpected ${token.type} at node end`);
			}
			offset += token.source.length;
		}
		return offset;
	}

	private props(tokens: SourceToken[], ctx: PropsContext): Props {
		const { flow, indicator, next } = ctx;
		let atNewline = ctx.startOnNewline;
		let hasSpace = ctx.startOnNewline;
		let hasNewline = false;
		let reqSpace = false;
		let tab: SourceToken | null = null;
		let anchor: SourceToken | null = null;
		let tag: SourceToken | null = null;
		let newlineAfterProp: SourceToken | null = null;
		let comma: SourceToken | null = null;
		let found: SourceToken | null = null;
		let start: number | null = null;
		for (const token of tokens) {
			if (reqSpace) {
				if (token.type !== 'space' && token.type !== 'newline' && token.type !== 'comma') {
					this.error(token, 'Tags and anchors must be separated from the next token by white space');
				}
				reqSpace = false;
			}
			if (tab) {
				if (atNewline && token.type !== 'comment' && token.type !== 'newline') this.error(tab, 'Tabs are not allowed as indentation');
				tab = null;
			}
			switch (token.type) {
				case 'space':
					if (!flow && (indicator !== 'doc-start' || next?.type !== 'flow-collection') && token.source.includes('\t')) tab = token;
					hasSpace = true;
					break;
				case 'comment':
					if (!hasSpace) this.error(token, 'Comments must be separated from other tokens by white space characters');
					atNewline = false;
					break;
				case 'newline':
					atNewline = true;
					hasNewline = true;
					if (anchor || tag) newlineAfterProp = token;
					hasSpace = true;
					break;
				case 'anchor':
					if (anchor) this.error(token, 'A node can have at most one anchor');
					anchor = token;
					start ??= token.offset;
					atNewline = false;
					hasSpace = false;
					reqSpace = true;
					break;
				case 'tag':
					if (tag) this.error(token, 'A node can have at most one tag');
					tag = token;
					start ??= token.offset;
					atNewline = false;
					hasSpace = false;
					reqSpace = true;
					break;
				case indicator:
					if (anchor || tag) this.error(token, `Anchors and tags must be after the ${token.source} indicator`);
					if (found) this.error(token, `Unexpected ${token.source} in ${flow ?? 'collection'}`);
					found = token;
					atNewline = indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
					hasSpace = false;
					break;
				case 'comma':
					if (flow) {
						if (comma) this.error(token, `Unexpected , in ${flow}`);
						comma = token;
					} else this.error(token, 'Unexpected comma token');
					atNewline = false;
					hasSpace = false;
					break;
				default: {
					const message = (token as Token).type === 'error' ? (token as unknown as CST.ErrorToken).message : `Unexpected ${token.type} token`;
					this.error(token, message);
					atNewline = false;
					hasSpace = false;
				}
			}
		}
		const last = tokens[tokens.length - 1];
		const end = last ? tokenEnd(last) : ctx.offset;
		if (reqSpace && next && next.type !== 'space' && next.type !== 'newline' && next.type !== 'comma' && (next.type !== 'scalar' || next.source !== '')) {
			this.error(next.offset, 'Tags and anchors must be separated from the next token by white space');
		}
		if (tab && ((atNewline && tab.indent <= ctx.parentIndent) || next?.type === 'block-map' || next?.type === 'block-seq')) {
			this.error(tab, 'Tabs are not allowed as indentation');
		}
		return { found, anchor, tag, comma, hasNewline, newlineAfterProp, end, start: start ?? end };
	}

	private node(token: Token, props: Props): YamlNode {
		const order = this.order++;
		let node: YamlNode | null = null;
		switch (token.type) {
			case 'alias':
				node = this.alias(token);
				if (props.anchor || props.tag) this.error(token, 'An alias node must not specify any properties');
				break;
			case 'scalar':
			case 'single-quoted-scalar':
			case 'double-quoted-scalar':
				node = this.flowScalar(token, props.tag);
				break;
			case 'block-scalar':
				node = this.blockScalar(token, props.tag);
				break;
			case 'block-map':
			case 'block-seq':
			case 'flow-collection':
				if (this.depth >= MAX_DEPTH) {
					this.error(token, `Collections are nested more than ${MAX_DEPTH} deep`);
					break;
				}
				this.depth++;
				node = this.collection(token, props);
				this.depth--;
				break;
			default:
				this.error(token, token.type === 'error' ? token.message : `Unsupported token (type: ${token.type})`);
		}
		if (!node) return this.empty(token.offset, undefined, props, order);
		if (props.tag && (node.kind === 'map' || node.kind === 'seq')) node.tag = props.tag.source;
		if (props.anchor && node.kind !== 'alias') this.anchor(props.anchor, node, order);
		return node;
	}

	/** Anchors inside an anchored collection come later in document order than the collection's own. */
	private anchor(token: SourceToken, node: YamlNode, order: number): void {
		const name = token.source.slice(1);
		if (name === '') {
			this.error(token, 'Anchor cannot be an empty string');
			return;
		}
		const previous = this.anchors.get(name);
		if (!previous || previous.order < order) this.anchors.set(name, { node, order });
	}

	private empty(offset: number, before: SourceToken[] | undefined, props: Props, order = this.order++): YamlScalar {
		const at = emptyPosition(offset, before);
		const node = this.tagged(scalarNode(null, '', at, at, 'plain'), props.tag);
		if (props.anchor) this.anchor(props.anchor, node, order);
		return node;
	}

	private alias(token: CST.FlowScalar): YamlAlias {
		const name = token.source.slice(1);
		if (name === '') this.error(token, 'Alias cannot be an empty string');
		const target = this.anchors.get(name)?.node ?? null;
		if (!target && name !== '') this.error(token, `\`*${name}\` refers to no anchor: write \`&${name}\` on a node above it`, 'alias');
		const end = tokenEnd(token);
		return { kind: 'alias', name, target, range: [token.offset, end, this.end(token.end, end)] };
	}

	/**
	 * Tags only decide how a scalar is read: `!!str 80` is the text '80', `!!int "80"` the number;
	 * any other tag leaves the text and is kept on the node (CloudFormation's `!Ref`, `!Sub`).
	 */
	private tagged(node: YamlScalar, tag: SourceToken | null): YamlScalar {
		if (!tag) return node;
		const name = tag.source.replace(/^!!/, 'tag:yaml.org,2002:').replace(/^!<(.*)>$/, '$1');
		const core = /^tag:yaml\.org,2002:(int|float|bool|null)$/.exec(name)?.[1];
		const value = core ? plainValue(node.source) : node.source;
		const ok = core === 'int' ? typeof value === 'number' && Number.isInteger(value) : core === 'float' ? typeof value === 'number' : core === 'bool' ? typeof value === 'boolean' : core === 'null' ? value === null : true;
		node.value = ok ? value : node.source;
		if (!name.startsWith('tag:yaml.org,2002:')) node.tag = tag.source;
		return node;
	}

	private flowScalar(token: CST.FlowScalar, tag: SourceToken | null): YamlScalar {
		const { offset, source } = token;
		let text: string;
		let style: ScalarStyle;
		if (token.type === 'scalar') {
			style = 'plain';
			const bad = /^[,%|>@`]/.exec(source)?.[0];
			if (bad) this.error(offset, `Plain value cannot start with ${bad === ',' ? 'flow indicator character ,' : `the character ${bad}`}`);
			text = unfoldLines(source);
		} else if (token.type === 'single-quoted-scalar') {
			style = 'single';
			if (source.length === 1 || !source.endsWith("'")) this.error(offset + source.length, "Missing closing 'quote");
			text = unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
		} else {
			style = 'double';
			text = this.doubleQuoted(source, offset);
		}
		const end = tokenEnd(token);
		const node = scalarNode(style === 'plain' ? plainValue(text) : text, text, offset, end, style);
		node.range[2] = this.end(token.end, end);
		return this.tagged(node, tag);
	}

	private doubleQuoted(source: string, offset: number): string {
		let result = '';
		for (let i = 1; i < source.length - 1; ++i) {
			const ch = source[i];
			if (ch === '\r' && source[i + 1] === '\n') continue;
			if (ch === '\n') {
				let fold = '';
				let next = source[i + 1];
				while (next === ' ' || next === '\t' || next === '\n' || next === '\r') {
					if (next === '\r' && source[i + 2] !== '\n') break;
					if (next === '\n') fold += '\n';
					i++;
					next = source[i + 1];
				}
				result += fold || ' ';
			} else if (ch === '\\') {
				let next = source[++i];
				const simple = DOUBLE_ESCAPES[next];
				if (simple) result += simple;
				else if (next === '\n' || (next === '\r' && source[i + 1] === '\n')) {
					if (next === '\r') i++;
					next = source[i + 1];
					while (next === ' ' || next === '\t') next = source[++i + 1];
				} else if (next === 'x' || next === 'u' || next === 'U') {
					const width = next === 'x' ? 2 : next === 'u' ? 4 : 8;
					const hex = source.slice(i + 1, i + 1 + width);
					const code = hex.length === width && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : NaN;
					if (Number.isNaN(code) || code > 0x10ffff) {
						this.error(offset + i - 1, `Invalid escape sequence ${source.slice(i - 1, i + 1 + width)}`);
						result += source.slice(i - 1, i + 1 + width);
					} else result += String.fromCodePoint(code);
					i += width;
				} else {
					this.error(offset + i - 1, `Invalid escape sequence ${source.slice(i - 1, i + 1)}`);
					result += source.slice(i - 1, i + 1);
				}
			} else if (ch === ' ' || ch === '\t') {
				// Spaces before a line break are dropped.
				const from = i;
				let next = source[i + 1];
				while (next === ' ' || next === '\t') next = source[++i + 1];
				if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n')) result += source.slice(from, i + 1);
			} else result += ch;
		}
		if (source.length === 1 || !source.endsWith('"')) this.error(offset + source.length, 'Missing closing "quote');
		return result;
	}

	private blockScalar(token: CST.BlockScalar, tag: SourceToken | null): YamlScalar {
		const start = token.offset;
		const headerToken = token.props[0];
		if (headerToken?.type !== 'block-scalar-header') {
			this.error(token, 'Block scalar header not found');
			return scalarNode('', '', start, start, 'literal');
		}
		const header = headerToken.source;
		const style: ScalarStyle = header.startsWith('>') ? 'folded' : 'literal';
		let explicitIndent = 0;
		let chomp = '';
		let bad = -1;
		for (let i = 1; i < header.length; ++i) {
			const ch = header[i];
			if (!chomp && (ch === '-' || ch === '+')) chomp = ch;
			else {
				const n = Number(ch);
				if (!explicitIndent && n) explicitIndent = n;
				else if (bad === -1) bad = start + i;
			}
		}
		if (bad !== -1) this.error(bad, `Block scalar header includes extra characters: ${header}`);
		let headerLength = header.length;
		for (const prop of token.props.slice(1)) {
			if (prop.type === 'error') this.error(prop, prop.message);
			else if (prop.type !== 'space' && prop.type !== 'newline' && prop.type !== 'comment') this.error(prop, `Unexpected token in block scalar header: ${prop.type}`);
			headerLength += 'source' in prop && typeof prop.source === 'string' ? prop.source.length : 0;
		}
		const end = start + headerLength + token.source.length;
		const value = this.blockScalarValue(token, style, explicitIndent, chomp, start + headerLength);
		return this.tagged(scalarNode(value, value, start, end, style), tag);
	}

	private blockScalarValue(token: CST.BlockScalar, style: ScalarStyle, explicitIndent: number, chomp: string, contentOffset: number): string {
		const lines: [string, string][] = [];
		if (token.source) {
			const split = token.source.split(/\n( *)/);
			const first = split[0] ?? '';
			const lead = /^( *)/.exec(first)?.[1] ?? '';
			lines.push([lead, first.slice(lead.length)]);
			for (let i = 1; i < split.length; i += 2) lines.push([split[i] ?? '', split[i + 1] ?? '']);
		}
		let chompStart = lines.length;
		for (let i = lines.length - 1; i >= 0; --i) {
			const content = lines[i][1];
			if (content === '' || content === '\r') chompStart = i;
			else break;
		}
		if (chompStart === 0) return chomp === '+' && lines.length > 0 ? '\n'.repeat(Math.max(1, lines.length - 1)) : '';
		let trimIndent = token.indent + explicitIndent;
		let offset = contentOffset;
		let contentStart = 0;
		for (let i = 0; i < chompStart; ++i) {
			const [indent, content] = lines[i];
			if (content === '' || content === '\r') {
				if (explicitIndent === 0 && indent.length > trimIndent) trimIndent = indent.length;
			} else {
				if (indent.length < trimIndent) this.error(offset + indent.length, 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator');
				if (explicitIndent === 0) trimIndent = indent.length;
				contentStart = i;
				if (trimIndent === 0 && !this.atRoot) this.error(offset, 'Block scalar values in collections must be indented');
				break;
			}
			offset += indent.length + content.length + 1;
		}
		for (let i = lines.length - 1; i >= chompStart; --i) {
			if (lines[i][0].length > trimIndent) chompStart = i + 1;
		}
		let value = '';
		let sep = '';
		let prevMoreIndented = false;
		for (let i = 0; i < contentStart; ++i) value += lines[i][0].slice(trimIndent) + '\n';
		for (let i = contentStart; i < chompStart; ++i) {
			let [indent, content] = lines[i];
			offset += indent.length + content.length + 1;
			const crlf = content.endsWith('\r');
			if (crlf) content = content.slice(0, -1);
			if (content && indent.length < trimIndent) {
				this.error(offset - content.length - (crlf ? 2 : 1), `Block scalar lines must not be less indented than their ${explicitIndent ? 'explicit indentation indicator' : 'first line'}`);
				indent = '';
			}
			if (style === 'literal') {
				value += sep + indent.slice(trimIndent) + content;
				sep = '\n';
			} else if (indent.length > trimIndent || content.startsWith('\t')) {
				if (sep === ' ') sep = '\n';
				else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
				value += sep + indent.slice(trimIndent) + content;
				sep = '\n';
				prevMoreIndented = true;
			} else if (content === '') {
				if (sep === '\n') value += '\n';
				else sep = '\n';
			} else {
				value += sep + content;
				sep = ' ';
				prevMoreIndented = false;
			}
		}
		if (chomp === '+') {
			for (let i = chompStart; i < lines.length; ++i) value += '\n' + lines[i][0].slice(trimIndent);
			if (!value.endsWith('\n')) value += '\n';
		} else if (chomp !== '-') value += '\n';
		return value;
	}

	private collection(token: CST.BlockMap | CST.BlockSequence | CST.FlowCollection, props: Props): YamlNode {
		if (token.type === 'block-seq') {
			const { anchor, tag, newlineAfterProp: nl } = props;
			const lastProp = anchor && tag ? (anchor.offset > tag.offset ? anchor : tag) : (anchor ?? tag);
			if (lastProp && (!nl || nl.offset < lastProp.offset)) this.error(lastProp, 'Missing newline after block sequence props');
		}
		const atRoot = this.atRoot;
		this.atRoot = false;
		const node = token.type === 'block-map' ? this.blockMap(token) : token.type === 'block-seq' ? this.blockSeq(token) : this.flowCollection(token, atRoot);
		if (props.tag && localTag(props.tag.source)) node.tag = props.tag.source;
		return node;
	}

	private blockMap(bm: CST.BlockMap): YamlMap {
		const map = mapNode(bm.offset, false);
		let offset = bm.offset;
		for (const item of bm.items) {
			const { start, key, sep, value } = item as Item;
			const keyProps = this.props(start, { flow: null, indicator: 'explicit-key-ind', next: key ?? sep?.[0], offset, parentIndent: bm.indent, startOnNewline: true });
			const implicitKey = !keyProps.found;
			if (implicitKey) {
				if (key) {
					if (key.type === 'block-seq') this.error(offset, 'A block sequence may not be used as an implicit map key');
					else if ('indent' in key && key.indent !== bm.indent) this.error(offset, COLUMN_MESSAGE);
				}
				if (!keyProps.anchor && !keyProps.tag && !sep) continue;
				if (keyProps.newlineAfterProp || containsNewline(key)) this.error(key ?? start[start.length - 1], 'Implicit keys need to be on a single line');
			} else if (keyProps.found?.indent !== bm.indent) {
				this.error(offset, COLUMN_MESSAGE);
			}
			const keyNode = key ? this.node(key, keyProps) : this.empty(keyProps.end, start, keyProps);
			const valueProps = this.props(sep ?? [], { flow: null, indicator: 'map-value-ind', next: value, offset: keyNode.range[2], parentIndent: bm.indent, startOnNewline: !key || key.type === 'block-scalar' });
			offset = valueProps.end;
			if (valueProps.found) {
				if (implicitKey && value?.type === 'block-map' && !valueProps.hasNewline) this.error(offset, 'Nested mappings are not allowed in compact mappings');
				const valueNode = value ? this.node(value, valueProps) : this.empty(offset, sep, valueProps);
				offset = valueNode.range[2];
				map.items.push(pairNode(keyNode, valueNode));
			} else {
				if (implicitKey) this.error(keyNode.range[0], 'Implicit map keys need to be followed by map values');
				map.items.push(pairNode(keyNode, null));
			}
		}
		map.range[1] = offset;
		map.range[2] = offset;
		return map;
	}

	private blockSeq(bs: CST.BlockSequence): YamlSeq {
		const seq = seqNode(bs.offset, false);
		let offset = bs.offset;
		for (const { start, value } of bs.items) {
			const props = this.props(start, { flow: null, indicator: 'seq-item-ind', next: value, offset, parentIndent: bs.indent, startOnNewline: true });
			if (!props.found) {
				if (props.anchor || props.tag || value) {
					if (value?.type === 'block-seq') this.error(props.end, 'All sequence items must start at the same column');
					else this.error(offset, 'Sequence item without - indicator');
				} else continue;
			}
			const node = value ? this.node(value, props) : this.empty(props.end, start, props);
			offset = node.range[2];
			seq.items.push(node);
		}
		seq.range[1] = offset;
		seq.range[2] = offset;
		return seq;
	}

	private flowCollection(fc: CST.FlowCollection, atRoot: boolean): YamlMap | YamlSeq {
		const isMap = fc.start.source === '{';
		const name = isMap ? 'flow map' : 'flow sequence';
		const map = isMap ? mapNode(fc.offset, true) : null;
		const seq = isMap ? null : seqNode(fc.offset, true);
		let offset = fc.offset + fc.start.source.length;
		for (let i = 0; i < fc.items.length; ++i) {
			const { start, key, sep, value } = fc.items[i];
			const props = this.props(start, { flow: name, indicator: 'explicit-key-ind', next: key ?? sep?.[0], offset, parentIndent: fc.indent, startOnNewline: false });
			if (!props.found && !props.anchor && !props.tag && !sep && !value) {
				if (i === 0 && props.comma) this.error(props.comma, `Unexpected , in ${name}`);
				else if (i < fc.items.length - 1) this.error(props.start, `Unexpected empty item in ${name}`);
				offset = props.end;
				continue;
			}
			if (i === 0) {
				if (props.comma) this.error(props.comma, `Unexpected , in ${name}`);
			} else if (!props.comma) this.error(props.start, `Missing , between ${name} items`);
			if (seq && !sep && !props.found) {
				const node = value ? this.node(value, props) : this.empty(props.end, sep, props);
				seq.items.push(node);
				offset = node.range[2];
				if (isBlock(value)) this.error(node.range[0], BLOCK_IN_FLOW);
				continue;
			}
			const keyNode = key ? this.node(key, props) : this.empty(props.end, start, props);
			if (isBlock(key)) this.error(keyNode.range[0], BLOCK_IN_FLOW);
			const valueProps = this.props(sep ?? [], { flow: name, indicator: 'map-value-ind', next: value, offset: keyNode.range[2], parentIndent: fc.indent, startOnNewline: false });
			if (!valueProps.found && value) {
				if ('source' in value && value.source.startsWith(':')) this.error(value, `Missing space after : in ${name}`);
				else this.error(valueProps.start, `Missing , or : between ${name} items`);
			}
			const valueNode = value ? this.node(value, valueProps) : valueProps.found ? this.empty(valueProps.end, sep, valueProps) : null;
			if (valueNode && isBlock(value)) this.error(valueNode.range[0], BLOCK_IN_FLOW);
			const pair = pairNode(keyNode, valueNode);
			if (map) map.items.push(pair);
			else if (seq) {
				// `[a: 1]` is a sequence holding a one-pair mapping.
				const single = mapNode(keyNode.range[0], true);
				single.items.push(pair);
				single.range[1] = (valueNode ?? keyNode).range[1];
				single.range[2] = (valueNode ?? keyNode).range[2];
				seq.items.push(single);
			}
			offset = valueNode ? valueNode.range[2] : valueProps.end;
		}
		const expected = isMap ? '}' : ']';
		const [close, ...rest] = fc.end;
		let end = offset;
		if (close?.source === expected) end = tokenEnd(close);
		else {
			const title = isMap ? 'Flow map' : 'Flow sequence';
			this.error(offset, atRoot ? `${title} must end with a ${expected}` : `${title} in block collection must be sufficiently indented and end with a ${expected}`);
			if (close && close.source.length !== 1) rest.unshift(close);
		}
		const node = (map ?? seq) as YamlMap | YamlSeq;
		node.range[1] = end;
		node.range[2] = this.end(rest, end);
		return node;
	}
}

/** Composes the first YAML document of `source`; a second one is reported, not read. */
/**
 * Composes the YAML documents of `source`. By default a block holds one document and a second one
 * is reported, not read; with `multiDocument` (Compose: compose-go merges them) every document is
 * composed, each with its own anchors.
 */
export function composeYaml(source: string, multiDocument = false): ComposedYaml {
	let composer = new Composer();
	const problems: YamlProblem[] = [];
	const roots: YamlNode[] = [];
	let root: YamlNode | null = null;
	let documents = 0;
	let atDirectives = false;
	for (const token of new Parser().parse(source)) {
		switch (token.type) {
			case 'document': {
				if (documents++ > 0) {
					if (!multiDocument) {
						composer.error(token.offset, 'a block holds one YAML document; remove the second `---` or split the block');
						return { root, documents: roots, problems: composer.problems };
					}
					// Anchors belong to their document.
					problems.push(...composer.problems);
					composer = new Composer();
				}
				const docStart = token.start.some((t) => t.type === 'doc-start');
				if (atDirectives && !docStart) composer.error(token, 'Missing directives-end/doc-start indicator line');
				const node = composer.document(token);
				root ??= node;
				roots.push(node);
				atDirectives = false;
				break;
			}
			case 'directive':
				atDirectives = true;
				break;
			case 'error':
				composer.error(token, token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message);
				break;
			case 'doc-end':
				if (documents === 0) composer.error(token, 'Unexpected doc-end without preceding document');
				else composer.end(token.end, tokenEnd(token));
				break;
			case 'byte-order-mark':
			case 'space':
			case 'comment':
			case 'newline':
				break;
			default:
				composer.error(token, `Unsupported token ${token.type}`);
		}
	}
	if (documents === 0 && atDirectives) composer.error(source.length, 'Missing directives-end indicator line');
	return { root, documents: roots, problems: [...problems, ...composer.problems] };
}
