/**
 * Card identity. A review history is keyed by card id, so the id must survive the edits people
 * make to their notes and change only when the card becomes a different question.
 *
 * Scheme (stable across runs and platforms; changing it orphans every stored review state):
 *
 *   identity = kind  US  heading path joined by RS  US  key  [ US  '#' ordinal ]
 *   id       = prefix(kind) '-' base32(cyrb53(path  GS  base32(cyrb53(identity))))   e.g. "h-0k2x9c1d4ab"
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
 * - The identity is hashed on its own first so the index can keep a number per card (to re-derive
 *   ids on rename) rather than the identity text.
 * - prefix: h heading, c callout, q quote, d definition, t topology, f flashcard (SR syntax), z cloze,
 *   o occlusion, p trace drill (path); the hash is written as 11 base-32 digits.
 * US, RS, GS are the ASCII unit/record/group separators, which never occur in titles or terms.
 */
import type { CardKind } from './card';
import { cyrb53, cyrb53Flat, Cyrb53Stream, hashString, prefixedHashString } from './hash';
import { isJsWhitespace } from './whitespace';

const US = '\u001f';
const RS = '\u001e';
const GS = 0x1d;
const US_CODE = 0x1f;
const RS_CODE = 0x1e;
const PREFIX_CODE: Record<CardKind, number> = { heading: 0x68, callout: 0x63, quote: 0x71, definition: 0x64, topology: 0x74, flashcard: 0x66, cloze: 0x7a, occlusion: 0x6f, 'trace-drill': 0x70 };
const WHITESPACE_RUN = /\s+/g;
/**
 * Text NFC leaves unchanged for sure: code units below U+0300 (no combining marks or
 * singletons there) and precomposed Hangul syllables. Checking is much cheaper than normalising.
 */
function maybeNotNfc(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x300 && (code < 0xac00 || code > 0xd7a3)) return true;
	}
	return false;
}

export function normalizeText(text: string): string {
	// Most keys and titles need neither step: one pass tells (maybeNotNfc and the spacing test each read the whole text).
	if (isPlainText(text)) return text.length > 0 && (isJsWhitespace(text.charCodeAt(0)) || isJsWhitespace(text.charCodeAt(text.length - 1))) ? text.trim() : text;
	let out = maybeNotNfc(text) ? text.normalize('NFC') : text;
	if (hasSpacingToCollapse(out)) out = out.replace(WHITESPACE_RUN, ' ');
	// Keys and titles rarely have whitespace at either end: two looks instead of a call to trim.
	return out.length > 0 && (isJsWhitespace(out.charCodeAt(0)) || isJsWhitespace(out.charCodeAt(out.length - 1))) ? out.trim() : out;
}

/**
 * Neither maybeNotNfc nor hasSpacingToCollapse holds, in one pass: only code units below U+0300 or
 * Hangul syllables, no whitespace but single plain spaces.
 */
function isPlainText(text: string): boolean {
	let previousSpace = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x20) {
			if (previousSpace) return false;
			previousSpace = true;
			continue;
		}
		previousSpace = false;
		if (code < 0x21 ? code >= 0x09 && code <= 0x0d : code >= 0x300 ? code < 0xac00 || code > 0xd7a3 : code === 0xa0) return false;
	}
	return true;
}

/**
 * `/\s{2,}|[\t\n\r\f\v\u00a0]/.test(text)` as a loop (normalizeText runs for every card key
 * and heading title): two whitespace characters in a row, or one that is not a plain space
 * (other than the Unicode spaces the expression leaves alone when single).
 */
function hasSpacingToCollapse(text: string): boolean {
	let previous = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x20) {
			if (previous) return true;
			previous = true;
			continue;
		}
		if ((code >= 0x09 && code <= 0x0d) || code === 0xa0) return true;
		const space = code > 0xa0 && isJsWhitespace(code);
		if (space && previous) return true;
		previous = space;
	}
	return false;
}

/** The heading-path part of identities, computed once per heading and shared by its cards. */
export function headingPathKey(headingPath: readonly string[]): string {
	return headingPath.map(normalizeText).join(RS);
}

/** The part of the identity that does not depend on the note's path. */
export function identityOf(kind: CardKind, pathKey: string, key: string): string {
	// join, not +: it gives a flat string, which hashes several times faster than a rope.
	return [kind, pathKey, normalizeText(key)].join(US);
}

/** Marks the n-th (n >= 2) card sharing an identity in one note. */
export function withOrdinal(identity: string, ordinal: number): string {
	return ordinal <= 1 ? identity : [identity, '#' + String(ordinal)].join(US);
}

export function normalizePath(file: string): string {
	const slashed = file.includes('\\') ? file.replace(/\\/g, '/') : file;
	return pathMaybeNotNfc(slashed) ? slashed.normalize('NFC') : slashed;
}

/**
 * maybeNotNfc for paths, a second copy of the loop on purpose: paths are often ropes (built by
 * concatenation), and once maybeNotNfc has read one it reads every title and key slowly (see
 * Cyrb53Stream.pathText).
 */
function pathMaybeNotNfc(path: string): boolean {
	for (let i = 0; i < path.length; i++) {
		const code = path.charCodeAt(i);
		if (code >= 0x300 && (code < 0xac00 || code > 0xd7a3)) return true;
	}
	return false;
}

/** The path-independent half of an id: what the index keeps per card. */
export function identityHash(identity: string): number {
	return cyrb53(identity, '', 0, GS);
}

/** `normalizedPath` is normalizePath(file), computed once per note. */
export function cardId(normalizedPath: string, kind: CardKind, identityHashValue: number): string {
	return prefixedHashString(PREFIX_CODE[kind], cyrb53(normalizedPath, hashString(identityHashValue), 0, GS));
}

/** The "changed since last review" hash: front and back, nothing positional. */
export function contentHash(front: string, back: string): string {
	return hashString(cyrb53Flat(front, back, 0x5eed));
}

/**
 * identityHash(withOrdinal(identityOf(...), n)) and cardId(...) for the cards of one note, hashed
 * from their parts: no identity string is built, the note's path is hashed once for all its cards,
 * and an id is one flat string. Gives exactly the values of the functions above (the scheme in the
 * header); the index builds tens of thousands of ids, so the strings those would build matter.
 */
/** The hash state after `kind US`, the same for every card of a kind: hashed once per kind. */
const KIND_STARTS = new Map<CardKind, Cyrb53Stream>();
function kindStart(kind: CardKind): Cyrb53Stream {
	let start = KIND_STARTS.get(kind);
	if (!start) {
		start = new Cyrb53Stream();
		start.reset(0);
		start.text(kind);
		start.code(US_CODE);
		KIND_STARTS.set(kind, start);
	}
	return start;
}

export class NoteCardIds {
	private readonly base = new Cyrb53Stream();
	private readonly work = new Cyrb53Stream();
	private readonly path = new Cyrb53Stream();

	/** `normalizedPath` is normalizePath(file). */
	constructor(normalizedPath: string) {
		this.path.reset(0);
		this.path.pathText(normalizedPath);
		this.path.code(GS);
	}

	/**
	 * Starts a card's identity from its kind, heading path (each title normalizeText'ed: the parts of
	 * headingPathKey, hashed without joining them) and key. Returns a hash of that identity without
	 * an ordinal, to count cards sharing it.
	 */
	start(kind: CardKind, normalizedPath: readonly string[], key: string): number {
		const base = this.base;
		base.copy(kindStart(kind));
		for (let i = 0; i < normalizedPath.length; i++) {
			if (i > 0) base.code(RS_CODE);
			base.text(normalizedPath[i]);
		}
		base.code(US_CODE);
		base.text(normalizeText(key));
		return base.value();
	}

	/** The identity hash of the started card as the `ordinal`-th (from 1) card sharing its identity. */
	identity(ordinal: number): number {
		const work = this.work;
		work.copy(this.base);
		if (ordinal > 1) {
			work.code(US_CODE);
			work.code(0x23 /* # */);
			work.text(String(ordinal));
		}
		work.code(GS);
		return work.value();
	}

	/** cardId(normalizedPath, kind, identityHashValue), built as one flat string. */
	id(kind: CardKind, identityHashValue: number): string {
		const work = this.work;
		work.copy(this.path);
		work.digits(identityHashValue);
		return prefixedHashString(PREFIX_CODE[kind], work.value());
	}
}
