import { parseBoldTerm } from './bold-term';
import type { CardDraft } from './card';
import { firstNonSpace, indentWidth, isThematicBreak, lineAt, lineCount, LineKind, listMarkerEnd, type NoteStructure } from './note-structure';
import { joinTrimmed } from './quote-lines';

/**
 * Bold-term definitions outside quotes: a list item or paragraph opening with `**Term** :`
 * (see bold-term.ts for the spellings). The term is the front; the back is the rest of the line
 * and, for a list item, everything nested under it (tab- or space-indented), for a paragraph the
 * lines that follow it up to a blank line. Nested lines lose only their common indentation, so a
 * nested list renders as a list on the back.
 * Adds the drafts to `drafts` (the extractor passes the note's list) and returns it.
 */
export function definitionCards(structure: NoteStructure, drafts: CardDraft[] = []): CardDraft[] {
	const { kinds, definitionLines } = structure;
	// Only the lines the scanner found opening like one (most lines are not definitions).
	for (let d = 0; d < definitionLines.length; d++) {
		const i = definitionLines[d];
		if (kinds[i] !== LineKind.text) continue;
		const line = lineAt(structure, i);
		const start = firstNonSpace(line);
		const indent = indentWidth(line, start);
		const markerEnd = listMarkerEnd(line, start);
		const isItem = markerEnd !== -1;
		const contentStart = isItem ? markerEnd : start;
		const term = parseBoldTerm(line, contentStart);
		if (!term || !term.colon) continue;
		const backLines = isItem ? itemLines(structure, i, indent) : dedent(paragraphLines(structure, i, term.rest === ''));
		if (term.rest !== '') backLines.unshift(term.rest);
		const back = joinTrimmed(backLines);
		if (back === '') continue;
		drafts.push({ kind: 'definition', line: i, front: term.term, back, key: term.term });
	}
	return drafts;
}

/**
 * The lines nested under the list item at `item`: more indented than its marker (blank lines
 * between them kept), plus lazy continuation lines, which Markdown adds to the paragraph above
 * them however little they are indented (`- **NAT** : lets private subnets` / `reach out`).
 */
function itemLines(structure: NoteStructure, item: number, itemIndent: number): string[] {
	const kinds = structure.kinds;
	const count = lineCount(structure);
	const nested: string[] = [];
	const lazy: number[] = [];
	let blanks = 0;
	let afterText = true;
	for (let j = item + 1; j < count; j++) {
		const kind = kinds[j];
		if (kind === LineKind.hidden) continue;
		if (kind === LineKind.heading) break;
		const line = lineAt(structure, j);
		const start = firstNonSpace(line);
		if (start === line.length) {
			blanks++;
			continue;
		}
		if (indentWidth(line, start) <= itemIndent) {
			if (blanks > 0 || !afterText || !isLazyContinuation(line, start, kind)) break;
			lazy.push(nested.length);
			nested.push(line);
			continue;
		}
		for (; blanks > 0; blanks--) nested.push('');
		nested.push(line);
		afterText = kind === LineKind.text && !isThematicBreak(line);
	}
	if (lazy.length === 0) return dedent(nested);
	// Nested lines lose their common indentation without the lazy ones, which keep none.
	const lazyLines = new Set(lazy);
	const dedented = dedent(nested.filter((_, k) => !lazyLines.has(k)));
	let next = 0;
	return nested.map((line, k) => (lazyLines.has(k) ? line.slice(firstNonSpace(line)) : dedented[next++]));
}

/**
 * A line that only continues the paragraph above it: plain text, not a new list item, quote,
 * break or `**Term** :` definition of its own.
 */
function isLazyContinuation(line: string, start: number, kind: LineKind): boolean {
	if (kind !== LineKind.text || isThematicBreak(line) || listMarkerEnd(line, start) !== -1) return false;
	return !parseBoldTerm(line, start)?.colon;
}

/** The lines continuing a paragraph definition, up to a blank line or another block. */
function paragraphLines(structure: NoteStructure, first: number, skipLeadingBlanks: boolean): string[] {
	const kinds = structure.kinds;
	const count = lineCount(structure);
	const following: string[] = [];
	for (let j = first + 1; j < count; j++) {
		const kind = kinds[j];
		if (kind === LineKind.hidden) continue;
		if (kind === LineKind.blank) {
			if (following.length === 0 && skipLeadingBlanks) continue;
			break;
		}
		if (kind !== LineKind.text) break;
		const line = lineAt(structure, j);
		if (isThematicBreak(line)) break;
		const start = firstNonSpace(line);
		if (indentWidth(line, start) <= 3) {
			const term = parseBoldTerm(line, start);
			if (term?.colon) break;
		}
		following.push(line);
	}
	return following;
}

/** Removes the whitespace prefix all non-blank lines share (characters only, never rewritten). */
function dedent(lines: readonly string[]): string[] {
	// The common prefix is read in place: its length, and the line it is a prefix of.
	let prefixLine: string | null = null;
	let prefixLength = 0;
	for (const line of lines) {
		const start = firstNonSpace(line);
		if (start === line.length) continue;
		if (prefixLine === null) {
			prefixLine = line;
			prefixLength = start;
			continue;
		}
		let k = 0;
		while (k < prefixLength && k < start && prefixLine.charCodeAt(k) === line.charCodeAt(k)) k++;
		prefixLength = k;
		if (prefixLength === 0) break;
	}
	const cut = prefixLength;
	return lines.map((line) => (firstNonSpace(line) === line.length ? '' : line.slice(cut)));
}
