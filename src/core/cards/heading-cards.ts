import type { CardDraft } from './card';
import { cardBody, type NoteStructure } from './note-structure';

const BARE_URL = /^<?https?:\/\/\S+$/;

/**
 * A heading card asks for a section from its title. The back is the section's own body, up to the
 * next heading of any level: a sub-heading is a card of its own, and repeating its body in the
 * parent would make the parent card as long as the chapter.
 */
export function headingCards(structure: NoteStructure, levels: readonly number[]): CardDraft[] {
	const drafts: CardDraft[] = [];
	for (const heading of structure.headings) {
		if (heading.title === '' || !levels.includes(heading.level)) continue;
		const body = cardBody(structure, heading.line + 1, heading.bodyEnd);
		if (body.length === 0 || body.every(isBareUrlOrBlank)) continue;
		drafts.push({ kind: 'heading', line: heading.line, front: heading.title, back: body.join('\n'), key: '' });
	}
	return drafts;
}

/**
 * A section holding nothing but a bare address is a bookmark ("read this later"), not an answer
 * anyone could recall, so it makes no card.
 */
function isBareUrlOrBlank(line: string): boolean {
	const trimmed = line.trim();
	return trimmed === '' || BARE_URL.test(trimmed);
}
