/**
 * One linear pass over a note that answers, per line, "what is this?" for every card source:
 * frontmatter and `%%comments%%` (hidden: they never reach a card), code (kept in backs, never
 * scanned), headings with their heading path, blockquotes, blank lines. The sources then read
 * this structure instead of re-scanning the text.
 */
import type { Frontmatter } from '../markdown/fences';
import { isTopologyFence } from '../topology/registry';
import { headingTitle } from './heading-title';
import { isJsWhitespace } from './whitespace';

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
	/**
	 * The note's text with every line end a '\n' (the text itself unless it has CR line ends). Lines
	 * are ranges of it (`starts`), not strings of their own: splitting every note into line strings
	 * was a tenth of the time to index a vault, and most lines are only ever tested at their start.
	 * lineAt gives a line as a string.
	 */
	source: string;
	/** Where each line starts in `source`; it ends before the next line's '\n' (see lineEnd). */
	starts: number[];
	/**
	 * A LineKind per line. A plain array of small integers, not a Uint8Array: a typed array of more
	 * than 64 bytes allocates its buffer outside the heap, which cost more than scanning the note.
	 */
	kinds: LineKind[];
	/** The note's text as given. */
	text: string;
	/** Lines comment cutting changed, as they read after the cut (null: none). */
	edited: Map<number, string> | null;
	frontmatter: Frontmatter | null;
	headings: Heading[];
	quotes: QuoteBlock[];
	/** Inline #tags outside code, without '#', in order, possibly repeated. */
	inlineTags: string[];
	/**
	 * Text lines that open like a bold-term definition (`**` or `__` where a term would start, after
	 * a list marker or at most three columns of indent), in order: found while the line is scanned,
	 * so the definition source reads only these. A source may have hidden one since (check `kinds`).
	 */
	definitionLines: number[];
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
const LINE_BREAK = /\r\n|\r/g;
const NO_PATH: readonly string[] = Object.freeze([]);

/** Offset in `source` where line `i` ends (its '\n', or the end of the note). */
function endOf(source: string, starts: readonly number[], i: number): number {
	return i + 1 < starts.length ? starts[i + 1] - 1 : source.length;
}

export function lineEnd(structure: NoteStructure, i: number): number {
	return endOf(structure.source, structure.starts, i);
}

/** Line `i` as a string, comments cut (a slice of the note's text when the line has none). */
export function lineAt(structure: NoteStructure, i: number): string {
	const cut = structure.edited?.get(i);
	return cut ?? structure.source.slice(structure.starts[i], lineEnd(structure, i));
}

export function lineCount(structure: NoteStructure): number {
	return structure.starts.length;
}

export function scanNote(text: string): NoteStructure {
	// The same lines as fences.ts's splitLines (LF, CRLF, lone CR).
	const source = text.includes('\r') ? text.replace(LINE_BREAK, '\n') : text;
	// Sized for lines of 16 characters or more and cut to length after: pushing grew the arrays
	// several times per note, which allocated twice what they hold. Written by index, not by
	// `fill`, a slow generic call.
	const starts = new Array<number>((source.length >> 4) + 1);
	starts[0] = 0;
	let count = 1;
	for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) starts[count++] = at + 1;
	starts.length = count;
	const kinds = new Array<LineKind>(count);
	for (let i = 0; i < count; i++) kinds[i] = LineKind.text;
	let edited: Map<number, string> | null = null;
	const frontmatter = frontmatterOf(source, starts);
	if (frontmatter) markLines(kinds, 0, frontmatter.endLine, LineKind.hidden);
	// Top-level fenced blocks are found by the loop below as it meets their opening line (one pass
	// over the lines, not a second one for fences), with findFencedBlocks's rules. Most notes
	// without a fence skip the test per line.
	const mayHaveFence = text.includes('```') || text.includes('~~~');
	const fences: FenceScan = { hasTopology: false, markedFrom: count };

	const headings: Heading[] = [];
	/** Indexes in `headings` of the open headings, outermost first. */
	const stack: number[] = [];
	const inlineTags: string[] = [];
	const definitionLines: number[] = [];
	let korean = false;
	let inComment = false;
	const mayHaveComment = text.includes('%%');
	// Most notes have no #tag at all (their `#`s open headings): one look at the whole text skips the test per line.
	const mayHaveTags = mayHaveTag(source, 0, source.length);

	for (let i = 0; i < count; i++) {
		let kind = kinds[i];
		if (kind === LineKind.hidden) continue;
		if (kind === LineKind.code) {
			// A comment that opened before a code block swallows it, as Obsidian renders it.
			if (inComment) kinds[i] = LineKind.hidden;
			continue;
		}
		// The line is [from, to) of `line`: of the source, or of the line's copy with comments cut.
		let line = source;
		let from = starts[i];
		let to = endOf(source, starts, i);

		if (mayHaveFence && i < fences.markedFrom && mayBeFence(source, from, to)) {
			const close = markFence(source, starts, i, kinds, fences);
			if (close !== -1) {
				if (inComment && kinds[i] === LineKind.code) markLines(kinds, i, close, LineKind.hidden);
				i = close;
				continue;
			}
		}

		if (mayHaveComment && (inComment || hasCommentMark(source, from, to))) {
			const original = source.slice(from, to);
			const cut = cutComments(original, inComment);
			inComment = cut.inComment;
			if (cut.line !== original) {
				if (cut.line.trim() === '') {
					kinds[i] = LineKind.hidden;
					continue;
				}
				(edited ??= new Map()).set(i, cut.line);
				line = cut.line;
				from = 0;
				to = line.length;
			}
		}

		const start = firstNonSpaceIn(line, from, to);
		if (start === to) {
			kinds[i] = LineKind.blank;
			continue;
		}
		const first = line.charCodeAt(start);
		const indent = indentWidthIn(line, from, start);

		if (start > from && (first === 0x60 || first === 0x7e) && indent >= 4) {
			// A fence nested in a list item (findFencedBlocks only sees fences indented up to 3). It
			// stops at a later top-level block, so those are marked first, from here to the end.
			if (mayHaveFence && i + 1 < fences.markedFrom) markFencedBlocks(source, starts, i + 1, kinds, fences);
			const close = nestedFenceClose(source, starts, kinds, i, line.slice(start, to));
			if (close !== -1) {
				markLines(kinds, i, close, LineKind.code);
				i = close;
				continue;
			}
		}

		if (first === 0x3e /* > */ && indent <= 3) {
			kind = LineKind.quote;
		} else if (first === 0x23 /* # */ && indent <= 3) {
			const level = headingLevel(line, start, to);
			if (level > 0) {
				const raw = headingText(line, start + level, to);
				kinds[i] = LineKind.heading;
				if (!korean && hasHangul(raw)) korean = true;
				addHeading(headings, stack, i, level, raw, count);
			}
		} else if ((first === 0x3d /* = */ || first === 0x2d /* - */) && indent <= 3 && isSetextUnderline(line, start, to) && i > 0 && kinds[i - 1] === LineKind.text && startsOneLineParagraph(lineAsCut(source, starts, edited, i - 1), kinds, i - 1)) {
			// `Title` then `===` or `---`: Obsidian shows the line above as a heading (level 1 or 2).
			const raw = lineAsCut(source, starts, edited, i - 1).trim();
			kinds[i - 1] = LineKind.heading;
			if (!korean && hasHangul(raw)) korean = true;
			addHeading(headings, stack, i - 1, first === 0x3d ? 1 : 2, raw, count);
			kinds[i] = LineKind.hidden;
			continue;
		}
		if (kind !== LineKind.text) kinds[i] = kind;
		else if (opensLikeDefinition(line, start, to, first, indent)) definitionLines.push(i);
		if (mayHaveTags && mayHaveTag(line, start, to)) collectTags(line.slice(from, to), inlineTags);
	}

	return { source, starts, kinds, text, edited, frontmatter, headings, quotes: groupQuotes(kinds), inlineTags, definitionLines, korean, hasTopology: fences.hasTopology };
}

/**
 * Adds the heading at line `at` to `headings`, its parent the nearest open heading of a lower
 * level (`stack`: indexes of the open headings, outermost first). A function of its own rather
 * than a closure in scanNote: a closure would keep the scan's locals in a heap context, which
 * the loop over every line then reads from memory.
 */
function addHeading(headings: Heading[], stack: number[], at: number, level: number, raw: string, count: number): void {
	const title = headingTitle(raw);
	while (stack.length > 0 && headings[stack[stack.length - 1]].level >= level) stack.pop();
	const parent = stack.length > 0 ? stack[stack.length - 1] : -1;
	const parentPath = parent >= 0 ? headings[parent].path : NO_PATH;
	const path = extendPath(parentPath, title);
	const heading: Heading = { line: at, level, title, path, parentPath, parent, bodyEnd: count };
	stack.push(headings.length);
	if (headings.length > 0) (headings[headings.length - 1]).bodyEnd = at;
	headings.push(heading);
}

/** Line `at` as the scan left it (comments cut), for the look back at a setext heading's title. */
function lineAsCut(source: string, starts: readonly number[], edited: Map<number, string> | null, at: number): string {
	return edited?.get(at) ?? source.slice(starts[at], endOf(source, starts, at));
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
 * fences.ts's findFrontmatter without copying: the YAML is one slice of the source (the same
 * string as the lines joined with '\n').
 */
function frontmatterOf(source: string, starts: readonly number[]): Frontmatter | null {
	if (!isFrontmatterDelimiter(source, 0, endOf(source, starts, 0), false)) return null;
	for (let i = 1; i < starts.length; i++) {
		if (!isFrontmatterDelimiter(source, starts[i], endOf(source, starts, i), true)) continue;
		return { endLine: i, content: i === 1 ? '' : source.slice(starts[1], starts[i] - 1) };
	}
	return null;
}

/** The line [from, to) is `---` (or, closing, `...`) with nothing but whitespace after it. */
function isFrontmatterDelimiter(source: string, from: number, to: number, closing: boolean): boolean {
	const first = from < to ? source.charCodeAt(from) : -1;
	if (first !== 0x2d && !(closing && first === 0x2e)) return false;
	const trimmed = source.slice(from, to).trimEnd();
	return trimmed === '---' || (closing && trimmed === '...');
}

/** What a line opening a fenced block holds: its fence (a run of backticks or tildes) and its info string, trimmed. */
export interface FenceOpen {
	fence: string;
	info: string;
}

/**
 * The line [from, to) of `text` as `/^( {0,3})(`{3,}|~{3,})(.*)$/` (fences.ts's opening fence)
 * reads it, or null when it does not match. Read by hand: the expression's match array and its
 * captures per fence line cost more than the block's other work.
 */
export function fenceOpenIn(text: string, from: number, to: number): FenceOpen | null {
	const at = fenceRunStart(text, from, to);
	if (at === -1) return null;
	const end = at + runLength(text, at, to);
	// `.` stops at line terminators, so an info string holding one does not match.
	for (let i = end; i < to; i++) if (isLineTerminator(text.charCodeAt(i))) return null;
	return { fence: text.slice(at, end), info: text.slice(end, to).trim() };
}

/**
 * The line [from, to) of `text` closes a block opened by a run of `length` `fenceChar`s: what
 * `/^( {0,3})(`{3,}|~{3,})\s*$/` matches, with a run of that character at least that long.
 */
export function closesFenceIn(text: string, from: number, to: number, fenceChar: number, length: number): boolean {
	const at = fenceRunStart(text, from, to);
	if (at === -1 || text.charCodeAt(at) !== fenceChar) return false;
	const run = runLength(text, at, to);
	if (run < length) return false;
	for (let i = at + run; i < to; i++) if (!isJsWhitespace(text.charCodeAt(i))) return false;
	return true;
}

/** Where a run of 3 or more backticks or tildes starts after at most three spaces in [from, to), or -1. */
function fenceRunStart(text: string, from: number, to: number): number {
	let i = from;
	while (i - from < 3 && i < to && text.charCodeAt(i) === 0x20) i++;
	if (i === to) return -1;
	const ch = text.charCodeAt(i);
	if (ch !== 0x60 && ch !== 0x7e) return -1;
	return runLength(text, i, to) >= 3 ? i : -1;
}

/** Length of the run of the character at `at` within [at, to). */
function runLength(text: string, at: number, to: number): number {
	const ch = text.charCodeAt(at);
	let i = at;
	while (i < to && text.charCodeAt(i) === ch) i++;
	return i - at;
}

function isLineTerminator(code: number): boolean {
	return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** What the fence scan found: a topology block, and from which line on every top-level block is marked already. */
interface FenceScan {
	hasTopology: boolean;
	markedFrom: number;
}

/**
 * Marks the fenced code block opening at line `at`, if one does, as code (or hidden, for a table
 * of contents) with exactly fences.ts's findFencedBlocks rules (its expressions, read by hand:
 * fenceOpenIn and closesFenceIn). Returns its closing line, or -1 when no block opens there.
 */
function markFence(source: string, starts: readonly number[], at: number, kinds: LineKind[], scan: FenceScan): number {
	const open = fenceOpenIn(source, starts[at], endOf(source, starts, at));
	if (!open) return -1;
	const { fence, info } = open;
	// A backtick fence's info string may not contain backticks (that is inline code).
	if (fence[0] === '`' && info.includes('`')) return -1;
	const fenceChar = fence.charCodeAt(0);
	let close = starts.length - 1;
	for (let j = at + 1; j < starts.length; j++) {
		if (closesFenceIn(source, starts[j], endOf(source, starts, j), fenceChar, fence.length)) {
			close = j;
			break;
		}
	}
	const language = firstWord(info).toLowerCase();
	markLines(kinds, at, close, HIDDEN_LANGUAGES.has(language) ? LineKind.hidden : LineKind.code);
	if (isTopologyFence(language)) scan.hasTopology = true;
	return close;
}

/** Lines [first, last] become `kind`: a loop, not `fill` (a generic call costing more than the few lines of a block). */
function markLines(kinds: LineKind[], first: number, last: number, kind: LineKind): void {
	for (let i = first; i <= last; i++) kinds[i] = kind;
}

/** `text.split(/\s+/)[0]` without the split: the text up to its first whitespace. */
function firstWord(text: string): string {
	for (let i = 0; i < text.length; i++) if (isJsWhitespace(text.charCodeAt(i))) return text.slice(0, i);
	return text;
}

/** Marks every top-level fenced block from line `from` on (from a line outside any block). */
function markFencedBlocks(source: string, starts: readonly number[], from: number, kinds: LineKind[], scan: FenceScan): void {
	for (let i = from; i < starts.length; i++) {
		if (!mayBeFence(source, starts[i], endOf(source, starts, i))) continue;
		const close = markFence(source, starts, i, kinds, scan);
		if (close !== -1) i = close;
	}
	scan.markedFrom = from;
}

/** A backtick or tilde after at most three spaces at the start of [from, to): what every fence line starts with. */
function mayBeFence(text: string, from: number, to: number): boolean {
	let i = from;
	while (i - from < 3 && i < to && text.charCodeAt(i) === 0x20) i++;
	if (i === to) return false;
	const ch = text.charCodeAt(i);
	return ch === 0x60 || ch === 0x7e;
}

/** `%%` within [from, to) of the source (it cannot span a line end). */
function hasCommentMark(source: string, from: number, to: number): boolean {
	const at = source.indexOf('%%', from);
	return at !== -1 && at + 2 <= to;
}

/**
 * Whether INLINE_TAG could match in [start, to): some `#` followed by anything but a space, tab,
 * no-break space or another `#` (a backtick counts: removing a code span may bring a word next to
 * the `#`). Rules out heading markers and `C#` without running the expression.
 */
function mayHaveTag(text: string, start: number, to: number): boolean {
	for (let at = text.indexOf('#', start); at !== -1 && at < to; at = text.indexOf('#', at + 1)) {
		// In a run of `#`s (a heading marker) only the last can open a tag: one search per run, not per `#`.
		while (at + 1 < to && text.charCodeAt(at + 1) === 0x23) at++;
		const next = text.charCodeAt(at + 1);
		if (at + 1 < to && next !== 0x20 && next !== 0x09 && next !== 0xa0) return true;
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

/** A run of `=` or of `-` (nothing else but trailing spaces) in [start, to). */
function isSetextUnderline(line: string, start: number, to: number): boolean {
	const ch = line.charCodeAt(start);
	let end = to;
	while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
	for (let k = start; k < end; k++) if (line.charCodeAt(k) !== ch) return false;
	return true;
}

/**
 * Line `at` (`line`) is a paragraph of one line that a setext underline can turn into a heading:
 * plain text (not a list item, break or lazy quote continuation) after a blank line, a heading, a
 * code block, hidden lines or the start of the note. Longer paragraphs stay text here (their
 * title would span lines).
 */
function startsOneLineParagraph(line: string, kinds: readonly LineKind[], at: number): boolean {
	if (kinds[at] !== LineKind.text) return false;
	const start = firstNonSpace(line);
	if (indentWidth(line, start) > 3 || isThematicBreak(line) || listMarkerEnd(line, start) !== -1) return false;
	const before = at > 0 ? kinds[at - 1] : LineKind.blank;
	return before === LineKind.blank || before === LineKind.heading || before === LineKind.code || before === LineKind.hidden;
}

/** The level of the ATX heading marker at `start` (a run of 1 to 6 `#` then a space, tab or the end), 0 for none. */
function headingLevel(line: string, start: number, to: number): number {
	let level = 0;
	while (start + level < to && line.charCodeAt(start + level) === 0x23) level++;
	if (level > 6) return 0;
	const after = start + level;
	if (after < to && !isSpace(line.charCodeAt(after))) return 0;
	return level;
}

/** The heading's text from `after` its marker to `to`: trimmed, without a closing run of `#`s. */
function headingText(line: string, after: number, to: number): string {
	let end = to;
	while (end > after && isSpace(line.charCodeAt(end - 1))) end--;
	// An optional closing sequence of #s, when a space separates it from the text.
	let hashes = end;
	while (hashes > after && line.charCodeAt(hashes - 1) === 0x23) hashes--;
	if (hashes < end && (hashes === after || isSpace(line.charCodeAt(hashes - 1)))) end = hashes;
	return line.slice(after, end).trim();
}

/** The line that closes a fence nested in a list item, opened by `fence` (the line from its fence on), or -1. */
function nestedFenceClose(source: string, starts: readonly number[], kinds: LineKind[], open: number, fence: string): number {
	const fenceChar = fence[0];
	let length = 0;
	while (fence[length] === fenceChar) length++;
	if (length < 3) return -1;
	if (fenceChar === '`' && fence.includes('`', length)) return -1;
	for (let j = open + 1; j < starts.length; j++) {
		if (kinds[j] === LineKind.code || kinds[j] === LineKind.hidden) return -1;
		const candidate = source.slice(starts[j], endOf(source, starts, j)).trim();
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

/**
 * The line helpers below read a line as the range [from, to) of a string, so the scanner and the
 * sources can test a line in place in the note's source; the one-argument forms take a line string.
 */

/**
 * The line [from, to) of `line` (first non-space at `start`, `first` its code, `indent` columns
 * before it) has `*` or `_` where a definition's term would start: after a list marker, or at the
 * start of a line indented at most 3 columns. What definitionCards asks before parsing a term.
 */
function opensLikeDefinition(line: string, start: number, to: number, first: number, indent: number): boolean {
	const markerEnd = listMarkerEndIn(line, start, to);
	if (markerEnd === -1) return indent <= 3 && (first === 0x2a || first === 0x5f);
	const ch = markerEnd < to ? line.charCodeAt(markerEnd) : -1;
	return ch === 0x2a || ch === 0x5f;
}

/** Index of the first character of [from, to) that is not a space or tab (`to` when blank). */
export function firstNonSpaceIn(text: string, from: number, to: number): number {
	let i = from;
	while (i < to && isSpace(text.charCodeAt(i))) i++;
	return i;
}

export function firstNonSpace(line: string): number {
	return firstNonSpaceIn(line, 0, line.length);
}

/** Columns of the whitespace in [from, end), tabs advancing to the next multiple of 4. */
export function indentWidthIn(text: string, from: number, end: number): number {
	let width = 0;
	for (let i = from; i < end; i++) width = text.charCodeAt(i) === 0x09 ? width + 4 - (width % 4) : width + 1;
	return width;
}

/** Columns of leading whitespace up to `end`, tabs advancing to the next multiple of 4. */
export function indentWidth(line: string, end: number): number {
	return indentWidthIn(line, 0, end);
}

/**
 * `/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/` on [from, to): three or more of one of `-*_`, with
 * spaces or tabs between, after at most three spaces. A loop: it is asked of most lines of every
 * section.
 */
export function isThematicBreakIn(text: string, from: number, to: number): boolean {
	let i = from;
	while (i - from < 3 && i < to && text.charCodeAt(i) === 0x20) i++;
	if (i === to) return false;
	const mark = text.charCodeAt(i);
	if (mark !== 0x2d && mark !== 0x2a && mark !== 0x5f) return false;
	let marks = 0;
	for (; i < to; i++) {
		const code = text.charCodeAt(i);
		if (code === mark) marks++;
		else if (code !== 0x20 && code !== 0x09) return false;
	}
	return marks >= 3;
}

export function isThematicBreak(line: string): boolean {
	return isThematicBreakIn(line, 0, line.length);
}

/** Line `i` of the note is a thematic break (as the scanner left it: comments cut). */
function isBreakLine(structure: NoteStructure, i: number): boolean {
	const cut = structure.edited?.get(i);
	return cut !== undefined ? isThematicBreak(cut) : isThematicBreakIn(structure.source, structure.starts[i], lineEnd(structure, i));
}

/**
 * The lines [first, last] of [from, to) that hold a section's content: blank lines and thematic
 * breaks trimmed from both ends (the `---` people put under a heading is layout, not content),
 * or null when nothing is left.
 */
export function contentRange(structure: NoteStructure, from: number, to: number): { first: number; last: number } | null {
	const first = contentFirst(structure, from, to);
	const last = contentLast(structure, first, to);
	return first <= last ? { first, last } : null;
}

/** contentRange's `first` (`to` when the lines hold no content), without an object per section. */
export function contentFirst(structure: NoteStructure, from: number, to: number): number {
	let first = from;
	while (first < to && isLayout(structure, first)) first++;
	return first;
}

/** contentRange's `last` given its `first` (below `first` when there is no content). */
export function contentLast(structure: NoteStructure, first: number, to: number): number {
	let last = to - 1;
	while (last >= first && isLayout(structure, last)) last--;
	return last;
}

function isLayout(structure: NoteStructure, i: number): boolean {
	const kind = structure.kinds[i];
	return kind === LineKind.hidden || kind === LineKind.blank || (kind === LineKind.text && isBreakLine(structure, i));
}

/**
 * Lines [first, last] as one string without hidden lines. A slice of the note's source when the
 * range is untouched: no copy, so the index holds each note's text once rather than once per card.
 */
export function rangeText(structure: NoteStructure, first: number, last: number): string {
	const { kinds, edited } = structure;
	let untouched = true;
	for (let i = first; untouched && i <= last; i++) if (kinds[i] === LineKind.hidden || edited?.has(i)) untouched = false;
	if (untouched) return structure.source.slice(structure.starts[first], lineEnd(structure, last));
	const kept: string[] = [];
	for (let i = first; i <= last; i++) if (kinds[i] !== LineKind.hidden) kept.push(lineAt(structure, i));
	return kept.join('\n');
}

/** Index after a list marker (`-`, `*`, `+`, `1.`, `1)`) at `start` and its spaces, within [start, to); -1 when there is none. */
export function listMarkerEndIn(text: string, start: number, to: number): number {
	let i = start;
	const ch = i < to ? text.charCodeAt(i) : -1;
	if (ch === 0x2d || ch === 0x2a || ch === 0x2b) {
		i++;
	} else {
		while (i - start < 9 && i < to && isDigit(text.charCodeAt(i))) i++;
		if (i === start) return -1;
		const close = i < to ? text.charCodeAt(i) : -1;
		if (close !== 0x2e && close !== 0x29) return -1;
		i++;
	}
	if (i < to && !isSpace(text.charCodeAt(i))) return -1;
	while (i < to && isSpace(text.charCodeAt(i))) i++;
	return i;
}

/** Index after a list marker (`-`, `*`, `+`, `1.`, `1)`) and its spaces, or -1 when there is none. */
export function listMarkerEnd(line: string, start: number): number {
	return listMarkerEndIn(line, start, line.length);
}

function isDigit(code: number): boolean {
	return code >= 0x30 && code <= 0x39;
}
