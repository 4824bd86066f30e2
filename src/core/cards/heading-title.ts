/**
 * The title a heading shows on a card. Study notes number their headings by hand (`1.1`, `2.`,
 * `3. **3. 스토리지의 종류**`) and wrap them in emphasis; neither is part of the question, and
 * renumbering a section must not change the card's identity. Everything here only removes
 * characters, so a front stays a subsequence of the note.
 */
import { isJsWhitespace } from './whitespace';

/** Heading text without outline numbers, emphasis markers and runs of whitespace. */
export function headingTitle(raw: string): string {
	// The scanner hands over trimmed text, so the trim is a call only when an end is whitespace.
	let text = needsCleaning(raw) ? collapseWhitespace(stripEmphasis(raw)).trim() : trimmed(raw);
	// Repeated: `3. **3. 스토리지의 종류**` carries two numbers once the emphasis is gone.
	for (;;) {
		const length = outlineNumberLength(text);
		if (length === 0 || length === text.length) break;
		text = text.slice(length);
	}
	return text;
}

/**
 * Length of what `/^(?:\d{1,4}(?:\.\d{1,4})+\.?|\d{1,4}[.)])[ \t\u00a0]*\/` matches at the start
 * of `text` (0: no match), read by hand: nearly every heading of a numbered study note has one,
 * and a match array per heading was most of the title's cost.
 */
export function outlineNumberLength(text: string): number {
	const first = digitRun(text, 0);
	// More than four digits can match neither branch: the fifth stands where `.` or `)` must.
	if (first === 0 || first > 4) return 0;
	let i = first;
	let groups = 0;
	// `(?:\.\d{1,4})+`, greedy: each group takes up to four digits.
	while (text.charCodeAt(i) === 0x2e) {
		const run = digitRun(text, i + 1);
		if (run === 0) break;
		i += 1 + Math.min(run, 4);
		groups++;
	}
	if (groups > 0) {
		if (text.charCodeAt(i) === 0x2e) i++;
	} else {
		const close = text.charCodeAt(i);
		if (close !== 0x2e && close !== 0x29) return 0;
		i++;
	}
	for (;;) {
		const code = text.charCodeAt(i);
		if (code !== 0x20 && code !== 0x09 && code !== 0xa0) return i;
		i++;
	}
}

function digitRun(text: string, from: number): number {
	let i = from;
	while (isDigitCode(text.charCodeAt(i))) i++;
	return i - from;
}

/**
 * Removes Markdown emphasis delimiters: every `*`, doubled `~~` and `==`, and `_` where it
 * stands at a word edge (so `snake_case` keeps its underscore).
 */
export function stripEmphasis(text: string): string {
	if (!hasEmphasisMarker(text)) return text;
	// Copies the runs between markers, not one character at a time (a `**bold**` heading is one slice).
	let out = '';
	let run = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		let skip = 0;
		if (code === 0x2a /* * */) skip = 1;
		else if ((code === 0x7e || code === 0x3d) && text.charCodeAt(i + 1) === code) skip = 2;
		else if (code === 0x5f /* _ */) {
			let j = i;
			while (text.charCodeAt(j) === 0x5f) j++;
			if (!isWordChar(text, i - 1) || !isWordChar(text, j)) skip = j - i;
		}
		if (skip === 0) continue;
		if (i > run) out += text.slice(run, i);
		i += skip - 1;
		run = i + 1;
	}
	return run === 0 ? text : out + text.slice(run);
}

/** Keeps the first character of every whitespace run (only removes, never replaces). */
export function collapseWhitespace(text: string): string {
	if (!hasSpaceRun(text)) return text;
	let out = '';
	let run = 0;
	let previousSpace = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const space = code === 0x20 || code === 0x09 || code === 0xa0;
		if (space && previousSpace) {
			if (i > run) out += text.slice(run, i);
			run = i + 1;
			continue;
		}
		previousSpace = space;
	}
	return out + text.slice(run);
}

// The two tests below are loops rather than expressions: they run on every heading of the vault,
// where a call into the regular expression engine cost more than the whole title.

function hasEmphasisMarker(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x2a || code === 0x5f || code === 0x7e || code === 0x3d) return true;
	}
	return false;
}

/** Two spaces, tabs or no-break spaces in a row: the only runs collapseWhitespace changes. */
function hasSpaceRun(text: string): boolean {
	let previous = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const space = code === 0x20 || code === 0x09 || code === 0xa0;
		if (space && previous) return true;
		previous = space;
	}
	return false;
}

/** hasEmphasisMarker or hasSpaceRun in one pass: most titles have neither, and reading a title costs more than testing it. */
function needsCleaning(text: string): boolean {
	let previous = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x2a || code === 0x5f || code === 0x7e || code === 0x3d) return true;
		const space = code === 0x20 || code === 0x09 || code === 0xa0;
		if (space && previous) return true;
		previous = space;
	}
	return false;
}

/** `text.trim()`, without the call when neither end is whitespace. */
function trimmed(text: string): string {
	return text.length > 0 && (isJsWhitespace(text.charCodeAt(0)) || isJsWhitespace(text.charCodeAt(text.length - 1))) ? text.trim() : text;
}

function isDigitCode(code: number): boolean {
	return code >= 0x30 && code <= 0x39;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The UTF-16 unit at `i` is a letter or digit (outside the text counts as a space, so not one).
 * One unit, as before: a surrogate alone is neither.
 */
function isWordChar(text: string, i: number): boolean {
	if (i < 0 || i >= text.length) return false;
	const code = text.charCodeAt(i);
	if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
	return WORD_CHAR.test(String.fromCharCode(code));
}
