/**
 * One linear pass over a note that answers, per line, "what is this?" for every card source:
 * frontmatter and `%%comments%%` (hidden: they never reach a card), code (kept in backs, never
 * scanned), headings with their heading path, blockquotes, blank lines. The sources then read
 * this structure instead of re-scanning the text.
 */
import type { Frontmatter } from '../markdown/fences';
import { isTopologyFence } from '../topology/registry';
import { headingTitle } from './heading-title';

export const LineKind = {
	text: 0,
	blank: 1,
	/** Inside a fenced code block, fences included. */
	code: 2,
	/** Frontmatter, a comment-only line, a table-of-contents block: never part of a card. */
	hidden: 3,
	heading: 4,
	quote: 5,
} as const;
export type LineKind = (typeof LineKind)[keyof typeof LineKind];

export interface Heading {
	/** 0-based line. */
	line: number;
	level: number;
	/** The card front: outline numbers, emphasis and extra whitespace removed. */
	title: string;
	/** Titles of the enclosing headings and this one, outermost first. */
	path: string[];
	/** `path` without this heading's title: the enclosing heading's own `path` array, shared. */
	parentPath: readonly string[];
	/** Index in `headings` of the enclosing heading, -1 for none. */
	parent: number;
	/** The line where this heading's own body ends (the next heading of any level, or the end). */
	bodyEnd: number;
}

/** A run of `>` lines: [start, end). Hidden lines inside do not break it. */
export interface QuoteBlock {
	start: number;
	end: number;
}

export interface NoteStructure {
	/** The note's lines with comments cut out (lines without comments are the original strings). */
	lines: string[];
	/**
	 * A LineKind per line. A plain array of small integers, not a Uint8Array: a typed array of more
	 * than 64 bytes allocates its buffer outside the heap, which cost more than scanning the note.
	 */
	kinds: LineKind[];
	/** The note's text, which card backs are sliced from where they can be (see sectionText). */
	text: string;
	/** The note has CR line ends, so line offsets in `text` are unknown (backs are then joined). */
	hasCarriageReturns: boolean;
	/** A forward cursor for lineOffset: sections are asked for in note order, so offsets cost O(lines) per note. */
	offsetCursor: { line: number; offset: number };
	/** Lines comment cutting changed, which no longer match `text`, with their original lengths (null: none). */
	edited: Map<number, number> | null;
	frontmatter: Frontmatter | null;
	headings: Heading[];
	quotes: QuoteBlock[];
	/** Inline #tags outside code, without '#', in order, possibly repeated. */
	inlineTags: string[];
	/** Some heading contains Hangul: generated text is written in Korean. */
	korean: boolean;
	/** The note has a `vpc` or `containers` block. */
	hasTopology: boolean;
}

/** Fenced blocks that only render a table of contents: noise on any card. */
const HIDDEN_LANGUAGES = new Set(['table-of-contents', 'toc']);
const INLINE_TAG = /(?:^|[ \t\u00a0(])#([\p{L}\p{N}_\-/]+)/gu;
const INLINE_CODE = /`[^`]*`/g;
const DIGITS_ONLY = /^[\d/_-]*$/;
const NO_PATH: readonly string[] = Object.freeze([]);

export function scanNote(text: string): NoteStructure {
	// Asked once: each look for a CR reads the whole note.
	const hasCarriageReturns = text.includes('\r');
	const lines = linesOf(text, hasCarriageReturns);
	const count = lines.length;
	// Pushed, not `new Array(count).fill(...)`: that array starts holey and fill is a slow generic call
	// (a tenth of the scan in the profile); pushing small integers keeps a packed array of them.
	const kinds: LineKind[] = [];
	for (let i = 0; i < count; i++) kinds.push(LineKind.text);
	let edited: Map<number, number> | null = null;
	const frontmatter = frontmatterOf(lines, text, hasCarriageReturns);
	if (frontmatter) kinds.fill(LineKind.hidden, 0, frontmatter.endLine + 1);
	// Top-level fenced blocks are found by the loop below as it meets their opening line (one pass
	// over the lines, not a second one for fences), with findFencedBlocks's rules. Most notes
	// without a fence skip the test per line.
	const mayHaveFence = text.includes('```') || text.includes('~~~');
	const fences: FenceScan = { hasTopology: false, markedFrom: count };

	const headings: Heading[] = [];
	/** Indexes in `headings` of the open headings, outermost first. */
	const stack: number[] = [];
	const inlineTags: string[] = [];
	let korean = false;
	let inComment = false;
	const mayHaveComment = text.includes('%%');
	// Most notes have no #tag at all (their `#`s open headings): one look at the whole text skips the test per line.
	const mayHaveTags = mayHaveTag(text, 0);

	const addHeading = (at: number, level: number, raw: string): void => {
		kinds[at] = LineKind.heading;
		if (!korean && hasHangul(raw)) korean = true;
		const title = headingTitle(raw);
		while (stack.length > 0 && headings[stack[stack.length - 1]].level >= level) stack.pop();
		const parent = stack.length > 0 ? stack[stack.length - 1] : -1;
		const parentPath = parent >= 0 ? headings[parent].path : NO_PATH;
		const path = extendPath(parentPath, title);
		const heading: Heading = { line: at, level, title, path, parentPath, parent, bodyEnd: count };
		stack.push(headings.length);
		if (headings.length > 0) (headings[headings.length - 1]).bodyEnd = at;
		headings.push(heading);
	};

	for (let i = 0; i < count; i++) {
		let kind = kinds[i];
		if (kind === LineKind.hidden) continue;
		if (kind === LineKind.code) {
			// A comment that opened before a code block swallows it, as Obsidian renders it.
			if (inComment) kinds[i] = LineKind.hidden;
			continue;
		}
		let line = lines[i];

		if (mayHaveFence && i < fences.markedFrom && mayBeFence(line)) {
			const close = markFence(lines, i, kinds, fences);
			if (close !== -1) {
				// A comment that opened before a code block swallows it, as Obsidian renders it.
				if (inComment && kinds[i] === LineKind.code) kinds.fill(LineKind.hidden, i, close + 1);
				i = close;
				continue;
			}
		}

		if (mayHaveComment && (inComment || line.includes('%%'))) {
			const cut = cutComments(line, inComment);
			inComment = cut.inComment;
			if (cut.line !== line) {
				if (cut.line.trim() === '') {
					kinds[i] = LineKind.hidden;
					continue;
				}
				(edited ??= new Map()).set(i, line.length);
				line = cut.line;
				lines[i] = line;
			}
		}

		const start = firstNonSpace(line);
		if (start === line.length) {
			kinds[i] = LineKind.blank;
			continue;
		}
		const first = line.charCodeAt(start);
		const indent = indentWidth(line, start);

		if (start > 0 && (first === 0x60 || first === 0x7e) && indent >= 4) {
			// A fence nested in a list item (findFencedBlocks only sees fences indented up to 3). It
			// stops at a later top-level block, so those are marked first, from here to the end.
			if (mayHaveFence && i + 1 < fences.markedFrom) markFencedBlocks(lines, i + 1, kinds, fences);
			const close = nestedFenceClose(lines, kinds, i, start);
			if (close !== -1) {
				kinds.fill(LineKind.code, i, close + 1);
				i = close;
				continue;
			}
		}

		if (first === 0x3e /* > */ && indent <= 3) {
			kind = LineKind.quote;
		} else if (first === 0x23 /* # */ && indent <= 3) {
			const heading = parseHeading(line, start);
			if (heading) addHeading(i, heading.level, heading.raw);
		} else if ((first === 0x3d /* = */ || first === 0x2d /* - */) && indent <= 3 && isSetextUnderline(line, start) && startsOneLineParagraph(lines, kinds, i - 1)) {
			// `Title` then `===` or `---`: Obsidian shows the line above as a heading (level 1 or 2).
			addHeading(i - 1, first === 0x3d ? 1 : 2, (lines[i - 1]).trim());
			kinds[i] = LineKind.hidden;
			continue;
		}
		if (kind !== LineKind.text) kinds[i] = kind;
		if (mayHaveTags && mayHaveTag(line, start)) collectTags(line, inlineTags);
	}

	return { lines, kinds, text, hasCarriageReturns, offsetCursor: { line: 0, offset: 0 }, edited, frontmatter, headings, quotes: groupQuotes(kinds), inlineTags, korean, hasTopology: fences.hasTopology };
}

/**
 * `path` and one more title, as an array of exactly that length (cards keep heading paths as their
 * context; a push would leave spare room in each, and concat is a slow generic call).
 */
export function extendPath(path: readonly string[], title: string): string[] {
	switch (path.length) {
		case 0:
			return [title];
		case 1:
			return [path[0], title];
		case 2:
			return [path[0], path[1], title];
		default: {
			const out = path.slice();
			out.push(title);
			return out;
		}
	}
}

/** Hangul syllables, jamo or compatibility jamo (a loop: a regular expression call per heading cost more). */
function hasHangul(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) return true;
	}
	return false;
}

/**
 * The same lines as fences.ts's splitLines (LF, CRLF, lone CR), splitting on a plain '\n' when the
 * note has no CR: a string separator is several times faster than the regex on a whole vault.
 */
function linesOf(text: string, hasCarriageReturns: boolean): string[] {
	return hasCarriageReturns ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/**
 * fences.ts's findFrontmatter without copying: the YAML is one slice of the text when the note
 * has LF line ends only (the same string as the lines joined with '\n').
 */
function frontmatterOf(lines: readonly string[], text: string, hasCarriageReturns: boolean): Frontmatter | null {
	if (lines.length === 0 || !isFrontmatterDelimiter(lines[0], false)) return null;
	for (let i = 1; i < lines.length; i++) {
		if (!isFrontmatterDelimiter(lines[i], true)) continue;
		if (hasCarriageReturns) return { endLine: i, content: lines.slice(1, i).join('\n') };
		const start = lines[0].length + 1;
		let end = start;
		for (let j = 1; j < i; j++) end += lines[j].length + 1;
		return { endLine: i, content: i === 1 ? '' : text.slice(start, end - 1) };
	}
	return null;
}

/** `---` (or, closing, `...`) with nothing but whitespace after it. */
function isFrontmatterDelimiter(line: string, closing: boolean): boolean {
	const first = line.charCodeAt(0);
	if (first !== 0x2d && !(closing && first === 0x2e)) return false;
	const trimmed = line.trimEnd();
	return trimmed === '---' || (closing && trimmed === '...');
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^( {0,3})(`{3,}|~{3,})\s*$/;

/** What the fence scan found: a topology block, and from which line on every top-level block is marked already. */
interface FenceScan {
	hasTopology: boolean;
	markedFrom: number;
}

/**
 * Marks the fenced code block opening at line `at`, if one does, as code (or hidden, for a table
 * of contents) with exactly fences.ts's findFencedBlocks rules (the same expressions, asked only of
 * lines starting with a backtick or tilde after at most three spaces). Returns its closing line,
 * or -1 when no block opens there.
 */
function markFence(lines: readonly string[], at: number, kinds: LineKind[], scan: FenceScan): number {
	const line = lines[at];
	const open = FENCE_OPEN.exec(line);
	if (!open) return -1;
	const fence = open[2];
	const info = open[3].trim();
	// A backtick fence's info string may not contain backticks (that is inline code).
	if (fence[0] === '`' && info.includes('`')) return -1;
	let close = lines.length - 1;
	for (let j = at + 1; j < lines.length; j++) {
		const candidate = mayBeFence(lines[j]) ? FENCE_CLOSE.exec(lines[j]) : null;
		if (candidate && candidate[2][0] === fence[0] && candidate[2].length >= fence.length) {
			close = j;
			break;
		}
	}
	const language = (info.split(/\s+/)[0] ?? '').toLowerCase();
	kinds.fill(HIDDEN_LANGUAGES.has(language) ? LineKind.hidden : LineKind.code, at, close + 1);
	if (isTopologyFence(language)) scan.hasTopology = true;
	return close;
}

/** Marks every top-level fenced block from line `from` on (from a line outside any block). */
function markFencedBlocks(lines: readonly string[], from: number, kinds: LineKind[], scan: FenceScan): void {
	for (let i = from; i < lines.length; i++) {
		if (!mayBeFence(lines[i])) continue;
		const close = markFence(lines, i, kinds, scan);
		if (close !== -1) i = close;
	}
	scan.markedFrom = from;
}

/** A backtick or tilde after at most three spaces: what every fence line starts with. */
function mayBeFence(line: string): boolean {
	let i = 0;
	while (i < 3 && line.charCodeAt(i) === 0x20) i++;
	const ch = line.charCodeAt(i);
	return ch === 0x60 || ch === 0x7e;
}

/**
 * Whether INLINE_TAG could match: some `#` followed by anything but a space, tab, no-break space
 * or another `#` (a backtick counts: removing a code span may bring a word next to the `#`).
 * Rules out heading markers and `C#` without running the expression.
 */
function mayHaveTag(line: string, start: number): boolean {
	for (let at = line.indexOf('#', start); at !== -1; at = line.indexOf('#', at + 1)) {
		const next = line.charCodeAt(at + 1);
		if (at + 1 < line.length && next !== 0x20 && next !== 0x09 && next !== 0xa0 && next !== 0x23) return true;
	}
	return false;
}

/** Removes `%%...%%` spans; `inComment` carries an open comment from line to line. */
function cutComments(line: string, inComment: boolean): { line: string; inComment: boolean } {
	let rest = line;
	let out = '';
	let open = inComment;
	for (;;) {
		const at = rest.indexOf('%%');
		if (open) {
			if (at === -1) return { line: out, inComment: true };
			rest = rest.slice(at + 2);
			open = false;
			continue;
		}
		if (at === -1) return { line: out + rest, inComment: false };
		out += rest.slice(0, at);
		rest = rest.slice(at + 2);
		open = true;
	}
}

/** A run of `=` or of `-` (nothing else but trailing spaces) from `start`. */
function isSetextUnderline(line: string, start: number): boolean {
	const ch = line[start];
	let end = line.length;
	while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
	for (let k = start; k < end; k++) if (line[k] !== ch) return false;
	return true;
}

/**
 * Line `at` is a paragraph of one line that a setext underline can turn into a heading: plain text
 * (not a list item, break or lazy quote continuation) after a blank line, a heading, a code block,
 * hidden lines or the start of the note. Longer paragraphs stay text here (their title would
 * span lines).
 */
function startsOneLineParagraph(lines: readonly string[], kinds: readonly LineKind[], at: number): boolean {
	if (at < 0 || kinds[at] !== LineKind.text) return false;
	const line = lines[at];
	const start = firstNonSpace(line);
	if (indentWidth(line, start) > 3 || isThematicBreak(line) || listMarkerEnd(line, start) !== -1) return false;
	const before = at > 0 ? kinds[at - 1] : LineKind.blank;
	return before === LineKind.blank || before === LineKind.heading || before === LineKind.code || before === LineKind.hidden;
}

function parseHeading(line: string, start: number): { level: number; raw: string } | null {
	let level = 0;
	while (line.charCodeAt(start + level) === 0x23) level++;
	if (level > 6) return null;
	const after = start + level;
	if (after < line.length && line[after] !== ' ' && line[after] !== '\t') return null;
	let end = line.length;
	while (end > after && isSpace(line.charCodeAt(end - 1))) end--;
	// An optional closing sequence of #s, when a space separates it from the text.
	let hashes = end;
	while (hashes > after && line.charCodeAt(hashes - 1) === 0x23) hashes--;
	if (hashes < end && (hashes === after || isSpace(line.charCodeAt(hashes - 1)))) end = hashes;
	return { level, raw: line.slice(after, end).trim() };
}

function nestedFenceClose(lines: readonly string[], kinds: LineKind[], open: number, start: number): number {
	const line = lines[open];
	const fenceChar = line[start];
	let length = 0;
	while (line[start + length] === fenceChar) length++;
	if (length < 3) return -1;
	if (fenceChar === '`' && line.includes('`', start + length)) return -1;
	for (let j = open + 1; j < lines.length; j++) {
		if (kinds[j] === LineKind.code || kinds[j] === LineKind.hidden) return -1;
		const candidate = (lines[j]).trim();
		if (candidate.length >= length && candidate[0] === fenceChar && isRunOf(candidate, fenceChar)) return j;
	}
	return -1;
}

function groupQuotes(kinds: LineKind[]): QuoteBlock[] {
	const quotes: QuoteBlock[] = [];
	let start = -1;
	let lastQuote = -1;
	for (let i = 0; i <= kinds.length; i++) {
		const kind = i < kinds.length ? kinds[i] : LineKind.blank;
		if (kind === LineKind.quote) {
			if (start === -1) start = i;
			lastQuote = i;
		} else if (kind !== LineKind.hidden && start !== -1) {
			quotes.push({ start, end: lastQuote + 1 });
			start = -1;
		}
	}
	return quotes;
}

function collectTags(line: string, into: string[]): void {
	const scanned = line.includes('`') ? line.replace(INLINE_CODE, '') : line;
	INLINE_TAG.lastIndex = 0;
	for (let m = INLINE_TAG.exec(scanned); m; m = INLINE_TAG.exec(scanned)) {
		const tag = m[1];
		if (!DIGITS_ONLY.test(tag)) into.push(tag);
	}
}

function isRunOf(text: string, ch: string): boolean {
	for (let i = 0; i < text.length; i++) if (text[i] !== ch) return false;
	return true;
}

export function isSpace(code: number): boolean {
	return code === 0x20 || code === 0x09;
}

/** Index of the first character that is not a space or tab (the line's length when blank). */
export function firstNonSpace(line: string): number {
	let i = 0;
	while (i < line.length && isSpace(line.charCodeAt(i))) i++;
	return i;
}

/** Columns of leading whitespace up to `end`, tabs advancing to the next multiple of 4. */
export function indentWidth(line: string, end: number): number {
	let width = 0;
	for (let i = 0; i < end; i++) width = line.charCodeAt(i) === 0x09 ? width + 4 - (width % 4) : width + 1;
	return width;
}

/**
 * `/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/`: three or more of one of `-*_`, with spaces or tabs
 * between, after at most three spaces. A loop: it is asked of most lines of every section.
 */
export function isThematicBreak(line: string): boolean {
	let i = 0;
	while (i < 3 && line.charCodeAt(i) === 0x20) i++;
	const mark = line.charCodeAt(i);
	if (mark !== 0x2d && mark !== 0x2a && mark !== 0x5f) return false;
	let marks = 0;
	for (; i < line.length; i++) {
		const code = line.charCodeAt(i);
		if (code === mark) marks++;
		else if (code !== 0x20 && code !== 0x09) return false;
	}
	return marks >= 3;
}

/**
 * The lines [first, last] of [from, to) that hold a section's content: blank lines and thematic
 * breaks trimmed from both ends (the `---` people put under a heading is layout, not content),
 * or null when nothing is left.
 */
export function contentRange(structure: NoteStructure, from: number, to: number): { first: number; last: number } | null {
	const { lines, kinds } = structure;
	let first = from;
	while (first < to && isLayout(kinds[first], lines[first])) first++;
	let last = to - 1;
	while (last >= first && isLayout(kinds[last], lines[last])) last--;
	return first <= last ? { first, last } : null;
}

function isLayout(kind: LineKind, line: string): boolean {
	return kind === LineKind.hidden || kind === LineKind.blank || (kind === LineKind.text && isThematicBreak(line));
}

/** Offset of a line in the note's text (only meaningful without CR line ends). */
function lineOffset(structure: NoteStructure, line: number): number {
	const cursor = structure.offsetCursor;
	if (line < cursor.line) {
		cursor.line = 0;
		cursor.offset = 0;
	}
	const { lines, edited } = structure;
	for (; cursor.line < line; cursor.line++) cursor.offset += (edited?.get(cursor.line) ?? (lines[cursor.line]).length) + 1;
	return cursor.offset;
}

/**
 * Lines [first, last] as one string without hidden lines. A slice of the note's text when the
 * range is untouched: no copy, so the index holds each note's text once rather than once per card.
 */
export function rangeText(structure: NoteStructure, first: number, last: number): string {
	const { lines, kinds, edited, text } = structure;
	let untouched = !structure.hasCarriageReturns;
	for (let i = first; untouched && i <= last; i++) if (kinds[i] === LineKind.hidden || edited?.has(i)) untouched = false;
	if (untouched) {
		const start = lineOffset(structure, first);
		return text.slice(start, lineOffset(structure, last) + (lines[last]).length);
	}
	const kept: string[] = [];
	for (let i = first; i <= last; i++) if (kinds[i] !== LineKind.hidden) kept.push(lines[i]);
	return kept.join('\n');
}

/** Index after a list marker (`-`, `*`, `+`, `1.`, `1)`) and its spaces, or -1 when there is none. */
export function listMarkerEnd(line: string, start: number): number {
	let i = start;
	const ch = line.charCodeAt(i);
	if (ch === 0x2d || ch === 0x2a || ch === 0x2b) {
		i++;
	} else {
		while (i - start < 9 && isDigit(line.charCodeAt(i))) i++;
		if (i === start) return -1;
		const close = line.charCodeAt(i);
		if (close !== 0x2e && close !== 0x29) return -1;
		i++;
	}
	if (i < line.length && line[i] !== ' ' && line[i] !== '\t') return -1;
	while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
	return i;
}

function isDigit(code: number): boolean {
	return code >= 0x30 && code <= 0x39;
}
