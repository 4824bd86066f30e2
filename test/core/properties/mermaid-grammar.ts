/**
 * A strict reader for the Mermaid text our generator writes. It accepts exactly the statements the
 * generator is allowed to emit (see src/core/topology/mermaid.ts) and checks every label against
 * the escaping rule of escapeLabel (src/core/topology/mermaid-text.ts): inside `"..."` the only
 * markup is our own `<br/>`, and every character Mermaid or HTML treats specially is a `#...;`
 * entity. Anything else (a `click` line, an init directive, a label that breaks out of its quotes)
 * fails to read, so a property over it fails.
 */

/** Node ids: `r_` + encoded name for resources, `z_...` for helper clusters. */
export const NODE_ID = /^[A-Za-z0-9_]+$/;

const ID = '([A-Za-z0-9_]+)';
/**
 * Label text: no quote, angle bracket, bracket, brace, parenthesis, pipe, backtick, backslash,
 * percent, control character or `#`/`;` outside an entity; `<br/>` allowed as our line break.
 */
const LABEL = '((?:[^"<>\\[\\]{}()|`\\\\%#;\\u0000-\\u001f\\u007f\\u0080-\\u009f\\u2028\\u2029]|<br/>|#(?:quot|amp|lt|gt|\\d{1,6});)*)';

const NODE_LINE = new RegExp(`^\\t+${ID}(\\[|\\[\\(|\\(\\(|\\{\\{|\\[/)"${LABEL}"(\\]|\\)\\]|\\)\\)|\\}\\}|/\\])$`);
/** An icon shape (icons on): our pack's prefix, an icon id, one of the forms we use (or none: a bare icon), and a label. */
const ICON_NODE_LINE = new RegExp(`^\\t+${ID}@\\{ icon: "cloudnotes:[a-z0-9-]+",(?: form: "(?:square|rounded)",)? label: "${LABEL}" \\}$`);
/** The one comment the generator writes (icons on), right after the header. */
export const ICON_COMMENT_LINE = /^%% Icons: this diagram uses the Cloudnotes icon pack \("cloudnotes:\*"\)\. Register it before rendering \(mermaid\.registerIconPacks\), or export with icons off\.$/;
const SUBGRAPH_LINE = new RegExp(`^\\t+subgraph ${ID}\\["${LABEL}"\\]$`);
const EDGE_LINE = new RegExp(`^\\t${ID} (-->|<-->|-\\.->|---|-\\.-|==>|--x)(?:\\|"${LABEL}"\\|)? ${ID}$`);
const END_LINE = /^\t+end$/;
/** Styles carry only colours that went through safeColor: hex or a plain colour name. */
const STYLE_VALUE = '(?:fill|stroke|color|stroke-width|stroke-dasharray):(?:#[0-9a-f]{3,8}|[a-z]{3,20}|[0-9 ]+(?:px)?)';
const STYLE_LIST = `${STYLE_VALUE}(?:,${STYLE_VALUE})*`;
const CLASSDEF_LINE = new RegExp(`^\\tclassDef [A-Za-z]+ ${STYLE_LIST}$`);
const CLASS_LINE = new RegExp(`^\\tclass ${ID}(?:,${ID.replace('(', '(?:')})* [A-Za-z]+$`);
const STYLE_LINE = new RegExp(`^\\tstyle ${ID} ${STYLE_LIST}$`);
/** The default edge style; a diagram dagre lays out names its curve (see Builder.finish). */
const LINKSTYLE_LINE = new RegExp(`^\\tlinkStyle default (?:interpolate catmullRom )?${STYLE_LIST}$`);

const SHAPE_PAIRS: Record<string, string> = { '[': ']', '[(': ')]', '((': '))', '{{': '}}', '[/': '/]' };

export interface ReadDiagram {
	/** Node and subgraph definitions in order: id -> decoded label lines. */
	definitions: { id: string; label: string[]; cluster: boolean }[];
	edges: { from: string; to: string; label: string[] | null }[];
}

const ENTITY_TEXT: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };

/** A label as the reader sees it: `<br/>`-separated lines with entities decoded. */
export function decodeLabel(label: string): string[] {
	return label
		.split('<br/>')
		.map((line) => line.replace(/#(quot|amp|lt|gt|\d{1,6});/g, (_, e: string) => ENTITY_TEXT[e] ?? String.fromCodePoint(Number(e))));
}

/** Reads the text or throws with the offending line. */
export function readMermaid(text: string): ReadDiagram {
	const lines = text.split('\n');
	if (lines[lines.length - 1] !== '') throw new Error('the text should end with a line break');
	lines.pop();
	if (!/^flowchart (TB|LR)$/.test(lines[0] ?? '')) throw new Error(`first line: ${JSON.stringify(lines[0])}`);
	const read: ReadDiagram = { definitions: [], edges: [] };
	let depth = 0;
	const body = ICON_COMMENT_LINE.test(lines[1] ?? '') ? lines.slice(2) : lines.slice(1);
	for (const line of body) {
		let m: RegExpExecArray | null;
		if ((m = NODE_LINE.exec(line))) {
			if (SHAPE_PAIRS[m[2]] !== m[4]) throw new Error(`mismatched shape: ${JSON.stringify(line)}`);
			read.definitions.push({ id: m[1], label: decodeLabel(m[3]), cluster: false });
		} else if ((m = ICON_NODE_LINE.exec(line))) {
			read.definitions.push({ id: m[1], label: decodeLabel(m[2]), cluster: false });
		} else if ((m = SUBGRAPH_LINE.exec(line))) {
			depth++;
			read.definitions.push({ id: m[1], label: decodeLabel(m[2]), cluster: true });
		} else if (END_LINE.test(line)) {
			if (--depth < 0) throw new Error('`end` without subgraph');
		} else if ((m = EDGE_LINE.exec(line))) {
			read.edges.push({ from: m[1], to: m[4], label: m[3] === undefined ? null : decodeLabel(m[3]) });
		} else if (!CLASSDEF_LINE.test(line) && !CLASS_LINE.test(line) && !STYLE_LINE.test(line) && !LINKSTYLE_LINE.test(line)) {
			throw new Error(`unexpected line: ${JSON.stringify(line)}`);
		}
	}
	if (depth !== 0) throw new Error(`${depth} subgraph(s) never closed`);
	return read;
}

/**
 * What escapeLabel turns a text into once Mermaid has decoded it: control characters and line
 * breaks become spaces, and past `max` code points the rest becomes '…'.
 */
export function shownAs(name: string, max = Infinity): string {
	let out = '';
	let count = 0;
	for (const ch of name) {
		if (count++ >= max) return out + '…';
		const code = ch.codePointAt(0) ?? 0;
		out += code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || (code >= 0x80 && code < 0xa0) ? ' ' : ch;
	}
	return out;
}

/**
 * Text-level rules that hold whatever the reader accepts: no `click` (the only way Mermaid turns
 * text into a link or a call), no `%%` (comments and `%%{init}%%` directives), no `href`, and no
 * `<`/`>` at all except our `<br/>` and the arrows that open an edge line (so no `<script`, `<img`, `<a`).
 */
export function expectSafeMermaid(text: string): void {
	if (text.split('\n').some((l) => /^\s*click\b/i.test(l))) throw new Error('a `click` statement');
	// The only comment allowed is the generator's own icon note, whole, on the second line.
	const lines = text.split('\n');
	const withoutOwnComment = ICON_COMMENT_LINE.test(lines[1] ?? '') ? [lines[0], ...lines.slice(2)].join('\n') : text;
	if (withoutOwnComment.includes('%%')) throw new Error('a `%%` comment or `%%{` directive');
	if (/href/i.test(text)) throw new Error('an href');
	if (/[<>]/.test(withoutOwnComment.replace(/<br\/>/g, '').replace(/^\t[A-Za-z0-9_]+ (?:<-->|-->|-\.->|==>)/gm, ''))) throw new Error('a raw < or > outside arrows and <br/>');
}
