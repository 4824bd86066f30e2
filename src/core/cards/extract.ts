import { calloutCards } from './callout-cards';
import { DEFAULT_CARD_SETTINGS, type Card, type CardDraft, type CardSettings, type NoteCards, type TopologyCardSource } from './card';
import { cardId, contentHash, identityOf, withOrdinal } from './card-id';
import { definitionCards } from './definition-cards';
import { readCardFrontmatter } from './frontmatter';
import { headingCards } from './heading-cards';
import { scanNote } from './note-structure';
import { quoteCards } from './quote-cards';

export interface ExtractOptions {
	/** Makes the topology cards; without one the note makes none. */
	topologyCards?: TopologyCardSource;
}

/** A card before the note path is applied: what the index keeps to re-derive ids on rename. */
export interface PlacedCard {
	card: Card;
	identity: string;
}

/**
 * The cards of one note: a pure function of its path, text and the settings. Never throws:
 * one malformed note must not take the whole index (or a CLI run) down with it, so an
 * unexpected failure yields a note without cards.
 */
export function extractNote(
	file: string,
	text: string,
	settings: CardSettings = DEFAULT_CARD_SETTINGS,
	options: ExtractOptions = {},
): NoteCards {
	return placeNote(file, text, settings, options).note;
}

/** extractNote plus each card's identity (path-independent), for the index. */
export function placeNote(
	file: string,
	text: string,
	settings: CardSettings,
	options: ExtractOptions,
): { note: NoteCards; placed: PlacedCard[] } {
	try {
		return extractUnsafe(file, text, settings, options);
	} catch {
		return { note: { file, cards: [], tags: [], optedOut: false }, placed: [] };
	}
}

function extractUnsafe(
	file: string,
	text: string,
	settings: CardSettings,
	options: ExtractOptions,
): { note: NoteCards; placed: PlacedCard[] } {
	const structure = scanNote(text);
	const frontmatter = readCardFrontmatter(structure.frontmatter?.content);
	const tags = unique([...frontmatter.tags, ...structure.inlineTags]);
	if (frontmatter.optedOut) return { note: { file, cards: [], tags, optedOut: true }, placed: [] };

	const { sources } = settings;
	const drafts: CardDraft[] = [];
	if (sources.heading) drafts.push(...headingCards(structure, settings.headingLevels));
	if (sources.callout) drafts.push(...calloutCards(structure, settings.calloutTypes));
	if (sources.quote) drafts.push(...quoteCards(structure));
	if (sources.definition) drafts.push(...definitionCards(structure));
	if (sources.topology && structure.hasTopology && options.topologyCards) {
		drafts.push(...options.topologyCards({ file, text, korean: structure.korean }).filter((d) => d.kind === 'topology'));
	}
	drafts.sort((a, b) => a.line - b.line);

	const placed: PlacedCard[] = [];
	const seen = new Map<string, number>();
	const headings = structure.headings;
	let h = -1;
	for (const draft of drafts) {
		while (h + 1 < headings.length && (headings[h + 1]).line <= draft.line) h++;
		const path = h >= 0 ? (headings[h]).path : [];
		const ownHeading = draft.kind === 'heading';
		const base = identityOf(draft.kind, path, draft.key);
		const ordinal = (seen.get(base) ?? 0) + 1;
		seen.set(base, ordinal);
		const identity = withOrdinal(base, ordinal);
		placed.push({
			identity,
			card: {
				id: cardId(file, draft.kind, identity),
				file,
				line: draft.line + 1,
				kind: draft.kind,
				front: draft.front,
				back: draft.back,
				context: ownHeading ? path.slice(0, -1) : path.slice(),
				hash: contentHash(draft.front, draft.back),
			},
		});
	}
	return { note: { file, cards: placed.map((p) => p.card), tags, optedOut: false }, placed };
}

function unique(values: readonly string[]): string[] {
	return values.length < 2 ? values.slice() : [...new Set(values)];
}
