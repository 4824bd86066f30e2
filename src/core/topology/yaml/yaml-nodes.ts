/**
 * The YAML tree the topology core reads: scalars, mappings, sequences and aliases, each with the
 * offset range it came from in the block. Plain data, built by our composer (yaml-compose.ts)
 * or by the fast path (fast-yaml.ts); the `yaml` package's own node classes are not used because
 * they bring its stringifiers and schemas into main.js.
 */

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

/**
 * Offsets in the block: start, end of the value, end including what trails it on its line
 * (comments, the line break). Positions of diagnostics come from `range[0]`.
 */
export type Range = [number, number, number];

export interface YamlScalar {
	/** A local tag such as Compose's `!reset` / `!override` or CloudFormation's `!Ref`; absent when the node has none or a core one. */
	tag?: string;
	readonly kind: 'scalar';
	/** Core schema value: string, number, boolean or null. */
	value: unknown;
	/** The scalar's text after quoting and folding, before the schema read it (`0x1F`, `022`). */
	source: string;
	style: ScalarStyle;
	range: Range;
}

export interface YamlPair {
	readonly kind: 'pair';
	key: YamlNode | null;
	value: YamlNode | null;
}

export interface YamlMap {
	/** A local tag such as Compose's `!reset` / `!override` or CloudFormation's `!Ref`; absent when the node has none or a core one. */
	tag?: string;
	readonly kind: 'map';
	items: YamlPair[];
	flow: boolean;
	range: Range;
}

export interface YamlSeq {
	/** A local tag such as Compose's `!reset` / `!override` or CloudFormation's `!Ref`; absent when the node has none or a core one. */
	tag?: string;
	readonly kind: 'seq';
	items: YamlNode[];
	flow: boolean;
	range: Range;
}

export interface YamlAlias {
	readonly kind: 'alias';
	/** The anchor's name, without `*`. */
	name: string;
	/** The node the anchor named, or null when no anchor of that name came before. */
	target: YamlNode | null;
	range: Range;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlAlias;

type Kinded = { kind?: unknown } | null | undefined;

export function isScalar(node: unknown): node is YamlScalar {
	return (node as Kinded)?.kind === 'scalar';
}

export function isMap(node: unknown): node is YamlMap {
	return (node as Kinded)?.kind === 'map';
}

export function isSeq(node: unknown): node is YamlSeq {
	return (node as Kinded)?.kind === 'seq';
}

export function isPair(node: unknown): node is YamlPair {
	return (node as Kinded)?.kind === 'pair';
}

export function isAlias(node: unknown): node is YamlAlias {
	return (node as Kinded)?.kind === 'alias';
}

export function scalarNode(value: unknown, source: string, start: number, end: number, style: ScalarStyle): YamlScalar {
	return { kind: 'scalar', value, source, style, range: [start, end, end] };
}

export function mapNode(start: number, flow: boolean): YamlMap {
	return { kind: 'map', items: [], flow, range: [start, start, start] };
}

export function seqNode(start: number, flow: boolean): YamlSeq {
	return { kind: 'seq', items: [], flow, range: [start, start, start] };
}

export function pairNode(key: YamlNode | null, value: YamlNode | null): YamlPair {
	return { kind: 'pair', key, value };
}

const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);

/** The YAML 1.2 core schema's reading of a plain scalar. */
export function plainValue(text: string): unknown {
	if (text === '') return null;
	// Most scalars are names: anything not starting like a null, bool or number is a string.
	if (!/^[-+.0-9~nNtTfF]/.test(text)) return text;
	if (NULLS.has(text)) return null;
	if (TRUES.has(text)) return true;
	if (FALSES.has(text)) return false;
	if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
	if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
	if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
	if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
	if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
	if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
	return text;
}

/** `\x` escapes of double-quoted scalars with a fixed meaning. */
export const DOUBLE_ESCAPES: Readonly<Record<string, string>> = {
	'0': '\0',
	a: '\x07',
	b: '\b',
	t: '\t',
	'\t': '\t',
	n: '\n',
	v: '\v',
	f: '\f',
	r: '\r',
	e: '\x1b',
	' ': ' ',
	'"': '"',
	'/': '/',
	'\\': '\\',
	N: '\u0085',
	_: '\u00a0',
	L: '\u2028',
	P: '\u2029',
};

/** A node's local tag (`!reset`), if it has one. */
export function tagOf(node: YamlNode | null | undefined): string | undefined {
	return node && node.kind !== 'alias' ? node.tag : undefined;
}
