/**
 * The persisted card index: what the vault index needs to count and queue every card without
 * reading the notes again at the next start. Per note: its path, mtime and size (to tell whether
 * it changed), its tags and `cards: false` (scope and decks), and per card its kind, identity hash
 * and line, and its id as the extractor made it (its first letter is its kind). Keeping ids costs
 * 1.4 MB for 10,000 notes and saves hashing 86,000 of them at every start, in code the JIT has not
 * warmed yet. Fronts and backs are not kept (they were ten times the size: 30 MB against 3.9 MB
 * for 10,000 notes) and come from reading a note when one of its cards is shown.
 *
 * It is a cache. Losing or damaging it costs reads, never history: review states live in
 * reviews.json, keyed by card id, and nothing here is written there. So every doubt (another
 * format, extractor version or card settings, a part that is cut short, fails its checksum or
 * belongs to another write) discards what is in doubt, and those notes are read again.
 *
 * On disk: parts `card-index-0.json`, `card-index-1.json`, ..., none over 4 MB (what we write is
 * bounded, and Sync Standard skips files over 5 MB). Each part is a header line (format, key,
 * write id, part number, part count, checksum of the rest) and a JSON array of notes. Part 0 says
 * how many parts the write has; a part of another write is ignored, so a save cut short by a crash
 * costs the notes of the parts that did not make it, nothing more.
 */
import { DEFAULT_TOPOLOGY_CAP, type CardKind, type CardRef, type CardSettings } from './card';
import { cyrb53Flat, hashString } from './hash';
import { srSyntaxKey } from './sr/sr-syntax';

/**
 * Bump whenever the extractor can make other cards, ids, lines or tags from the same text: every
 * persisted index of an older version is then rebuilt from the notes. The card id scheme
 * (card-id.ts) is part of it: stored ids are trusted as they are.
 * 2: cards in Spaced Repetition's syntax (ids `f-`, `z-`), long heading backs cut to their gist,
 *    and topology blocks also make occlusion cards and trace drills (ids `o-`, `p-`) under a block cap
 *    that counts all of a block's kinds; every version-1 index is read again from the notes, and
 *    review states keep their ids (the `t-` cards' identities did not change).
 */
export const EXTRACTOR_VERSION = 2;

export const CARD_CACHE_FORMAT = 1;
export const CARD_CACHE_MAX_BYTES = 4 * 1024 * 1024;
export const CARD_CACHE_PREFIX = 'card-index-';

/** Where the parts are kept: the plugin's folder through Obsidian's adapter, a Map in tests. */
export interface CardCacheFiles {
	/** The file's text, or null when it does not exist. May reject. */
	read(name: string): Promise<string | null>;
	write(name: string, text: string): Promise<void>;
	/** Deletes a part left over from a larger earlier write (optional: such a part is ignored anyway). */
	remove?(name: string): Promise<void>;
}

/** What the persisted index keeps of one note. */
export interface CachedNote {
	file: string;
	mtime: number;
	size: number;
	tags: string[];
	optedOut: boolean;
	/** The cards' ids, in note order; the first letter tells the kind (card-id.ts). */
	ids: string[];
	/** The cards' identity hashes (card-id.ts), to re-derive ids when the note moves. */
	identities: number[];
	/** The cards' 1-based lines. */
	lines: number[];
}

/** A note as the vault lists it, without reading it (Obsidian's TFile.stat). */
export interface NoteStat {
	file: string;
	mtime: number;
	size: number;
}

const KIND_OF: Record<string, CardKind> = { h: 'heading', c: 'callout', q: 'quote', d: 'definition', t: 'topology', f: 'flashcard', z: 'cloze', o: 'occlusion', p: 'trace-drill' };

/** What the index holds of a note, indexed in full or restored (see CardIndex). */
export interface IndexedNoteShape {
	file: string;
	cards: readonly CardRef[];
	identities: readonly number[];
	tags: readonly string[];
	optedOut: boolean;
}

export function cachedNoteOf(note: IndexedNoteShape, stat: { mtime: number; size: number }): CachedNote {
	const ids = new Array<string>(note.cards.length);
	const lines = new Array<number>(note.cards.length);
	for (let i = 0; i < note.cards.length; i++) {
		const card = note.cards[i];
		ids[i] = card.id;
		lines[i] = card.line;
	}
	return { file: note.file, mtime: stat.mtime, size: stat.size, tags: note.tags.slice(), optedOut: note.optedOut, ids, identities: note.identities.slice(), lines };
}

/** The note's cards as references. */
export function cardRefsOf(note: CachedNote): CardRef[] {
	const refs = new Array<CardRef>(note.ids.length);
	for (let i = 0; i < note.ids.length; i++) {
		const id = note.ids[i];
		refs[i] = { id, file: note.file, line: note.lines[i], kind: KIND_OF[id[0]] };
	}
	return refs;
}

/**
 * What a persisted index must agree on to be used: the file format, the extractor's version and
 * the card settings (which sources, heading levels, callout types). The scan scope is not in it:
 * notes keep their tags, so a new scope is applied to the restored notes without reading them.
 */
export function cardCacheKey(settings: CardSettings): string {
	return JSON.stringify({
		format: CARD_CACHE_FORMAT,
		extractor: EXTRACTOR_VERSION,
		levels: [...settings.headingLevels].sort((a, b) => a - b),
		sources: Object.values(KIND_OF).map((kind) => (settings.sources[kind] ? 1 : 0)),
		include: [...settings.calloutTypes.include].sort(),
		exclude: [...settings.calloutTypes.exclude].sort(),
		sr: srSyntaxKey(settings.srSyntax),
		cap: settings.topologyCap ?? DEFAULT_TOPOLOGY_CAP,
	});
}

export function cardCachePartName(part: number): string {
	return `${CARD_CACHE_PREFIX}${part}.json`;
}

export interface PartHeader {
	format: number;
	key: string;
	write: string;
	part: number;
	parts: number;
	notes: number;
	sum: string;
}

/** Bytes of the text in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
	let n = text.length;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x80) n += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
	}
	return n;
}

function checksum(body: string): string {
	return hashString(cyrb53Flat(body, '', 0xcace));
}

function encodeNote(note: CachedNote): string {
	return JSON.stringify([note.file, note.mtime, note.size, note.tags, note.optedOut ? 1 : 0, note.ids, note.identities, note.lines]);
}

/** Room for the header line (its numbers and checksum vary a little); the key is added on top. */
const HEADER_ROOM = 256;

/**
 * The notes as part files, each at most `maxBytes` of UTF-8. A note too large for one part on its
 * own (hundreds of thousands of cards) is left out: it is read again at the next start.
 */
export function encodeCardCache(notes: Iterable<CachedNote>, key: string, write: string, maxBytes = CARD_CACHE_MAX_BYTES): string[] {
	const budget = maxBytes - HEADER_ROOM - utf8Length(key) - utf8Length(write);
	const bodies: { entries: string[]; count: number }[] = [];
	let current: string[] = [];
	let bytes = 2;
	for (const note of notes) {
		const entry = encodeNote(note);
		const size = utf8Length(entry) + 1;
		if (size + 2 > budget) continue;
		if (bytes + size > budget && current.length > 0) {
			bodies.push({ entries: current, count: current.length });
			current = [];
			bytes = 2;
		}
		current.push(entry);
		bytes += size;
	}
	bodies.push({ entries: current, count: current.length });
	return bodies.map(({ entries, count }, part) => {
		const body = `[${entries.join(',')}]`;
		const header: PartHeader = { format: CARD_CACHE_FORMAT, key, write, part, parts: bodies.length, notes: count, sum: checksum(body) };
		return `${JSON.stringify(header)}\n${body}`;
	});
}

export type PartResult = { header: PartHeader; notes: CachedNote[] } | { problem: string };

/** One part file, checked: format, key, checksum and the shape of every note. Never throws. */
export function decodeCardCachePart(text: string, key: string): PartResult {
	const newline = text.indexOf('\n');
	if (newline < 0) return { problem: 'cut short (no header line)' };
	let header: PartHeader;
	try {
		header = JSON.parse(text.slice(0, newline)) as PartHeader;
	} catch {
		return { problem: 'unreadable header' };
	}
	if (!header || typeof header !== 'object' || header.format !== CARD_CACHE_FORMAT) return { problem: 'another format' };
	if (header.key !== key) return { problem: 'another extractor version or other card settings' };
	if (!Number.isInteger(header.part) || !Number.isInteger(header.parts) || header.part < 0 || header.part >= header.parts || typeof header.write !== 'string') {
		return { problem: 'unreadable header' };
	}
	const body = text.slice(newline + 1);
	if (checksum(body) !== header.sum) return { problem: 'damaged (checksum does not match)' };
	let rows: unknown;
	try {
		rows = JSON.parse(body);
	} catch {
		return { problem: 'damaged (not JSON)' };
	}
	if (!Array.isArray(rows) || rows.length !== header.notes) return { problem: 'damaged (note count)' };
	const notes: CachedNote[] = [];
	for (const row of rows) {
		const note = decodeNote(row);
		if (!note) return { problem: 'damaged (a note entry)' };
		notes.push(note);
	}
	return { header, notes };
}

function decodeNote(row: unknown): CachedNote | null {
	if (!Array.isArray(row) || row.length !== 8) return null;
	const [file, mtime, size, tags, optedOut, ids, identities, lines] = row as unknown[];
	if (typeof file !== 'string' || typeof mtime !== 'number' || typeof size !== 'number') return null;
	if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) return null;
	if (!Array.isArray(ids) || !Array.isArray(identities) || !Array.isArray(lines) || identities.length !== ids.length || lines.length !== ids.length) return null;
	for (let i = 0; i < ids.length; i++) {
		const id: unknown = ids[i];
		if (typeof id !== 'string' || id[1] !== '-' || !KIND_OF[id[0]] || typeof identities[i] !== 'number' || !Number.isInteger(lines[i])) return null;
	}
	return { file, mtime, size, tags, optedOut: optedOut === 1, ids: ids as string[], identities: identities as number[], lines: lines as number[] };
}

export interface CardCacheLoad {
	notes: Map<string, CachedNote>;
	/** Every part was there and sound: the notes are the whole persisted index. */
	complete: boolean;
	/** Why something was discarded (for the console; the user is never bothered with a cache). */
	problems: string[];
	/** Reads it took. */
	reads: number;
}

/** Loads and saves the persisted card index over an injected adapter. */
export class CardCache {
	/** Parts the last write (or the loaded one) had, so a smaller save can remove the rest. */
	private knownParts = 0;
	private writes = 0;

	constructor(
		private readonly files: CardCacheFiles,
		private readonly key: string,
		private readonly maxBytes = CARD_CACHE_MAX_BYTES,
	) {}

	async load(): Promise<CardCacheLoad> {
		const notes = new Map<string, CachedNote>();
		const problems: string[] = [];
		let reads = 1;
		const first = await this.readPart(0);
		if (first === null) return { notes, complete: false, problems: ['no persisted index'], reads };
		if ('problem' in first) return { notes, complete: false, problems: [`${cardCachePartName(0)}: ${first.problem}`], reads };
		const { write, parts } = first.header;
		this.knownParts = parts;
		for (const note of first.notes) notes.set(note.file, note);
		let complete = true;
		const rest = await Promise.all(Array.from({ length: parts - 1 }, (_, i) => this.readPart(i + 1)));
		reads += rest.length;
		rest.forEach((result, i) => {
			const name = cardCachePartName(i + 1);
			if (result === null || 'problem' in result || result.header.write !== write || result.header.part !== i + 1) {
				complete = false;
				problems.push(`${name}: ${result === null ? 'missing' : 'problem' in result ? result.problem : 'from another write'}`);
				return;
			}
			for (const note of result.notes) notes.set(note.file, note);
		});
		return { notes, complete, problems, reads };
	}

	private async readPart(part: number): Promise<PartResult | null> {
		let text: string | null;
		try {
			text = await this.files.read(cardCachePartName(part));
		} catch (error) {
			return { problem: `unreadable (${error instanceof Error ? error.message : String(error)})` };
		}
		return text === null ? null : decodeCardCachePart(text, this.key);
	}

	/**
	 * Writes the notes as a new set of parts. Part 0, which names the write, goes last: until it
	 * is written, a loader sees the previous part 0 and ignores the new parts as another write's.
	 */
	async save(notes: Iterable<CachedNote>): Promise<void> {
		const write = `${Date.now().toString(36)}-${(++this.writes).toString(36)}`;
		const parts = encodeCardCache(notes, this.key, write, this.maxBytes);
		for (let part = parts.length - 1; part >= 0; part--) await this.files.write(cardCachePartName(part), parts[part]);
		const before = this.knownParts;
		this.knownParts = parts.length;
		if (this.files.remove) {
			for (let part = parts.length; part < before; part++) await this.files.remove(cardCachePartName(part)).catch(() => undefined);
		}
	}
}

export interface RefreshPlan {
	/** Cached, same mtime and size: used as they are. */
	unchanged: CachedNote[];
	/** Cached, but mtime or size differ: read again (the cached cards stand in until then). */
	changed: { note: NoteStat; cached: CachedNote }[];
	/** Not in the cache: read. */
	added: NoteStat[];
	/** In the cache, gone from the vault. */
	removed: CachedNote[];
	/**
	 * Renamed or moved while the app was closed: a gone note and a new one with the same mtime and
	 * size (a rename keeps both), each the only one with that pair. Read the new one and carry the
	 * history of the cards found again.
	 */
	moved: { note: NoteStat; cached: CachedNote }[];
}

/** Compares the vault's notes (their stat, no reads) with the persisted index. */
export function planRefresh(cached: ReadonlyMap<string, CachedNote>, vault: readonly NoteStat[]): RefreshPlan {
	const plan: RefreshPlan = { unchanged: [], changed: [], added: [], removed: [], moved: [] };
	const present = new Set<string>();
	for (const note of vault) {
		present.add(note.file);
		const hit = cached.get(note.file);
		if (!hit) plan.added.push(note);
		else if (hit.mtime === note.mtime && hit.size === note.size) plan.unchanged.push(hit);
		else plan.changed.push({ note, cached: hit });
	}
	for (const [file, note] of cached) if (!present.has(file)) plan.removed.push(note);
	if (plan.added.length === 0 || plan.removed.length === 0) return plan;

	const stamp = (mtime: number, size: number) => `${mtime}:${size}`;
	const count = <T>(items: readonly T[], key: (item: T) => string) => {
		const counts = new Map<string, number>();
		for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
		return counts;
	};
	const addedCounts = count(plan.added, (n) => stamp(n.mtime, n.size));
	const removedCounts = count(plan.removed, (n) => stamp(n.mtime, n.size));
	const removedByStamp = new Map<string, CachedNote>();
	for (const note of plan.removed) removedByStamp.set(stamp(note.mtime, note.size), note);
	const paired = new Set<CachedNote>();
	plan.added = plan.added.filter((note) => {
		const key = stamp(note.mtime, note.size);
		const from = removedByStamp.get(key);
		if (!from || note.size === 0 || addedCounts.get(key) !== 1 || removedCounts.get(key) !== 1) return true;
		plan.moved.push({ note, cached: from });
		paired.add(from);
		return false;
	});
	plan.removed = plan.removed.filter((note) => !paired.has(note));
	return plan;
}
