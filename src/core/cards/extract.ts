import { shortenHeadingCards } from './atomic-heading';
import { calloutCards } from './callout-cards';
import { DEFAULT_CARD_SETTINGS, TOPOLOGY_CARD_KINDS, type CardDraft, type CardKind, type CardSettings, type NoteCards, type ScheduledDraft, type TopologyCardSource } from './card';
import { normalizePath, normalizeText, NoteCardIds } from './card-id';
import { definitionCards } from './definition-cards';
import { ExtractedCard } from './extracted-card';
import { readCardFrontmatter } from './frontmatter';
import { headingCards } from './heading-cards';
import { extendPath, scanNote, type NoteStructure } from './note-structure';
import { quoteCards } from './quote-cards';
import { srCards } from './sr/sr-cards';
import type { SrSchedule } from './sr/sr-schedule';
import { topologyCards } from './topology-cards';
import { isJsWhitespace } from './whitespace';

const EMPTY_IDENTITIES: number[] = [];
const IS_TOPOLOGY_KIND: Partial<Record<CardKind, boolean>> = Object.fromEntries(TOPOLOGY_CARD_KINDS.map((k) => [k, true]));
const NO_CONTEXT: readonly string[] = Object.freeze([]);
/** Above this many cards in a note, repeated identities are counted in a map rather than by a scan. */
const MANY_CARDS = 32;
/** Above this many tags in a note, repeated tags are dropped with a Set rather than by comparisons. */
const MANY_TAGS = 8;

export interface ExtractOptions {
	/** Makes the topology cards (default: from the topology core); `null` for none. */
	topologyCards?: TopologyCardSource | null;
	/** Also give each card the schedule SR's comment holds for it (PlacedNote.schedules), for the import. */
	withSchedules?: boolean;
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
	const { cards, tags, optedOut } = placeNote(file, text, settings, options);
	return { file, cards, tags, optedOut };
}

/**
 * extractNote plus each card's identity hash (see card-id.ts; independent of the note path), which
 * the index keeps to re-derive ids when the note is renamed. `identities[i]` belongs to `cards[i]`;
 * unboxed doubles in one array, so the index keeps no per-card object for them (a plain array
 * rather than a Float64Array: a typed array of more than 8 numbers allocates its buffer outside
 * the heap, which the garbage collector has to track for every note).
 */
export interface PlacedNote extends NoteCards {
	cards: ExtractedCard[];
	identities: number[];
	/** With `withSchedules`: per card, the schedule SR wrote for it, or null. */
	schedules?: (SrSchedule | null)[];
}

export function placeNote(file: string, text: string, settings: CardSettings, options: ExtractOptions): PlacedNote {
	try {
		return extractUnsafe(file, text, settings, options);
	} catch {
		return { file, cards: [], tags: [], optedOut: false, identities: EMPTY_IDENTITIES };
	}
}

function extractUnsafe(file: string, text: string, settings: CardSettings, options: ExtractOptions): PlacedNote {
	const structure = scanNote(text);
	const frontmatter = readCardFrontmatter(structure.frontmatter?.content);
	const tags = uniqueTags(frontmatter.tags, structure.inlineTags);
	if (frontmatter.optedOut) return { file, cards: [], tags, optedOut: true, identities: EMPTY_IDENTITIES };

	const { sources } = settings;
	const drafts: CardDraft[] = [];
	// First: SR's questions take their lines, which the other sources then do not see.
	if (settings.srSyntax && (sources.flashcard || sources.cloze)) {
		for (const draft of srCards(structure, tags, settings.srSyntax)) if (sources[draft.kind]) drafts.push(draft);
	}
	// Each source adds its drafts to the note's list (no array per source to copy from).
	if (sources.heading) headingCards(structure, settings.headingLevels, drafts);
	if (sources.callout) calloutCards(structure, settings.calloutTypes, drafts);
	if (sources.quote) quoteCards(structure, drafts);
	if (sources.definition) definitionCards(structure, drafts);
	const topology = options.topologyCards === undefined ? topologyCards : options.topologyCards;
	if (structure.hasTopology && topology) {
		// A block's fence may choose kinds the settings turn off (block-card-options.ts), so blocks are read when any kind is on or some fence chooses.
		const kinds = TOPOLOGY_CARD_KINDS.filter((kind) => sources[kind]);
		if (kinds.length > 0 || text.includes('cards=')) {
			const input = { file, text, korean: structure.korean, kinds, cap: settings.topologyCap };
			drafts.push(...topology(input).filter((d) => IS_TOPOLOGY_KIND[d.kind]));
		}
	}
	sortByLine(drafts);
	if (sources.heading) shortenHeadingCards(drafts, structure);
	dropRepeatedQuestions(drafts, structure.headings);

	const cards: ExtractedCard[] = new Array<ExtractedCard>(drafts.length);
	const identities: number[] = new Array<number>(drafts.length);
	// Hashes of identities without their ordinal, card by card (see card-id.ts on ordinals). Two
	// identities with one hash would make one id anyway, so counting hashes counts identities.
	const bases: number[] = [];
	const seen: Map<number, number> | null = drafts.length > MANY_CARDS ? new Map() : null;
	const headings = structure.headings;
	// Per heading, its path with each title normalized once (not once per heading below it).
	const normalizedPaths: (readonly string[])[] = [];
	const ids = new NoteCardIds(normalizePath(file));
	let h = -1;
	for (let i = 0; i < drafts.length; i++) {
		const draft = drafts[i];
		while (h + 1 < headings.length && (headings[h + 1]).line <= draft.line) h++;
		let normalizedPath = NO_CONTEXT;
		// Shared by every card under the heading (Card.context is readonly for that reason).
		let context = NO_CONTEXT;
		if (h >= 0) {
			const heading = headings[h];
			normalizedPath = normalizedPathOf(headings, normalizedPaths, h);
			context = draft.kind === 'heading' ? heading.parentPath : heading.path;
		}
		const base = ids.start(draft.kind, normalizedPath, draft.key);
		let ordinal = 1;
		if (seen) {
			ordinal = (seen.get(base) ?? 0) + 1;
			seen.set(base, ordinal);
		} else {
			for (let j = 0; j < i; j++) if (bases[j] === base) ordinal++;
			bases.push(base);
		}
		const identity = ids.identity(ordinal);
		identities[i] = identity;
		cards[i] = new ExtractedCard(ids.id(draft.kind, identity), file, draft.line + 1, draft.kind, draft.front, draft.back, context, draft.diagram);
		const anki = (draft as Partial<ScheduledDraft>).ankiCloze;
		if (anki !== undefined) cards[i].ankiCloze = anki;
	}
	if (!options.withSchedules) return { file, cards, tags, optedOut: false, identities };
	const schedules = drafts.map((d) => (d as Partial<ScheduledDraft>).schedule ?? null);
	return { file, cards, tags, optedOut: false, identities, schedules };
}

/**
 * Heading `k`'s path with every title normalizeText'ed, kept in `memo` for the headings below it
 * (a function of its own, not a closure: that would put extractUnsafe's locals in a heap context).
 * Titles are mostly normalized already (headingTitle collapses spaces too), and then the heading's
 * own path array is that path: shared, not copied.
 */
function normalizedPathOf(headings: NoteStructure['headings'], memo: (readonly string[])[], k: number): readonly string[] {
	let path = memo[k];
	if (path !== undefined) return path;
	const heading = headings[k];
	const parentPath = heading.parent >= 0 ? normalizedPathOf(headings, memo, heading.parent) : NO_CONTEXT;
	const title = normalizeText(heading.title);
	const sameParent = heading.parent < 0 || parentPath === heading.parentPath;
	path = title === heading.title && sameParent ? heading.path : extendPath(parentPath, title);
	memo[k] = path;
	return path;
}

/**
 * A definition whose term is its own section's title (`## Grid computing` then
 * `- **Grid computing** : ...`) asks the heading card's question again, and its answer is already
 * in that card's back: one question, one card, so the definition goes. Drafts are in line order.
 */
function dropRepeatedQuestions(drafts: CardDraft[], headings: NoteStructure['headings']): void {
	let h = -1;
	let headingFront: string | null = null;
	let kept = 0;
	for (const draft of drafts) {
		while (h + 1 < headings.length && headings[h + 1].line <= draft.line) {
			h++;
			headingFront = null;
		}
		if (draft.kind === 'heading') headingFront = draft.front;
		else if (headingFront !== null && (draft.kind === 'definition' || draft.kind === 'quote') && sameQuestion(draft.front, headingFront)) continue;
		drafts[kept++] = draft;
	}
	drafts.length = kept;
}

/**
 * Equal but for case and spacing. Runs for every definition under a heading card, so the usual
 * answer (different lengths, no runs of spaces to collapse) comes without building strings.
 */
function sameQuestion(a: string, b: string): boolean {
	if (a.length === b.length) return a === b || a.toLowerCase() === b.toLowerCase();
	if (!hasOddSpacing(a) && !hasOddSpacing(b)) return false;
	return normalizeText(a).toLowerCase() === normalizeText(b).toLowerCase();
}

/** `/^\s|\s$|\s\s|[^\S ]/.test(text)` as a loop: whitespace at either end, doubled, or other than a space. */
function hasOddSpacing(text: string): boolean {
	let previous = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const space = isJsWhitespace(code);
		if (space && (previous || code !== 0x20 || i === 0 || i === text.length - 1)) return true;
		previous = space;
	}
	return false;
}

/**
 * Drafts in line order, stably (as Array#sort): each source gives its drafts in order, and a note
 * has a few dozen, for which an insertion sort beats the built-in sort's call per comparison.
 */
function sortByLine(drafts: CardDraft[]): void {
	if (drafts.length > MANY_CARDS) {
		drafts.sort((a, b) => a.line - b.line);
		return;
	}
	for (let i = 1; i < drafts.length; i++) {
		const draft = drafts[i];
		let j = i - 1;
		while (j >= 0 && drafts[j].line > draft.line) {
			drafts[j + 1] = drafts[j];
			j--;
		}
		drafts[j + 1] = draft;
	}
}

/**
 * Frontmatter tags then inline tags, each once, in order of appearance. A copy, not the frontmatter
 * reader's array: the index keeps the tags of every note, and an array grown by push keeps its
 * spare room.
 */
function uniqueTags(first: readonly string[], second: readonly string[]): string[] {
	const all = second.length === 0 ? first.slice() : first.concat(second);
	if (all.length < 2) return all;
	if (all.length > MANY_TAGS) return [...new Set(all)];
	// A few tags (most notes have two or three): compared in place, which costs less than a Set and its spread.
	let kept = 0;
	for (let i = 0; i < all.length; i++) {
		let repeated = false;
		for (let j = 0; j < kept && !repeated; j++) repeated = all[j] === all[i];
		if (!repeated) all[kept++] = all[i];
	}
	all.length = kept;
	return all;
}
