/**
 * Properties of the card extractor and index over random notes (see arbitraries.ts).
 *
 * What the extractor promises (src/core/cards): fronts and backs are cut from the note, never
 * written: heading-title.ts "only removes characters, so a front stays a subsequence of the
 * note", backs are note lines (comments cut out, a common indent removed) joined with '\n'. So
 * for the four text kinds, front then back must be found in order as a subsequence of the note
 * with its line ends read as '\n'. Topology cards are generated text and are left out here.
 */
import fc from 'fast-check';
import { CardIndex, extractNote, type Card } from '../../../src/core/cards';
import { calloutCards } from '../../../src/core/cards/callout-cards';
import { DEFAULT_CARD_SETTINGS } from '../../../src/core/cards/card';
import { definitionCards } from '../../../src/core/cards/definition-cards';
import { headingCards } from '../../../src/core/cards/heading-cards';
import { scanNote } from '../../../src/core/cards/note-structure';
import { quoteCards } from '../../../src/core/cards/quote-cards';
import { lineCount, noteText, runs, SEED } from './arbitraries';

const TEXT_KINDS = new Set(['heading', 'callout', 'quote', 'definition']);

/** Index just past `needle` read as a subsequence of `hay` from `from`, or -1. */
export function subsequenceEnd(hay: string, needle: string, from = 0): number {
	let i = from;
	for (const ch of needle) {
		i = hay.indexOf(ch, i);
		if (i === -1) return -1;
		i += ch.length;
	}
	return i;
}

/**
 * Whether `back` is a gist of the section after `from`: parts cut from the note in order, and a
 * `- **term**` list whose terms are the fronts of the note's definition and quote cards (each
 * term is asked by a card of its own).
 */
function isGistOf(text: string, back: string, from: number, terms: ReadonlySet<string>): boolean {
	let at = from;
	for (const part of back.split('\n\n')) {
		const listed = part.split('\n').map((line) => /^- \*\*(.+)\*\*$/s.exec(line)?.[1]);
		if (listed.every((t) => t !== undefined && terms.has(t))) continue;
		at = subsequenceEnd(text, part, at);
		if (at === -1) return false;
	}
	return true;
}

function expectCardsFromNote(note: string, cards: readonly Card[]): void {
	const text = note.replace(/\r\n|\r/g, '\n');
	const total = lineCount(note);
	const ids = new Set<string>();
	const terms = new Set(cards.filter((c) => c.kind === 'definition' || c.kind === 'quote').map((c) => c.front));
	for (const card of cards) {
		if (ids.has(card.id)) throw new Error(`duplicate id ${card.id}`);
		ids.add(card.id);
		if (!Number.isInteger(card.line) || card.line < 1 || card.line > total) throw new Error(`card line ${card.line} outside 1..${total}`);
		if (card.front.trim() === '' || card.back.trim() === '') throw new Error(`empty front or back: ${JSON.stringify(card)}`);
		if (!TEXT_KINDS.has(card.kind)) continue;
		const afterFront = subsequenceEnd(text, card.front);
		if (afterFront === -1) throw new Error(`front ${JSON.stringify(card.front)} is not in the note`);
		// The back follows the front (a heading's title, a callout's title, a term before its definition).
		if (subsequenceEnd(text, card.back, afterFront) !== -1) continue;
		// A long heading section's card asks for its gist (atomic-heading.ts): parts cut from the
		// section, and the list of the terms it defines, each `- **term**`, in the note's order.
		if (card.kind === 'heading' && isGistOf(text, card.back, afterFront, terms)) continue;
		throw new Error(`back ${JSON.stringify(card.back)} is not in the note after the front ${JSON.stringify(card.front)}`);
	}
}

describe(`card extractor properties (seed ${SEED})`, () => {
	it('the note-text check itself rejects invented, reordered and out-of-note text', () => {
		// Guards the property below against passing vacuously.
		const card = (front: string, back: string): Card => ({ id: 'h-1', file: 'a.md', line: 1, kind: 'heading', front, back, context: [], hash: '' });
		const note = '# KVM\r\nKernel-based VM\r\n';
		expect(() => expectCardsFromNote(note, [card('KVM', 'Kernel-based VM')])).not.toThrow();
		expect(() => expectCardsFromNote(note, [card('KVM', 'Kernel\nVM')])).toThrow(/back/);
		expect(() => expectCardsFromNote(note, [card('KVM', 'Kernel-based VMs')])).toThrow(/back/);
		expect(() => expectCardsFromNote(note, [card('Kernel', 'KVM')])).toThrow(/back/);
		expect(() => expectCardsFromNote(note, [card('Xen', 'VM')])).toThrow(/front/);
	});

	it(`no stage throws on any note (extractNote would hide it as a note without cards) (seed ${SEED}, ${runs().numRuns} notes)`, () => {
		fc.assert(
			fc.property(noteText(false), (note) => {
				const structure = scanNote(note);
				headingCards(structure, DEFAULT_CARD_SETTINGS.headingLevels);
				calloutCards(structure, { include: [], exclude: [] });
				quoteCards(structure);
				definitionCards(structure);
			}),
			runs(),
		);
	});

	it(`fronts and backs are cut from the note in order, ids unique and the same on every run, lines inside (seed ${SEED}, ${runs().numRuns} notes)`, () => {
		fc.assert(
			fc.property(noteText(false), fc.constantFrom('a.md', '폴더/노트.md', 'dir\\x.md'), (note, file) => {
				const first = extractNote(file, note);
				expectCardsFromNote(note, first.cards);
				// Same input, same cards and ids (a second extraction, through the index, from a
				// fresh string); re-indexing the unchanged note changes nothing.
				const index = new CardIndex();
				index.setNote(file, (' ' + note).slice(1));
				expect(index.inFile(file)).toEqual(first.cards);
				expect(index.setNote(file, note)).toEqual({ added: [], removed: [], changed: [] });
				for (const card of first.cards) expect(index.byId(card.id)).toEqual(card);
			}),
			runs(),
		);
	});

	it(`a paragraph added above the first line keeps every id, front and back (seed ${SEED}, ${runs().numRuns} notes)`, () => {
		// Issue 5's identity rule: lines added above must not change ids. Only for notes that do
		// not open with frontmatter (a line above it would turn it into text).
		fc.assert(
			fc.property(noteText(false), fc.constantFrom('Intro line.\n\n', '새 문단.\n\n', 'x\n\n\n'), (note, above) => {
				fc.pre(!/^---[ \t]*(\r\n|\r|\n|$)/.test(note));
				const end = /\r\n|\r|\n/.exec(note)?.[0] ?? '\n';
				const before = extractNote('a.md', note).cards;
				const after = new Map(extractNote('a.md', above.replace(/\n/g, end) + note).cards.map((c) => [c.id, c]));
				for (const card of before) {
					const moved = after.get(card.id);
					if (!moved) throw new Error(`card ${JSON.stringify(card.front)} lost its id ${card.id}`);
					expect([moved.front, moved.back, moved.kind]).toEqual([card.front, card.back, card.kind]);
				}
			}),
			runs(),
		);
	});
});
