/**
 * The card model shared by the extractor, the index, the review view and the command line.
 * Plain data only: a card is a pure function of a note's text, its path and the settings.
 */

import type { CardDiagram } from '../topology/shared/diagram-cards';
import type { SrSchedule } from './sr/sr-schedule';
import { DEFAULT_SR_SYNTAX, type SrSyntax } from './sr/sr-syntax';

export type { CardDiagram };

/**
 * `flashcard` and `cloze` are cards written in the Spaced Repetition plugin's syntax (`Q::A`, `?`,
 * `==cloze==`) or as Anki clozes (`{{c1::...}}`); see sr/sr-cards.ts. `occlusion` and
 * `trace-drill` cards are reviewed on a topology block's diagram (Card.diagram).
 */
export type CardKind = 'heading' | 'callout' | 'quote' | 'definition' | 'topology' | 'flashcard' | 'cloze' | 'occlusion' | 'trace-drill';

export const CARD_KINDS: readonly CardKind[] = ['heading', 'callout', 'quote', 'definition', 'topology', 'flashcard', 'cloze', 'occlusion', 'trace-drill'];

/** The kinds a topology block makes: questions in words, and the two reviewed on its diagram. */
export type TopologyCardKind = 'topology' | 'occlusion' | 'trace-drill';
export const TOPOLOGY_CARD_KINDS: readonly TopologyCardKind[] = ['topology', 'occlusion', 'trace-drill'];

export interface Card {
	/** Stable identity (see card-id.ts): survives edits of the back, lines added above and section moves. */
	id: string;
	/** The note's path, as the caller named it (vault-relative in the plugin). */
	file: string;
	/** 1-based line of the heading, quote, list item or topology block the card comes from. */
	line: number;
	kind: CardKind;
	front: string;
	/** Markdown, rendered at review time. */
	back: string;
	/**
	 * The heading path above the card, outline numbers and emphasis stripped (a heading card excludes
	 * itself). Shared by the cards under one heading, hence readonly.
	 */
	context: readonly string[];
	/**
	 * Cloze cards only: the whole cloze text in Anki's syntax (`{{c1::...}}`), on the first card of
	 * the text, '' on its other cards (one Anki Cloze note makes them all); absent for other cards
	 * and for clozes Anki cannot express (SR's overlapping clozes).
	 */
	ankiCloze?: string;
	/**
	 * Content hash of front and back, so a review can say "changed since last review". Cards from the
	 * extractor compute it when it is read (extracted-card.ts), so an object spread does not copy it.
	 */
	hash: string;
	/** Occlusion cards and trace drills: the diagram's front and back (Mermaid text), the mask and the answer. */
	diagram?: CardDiagram;
}

/**
 * What the index knows of a card without the note's text (a note restored from the persisted
 * index, see card-cache.ts): enough to count it, queue it and find it again. The front and back
 * come from reading the note when the card is shown.
 */
export type CardRef = Pick<Card, 'id' | 'file' | 'line' | 'kind'>;

export interface CardSettings {
	/** Heading levels whose sections make cards. */
	headingLevels: number[];
	/** Which sources make cards. */
	sources: Record<CardKind, boolean>;
	/** Callout types (lower case) to keep: `include` empty means every type, then `exclude` removes. */
	calloutTypes: { include: string[]; exclude: string[] };
	/**
	 * The Spaced Repetition plugin's syntax (its separators, cloze patterns and deck tags), read in
	 * the notes SR reads; null: not read. Anki clozes are read with it, in any note. Sources
	 * `flashcard` and `cloze` turn the two kinds off one by one.
	 */
	srSyntax: SrSyntax | null;
	/** Cards per topology block, all its kinds together, unless the block's fence says otherwise (`cards-max=N`). */
	topologyCap?: number;
}

/** Enough to drill a block without burying the note's own cards under generated ones. */
export const DEFAULT_TOPOLOGY_CAP = 12;

/**
 * Every heading level makes cards by default: a heading whose own body is empty (a chapter title
 * like `# 2. 네트워크 기초` followed directly by `## 2.1 ...`) already makes none, so limiting
 * levels would only drop real content, such as the `####` sub-topics study notes use for the
 * finest distinctions. People who keep the note title as `# Title` can drop level 1.
 */
export const DEFAULT_CARD_SETTINGS: CardSettings = {
	headingLevels: [1, 2, 3, 4, 5, 6],
	sources: { heading: true, callout: true, quote: true, definition: true, topology: true, flashcard: true, cloze: true, occlusion: true, 'trace-drill': true },
	calloutTypes: { include: [], exclude: [] },
	srSyntax: DEFAULT_SR_SYNTAX,
	topologyCap: DEFAULT_TOPOLOGY_CAP,
};

export interface NoteCards {
	file: string;
	cards: Card[];
	/** Frontmatter tags and inline #tags, without '#', in order of appearance, for decks. */
	tags: string[];
	/** `cards: false` in the frontmatter: the note makes no cards. */
	optedOut: boolean;
}

/**
 * What a source finds before identity and context are attached. `line` is 0-based. `key` tells
 * apart several cards of one kind under one heading (the term, the callout title, a resource name);
 * it is '' for heading cards, whose heading path is their identity.
 */
export interface CardDraft {
	kind: CardKind;
	line: number;
	front: string;
	back: string;
	key: string;
	diagram?: CardDiagram;
}

/** A draft of a card in SR's syntax, with what SR's schedule comment says of it (null: none). */
export interface ScheduledDraft extends CardDraft {
	schedule: SrSchedule | null;
	/** Cloze cards: the text as one Anki Cloze note, on the first card of the text ('' on its other cards). */
	ankiCloze?: string;
}

/** What a topology card generator sees of a note. */
export interface TopologyCardInput {
	file: string;
	text: string;
	/** Hangul in the note's headings: cards are written in Korean. */
	korean: boolean;
	/** The kinds the settings turn on (a block's fence may narrow or widen them); default all. */
	kinds?: readonly TopologyCardKind[];
	/** Cards per block (default DEFAULT_TOPOLOGY_CAP). */
	cap?: number;
}

/**
 * Makes the topology cards of one note (drafts of the TOPOLOGY_CARD_KINDS). Injected so the card core
 * does not depend on the topology core's internals and tests can stand in a fake.
 */
export type TopologyCardSource = (input: TopologyCardInput) => CardDraft[];
