/**
 * Card identity. A review history is keyed by card id, so the id must survive the edits people
 * make to their notes and change only when the card becomes a different question.
 *
 * Scheme (stable across runs and platforms; changing it orphans every stored review state):
 *
 *   identity = kind  US  heading path joined by RS  US  key  [ US  '#' ordinal ]
 *   id       = prefix(kind) '-' base36(cyrb53(path  GS  identity))          e.g. "h-0k2x9c1d4ab"
 *
 * - heading path: the titles of the enclosing headings (a heading card includes its own), with
 *   outline numbers and emphasis stripped (heading-title.ts), so renumbering `1.2` -> `1.3` or
 *   moving a section among its siblings keeps the id; editing a heading's text changes it.
 * - key: what tells apart several cards of one kind under one heading: the term (definitions,
 *   definition quotes), the title or first line (callouts), the question (topology); '' for
 *   heading cards. Never the back and never the line number.
 * - ordinal: only when two cards would otherwise share an identity in one note (the same term
 *   defined twice under one heading); the first keeps the plain identity, later ones get #2, #3.
 * - path: the note path with `\` turned into `/`. It is part of the id so the same card text in
 *   two notes is two cards; a rename or move re-derives ids and the index reports old -> new.
 * - All text is NFC-normalised (macOS file names arrive decomposed) and whitespace runs are
 *   collapsed, so the same note gives the same ids on every platform.
 * US, RS, GS are the ASCII unit/record/group separators, which never occur in titles or terms.
 */
import type { CardKind } from './card';
import { hashString } from './hash';

const PREFIX: Record<CardKind, string> = { heading: 'h', callout: 'c', quote: 'q', definition: 'd', topology: 't' };
const US = '\u001f';
const RS = '\u001e';
const GS = '\u001d';
const WHITESPACE_RUN = /\s+/g;

function normalize(text: string): string {
	return text.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

/** The part of the identity that does not depend on the note's path. */
export function identityOf(kind: CardKind, headingPath: readonly string[], key: string): string {
	let path = '';
	for (let i = 0; i < headingPath.length; i++) path += (i > 0 ? RS : '') + normalize(headingPath[i]);
	return kind + US + path + US + normalize(key);
}

/** Marks the n-th (n >= 2) card sharing an identity in one note. */
export function withOrdinal(identity: string, ordinal: number): string {
	return ordinal <= 1 ? identity : identity + US + '#' + String(ordinal);
}

export function normalizePath(file: string): string {
	return file.replace(/\\/g, '/').normalize('NFC');
}

export function cardId(file: string, kind: CardKind, identity: string): string {
	return PREFIX[kind] + '-' + hashString(normalizePath(file) + GS + identity);
}

/** The "changed since last review" hash: front and back, nothing positional. */
export function contentHash(front: string, back: string): string {
	return hashString(front + US + back, 0x5eed);
}
