import { LineKind, lineAt, lineEnd, type NoteStructure, type QuoteBlock } from './note-structure';
import { isJsWhitespace } from './whitespace';

/** The lines of a blockquote with one level of `>` removed (hidden lines left out). */
export function quoteContent(structure: NoteStructure, quote: QuoteBlock): { line: number; text: string }[] {
	const content: { line: number; text: string }[] = [];
	for (let i = quote.start; i < quote.end; i++) {
		if (structure.kinds[i] === LineKind.hidden) continue;
		const line = lineAt(structure, i);
		content.push({ line: i, text: line.slice(afterQuoteMarker(line, 0)) });
	}
	return content;
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

/** Lines joined, with blank lines trimmed from both ends. */
export function joinTrimmed(lines: readonly string[]): string {
	let start = 0;
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
