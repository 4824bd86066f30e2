import { LineKind, lineEnd, type NoteStructure, type QuoteBlock } from './note-structure';
import { isJsWhitespace } from './whitespace';

/**
 * The lines of a blockquote with one level of `>` removed (hidden lines left out), as plain strings:
 * the sources take the first as the header or term and join the rest into the back.
 */
export function quoteLines(structure: NoteStructure, quote: QuoteBlock): string[] {
	const lines: string[] = [];
	for (let i = quote.start; i < quote.end; i++) {
		if (structure.kinds[i] === LineKind.hidden) continue;
		const cut = structure.edited?.get(i);
		if (cut !== undefined) {
			lines.push(cut.slice(afterQuoteMarker(cut, 0)));
			continue;
		}
		// One slice of the source, not the line and then its text after the marker.
		const from = structure.starts[i];
		lines.push(structure.source.slice(from + afterQuoteMarker(structure.source, from), lineEnd(structure, i)));
	}
	return lines;
}

/** The line of the quote's first line that quoteLines keeps (-1: none). */
export function firstQuoteLine(structure: NoteStructure, quote: QuoteBlock): number {
	for (let i = quote.start; i < quote.end; i++) if (structure.kinds[i] !== LineKind.hidden) return i;
	return -1;
}

/**
 * Whether the quote's first line (without its `>`), from its first non-space character, starts
 * with `prefix`: lets a source skip a quote without copying its lines.
 */
export function quoteStartsWith(structure: NoteStructure, quote: QuoteBlock, prefix: string): boolean {
	for (let i = quote.start; i < quote.end; i++) {
		if (structure.kinds[i] === LineKind.hidden) continue;
		// Read in place in the note's source unless comment cutting changed the line.
		const cut = structure.edited?.get(i);
		const line = cut ?? structure.source;
		const from = cut !== undefined ? 0 : structure.starts[i];
		const to = cut !== undefined ? cut.length : lineEnd(structure, i);
		let at = from + afterQuoteMarker(line, from);
		while (at < to && (line.charCodeAt(at) === 0x20 || line.charCodeAt(at) === 0x09)) at++;
		return at + prefix.length <= to && line.startsWith(prefix, at);
	}
	return false;
}

/** Lines from `from` on joined, with blank lines trimmed from both ends. */
export function joinTrimmed(lines: readonly string[], from = 0): string {
	let start = from;
	let end = lines.length;
	while (start < end && isBlank(lines[start])) start++;
	while (end > start && isBlank(lines[end - 1])) end--;
	// Most quote and definition backs are one line: that line (often a slice of the note), no copy.
	if (end - start === 1) return lines[start];
	return (start === 0 && end === lines.length ? lines : lines.slice(start, end)).join('\n');
}

/** `line.trim() === ''` without the trimmed copy. */
function isBlank(line: string): boolean {
	for (let i = 0; i < line.length; i++) if (!isJsWhitespace(line.charCodeAt(i))) return false;
	return true;
}

/**
 * Characters from `from` to just after `>` and one optional space or tab (quote lines carry at most
 * 3 spaces before it); 0 when the line at `from` has no `>`.
 */
function afterQuoteMarker(line: string, from: number): number {
	let i = from;
	while (i - from < 3 && line.charCodeAt(i) === 0x20) i++;
	if (line.charCodeAt(i) !== 0x3e) return 0;
	i++;
	const next = line.charCodeAt(i);
	return (next === 0x20 || next === 0x09 ? i + 1 : i) - from;
}
