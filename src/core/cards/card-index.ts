import { DEFAULT_CARD_SETTINGS, type Card, type CardSettings, type TopologyCardSource } from './card';
import { cardId, normalizePath } from './card-id';
import { placeNote, type ExtractOptions, type PlacedNote } from './extract';

export interface NoteChange {
	added: string[];
	removed: string[];
	/** Same id, different front or back (the review can flag "changed since last review"). */
	changed: string[];
}

/**
 * The in-memory index of every card in the vault, updated one note at a time: a modify, rename
 * or delete costs the work of that note only. It keeps cards (whose backs are mostly slices of
 * the note text), never a note's structure.
 */
export class CardIndex {
	private settings: CardSettings;
	private readonly options: ExtractOptions;
	private readonly notes = new Map<string, PlacedNote>();
	/**
	 * Id -> card, built on the first `byId` (only a review asks, long after the vault is indexed:
	 * a map of every card's id was a tenth of the time to index a vault), then kept up to date.
	 */
	private cardsById: Map<string, Card> | null = null;
	/** Cards in `notes` (ids are unique: they include the note path, and ordinals part repeats within a note). */
	private cardCount = 0;

	/** `options.topologyCards`: the topology card generator (default: the real one; `null` for none). */
	constructor(settings: CardSettings = DEFAULT_CARD_SETTINGS, options: { topologyCards?: TopologyCardSource | null } = {}) {
		this.settings = settings;
		this.options = options.topologyCards === undefined ? {} : { topologyCards: options.topologyCards };
	}

	/** Indexes (or re-indexes) one note and reports which card ids appeared, vanished or changed. */
	setNote(file: string, text: string): NoteChange {
		return this.store(file, placeNote(file, text, this.settings, this.options));
	}

	private store(file: string, note: PlacedNote): NoteChange {
		const previous = this.notes.get(file);
		const change: NoteChange = { added: [], removed: [], changed: [] };
		const byId = this.cardsById;
		this.notes.set(file, note);
		this.cardCount += note.cards.length - (previous?.cards.length ?? 0);
		if (!previous) {
			for (const card of note.cards) {
				change.added.push(card.id);
				byId?.set(card.id, card);
			}
			return change;
		}
		const before = new Map<string, Card>();
		for (const card of previous.cards) before.set(card.id, card);
		for (const card of note.cards) {
			const old = before.get(card.id);
			if (!old) change.added.push(card.id);
			else if (old.hash !== card.hash) change.changed.push(card.id);
			before.delete(card.id);
			byId?.set(card.id, card);
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
		let moved: PlacedNote;
		if (text !== undefined) {
			this.setNote(newFile, text);
			moved = this.notes.get(newFile) as PlacedNote;
		} else {
			const fileKey = normalizePath(newFile);
			const cards = previous.cards.map((card, i) => card.movedTo(newFile, cardId(fileKey, card.kind, previous.identities[i])));
			moved = { ...previous, file: newFile, cards };
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

	/** Every card, note by note in the order notes were added, cards in note order. */
	all(): Card[] {
		const cards: Card[] = [];
		for (const note of this.notes.values()) for (const card of note.cards) cards.push(card);
		return cards;
	}

	inFile(file: string): Card[] {
		return this.notes.get(file)?.cards.slice() ?? [];
	}

	byId(id: string): Card | undefined {
		if (!this.cardsById) {
			this.cardsById = new Map();
			for (const note of this.notes.values()) for (const card of note.cards) this.cardsById.set(card.id, card);
		}
		return this.cardsById.get(id);
	}

	files(): string[] {
		return [...this.notes.keys()];
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
		this.cardsById = null;
		this.cardCount = 0;
	}
}
