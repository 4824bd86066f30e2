/**
 * The review journal's file format: one JSON object per line, appended, never rewritten.
 *
 * Files (in the plugin folder, under `reviews/`):
 *   <device>.<segment 6 digits>.jsonl   one device's journal, rolled into numbered segments
 *   <device>.snapshot.<gen>.<i>-of-<m>.json   that device's snapshot (journal-snapshot.ts)
 * Only the device named in a file ever writes it, so a sync tool never sees two writers on one file.
 *
 * A segment starts with a header line `{"journal":1,"device":"<id>","segment":<n>}`; a segment whose
 * header names a newer journal schema is read, never written, and stops this device writing at all.
 * Every later line is one entry with `n` (the device's entry number, counting up across its
 * segments) and `t` (epoch ms), plus exactly one of:
 *   grade   {"g":"good","c":<card>,"ms"?:<answer ms>,"b":[state,elapsedDays,scheduledDays,due,stability,difficulty],
 *            "a":[due,stability,difficulty,elapsedDays,scheduledDays,learningSteps,reps,lapses,state,lastReview|null,contentHash|null]}
 *            (b: the card before the grade as this device saw it, the log's fields; a: the state after it)
 *   undo    {"undo":<n of an earlier grade or states entry of the same device>}
 *   rename  {"rename":[[oldId,newId],...]}
 *   orphan / revive / drop   {"orphan":[ids]} card missing from the notes since t / back / dropped after 30 days
 *   states  {"states":[[id,<a array>,orphanedAt|null],...]}   imported (migration, one per card from SR's schedules), applied when newer
 *   log     {"log":[[card,time,rating,state,elapsedDays,scheduledDays,due,stability,difficulty,ms|null],...]}   imported history
 *   imported {"imported":"<checksum>"}   a reviews.json text this device took in, so it is not taken in twice
 *   pins    {"pin":[paths],"unpin":[paths]}   notes studied outside the scan scope
 * A line is complete only with its final newline: a crash in the middle of an append leaves a last
 * line without one, which is reported and skipped (nothing before it is touched).
 */
import { CARD_STATE_NAMES, RATINGS, type CardState, type CardStateName, type Rating, type ReviewLogEntry } from './card-state';

export const JOURNAL_SCHEMA = 1;
export const JOURNAL_FOLDER = 'reviews';
/** A segment rolls over before it reaches this many characters (all our lines are ASCII: bytes = characters). */
export const SEGMENT_LIMIT = 3_500_000;
/** Ids per orphan/import line, so a single line stays far below the segment limit. */
export const IDS_PER_LINE = 2000;

interface EntryBase {
	device: string;
	n: number;
	t: number;
	/** Where the entry's line is on disk, once read or written: its segment and the offset just after it. */
	segment?: number;
	end?: number;
}

export type JournalEntry = EntryBase &
	(
		| { kind: 'grade'; log: ReviewLogEntry; after: CardState }
		| { kind: 'undo'; of: number }
		| { kind: 'rename'; moves: [string, string][] }
		| { kind: 'orphan' | 'revive' | 'drop'; ids: string[] }
		| { kind: 'states'; states: [string, CardState, number | null][] }
		| { kind: 'log'; log: ReviewLogEntry[] }
		| { kind: 'imported'; checksum: string }
		| { kind: 'pins'; pin: string[]; unpin: string[] }
	);

/** What an entry holds, before it has a device and a number. */
export type EntryBody = JournalEntry extends infer E ? (E extends JournalEntry ? Omit<E, 'device' | 'n' | 't' | 'segment' | 'end'> : never) : never;

export function segmentName(device: string, segment: number): string {
	return `${JOURNAL_FOLDER}/${device}.${String(segment).padStart(6, '0')}.jsonl`;
}

const SEGMENT_FILE = /^([A-Za-z0-9_-]+)\.(\d{6,})\.jsonl$/;

/** The device and segment number of a journal file name (without folder), or null. */
export function parseSegmentName(name: string): { device: string; segment: number } | null {
	const base = name.slice(name.lastIndexOf('/') + 1);
	const m = SEGMENT_FILE.exec(base);
	return m ? { device: m[1], segment: Number(m[2]) } : null;
}

export function headerLine(device: string, segment: number): string {
	return `${JSON.stringify({ journal: JOURNAL_SCHEMA, device, segment })}\n`;
}

export function stateToArray(s: CardState): unknown[] {
	return [s.due, s.stability, s.difficulty, s.elapsedDays, s.scheduledDays, s.learningSteps, s.reps, s.lapses, s.state, s.lastReview ?? null, s.contentHash ?? null];
}

function logToArray(e: ReviewLogEntry): unknown[] {
	return [e.cardId, e.time, e.rating, e.state, e.elapsedDays, e.scheduledDays, e.due, e.stability, e.difficulty, e.durationMs ?? null];
}

/** One entry as its line, newline included. */
export function encodeEntry(n: number, t: number, body: EntryBody): string {
	const head = { n, t };
	let rest: Record<string, unknown>;
	switch (body.kind) {
		case 'grade': {
			const { log, after } = body;
			rest = { g: log.rating, c: log.cardId };
			if (log.durationMs !== undefined) rest.ms = log.durationMs;
			rest.b = [log.state, log.elapsedDays, log.scheduledDays, log.due, log.stability, log.difficulty];
			rest.a = stateToArray(after);
			break;
		}
		case 'undo':
			rest = { undo: body.of };
			break;
		case 'rename':
			rest = { rename: body.moves };
			break;
		case 'orphan':
		case 'revive':
		case 'drop':
			rest = { [body.kind]: body.ids };
			break;
		case 'states':
			rest = { states: body.states.map(([id, s, at]) => [id, stateToArray(s), at]) };
			break;
		case 'log':
			rest = { log: body.log.map(logToArray) };
			break;
		case 'imported':
			rest = { imported: body.checksum };
			break;
		case 'pins':
			rest = { pin: body.pin, unpin: body.unpin };
			break;
	}
	return `${JSON.stringify({ ...head, ...rest })}\n`;
}

class Bad extends Error {}

function num(v: unknown): number {
	if (typeof v !== 'number' || !Number.isFinite(v)) throw new Bad('not a number');
	return v;
}
function str(v: unknown): string {
	if (typeof v !== 'string') throw new Bad('not a text');
	return v;
}
function strs(v: unknown): string[] {
	if (!Array.isArray(v)) throw new Bad('not a list');
	return v.map(str);
}
function stateName(v: unknown): CardStateName {
	if (typeof v === 'string' && (CARD_STATE_NAMES as readonly string[]).includes(v)) return v as CardStateName;
	throw new Bad('unknown card state');
}
function rating(v: unknown): Rating {
	if (typeof v === 'string' && (RATINGS as readonly string[]).includes(v)) return v as Rating;
	throw new Bad('unknown rating');
}

export function stateFromArray(v: unknown): CardState {
	if (!Array.isArray(v) || v.length < 11) throw new Bad('not a card state');
	const s: CardState = {
		due: num(v[0]),
		stability: num(v[1]),
		difficulty: num(v[2]),
		elapsedDays: num(v[3]),
		scheduledDays: num(v[4]),
		learningSteps: num(v[5]),
		reps: num(v[6]),
		lapses: num(v[7]),
		state: stateName(v[8]),
	};
	if (v[9] !== null) s.lastReview = num(v[9]);
	if (v[10] !== null) s.contentHash = str(v[10]);
	return s;
}

function logFromArray(v: unknown): ReviewLogEntry {
	if (!Array.isArray(v) || v.length < 10) throw new Bad('not a review');
	const e: ReviewLogEntry = {
		cardId: str(v[0]),
		time: num(v[1]),
		rating: rating(v[2]),
		state: stateName(v[3]),
		elapsedDays: num(v[4]),
		scheduledDays: num(v[5]),
		due: num(v[6]),
		stability: num(v[7]),
		difficulty: num(v[8]),
	};
	if (v[9] !== null) e.durationMs = num(v[9]);
	return e;
}

function bodyOf(o: Record<string, unknown>): EntryBody {
	if ('g' in o) {
		const b = o.b;
		if (!Array.isArray(b) || b.length < 6) throw new Bad('grade without the card before it');
		const log: ReviewLogEntry = {
			cardId: str(o.c),
			time: num(o.t),
			rating: rating(o.g),
			state: stateName(b[0]),
			elapsedDays: num(b[1]),
			scheduledDays: num(b[2]),
			due: num(b[3]),
			stability: num(b[4]),
			difficulty: num(b[5]),
		};
		if (o.ms !== undefined) log.durationMs = num(o.ms);
		return { kind: 'grade', log, after: stateFromArray(o.a) };
	}
	if ('undo' in o) return { kind: 'undo', of: num(o.undo) };
	if ('rename' in o) {
		if (!Array.isArray(o.rename)) throw new Bad('rename is not a list');
		return { kind: 'rename', moves: o.rename.map((m) => { const [a, b] = strs(m); return [a, b] as [string, string]; }) };
	}
	for (const kind of ['orphan', 'revive', 'drop'] as const) if (kind in o) return { kind, ids: strs(o[kind]) };
	if ('states' in o) {
		if (!Array.isArray(o.states)) throw new Bad('states is not a list');
		return {
			kind: 'states',
			states: o.states.map((row) => {
				if (!Array.isArray(row)) throw new Bad('state row is not a list');
				return [str(row[0]), stateFromArray(row[1]), row[2] === null ? null : num(row[2])] as [string, CardState, number | null];
			}),
		};
	}
	if ('log' in o) {
		if (!Array.isArray(o.log)) throw new Bad('log is not a list');
		return { kind: 'log', log: o.log.map(logFromArray) };
	}
	if ('imported' in o) return { kind: 'imported', checksum: str(o.imported) };
	if ('pin' in o || 'unpin' in o) return { kind: 'pins', pin: o.pin === undefined ? [] : strs(o.pin), unpin: o.unpin === undefined ? [] : strs(o.unpin) };
	throw new Bad('unknown entry');
}

export interface SegmentProblem {
	/** 'torn': the last line has no newline (a crash during an append); 'bad-line': a line that is not a valid entry. */
	kind: 'torn' | 'bad-line';
	line: number;
	reason: string;
}

export interface ParsedSegment {
	device: string;
	segment: number;
	/** Set when the header names a schema newer than this version reads: entries is empty then. */
	newerSchema: number | null;
	entries: JournalEntry[];
	/** Per entry, the character offset just after its line (where a later read can start). */
	ends: number[];
	problems: SegmentProblem[];
	/** The text ends in a line without its newline. */
	tornTail: boolean;
}

function countLines(text: string, end: number): number {
	let lines = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++;
	return lines;
}

/**
 * Reads one segment's text, from the start or from `from` (the end of a line already read: a
 * snapshot's position). Never throws: damaged lines are problems, the rest is kept. `fallback`
 * names the device and segment when the header is missing (a segment torn inside its first line).
 */
export function parseSegment(text: string, fallback: { device: string; segment: number }, from = 0): ParsedSegment {
	const out: ParsedSegment = { device: fallback.device, segment: fallback.segment, newerSchema: null, entries: [], ends: [], problems: [], tornTail: false };
	const lastNewline = text.lastIndexOf('\n');
	if (lastNewline !== text.length - 1 && text.length > 0) {
		out.tornTail = true;
		out.problems.push({ kind: 'torn', line: countLines(text, lastNewline + 1) + 1, reason: `the last line ends after ${text.length - lastNewline - 1} characters, without its line end (an interrupted save)` });
	}
	const firstNewline = text.indexOf('\n');
	if (firstNewline === -1) return out;
	let pos = 0;
	try {
		const header = JSON.parse(text.slice(0, firstNewline)) as Record<string, unknown>;
		if (typeof header === 'object' && header !== null && 'journal' in header) {
			pos = firstNewline + 1;
			const schema = num(header.journal);
			if (schema > JOURNAL_SCHEMA) {
				out.newerSchema = schema;
				return out;
			}
			out.device = str(header.device);
			out.segment = num(header.segment);
		}
	} catch {
		// Not a header: read it as an entry below (and report it there if it is not one either).
	}
	if (from > pos) pos = from;
	let lineNo = from > 0 ? countLines(text, from) + 1 : pos === 0 ? 1 : 2;
	while (pos <= lastNewline) {
		const end = text.indexOf('\n', pos);
		const line = text.slice(pos, end);
		pos = end + 1;
		if (line.trim() !== '') {
			try {
				const o = JSON.parse(line) as unknown;
				if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new Bad('not an object');
				const rec = o as Record<string, unknown>;
				// The body is a fresh object: it becomes the entry (no copy per line).
				const entry = bodyOf(rec) as JournalEntry;
				entry.device = out.device;
				entry.n = num(rec.n);
				entry.t = num(rec.t);
				entry.segment = out.segment;
				entry.end = pos;
				out.entries.push(entry);
				out.ends.push(pos);
			} catch (error) {
				out.problems.push({ kind: 'bad-line', line: lineNo, reason: error instanceof Bad ? error.message : 'not JSON' });
			}
		}
		lineNo++;
	}
	return out;
}

/** Sort order of replay: time, then device, then the device's entry number. Every device sorts alike. */
export function compareEntries(a: EntryBase, b: EntryBase): number {
	if (a.t !== b.t) return a.t - b.t;
	if (a.device !== b.device) return a.device < b.device ? -1 : 1;
	return a.n - b.n;
}
