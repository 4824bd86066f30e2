import { LineKind, type NoteStructure, type QuoteBlock } from './note-structure';

const QUOTE_MARKER = /^ {0,3}>[ \t]?/;

/** The lines of a blockquote with one level of `>` removed (hidden lines left out). */
export function quoteContent(structure: NoteStructure, quote: QuoteBlock): { line: number; text: string }[] {
	const content: { line: number; text: string }[] = [];
	for (let i = quote.start; i < quote.end; i++) {
		if (structure.kinds[i] === LineKind.hidden) continue;
		const line = structure.lines[i];
		const marker = QUOTE_MARKER.exec(line);
		content.push({ line: i, text: marker ? line.slice(marker[0].length) : line });
	}
	return content;
}

/** Lines joined, with blank lines and thematic breaks trimmed from both ends. */
export function joinTrimmed(lines: readonly string[]): string {
	let start = 0;
	let end = lines.length;
	while (start < end && (lines[start]).trim() === '') start++;
	while (end > start && (lines[end - 1]).trim() === '') end--;
	return lines.slice(start, end).join('\n');
}
