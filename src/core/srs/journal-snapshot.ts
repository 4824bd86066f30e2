/**
 * A device's snapshot: the replayed state up to a known position in every device's journal, so a
 * start-up replays only what came after it instead of years of grades. It is a cache, never the only
 * copy of anything: the journals stay, and a snapshot that is damaged, from a newer version, or
 * behind a late entry (an older grade that synced in after it was written) is simply not used.
 *
 * Files: `reviews/<device>.snapshot.<gen>.<i>-of-<m>.json`, each `{"snapshot":1,"gen":..,"part":i,
 * "of":m,"checksum":..,"length":..,"data":{...}}` and each below the segment limit (the states of a
 * large collection are spread over parts). Part 1 also holds the positions, pins, imported texts and
 * the last 48 hours of the log (what the day's limits count before the full history is read).
 * Card states are stored as columns (see StateColumns).
 * A new generation is written beside the old one, read back, and only then the old one removed.
 */
import { CARD_STATE_NAMES, type CardState, type ReviewLogEntry } from './card-state';
import { JOURNAL_FOLDER, SEGMENT_LIMIT, stateToArray } from './journal-format';
import { ReplayState, type Regrade, type ReplayPosition } from './journal-replay';
import { checksumOf } from './review-data';

export const SNAPSHOT_SCHEMA = 1;
/** The log kept in a snapshot reaches back this far, more than any study day (see review-day.ts). */
export const RECENT_LOG_MS = 48 * 3_600_000;

export interface SnapshotPositions {
	/**
	 * Per device: the highest entry number covered, the segment that holds it, and where its line
	 * ends in that segment (a start-up reads on from there).
	 */
	[device: string]: { n: number; segment: number; end?: number };
}

export interface Snapshot {
	gen: number;
	positions: SnapshotPositions;
	last: ReplayPosition | null;
	state: ReplayState;
}

const SNAPSHOT_FILE = /^([A-Za-z0-9_-]+)\.snapshot\.(\d+)\.(\d+)-of-(\d+)\.json$/;

export function snapshotName(device: string, gen: number, part: number, of: number): string {
	return `${JOURNAL_FOLDER}/${device}.snapshot.${gen}.${part}-of-${of}.json`;
}

export function parseSnapshotName(name: string): { device: string; gen: number; part: number; of: number } | null {
	const m = SNAPSHOT_FILE.exec(name.slice(name.lastIndexOf('/') + 1));
	return m ? { device: m[1], gen: Number(m[2]), part: Number(m[3]), of: Number(m[4]) } : null;
}

function logRow(e: ReviewLogEntry): unknown[] {
	return [e.cardId, e.time, e.rating, e.state, e.elapsedDays, e.scheduledDays, e.due, e.stability, e.difficulty, e.durationMs ?? null];
}

function part(gen: number, index: number, of: number, data: unknown): string {
	const body = JSON.stringify(data);
	return `{"snapshot":${SNAPSHOT_SCHEMA},"gen":${gen},"part":${index},"of":${of},"checksum":"${checksumOf(body)}","length":${body.length},"data":${body}}`;
}

/** The snapshot's files, name -> text. */
export function encodeSnapshot(device: string, gen: number, positions: SnapshotPositions, state: ReplayState, now: number): Map<string, string> {
	const recent = state.log().filter((e) => e.time >= now - RECENT_LOG_MS).map(logRow);
	const head = {
		positions,
		last: state.last,
		orphans: [...state.orphans],
		pins: [...state.pins],
		pinsSeen: state.pinsSeen,
		imported: [...state.imported],
		recent,
	};
	// States go into chunks below the limit, leaving room for the head in part 1.
	const budget = SEGMENT_LIMIT - 1000;
	const chunks: [string, CardState][][] = [[]];
	let size = JSON.stringify(head).length;
	for (const entry of state.states) {
		const rowSize = JSON.stringify(stateToArray(entry[1])).length + JSON.stringify(entry[0]).length;
		if (size + rowSize > budget) {
			chunks.push([]);
			size = 0;
		}
		chunks[chunks.length - 1].push(entry);
		size += rowSize;
	}
	const files = new Map<string, string>();
	chunks.forEach((rows, i) => {
		const states = toColumns(rows);
		files.set(snapshotName(device, gen, i + 1, chunks.length), part(gen, i + 1, chunks.length, i === 0 ? { ...head, states } : { states }));
	});
	return files;
}

/**
 * States as columns (one list per field): a start-up parses flat lists of numbers much faster than
 * 86,000 small lists. `state` is one text with a digit per card (CARD_STATE_NAMES' index).
 */
interface StateColumns {
	ids: string[];
	due: number[];
	stability: number[];
	difficulty: number[];
	elapsedDays: number[];
	scheduledDays: number[];
	learningSteps: number[];
	reps: number[];
	lapses: number[];
	state: string;
	lastReview: (number | null)[];
	contentHash: (string | null)[];
}

function toColumns(rows: readonly [string, CardState][]): StateColumns {
	const c: StateColumns = { ids: [], due: [], stability: [], difficulty: [], elapsedDays: [], scheduledDays: [], learningSteps: [], reps: [], lapses: [], state: '', lastReview: [], contentHash: [] };
	const codes: string[] = [];
	for (const [id, s] of rows) {
		c.ids.push(id);
		c.due.push(s.due);
		c.stability.push(s.stability);
		c.difficulty.push(s.difficulty);
		c.elapsedDays.push(s.elapsedDays);
		c.scheduledDays.push(s.scheduledDays);
		c.learningSteps.push(s.learningSteps);
		c.reps.push(s.reps);
		c.lapses.push(s.lapses);
		codes.push(String(CARD_STATE_NAMES.indexOf(s.state)));
		c.lastReview.push(s.lastReview ?? null);
		c.contentHash.push(s.contentHash ?? null);
	}
	c.state = codes.join('');
	return c;
}

function finite(v: unknown): number {
	if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error('bad number');
	return v;
}

function fromColumns(v: unknown, into: Map<string, CardState>): void {
	if (!isObj(v) || !Array.isArray(v.ids) || typeof v.state !== 'string') throw new Error('no states');
	const c = v as unknown as StateColumns;
	const n = c.ids.length;
	for (const key of ['due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'lastReview', 'contentHash'] as const) {
		if (!Array.isArray(c[key]) || c[key].length !== n) throw new Error('bad columns');
	}
	if (c.state.length !== n) throw new Error('bad columns');
	for (let i = 0; i < n; i++) {
		const name = CARD_STATE_NAMES[c.state.charCodeAt(i) - 48];
		if (name === undefined || typeof c.ids[i] !== 'string') throw new Error('bad state');
		const s: CardState = {
			due: finite(c.due[i]),
			stability: finite(c.stability[i]),
			difficulty: finite(c.difficulty[i]),
			elapsedDays: finite(c.elapsedDays[i]),
			scheduledDays: finite(c.scheduledDays[i]),
			learningSteps: finite(c.learningSteps[i]),
			reps: finite(c.reps[i]),
			lapses: finite(c.lapses[i]),
			state: name,
		};
		const last = c.lastReview[i];
		if (last !== null) s.lastReview = finite(last);
		const hash = c.contentHash[i];
		if (hash !== null) {
			if (typeof hash !== 'string') throw new Error('bad hash');
			s.contentHash = hash;
		}
		into.set(c.ids[i], s);
	}
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads a snapshot from its parts' texts (part 1 first). Null when any part is missing, damaged,
 * from another generation or from a newer schema: the caller then replays the journals instead.
 */
export function decodeSnapshot(gen: number, texts: readonly (string | null)[], regrade?: Regrade): Snapshot | null {
	try {
		const parts = texts.map((text, i) => {
			if (text === null) throw new Error('missing part');
			// The checksum covers the data's text as written: checked on the raw text, parsed once.
			const at = text.indexOf(',"data":');
			if (at < 0 || !text.endsWith('}')) throw new Error('not a snapshot');
			const head = JSON.parse(`${text.slice(0, at)}}`) as unknown;
			const body = text.slice(at + 8, -1);
			if (!isObj(head) || head.snapshot !== SNAPSHOT_SCHEMA || head.gen !== gen || head.part !== i + 1 || head.of !== texts.length) throw new Error('not this snapshot');
			if (head.length !== body.length || head.checksum !== checksumOf(body)) throw new Error('checksum');
			const data = JSON.parse(body) as unknown;
			if (!isObj(data)) throw new Error('no data');
			return data;
		});
		const head = parts[0];
		const state = new ReplayState(regrade);
		for (const p of parts) fromColumns(p.states, state.states);
		for (const [id, at] of head.orphans as [string, number][]) state.orphans.set(id, at);
		for (const path of head.pins as string[]) state.pins.add(path);
		state.pinsSeen = head.pinsSeen === true;
		for (const c of head.imported as string[]) state.imported.add(c);
		for (const r of head.recent as unknown[][]) {
			state.addLog({
				cardId: r[0] as string,
				time: r[1] as number,
				rating: r[2] as ReviewLogEntry['rating'],
				state: r[3] as ReviewLogEntry['state'],
				elapsedDays: r[4] as number,
				scheduledDays: r[5] as number,
				due: r[6] as number,
				stability: r[7] as number,
				difficulty: r[8] as number,
				...(r[9] === null ? {} : { durationMs: r[9] as number }),
			});
		}
		state.last = (head.last as ReplayPosition | null) ?? null;
		if (!isObj(head.positions)) throw new Error('no positions');
		return { gen, positions: head.positions as SnapshotPositions, last: state.last, state };
	} catch {
		return null;
	}
}
