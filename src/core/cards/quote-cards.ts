import { parseBoldTerm } from './bold-term';
import type { CardDraft } from './card';
import { parseCalloutHeader } from './callout-cards';
import type { NoteStructure } from './note-structure';
import { joinTrimmed, quoteContent, quoteStartsWith } from './quote-lines';

/**
 * A definition blockquote: a plain (non-callout) quote whose first line is a bold term, alone
 * (`> **KVM**`, `>**Term**`) or with its definition (`> **Term** : definition`). The term is the
 * front, the definition and the quote's further lines the back. A quote that opens with anything
 * else is a remark, not a card.
 */
export function quoteCards(structure: NoteStructure): CardDraft[] {
	const drafts: CardDraft[] = [];
	for (const quote of structure.quotes) {
		// A term opens with `**` or `__`: other quotes are skipped before any copying.
		if (!quoteStartsWith(structure, quote, '**') && !quoteStartsWith(structure, quote, '__')) continue;
		const content = quoteContent(structure, quote);
		const first = content[0];
		if (!first || parseCalloutHeader(first.text)) continue;
		const start = leadingPad(first.text);
		const term = parseBoldTerm(first.text, start);
		if (!term) continue;
		const lines = content.slice(1).map((c) => c.text);
		if (term.rest !== '') lines.unshift(term.rest);
		const back = joinTrimmed(lines);
		if (back === '') continue;
		drafts.push({ kind: 'quote', line: first.line, front: term.term, back, key: term.term });
	}
	return drafts;
}

function leadingPad(text: string): number {
	let i = 0;
	while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
	return i;
}
