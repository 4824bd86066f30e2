import { parseBoldTerm } from './bold-term';
import type { CardDraft } from './card';
import { parseCalloutHeader } from './callout-cards';
import type { NoteStructure } from './note-structure';
import { firstQuoteLine, joinTrimmed, quoteLines, quoteStartsWith } from './quote-lines';

/**
 * A definition blockquote: a plain (non-callout) quote whose first line is a bold term, alone
 * (`> **KVM**`, `>**Term**`) or with its definition (`> **Term** : definition`). The term is the
 * front, the definition and the quote's further lines the back. A quote that opens with anything
 * else is a remark, not a card.
 * Adds the drafts to `drafts` (the extractor passes the note's list) and returns it.
 */
export function quoteCards(structure: NoteStructure, drafts: CardDraft[] = []): CardDraft[] {
	for (const quote of structure.quotes) {
		// A term opens with `**` or `__`: other quotes are skipped before any copying.
		if (!quoteStartsWith(structure, quote, '**') && !quoteStartsWith(structure, quote, '__')) continue;
		const lines = quoteLines(structure, quote);
		const first = lines[0];
		// A callout header starts with `[`: other quotes skip the expression.
		if (first === undefined || (first.charCodeAt(0) === 0x5b && parseCalloutHeader(first))) continue;
		const term = parseBoldTerm(first, leadingPad(first));
		if (!term) continue;
		// The back is the rest of the term's line, if any, then the quote's other lines.
		let backStart = 1;
		if (term.rest !== '') {
			lines[0] = term.rest;
			backStart = 0;
		}
		const back = joinTrimmed(lines, backStart);
		if (back === '') continue;
		drafts.push({ kind: 'quote', line: firstQuoteLine(structure, quote), front: term.term, back, key: term.term });
	}
	return drafts;
}

function leadingPad(text: string): number {
	let i = 0;
	while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
	return i;
}
