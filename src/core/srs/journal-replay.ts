/**
 * Review state as a replay of journal entries: every device's entries in one time order
 * (journal-format's compareEntries), so every device that holds the same entries computes the same
 * card states, orphans, log and pinned notes, whatever order the files arrived in.
 *
 * - A grade takes the state it carries when the card is as the grading device saw it (its `before`
 *   fields match); otherwise another device's review came first (two devices studied offline), and
 *   the grade is replayed through the scheduler on top of it (`regrade`), so both reviews count.
 * - An undo is an entry: the grade it names is left out of the replay and the log.
 * - A rename moves states, orphan marks and the log of the old ids to the new ones.
 * - Imported states (a migrated reviews.json, SR's schedules) apply only when newer than what the
 *   card has, unless an undo names their entry.
 */
import type { CardState, ReviewLogEntry } from './card-state';
import { compareEntries, type JournalEntry } from './journal-format';
import { reviewKey } from './review-data';

/** Rebuilds a grade on top of a state its device did not see; keeps the grade's content hash. */
export type Regrade = (before: CardState | undefined, review: ReviewLogEntry, contentHash: string | undefined) => CardState;

export interface ReplayPosition {
	t: number;
	device: string;
	n: number;
}

/** A set of entries by device and number, without a string per entry (a year is 300,000 entries). */
export class EntryKeys {
	private readonly byDevice = new Map<string, Set<number>>();
	has(device: string, n: number): boolean {
		return this.byDevice.get(device)?.has(n) ?? false;
	}
	/** Adds; false when it was there already. */
	add(device: string, n: number): boolean {
		let set = this.byDevice.get(device);
		if (!set) this.byDevice.set(device, (set = new Set()));
		if (set.has(n)) return false;
		set.add(n);
		return true;
	}
}

export class ReplayState {
	readonly states = new Map<string, CardState>();
	readonly orphans = new Map<string, number>();
	readonly pins = new Set<string>();
	/** reviews.json texts (checksums) some device already imported. */
	readonly imported = new Set<string>();
	/** Whether any device ever wrote a pins entry (legacy pins are imported only before that). */
	pinsSeen = false;
	/** The newest entry applied. */
	last: ReplayPosition | null = null;
	private logEntries: ReviewLogEntry[] = [];
	private logSorted = true;
	private readonly logKeys = new Set<string>();
	private readonly logByCard = new Map<string, ReviewLogEntry[]>();

	constructor(
		private readonly regrade?: Regrade,
		/** Grades to leave out (undone). */
		readonly undone: EntryKeys = new EntryKeys(),
	) {}

	/** The log in time order. */
	log(): readonly ReviewLogEntry[] {
		if (!this.logSorted) {
			this.logEntries.sort((a, b) => a.time - b.time);
			this.logSorted = true;
		}
		return this.logEntries;
	}

	addLog(entry: ReviewLogEntry): void {
		const key = reviewKey(entry);
		if (this.logKeys.has(key)) return;
		this.logKeys.add(key);
		const copy = { ...entry };
		const last = this.logEntries[this.logEntries.length - 1];
		if (last && last.time > copy.time) this.logSorted = false;
		this.logEntries.push(copy);
		const list = this.logByCard.get(copy.cardId);
		if (list) list.push(copy);
		else this.logByCard.set(copy.cardId, [copy]);
	}

	/** Takes a grade's review out of the log (an undo applied after the fact). */
	removeLog(review: ReviewLogEntry): void {
		const key = reviewKey(review);
		if (!this.logKeys.delete(key)) return;
		const at = this.logEntries.findIndex((e) => reviewKey(e) === key);
		if (at >= 0) this.logEntries.splice(at, 1);
		const list = this.logByCard.get(review.cardId);
		const i = list?.findIndex((e) => reviewKey(e) === key) ?? -1;
		if (list && i >= 0) list.splice(i, 1);
	}

	/** Applies one entry; entries must come in compareEntries order for the result to be the replay. */
	apply(entry: JournalEntry): void {
		this.last = { t: entry.t, device: entry.device, n: entry.n };
		switch (entry.kind) {
			case 'grade': {
				if (this.undone.has(entry.device, entry.n)) return;
				const id = entry.log.cardId;
				const current = this.states.get(id);
				let next = entry.after;
				if (this.regrade && !sawSameCard(current, entry.log)) next = this.regrade(current, entry.log, entry.after.contentHash);
				this.states.set(id, next);
				this.orphans.delete(id);
				this.addLog(entry.log);
				return;
			}
			case 'undo':
				return;
			case 'rename':
				this.rename(entry.moves);
				return;
			case 'orphan':
				for (const id of entry.ids) if (this.states.has(id) && !this.orphans.has(id)) this.orphans.set(id, entry.t);
				return;
			case 'revive':
				for (const id of entry.ids) this.orphans.delete(id);
				return;
			case 'drop':
				for (const id of entry.ids) {
					this.states.delete(id);
					this.orphans.delete(id);
				}
				return;
			case 'states':
				// An import can be undone (an SR schedule import, journal-store's undoImport).
				if (this.undone.has(entry.device, entry.n)) return;
				for (const [id, state, orphanedAt] of entry.states) {
					const current = this.states.get(id);
					if (current && !isNewer(state, current)) continue;
					this.states.set(id, state);
					if (orphanedAt === null) this.orphans.delete(id);
					else this.orphans.set(id, orphanedAt);
				}
				return;
			case 'log':
				for (const review of entry.log) this.addLog(review);
				return;
			case 'imported':
				this.imported.add(entry.checksum);
				return;
			case 'pins':
				this.pinsSeen = true;
				for (const path of entry.unpin) this.pins.delete(path);
				for (const path of entry.pin) this.pins.add(path);
				return;
		}
	}

	/** All old ids are read before any new one is written, so swaps and chains (a->b, b->c) work. */
	private rename(moves: readonly [string, string][]): void {
		const taken = moves
			.filter(([from, to]) => from !== to)
			.map(([from, to]) => ({ to, state: this.states.get(from), orphanedAt: this.orphans.get(from), log: this.logByCard.get(from) }));
		for (const [from, to] of moves) {
			if (from === to) continue;
			this.states.delete(from);
			this.orphans.delete(from);
			this.logByCard.delete(from);
		}
		for (const { to, state, orphanedAt, log } of taken) {
			if (state) {
				this.states.set(to, state);
				if (orphanedAt === undefined) this.orphans.delete(to);
				else this.orphans.set(to, orphanedAt);
			}
			if (log) {
				for (const review of log) {
					this.logKeys.delete(reviewKey(review));
					review.cardId = to;
					this.logKeys.add(reviewKey(review));
				}
				const existing = this.logByCard.get(to);
				this.logByCard.set(to, existing ? [...existing, ...log] : log);
			}
		}
	}
}

/** The replay of a whole set of entries (any order; duplicates by device and number are dropped). */
export function replayAll(entries: readonly JournalEntry[], regrade?: Regrade): ReplayState {
	const undone = new EntryKeys();
	for (const e of entries) if (e.kind === 'undo') undone.add(e.device, e.of);
	const state = new ReplayState(regrade, undone);
	for (const e of uniqueSorted(entries)) state.apply(e);
	return state;
}

/** Entries in replay order, one per device and number (a retried append may have landed twice). */
export function uniqueSorted(entries: readonly JournalEntry[]): JournalEntry[] {
	const seen = new EntryKeys();
	const out: JournalEntry[] = [];
	for (const e of entries) if (seen.add(e.device, e.n)) out.push(e);
	return out.sort(compareEntries);
}

/** The card is as the grading device saw it just before the grade. */
function sawSameCard(current: CardState | undefined, before: ReviewLogEntry): boolean {
	if (current === undefined) return before.state === 'new' && before.stability === 0;
	return current.state === before.state && current.due === before.due && current.stability === before.stability && current.difficulty === before.difficulty && current.scheduledDays === before.scheduledDays;
}

/** `a` comes from a later review than `b`, or the same one with more repetitions. */
function isNewer(a: CardState, b: CardState): boolean {
	const at = a.lastReview ?? -Infinity;
	const bt = b.lastReview ?? -Infinity;
	if (at !== bt) return at > bt;
	return a.reps > b.reps;
}
