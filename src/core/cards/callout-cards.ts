import type { CardDraft, CardSettings } from './card';
import type { NoteStructure } from './note-structure';
import { firstQuoteLine, joinTrimmed, quoteLines, quoteStartsWith } from './quote-lines';

/** `[!type]`, `[!type|metadata]`, folding `+`/`-`, then the optional title. */
const CALLOUT_HEADER = /^\[!([^\]|\s]+)(?:\|[^\]]*)?\]([+-]?)(?:[ \t]+(.*))?$/;

export interface CalloutHeader {
	type: string;
	title: string;
}

export function parseCalloutHeader(firstLine: string): CalloutHeader | null {
	const match = CALLOUT_HEADER.exec(firstLine.trimEnd());
	if (!match) return null;
	return { type: (match[1]).toLowerCase(), title: (match[3] ?? '').trim() };
}

/**
 * A callout card: the title is the front and the body the back; an untitled callout asks with
 * its first line. Types are filtered by the settings (`include` empty = every type).
 */
export function calloutCards(structure: NoteStructure, types: CardSettings['calloutTypes']): CardDraft[] {
	const drafts: CardDraft[] = [];
	// Lowercased when the note has a callout (most notes have none).
	let include: string[] | null = null;
	let exclude: string[] | null = null;
	for (const quote of structure.quotes) {
		// Most quotes are not callouts: the header's `[!` rules them out before any copying.
		if (!quoteStartsWith(structure, quote, '[!')) continue;
		const lines = quoteLines(structure, quote);
		if (lines.length === 0) continue;
		const header = parseCalloutHeader(lines[0]);
		if (!header) continue;
		include ??= types.include.map((t) => t.toLowerCase());
		exclude ??= types.exclude.map((t) => t.toLowerCase());
		if (include.length > 0 && !include.includes(header.type)) continue;
		if (exclude.includes(header.type)) continue;
		// The body is lines[bodyStart...]: read in place, not copied into an array of its own.
		let bodyStart = 1;
		let front = header.title;
		if (front === '') {
			let firstBody = 1;
			while (firstBody < lines.length && lines[firstBody].trim() === '') firstBody++;
			if (firstBody === lines.length) continue;
			front = lines[firstBody].trim();
			bodyStart = firstBody + 1;
		}
		const back = joinTrimmed(lines, bodyStart);
		if (back === '') continue;
		drafts.push({ kind: 'callout', line: firstQuoteLine(structure, quote), front, back, key: front });
	}
	return drafts;
}
