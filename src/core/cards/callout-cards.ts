import type { CardDraft, CardSettings } from './card';
import type { NoteStructure } from './note-structure';
import { firstQuoteLine, joinTrimmed, quoteLines, quoteStartsWith } from './quote-lines';
import { isJsWhitespace } from './whitespace';

export interface CalloutHeader {
	type: string;
	title: string;
}

/**
 * `[!type]`, `[!type|metadata]`, folding `+`/`-`, then the optional title: what
 * `/^\[!([^\]|\s]+)(?:\|[^\]]*)?\]([+-]?)(?:[ \t]+(.*))?$/` matches in the line without its
 * trailing whitespace, read by hand (an expression call and its match array per quote cost more
 * than the rest of a callout card).
 */
export function parseCalloutHeader(firstLine: string): CalloutHeader | null {
	let end = firstLine.length;
	while (end > 0 && isJsWhitespace(firstLine.charCodeAt(end - 1))) end--;
	if (end < 4 || firstLine.charCodeAt(0) !== 0x5b /* [ */ || firstLine.charCodeAt(1) !== 0x21 /* ! */) return null;
	let i = 2;
	while (i < end) {
		const code = firstLine.charCodeAt(i);
		if (code === 0x5d /* ] */ || code === 0x7c /* | */ || isJsWhitespace(code)) break;
		i++;
	}
	if (i === 2) return null;
	const typeEnd = i;
	// Metadata runs to the first `]`, whatever it holds.
	if (i < end && firstLine.charCodeAt(i) === 0x7c) while (++i < end && firstLine.charCodeAt(i) !== 0x5d);
	if (i >= end || firstLine.charCodeAt(i) !== 0x5d) return null;
	i++;
	const fold = firstLine.charCodeAt(i);
	if (i < end && (fold === 0x2b || fold === 0x2d)) i++;
	let title = '';
	if (i < end) {
		const code = firstLine.charCodeAt(i);
		if (code !== 0x20 && code !== 0x09) return null;
		// `.` stops at line terminators, so a title holding one does not match.
		for (let j = i; j < end; j++) if (isLineTerminator(firstLine.charCodeAt(j))) return null;
		title = firstLine.slice(i, end).trim();
	}
	return { type: firstLine.slice(2, typeEnd).toLowerCase(), title };
}

function isLineTerminator(code: number): boolean {
	return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/**
 * A callout card: the title is the front and the body the back; an untitled callout asks with
 * its first line. Types are filtered by the settings (`include` empty = every type).
 * Adds the drafts to `drafts` (the extractor passes the note's list) and returns it.
 */
export function calloutCards(structure: NoteStructure, types: CardSettings['calloutTypes'], drafts: CardDraft[] = []): CardDraft[] {
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
