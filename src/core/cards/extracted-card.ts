import type { Card, CardDiagram, CardKind } from './card';
import { contentHash } from './card-id';

/**
 * A card as the extractor makes it: every Card field is an own data property except `hash`, which
 * is computed when read. Hashing every back was a sixth of the time to index a vault, yet only a
 * review, or a re-index comparing two versions of one note, reads the hash.
 *
 * Being an accessor on the prototype, `hash` is not copied by object spread or JSON.stringify;
 * make a moved copy with `movedTo`.
 */
export class ExtractedCard implements Card {
	id: string;
	file: string;
	line: number;
	kind: CardKind;
	front: string;
	back: string;
	context: readonly string[];
	/** Cloze cards only (see Card.ankiCloze); set after construction, so other cards do not carry it. */
	ankiCloze?: string;
	diagram?: CardDiagram;

	constructor(id: string, file: string, line: number, kind: CardKind, front: string, back: string, context: readonly string[], diagram?: CardDiagram) {
		this.id = id;
		this.file = file;
		this.line = line;
		this.kind = kind;
		this.front = front;
		this.back = back;
		this.context = context;
		if (diagram) this.diagram = diagram;
	}

	/** Content hash of front and back (contentHash): the same value however often it is read. */
	get hash(): string {
		return contentHash(this.front, this.back);
	}

	/** This card in another note file, under a new id (the note was renamed). */
	movedTo(file: string, id: string): ExtractedCard {
		const moved = new ExtractedCard(id, file, this.line, this.kind, this.front, this.back, this.context, this.diagram);
		if (this.ankiCloze !== undefined) moved.ankiCloze = this.ankiCloze;
		return moved;
	}
}
