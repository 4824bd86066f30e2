import { DEFAULT_CARD_SETTINGS, type Card, type CardSettings, type TopologyCardSource } from './card';
import { cardId } from './card-id';
import { placeNote, type ExtractOptions, type PlacedCard } from './extract';

export interface NoteChange {
	added: string[];
	removed: string[];
	/** Same id, different front or back (the review can flag "changed since last review"). */
	changed: string[];
}

interface IndexedNote {
	placed: PlacedCard[];
	tags: string[];
	optedOut: boolean;
}

/**
 * The in-memory index of every card in the vault, updated one note at a time: a modify, rename
 * or delete costs the work of that note only. It stores cards, never note texts.
 */
export class CardIndex {
	private settings: CardSettings;
	private readonly options: ExtractOptions;
	private readonly notes = new Map<string, IndexedNote>();
	private readonly cardsById = new Map<string, Card>();

	constructor(settings: CardSettings = DEFAULT_CARD_SETTINGS, options: { topologyCards?: TopologyCardSource } = {}) {
		this.settings = settings;
		this.options = options.topologyCards ? { topologyCards: options.topologyCards } : {};
	}

	/** Indexes (or re-indexes) one note and reports which card ids appeared, vanished or changed. */
	setNote(file: string, text: string): NoteChange {
		const { note, placed } = placeNote(file, text, this.settings, this.options);
		const previous = this.notes.get(file);
		const change: NoteChange = { added: [], removed: [], changed: [] };
		const before = new Map<string, Card>();
		if (previous) for (const p of previous.placed) before.set(p.card.id, p.card);
		for (const p of placed) {
			const old = before.get(p.card.id);
			if (!old) change.added.push(p.card.id);
			else if (old.hash !== p.card.hash) change.changed.push(p.card.id);
			before.delete(p.card.id);
		}
		for (const id of before.keys()) {
			change.removed.push(id);
			this.cardsById.delete(id);
		}
		for (const p of placed) this.cardsById.set(p.card.id, p.card);
		this.notes.set(file, { placed, tags: note.tags, optedOut: note.optedOut });
		return change;
	}

	/** Forgets a deleted note; returns the ids of its cards. */
	removeNote(file: string): string[] {
		const previous = this.notes.get(file);
		if (!previous) return [];
		this.notes.delete(file);
		const removed = previous.placed.map((p) => p.card.id);
		for (const id of removed) this.cardsById.delete(id);
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
		const oldIdByIdentity = new Map<string, string>();
		for (const p of previous.placed) oldIdByIdentity.set(p.identity, p.card.id);

		let placed: PlacedCard[];
		if (text !== undefined) {
			this.setNote(newFile, text);
			placed = this.notes.get(newFile)?.placed ?? [];
		} else {
			this.removeNote(newFile);
			placed = previous.placed.map((p) => ({
				identity: p.identity,
				card: { ...p.card, file: newFile, id: cardId(newFile, p.card.kind, p.identity) },
			}));
			for (const p of placed) this.cardsById.set(p.card.id, p.card);
			this.notes.set(newFile, { placed, tags: previous.tags, optedOut: previous.optedOut });
		}
		const pairs: { oldId: string; newId: string }[] = [];
		for (const p of placed) {
			const oldId = oldIdByIdentity.get(p.identity);
			if (oldId !== undefined) pairs.push({ oldId, newId: p.card.id });
		}
		return pairs;
	}

	get size(): number {
		return this.cardsById.size;
	}

	/** Every card, note by note in the order notes were added, cards in note order. */
	all(): Card[] {
		const cards: Card[] = [];
		for (const note of this.notes.values()) for (const p of note.placed) cards.push(p.card);
		return cards;
	}

	inFile(file: string): Card[] {
		return this.notes.get(file)?.placed.map((p) => p.card) ?? [];
	}

	byId(id: string): Card | undefined {
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
		this.cardsById.clear();
	}
}
