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
 * A new generation is written beside the old one, read back, and only then the old one removed.
 */
import type { ReviewLogEntry } from './card-state';
import { JOURNAL_FOLDER, SEGMENT_LIMIT, stateFromArray, stateToArray } from './journal-format';
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
	const budget = SEGMENT_LIMIT - 200;
	const chunks: string[][] = [[]];
	let size = JSON.stringify(head).length;
	for (const [id, s] of state.states) {
		const row = JSON.stringify([id, stateToArray(s)]);
		if (size + row.length + 1 > budget) {
			chunks.push([]);
			size = 0;
		}
		chunks[chunks.length - 1].push(row);
		size += row.length + 1;
	}
	const files = new Map<string, string>();
	chunks.forEach((rows, i) => {
		const states = JSON.parse(`[${rows.join(',')}]`) as unknown;
		files.set(snapshotName(device, gen, i + 1, chunks.length), part(gen, i + 1, chunks.length, i === 0 ? { ...head, states } : { states }));
	});
	return files;
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
		for (const p of parts) {
			if (!Array.isArray(p.states)) throw new Error('no states');
			for (const row of p.states as unknown[]) {
				if (!Array.isArray(row) || typeof row[0] !== 'string') throw new Error('bad state');
				state.states.set(row[0], stateFromArray(row[1]));
			}
		}
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
