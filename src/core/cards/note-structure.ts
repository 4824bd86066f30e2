/**
 * One linear pass over a note that answers, per line, "what is this?" for every card source:
 * frontmatter and `%%comments%%` (hidden: they never reach a card), code (kept in backs, never
 * scanned), headings with their heading path, blockquotes, blank lines. The sources then read
 * this structure instead of re-scanning the text.
 */
import { findFencedBlocks, findFrontmatter, isTopologyLanguage, type Frontmatter } from '../markdown/fences';
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
	kinds: Uint8Array;
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
const HANGUL = /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/;
const DIGITS_ONLY = /^[\d/_-]*$/;

export function scanNote(text: string): NoteStructure {
	const lines = linesOf(text);
	const count = lines.length;
	const kinds = new Uint8Array(count);
	let edited: Map<number, number> | null = null;
	const frontmatter = findFrontmatter(lines);
	if (frontmatter) kinds.fill(LineKind.hidden, 0, frontmatter.endLine + 1);
	let hasTopology = false;
	// The fence scanner tests every line with a regex; most notes without a fence skip it whole.
	const mayHaveFence = text.includes('```') || text.includes('~~~');
	for (const block of mayHaveFence ? findFencedBlocks(lines) : []) {
		const kind = HIDDEN_LANGUAGES.has(block.language) ? LineKind.hidden : LineKind.code;
		kinds.fill(kind, block.openLine, block.closeLine + 1);
		if (isTopologyLanguage(block.language)) hasTopology = true;
	}

	const headings: Heading[] = [];
	const stack: { level: number; title: string }[] = [];
	const inlineTags: string[] = [];
	let korean = false;
	let inComment = false;

	for (let i = 0; i < count; i++) {
		let kind = kinds[i] as LineKind;
		if (kind === LineKind.hidden) continue;
		if (kind === LineKind.code) {
			// A comment that opened before a code block swallows it, as Obsidian renders it.
			if (inComment) kinds[i] = LineKind.hidden;
			continue;
		}
		let line = lines[i];

		if (inComment || line.includes('%%')) {
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
			// A fence nested in a list item (findFencedBlocks only sees fences indented up to 3).
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
			if (heading) {
				kinds[i] = LineKind.heading;
				if (!korean && HANGUL.test(heading.raw)) korean = true;
				const title = headingTitle(heading.raw);
				while (stack.length > 0 && (stack[stack.length - 1] as { level: number }).level >= heading.level) stack.pop();
				stack.push({ level: heading.level, title });
				if (headings.length > 0) (headings[headings.length - 1]).bodyEnd = i;
				headings.push({ line: i, level: heading.level, title, path: stack.map((h) => h.title), bodyEnd: count });
			}
		}
		if (kind !== LineKind.text) kinds[i] = kind;
		if (line.includes('#', start)) collectTags(line, inlineTags);
	}

	return { lines, kinds, text, hasCarriageReturns: text.includes('\r'), offsetCursor: { line: 0, offset: 0 }, edited, frontmatter, headings, quotes: groupQuotes(kinds), inlineTags, korean, hasTopology };
}

/**
 * The same lines as fences.ts's splitLines (LF, CRLF, lone CR), splitting on a plain '\n' when the
 * note has no CR: a string separator is several times faster than the regex on a whole vault.
 */
function linesOf(text: string): string[] {
	return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
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

function nestedFenceClose(lines: readonly string[], kinds: Uint8Array, open: number, start: number): number {
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

function groupQuotes(kinds: Uint8Array): QuoteBlock[] {
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

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

export function isThematicBreak(line: string): boolean {
	return THEMATIC_BREAK.test(line);
}

/**
 * The lines [first, last] of [from, to) that hold a section's content: blank lines and thematic
 * breaks trimmed from both ends (the `---` people put under a heading is layout, not content),
 * or null when nothing is left.
 */
export function contentRange(structure: NoteStructure, from: number, to: number): { first: number; last: number } | null {
	const { lines, kinds } = structure;
	let first = from;
	while (first < to && isLayout(kinds[first] as LineKind, lines[first])) first++;
	let last = to - 1;
	while (last >= first && isLayout(kinds[last] as LineKind, lines[last])) last--;
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
