import type { CardDraft } from './card';
import { contentFirst, contentLast, lineAt, lineEnd, LineKind, rangeText, type NoteStructure } from './note-structure';
import { isJsWhitespace } from './whitespace';

const BARE_URL = /^<?https?:\/\/\S+$/;

/**
 * A heading card asks for a section from its title. The back is the section's own body, up to the
 * next heading of any level: a sub-heading is a card of its own, and repeating its body in the
 * parent would make the parent card as long as the chapter.
 * Adds the drafts to `drafts` (the extractor passes the note's list) and returns it.
 */
export function headingCards(structure: NoteStructure, levels: readonly number[], drafts: CardDraft[] = []): CardDraft[] {
	for (const heading of structure.headings) {
		if (heading.title === '' || !levels.includes(heading.level)) continue;
		const first = contentFirst(structure, heading.line + 1, heading.bodyEnd);
		const last = contentLast(structure, first, heading.bodyEnd);
		if (first > last || onlyBareUrls(structure, first, last)) continue;
		const back = rangeText(structure, first, last);
		// Lines of no-break, ideographic or other Unicode spaces are not blank to the scanner, but
		// such a body still shows nothing: it is an empty section, and makes no card.
		if (back.trim() === '') continue;
		drafts.push({ kind: 'heading', line: heading.line, front: heading.title, back, key: '' });
	}
	return drafts;
}

/**
 * A section holding nothing but a bare address is a bookmark ("read this later"), not an answer
 * anyone could recall, so it makes no card.
 */
function onlyBareUrls(structure: NoteStructure, first: number, last: number): boolean {
	for (let i = first; i <= last; i++) {
		const kind = structure.kinds[i];
		if (kind === LineKind.hidden || kind === LineKind.blank) continue;
		if (kind !== LineKind.text || !startsLikeAddress(structure, i) || !BARE_URL.test(lineAt(structure, i).trim())) return false;
	}
	return true;
}

/**
 * Line `i` starts, after whitespace, with `<` or `h`, as every line BARE_URL matches does once
 * trimmed: read in place, so the first line of most sections is ruled out without a copy.
 */
function startsLikeAddress(structure: NoteStructure, i: number): boolean {
	const cut = structure.edited?.get(i);
	const line = cut ?? structure.source;
	let at = cut !== undefined ? 0 : structure.starts[i];
	const to = cut !== undefined ? cut.length : lineEnd(structure, i);
	while (at < to && isJsWhitespace(line.charCodeAt(at))) at++;
	const first = at < to ? line.charCodeAt(at) : -1;
	return first === 0x3c /* < */ || first === 0x68 /* h */;
}
