/**
 * One card asks one thing. A heading card's back is its section's body, which in study notes can
 * run to a screen (an image, a definition list, a quote, a diagram). Such a back is cut down to the
 * section's gist, the way a careful person would write the card:
 * - the definition of the section's own title (`## Grid computing` / `- **Grid computing** : ...`),
 *   when there is one: that is what the title asks;
 * - else the section's first paragraph (or first list or quote block; images skipped);
 * - plus, when the section defines two or more other terms, the list of those terms (each is a
 *   card of its own already); a first paragraph that is one of those definitions is then left out.
 * The full section stays one click away (the review's "Open note"). A back of at most BACK_LIMIT
 * characters, or one that is a single code block or diagram, is kept whole. The card's id does not
 * change (ids never depend on the back); only its back and content hash do.
 */
import type { CardDraft } from './card';
import { normalizeText } from './card-id';
import { contentRange, firstNonSpace, isThematicBreak, lineAt, LineKind, listMarkerEnd, type NoteStructure } from './note-structure';

/** About the most one card should ask someone to recall. */
export const BACK_LIMIT = 400;

const ONE_FENCED_BLOCK = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*\n\1\s*$/;
const IMAGE_ONLY = /^(!\[[^\]]*\]\([^)]*\)|!\[\[[^\]]*\]\])\s*$/;
const SENTENCE_END = /[.!?。](?=\s|$)|다\.(?=\s|$)/g;

/** A back short enough to be one question's answer, or one code block or diagram. */
export function isAtomicBack(back: string): boolean {
	return back.length <= BACK_LIMIT || ONE_FENCED_BLOCK.test(back.trim());
}

/**
 * Shortens long heading backs in place. `drafts` are in line order, the other sources' cards
 * included (their definitions are the section's terms).
 */
export function shortenHeadingCards(drafts: CardDraft[], structure: NoteStructure): void {
	let h = -1;
	for (let i = 0; i < drafts.length; i++) {
		const draft = drafts[i];
		if (draft.kind !== 'heading' || isAtomicBack(draft.back)) continue;
		while (h + 1 < structure.headings.length && structure.headings[h + 1].line <= draft.line) h++;
		const heading = structure.headings[h];
		if (!heading || heading.line !== draft.line) continue;
		const terms: CardDraft[] = [];
		for (let j = i + 1; j < drafts.length && drafts[j].line < heading.bodyEnd; j++) {
			const d = drafts[j];
			if (d.kind === 'definition' || d.kind === 'quote') terms.push(d);
		}
		drafts[i] = { ...draft, back: gist(structure, heading.line + 1, heading.bodyEnd, draft.front, terms) };
	}
}

function gist(structure: NoteStructure, from: number, to: number, title: string, terms: readonly CardDraft[]): string {
	const wanted = normalizeText(title).toLowerCase();
	const own = terms.find((t) => normalizeText(t.front).toLowerCase() === wanted);
	const others = terms.filter((t) => t !== own);
	const termList = others.length >= 2 ? listOfTerms(others) : '';
	const budget = BACK_LIMIT - (termList === '' ? 0 : termList.length + 2);
	let lead = own ? own.back : firstBlock(structure, from, to);
	// A first block that is itself one of the listed definitions would say it twice.
	if (!own && lead !== null && termList !== '' && others.some((t) => t.line === firstContentLine(structure, from, to))) lead = null;
	if (lead !== null && ONE_FENCED_BLOCK.test(lead.trim()) && termList === '') return lead;
	const parts = [lead === null || ONE_FENCED_BLOCK.test(lead.trim()) ? '' : fit(lead, budget), termList].filter((p) => p !== '');
	return parts.join('\n\n');
}

/** `- **Term**` per term, as many as fit in half the limit (the rest are cards of their own anyway). */
function listOfTerms(terms: readonly CardDraft[]): string {
	const lines: string[] = [];
	let length = 0;
	for (const t of terms) {
		const line = `- **${t.front}**`;
		if (length + line.length + 1 > BACK_LIMIT / 2) {
			lines.push('- …');
			break;
		}
		lines.push(line);
		length += line.length + 1;
	}
	return lines.join('\n');
}

function firstContentLine(structure: NoteStructure, from: number, to: number): number {
	const kinds = structure.kinds;
	for (let i = from; i < to; i++) {
		const k = kinds[i];
		if (k === LineKind.blank || k === LineKind.hidden || (k === LineKind.text && isImageOrBreak(lineAt(structure, i)))) continue;
		return i;
	}
	return -1;
}

/** The section's first block of content (lines up to a blank line), images and breaks skipped; null when none. */
function firstBlock(structure: NoteStructure, from: number, to: number): string | null {
	const range = contentRange(structure, from, to);
	if (!range) return null;
	const kinds = structure.kinds;
	let i = range.first;
	for (;;) {
		while (i <= range.last && (kinds[i] === LineKind.blank || kinds[i] === LineKind.hidden || (kinds[i] === LineKind.text && isImageOrBreak(lineAt(structure, i))))) i++;
		if (i > range.last) return null;
		const kind = kinds[i];
		const block: string[] = [];
		let j = i;
		for (; j <= range.last; j++) {
			const k = kinds[j];
			if (k === LineKind.hidden) continue;
			if (k === LineKind.blank || k === LineKind.heading) break;
			// A code block is a block of its own; so is a quote next to text.
			if ((kind === LineKind.code) !== (k === LineKind.code) || (kind === LineKind.quote) !== (k === LineKind.quote)) break;
			const line = lineAt(structure, j);
			if (k === LineKind.text && j > i && IMAGE_ONLY.test(line.trim())) break;
			block.push(line);
		}
		if (block.length > 0) return trimList(block).join('\n');
		i = j + 1;
	}
}

function isImageOrBreak(line: string): boolean {
	return IMAGE_ONLY.test(line.trim()) || isThematicBreak(line);
}

/** A list block keeps its first top-level item with what is nested under it when the whole is long. */
function trimList(block: string[]): string[] {
	if (block.join('\n').length <= BACK_LIMIT) return block;
	const first = block[0];
	if (listMarkerEnd(first, firstNonSpace(first)) === -1) return block;
	const indent = firstNonSpace(first);
	let end = 1;
	while (end < block.length && !(firstNonSpace(block[end]) <= indent && listMarkerEnd(block[end], firstNonSpace(block[end])) !== -1)) end++;
	return block.slice(0, end);
}

/** The text within `budget` characters: whole lines while they fit, else the first line cut at a sentence end. */
function fit(text: string, budget: number): string {
	if (text.length <= budget) return text;
	const lines = text.split('\n');
	const kept: string[] = [];
	let length = 0;
	for (const line of lines) {
		if (length + line.length + (kept.length > 0 ? 1 : 0) > budget) break;
		kept.push(line);
		length += line.length + (kept.length > 1 ? 1 : 0);
	}
	if (kept.length > 0) return kept.join('\n');
	const line = lines[0];
	let cut = -1;
	SENTENCE_END.lastIndex = 0;
	for (let m = SENTENCE_END.exec(line); m && m.index + m[0].length <= budget; m = SENTENCE_END.exec(line)) cut = m.index + m[0].length;
	if (cut > 0) return line.slice(0, cut);
	const space = line.lastIndexOf(' ', budget - 1);
	return `${line.slice(0, space > budget / 2 ? space : budget - 1)}…`;
}
