import { DEFAULT_CARD_SETTINGS, type Card, type CardRef, type CardSettings, type TopologyCardSource } from './card';
import { cachedNoteOf, cardRefsOf, type CachedNote } from './card-cache';
import { cardId, normalizePath } from './card-id';
import { ExtractedCard } from './extracted-card';
import { placeNote, type ExtractOptions, type PlacedNote } from './extract';

/**
 * A note in the index: extracted from its text (`full`, cards with fronts and backs), or restored
 * from the persisted index (card references only, until the note is read again).
 */
type IndexedNote = (PlacedNote & { full: true }) | { file: string; cards: CardRef[]; identities: number[]; tags: string[]; optedOut: boolean; full: false };

export interface NoteChange {
	added: string[];
	removed: string[];
	/** Same id, different front or back (the review can flag "changed since last review"). */
	changed: string[];
}

/** The tags of a note without any (never changed: the index hands out copies). */
const NO_TAGS: string[] = [];
const MAX_TAG_LISTS = 10_000;

/**
 * The in-memory index of every card in the vault, updated one note at a time: a modify, rename
 * or delete costs the work of that note only. It keeps cards (whose backs are mostly slices of
 * the note text), never a note's structure.
 */
export class CardIndex {
	private settings: CardSettings;
	private readonly options: ExtractOptions;
	private readonly notes = new Map<string, IndexedNote>();
	/**
	 * Id -> card, built on the first `byId` (only a review asks, long after the vault is indexed:
	 * a map of every card's id was a tenth of the time to index a vault), then kept up to date.
	 */
	private cardsById: Map<string, Card> | null = null;
	/** Cards in `notes` (ids are unique: they include the note path, and ordinals part repeats within a note). */
	private cardCount = 0;
	/**
	 * One array per list of tags, shared by the notes that have it (most of a vault's notes share a
	 * few lists): every list and tag string the index keeps is an object the garbage collector copies
	 * out of the young generation. Shared safely: the index never changes a note's tags and hands
	 * out copies (`tagsOf`, `cachedNote`).
	 */
	private readonly tagLists = new Map<string, string[]>();

	/** `options.topologyCards`: the topology card generator (default: the real one; `null` for none). */
	constructor(settings: CardSettings = DEFAULT_CARD_SETTINGS, options: { topologyCards?: TopologyCardSource | null } = {}) {
		this.settings = settings;
		this.options = options.topologyCards === undefined ? {} : { topologyCards: options.topologyCards };
	}

	/** Indexes (or re-indexes) one note and reports which card ids appeared, vanished or changed. */
	setNote(file: string, text: string): NoteChange {
		const placed = placeNote(file, text, this.settings, this.options);
		// Not a spread of `placed`: that gave every note object a shape of its own (measured: two
		// hidden classes per note kept by the index, and slower reads of every note after).
		return this.store(file, { file, cards: placed.cards, identities: placed.identities, tags: this.sharedTags(placed.tags), optedOut: placed.optedOut, full: true });
	}

	private sharedTags(tags: string[]): string[] {
		if (tags.length === 0) return NO_TAGS;
		const key = tags.length === 1 ? tags[0] : tags.join('\u0000');
		const shared = this.tagLists.get(key);
		if (shared) return shared;
		// Bounded: tags typed one keystroke at a time make a list per keystroke. Dropping the lists
		// loses only the sharing; notes keep theirs.
		if (this.tagLists.size >= MAX_TAG_LISTS) this.tagLists.clear();
		this.tagLists.set(key, tags);
		return tags;
	}

	/**
	 * Restores a note from the persisted index without its text: its cards count, queue and move
	 * on rename like any other, and `isRestored` tells that reading the note gives their content.
	 */
	restoreNote(note: CachedNote): void {
		const restored: IndexedNote = { file: note.file, cards: cardRefsOf(note), identities: note.identities, tags: note.tags, optedOut: note.optedOut, full: false };
		if (this.notes.has(note.file)) {
			this.store(note.file, restored);
			return;
		}
		// A start restores every note: no change report to build, no id map to update (it is made on demand).
		this.notes.set(note.file, restored);
		this.cardCount += restored.cards.length;
		if (this.cardsById) this.cardsById = null;
	}

	/** The note is known from the persisted index only (its cards have no front or back yet). */
	isRestored(file: string): boolean {
		return this.notes.get(file)?.full === false;
	}

	/** What the persisted index keeps of an indexed note, with the stat it was read at. */
	cachedNote(file: string, stat: { mtime: number; size: number }): CachedNote | null {
		const note = this.notes.get(file);
		return note ? cachedNoteOf(note, stat) : null;
	}

	private store(file: string, note: IndexedNote): NoteChange {
		const previous = this.notes.get(file);
		const byId = this.cardsById;
		this.notes.set(file, note);
		this.cardCount += note.cards.length - (previous?.cards.length ?? 0);
		if (!previous) {
			// A first index of the vault comes here for every note: the ids in an array of their exact length.
			const cards = note.cards;
			const added = new Array<string>(cards.length);
			for (let i = 0; i < cards.length; i++) {
				added[i] = cards[i].id;
				if (byId && note.full) byId.set(cards[i].id, cards[i] as ExtractedCard);
			}
			return { added, removed: [], changed: [] };
		}
		const change: NoteChange = { added: [], removed: [], changed: [] };
		const before = new Map<string, CardRef>();
		for (const card of previous.cards) before.set(card.id, card);
		for (const card of note.cards) {
			const old = before.get(card.id);
			if (!old) change.added.push(card.id);
			// A restored card has no content to compare: "changed" needs both versions' text.
			else if (previous.full && note.full && (old as Card).hash !== (card as Card).hash) change.changed.push(card.id);
			before.delete(card.id);
			if (note.full) byId?.set(card.id, card as ExtractedCard);
			else byId?.delete(card.id);
		}
		for (const id of before.keys()) {
			change.removed.push(id);
			byId?.delete(id);
		}
		return change;
	}

	/** Forgets a deleted note; returns the ids of its cards. */
	removeNote(file: string): string[] {
		const previous = this.notes.get(file);
		if (!previous) return [];
		this.notes.delete(file);
		this.cardCount -= previous.cards.length;
		const removed = previous.cards.map((c) => c.id);
		if (this.cardsById) for (const id of removed) this.cardsById.delete(id);
		return removed;
	}

	/**
	 * Follows a note to its new path. Ids contain the path, so each card gets a new id; the pairs
	 * let the caller move stored review states. With `text` (the note may have changed in the same
	 * event) the note is re-extracted, and only cards present both before and after are paired.
	 */
	renameNote(oldFile: string, newFile: string, text?: string): { oldId: string; newId: string }[] {
		const previous = this.notes.get(oldFile);
		if (!previous) {
			if (text !== undefined) this.setNote(newFile, text);
			return [];
		}
		this.removeNote(oldFile);
		let moved: IndexedNote;
		if (text !== undefined) {
			this.setNote(newFile, text);
			moved = this.notes.get(newFile) as IndexedNote;
		} else {
			const fileKey = normalizePath(newFile);
			const newId = (card: CardRef, i: number) => cardId(fileKey, card.kind, previous.identities[i]);
			moved = previous.full
				? { ...previous, file: newFile, cards: previous.cards.map((card, i) => card.movedTo(newFile, newId(card, i))) }
				: { ...previous, file: newFile, cards: previous.cards.map((card, i) => ({ id: newId(card, i), file: newFile, line: card.line, kind: card.kind })) };
			this.store(newFile, moved);
		}
		const oldIdByIdentity = new Map<number, string>();
		previous.identities.forEach((identity, i) => oldIdByIdentity.set(identity, (previous.cards[i]).id));
		const pairs: { oldId: string; newId: string }[] = [];
		moved.identities.forEach((identity, i) => {
			const oldId = oldIdByIdentity.get(identity);
			if (oldId !== undefined) pairs.push({ oldId, newId: (moved.cards[i]).id });
		});
		return pairs;
	}

	get size(): number {
		return this.cardCount;
	}

	/**
	 * Every card with its content, note by note in the order notes were added, cards in note order.
	 * Notes restored from the persisted index and not read since are left out (see `refs`).
	 */
	all(): Card[] {
		const cards: Card[] = [];
		for (const note of this.notes.values()) if (note.full) for (const card of note.cards) cards.push(card);
		return cards;
	}

	/** Every card's id, restored notes' included. */
	*ids(): IterableIterator<string> {
		for (const note of this.notes.values()) for (const card of note.cards) yield card.id;
	}

	/** The note's cards with content; [] for a note restored and not read since (see `refsInFile`). */
	inFile(file: string): Card[] {
		const note = this.notes.get(file);
		return note?.full ? note.cards.slice() : [];
	}

	/** The note's cards, restored or read: what counting and queueing need. */
	refsInFile(file: string): readonly CardRef[] {
		return this.notes.get(file)?.cards ?? [];
	}

	/** A card with its content (undefined for a card of a restored note not read since). */
	byId(id: string): Card | undefined {
		if (!this.cardsById) {
			this.cardsById = new Map();
			for (const note of this.notes.values()) if (note.full) for (const card of note.cards) this.cardsById.set(card.id, card);
		}
		return this.cardsById.get(id);
	}

	files(): string[] {
		return [...this.notes.keys()];
	}

	has(file: string): boolean {
		return this.notes.has(file);
	}

	tagsOf(file: string): string[] {
		return this.notes.get(file)?.tags.slice() ?? [];
	}

	/** The note opted out with `cards: false` (known only for indexed notes). */
	isOptedOut(file: string): boolean {
		return this.notes.get(file)?.optedOut ?? false;
	}

	/** New settings make every stored card stale, so the index empties; the caller re-feeds notes. */
	setSettings(settings: CardSettings): void {
		this.settings = settings;
		this.notes.clear();
		this.tagLists.clear();
		this.cardsById = null;
		this.cardCount = 0;
	}
}
