/**
 * Card states, the review log and pinned notes, kept as one append-only journal per device
 * (journal-format.ts) and read back as the replay of every device's journal (journal-replay.ts).
 *
 * What it promises:
 * - A grade (or undo, rename, orphan mark, pin) is one line appended to this device's own journal;
 *   `flush()` resolves once every line so far is on disk. The review modal awaits it before it shows
 *   the next card, so a crash or a killed app loses at most the grade being given.
 * - This device writes only files with its own id in the name; other devices' files are only read.
 * - No file grows past the segment limit: journals roll into numbered segments, snapshots are split.
 * - A torn last line (a crash during an append) or a line that is not an entry is skipped and
 *   reported; the device then writes on in a new segment, never after a torn line.
 * - A journal from a newer schema makes the store read-only: nothing is written.
 * - Start-up reads the newest usable snapshot and the entries after it; the whole history (for
 *   statistics and the CSV export) is read afterwards by `loadHistory()`.
 */
import type { CardState, ReviewLogEntry } from './card-state';
import {
	IDS_PER_LINE,
	JOURNAL_FOLDER,
	JOURNAL_SCHEMA,
	SEGMENT_LIMIT,
	compareEntries,
	encodeEntry,
	headerLine,
	parseSegment,
	parseSegmentName,
	segmentName,
	type EntryBody,
	type JournalEntry,
	type ParsedSegment,
} from './journal-format';
import { LEGACY_COPY_FILE, importBodies, readLegacyReviews } from './journal-migration';
import { EntryKeys, ReplayState, replayAll, type Regrade } from './journal-replay';
import { decodeSnapshot, encodeSnapshot, parseSnapshotName, type SnapshotPositions } from './journal-snapshot';
import type { JournalPersistence } from './persistence';

const DAY_MS = 86_400_000;
const UNDO_LIMIT = 1000;

export interface JournalStoreOptions {
	/** This device's id (random, kept in the device's local storage, never in a synced file). */
	device: string;
	now?: () => number;
	/** Replays a grade through the scheduler on top of a state its device had not seen. */
	regrade?: Regrade;
	/** How a file name is shown to the user, e.g. with the plugin folder in front. */
	describeFile?: (name: string) => string;
	orphanRetentionDays?: number;
	/** Pinned notes from settings of older versions, taken in once. */
	legacyPins?: readonly string[];
	/** Write a new snapshot once this many entries are not in the newest one. */
	snapshotEvery?: number;
	/** Characters after which a segment rolls over (tests make it small). */
	segmentLimit?: number;
	/** Called when a background write fails (the entry stays pending and the next flush retries it). */
	onSaveError?: (error: unknown) => void;
}

interface UndoItem {
	cardId: string;
	previous: CardState | undefined;
	n: number;
	review: ReviewLogEntry;
	/** The state object the grade left, to tell whether anything was applied on top of it since. */
	applied: CardState | undefined;
}

/** One import of states (ImportBatch): its entries and what each card held before, to undo it whole. */
interface ImportBatch {
	ns: number[];
	previous: Map<string, CardState | undefined>;
	applied: Map<string, CardState | undefined>;
}

interface Pending {
	entry: JournalEntry;
	text: string;
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class JournalStore {
	private replay: ReplayState;
	/** Every entry, once the whole history is read (null before). */
	private all: JournalEntry[] | null = null;
	/** Entries this device made since it opened (whatever is in `all`). */
	private readonly own: JournalEntry[] = [];
	private readonly known = new EntryKeys();
	/** Characters of each journal file already read. */
	private readonly seenSize = new Map<string, number>();
	private readonly pending: Pending[] = [];
	private chain: Promise<void> = Promise.resolve();
	private undoStack: UndoItem[] = [];
	private imports: ImportBatch[] = [];
	private nextN: number;
	private segment: number;
	private segmentLength: number;
	/** The current segment must not be appended to again (a failed append may have torn it). */
	private sealed: boolean;
	private folderReady = false;
	private _lastSaveError: unknown = null;
	private historyLoad: Promise<void> | null = null;
	private entriesSinceSnapshot: number;
	private ownSnapshotGens: number[];
	private readonly now: () => number;
	private readonly listeners = new Set<() => void>();

	private constructor(
		private readonly files: JournalPersistence,
		private readonly options: JournalStoreOptions,
		init: {
			replay: ReplayState;
			all: JournalEntry[] | null;
			known: readonly JournalEntry[];
			seen: Map<string, number>;
			nextN: number;
			segment: number;
			segmentLength: number;
			sealed: boolean;
			readOnly: string | null;
			notices: string[];
			uncovered: number;
			ownSnapshotGens: number[];
		},
	) {
		this.now = options.now ?? Date.now;
		this.replay = init.replay;
		this.all = init.all;
		for (const e of init.known) this.known.add(e.device, e.n);
		for (const [k, v] of init.seen) this.seenSize.set(k, v);
		this.nextN = init.nextN;
		this.segment = init.segment;
		this.segmentLength = init.segmentLength;
		this.sealed = init.sealed;
		this.readOnlyReason = init.readOnly;
		this.notices = init.notices;
		this.entriesSinceSnapshot = init.uncovered;
		this.ownSnapshotGens = init.ownSnapshotGens;
	}

	/** Why nothing is written (a journal from a newer version), or null. */
	readonly readOnlyReason: string | null;
	/** What the user should be told about the files on disk (torn lines, migration), one sentence each. */
	readonly notices: string[];

	get readOnly(): boolean {
		return this.readOnlyReason !== null;
	}

	get device(): string {
		return this.options.device;
	}

	static async open(files: JournalPersistence, options: JournalStoreOptions): Promise<JournalStore> {
		const show = options.describeFile ?? ((name: string) => name);
		const device = options.device;
		const names = await files.list(JOURNAL_FOLDER).catch(() => [] as string[]);
		const segments = new Map<string, number[]>();
		const snapshots = new Map<string, Map<number, number>>();
		for (const name of names) {
			const seg = parseSegmentName(name);
			if (seg) {
				const list = segments.get(seg.device) ?? [];
				list.push(seg.segment);
				segments.set(seg.device, list);
				continue;
			}
			const snap = parseSnapshotName(name);
			if (snap) {
				const gens = snapshots.get(snap.device) ?? new Map<number, number>();
				gens.set(snap.gen, snap.of);
				snapshots.set(snap.device, gens);
			}
		}
		for (const list of segments.values()) list.sort((a, b) => a - b);

		// The newest usable snapshot: this device's own first, then the others'.
		const candidates: { device: string; gen: number; of: number }[] = [];
		for (const [dev, gens] of snapshots) for (const [gen, of] of gens) candidates.push({ device: dev, gen, of });
		candidates.sort((a, b) => (a.device === device) !== (b.device === device) ? (a.device === device ? -1 : 1) : b.gen - a.gen);
		let snapshot = null;
		for (const c of candidates.slice(0, 3)) {
			const texts: (string | null)[] = [];
			for (let i = 1; i <= c.of; i++) texts.push(await files.read(`${JOURNAL_FOLDER}/${c.device}.snapshot.${c.gen}.${i}-of-${c.of}.json`).catch(() => null));
			snapshot = decodeSnapshot(c.gen, texts, options.regrade);
			if (snapshot) break;
		}
		const positions: SnapshotPositions = snapshot?.positions ?? {};
		const covered = (e: JournalEntry) => e.n <= (positions[e.device]?.n ?? 0);

		const notices: string[] = [];
		let readOnly: string | null = null;
		const seen = new Map<string, number>();
		const parsed: ParsedSegment[] = [];
		const readSegment = async (dev: string, seg: number, from = 0): Promise<void> => {
			const name = segmentName(dev, seg);
			let text: string | null;
			try {
				text = await files.read(name);
			} catch (error) {
				notices.push(`Cloudnotes could not read ${show(name)} (${errorText(error)}); its reviews are missing until it can be read.`);
				return;
			}
			if (text === null) return;
			seen.set(name, text.length);
			const result = parseSegment(text, { device: dev, segment: seg }, from <= text.length ? from : 0);
			parsed.push(result);
			if (result.newerSchema !== null) {
				readOnly = `${show(name)} was written by a newer version of Cloudnotes (journal schema ${result.newerSchema}; this version reads ${JOURNAL_SCHEMA}). Nothing will be saved until you update the plugin, so no file is changed.`;
			}
			for (const p of result.problems) {
				const whose = dev === device ? '' : ' (written by another device: it may still be syncing)';
				notices.push(`${show(name)}, line ${p.line}${whose}: ${p.reason}. That line was skipped; everything before it is kept.`);
			}
		};
		for (const [dev, list] of segments) {
			const from = positions[dev]?.segment ?? 0;
			// The snapshot's own segment is read on from where its last covered line ends.
			for (const seg of list) if (seg >= from) await readSegment(dev, seg, seg === from ? positions[dev]?.end ?? 0 : 0);
		}
		let tail = parsed.flatMap((p) => p.entries).filter((e) => !covered(e));
		const undoOfCovered = tail.some((e) => e.kind === 'undo' && e.of <= (positions[e.device]?.n ?? 0));
		const late = snapshot !== null && snapshot.last !== null && tail.some((e) => compareEntries(e, snapshot.last!) <= 0);
		let replay: ReplayState;
		let all: JournalEntry[] | null = null;
		if (snapshot === null || undoOfCovered || late) {
			// No snapshot, or entries it cannot take on top: read everything and replay it.
			parsed.length = 0;
			notices.length = 0;
			for (const [dev, list] of segments) for (const seg of list) await readSegment(dev, seg);
			all = parsed.flatMap((p) => p.entries);
			tail = all;
			replay = replayAll(all, options.regrade);
		} else {
			replay = snapshot.state;
			for (const e of tail) if (e.kind === 'undo') replay.undone.add(e.device, e.of);
			const seenKeys = new EntryKeys();
			for (const e of tail.sort(compareEntries)) if (seenKeys.add(e.device, e.n)) replay.apply(e);
		}

		// Where this device writes next: after its newest segment, in a new one if that one's end is torn.
		const ownSegments = segments.get(device) ?? [];
		const lastSegment = ownSegments.length > 0 ? ownSegments[ownSegments.length - 1] : 0;
		const lastParsed = parsed.find((p) => p.device === device && p.segment === lastSegment);
		let maxN = positions[device]?.n ?? 0;
		for (const p of parsed) for (const e of p.entries) if (e.device === device && e.n > maxN) maxN = e.n;
		const store = new JournalStore(files, options, {
			replay,
			all,
			known: tail,
			seen,
			nextN: maxN + 1,
			segment: lastSegment,
			segmentLength: seen.get(segmentName(device, lastSegment)) ?? 0,
			sealed: lastParsed === undefined ? lastSegment > 0 : lastParsed.tornTail || lastParsed.problems.length > 0,
			readOnly,
			notices,
			uncovered: tail.length,
			ownSnapshotGens: [...(snapshots.get(device)?.keys() ?? [])],
		});
		if (all === null) store.covered = positions;
		await store.takeInLegacy(true);
		// Far from the last snapshot: read everything once in the background and write a new one, so
		// later start-ups stay short (loadHistory writes it).
		if (tail.length >= (options.snapshotEvery ?? 1000)) {
			if (all !== null) void store.writeSnapshot().catch(() => undefined);
			else void store.loadHistory().catch(() => undefined);
		}
		return store;
	}

	/** Changes to states or history that did not come from this device's own calls (a sync, the history load). */
	onChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	stateOf(cardId: string): CardState | undefined {
		return this.replay.states.get(cardId);
	}

	states(): ReadonlyMap<string, CardState> {
		return this.replay.states;
	}

	/** The log as far as it is read: the last two days and everything since, then all of it after loadHistory(). */
	log(): readonly ReviewLogEntry[] {
		return this.replay.log();
	}

	orphans(): ReadonlyMap<string, number> {
		return this.replay.orphans;
	}

	/** Notes outside the scan scope that were studied ("Review this note"). */
	pinned(): readonly string[] {
		return [...this.replay.pins];
	}

	get historyComplete(): boolean {
		return this.all !== null;
	}

	/** Every review ever logged, on every device (reads the whole journal once). */
	async history(): Promise<readonly ReviewLogEntry[]> {
		await this.loadHistory();
		return this.replay.log();
	}

	get hasUnsavedChanges(): boolean {
		return this.pending.length > 0;
	}

	get lastSaveError(): unknown {
		return this._lastSaveError;
	}

	/** Stores a grade: in memory at once, on disk once `flush()` resolves. */
	record(cardId: string, state: CardState, log: ReviewLogEntry): void {
		const previous = this.replay.states.get(cardId);
		const entry = this.add({ kind: 'grade', log: { ...log, cardId }, after: state }, log.time);
		this.undoStack.push({ cardId, previous, n: entry.n, review: { ...log, cardId }, applied: this.replay.states.get(cardId) });
		if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
	}

	/** Takes back the most recent grade of this run: an undo entry, and the card as it was before. */
	undoLast(): { cardId: string; previous: CardState | undefined } | null {
		const last = this.undoStack.pop();
		if (!last) return null;
		this.replay.undone.add(this.device, last.n);
		const current = this.replay.states.get(last.cardId);
		if (current !== undefined && current === last.applied) {
			// Nothing was applied to the card since: its state before the grade is the replay without it.
			if (last.previous) this.replay.states.set(last.cardId, last.previous);
			else this.replay.states.delete(last.cardId);
			this.replay.removeLog(last.review);
			this.add({ kind: 'undo', of: last.n }, this.now(), false);
		} else if (this.all !== null) {
			this.add({ kind: 'undo', of: last.n }, this.now(), false);
			this.replayEverything();
		} else {
			// The whole history is not read yet: show the card as it was, and replay exactly once it is.
			if (last.previous) this.replay.states.set(last.cardId, last.previous);
			else this.replay.states.delete(last.cardId);
			this.replay.removeLog(last.review);
			this.add({ kind: 'undo', of: last.n }, this.now(), false);
			this.replayEverything();
		}
		return { cardId: last.cardId, previous: this.replay.states.get(last.cardId) };
	}

	/**
	 * Takes in card states from elsewhere (the Spaced Repetition plugin's schedule comments): one
	 * `states` entry per card, so each card's import is its own line, applied like any imported
	 * state (only when newer than what the card has). `undoImport` takes the whole batch back.
	 * Returns how many entries were written.
	 */
	importStates(states: readonly (readonly [string, CardState])[]): number {
		if (states.length === 0) return 0;
		const batch: ImportBatch = { ns: [], previous: new Map(), applied: new Map() };
		const t = this.now();
		for (const [id, state] of states) {
			if (!batch.previous.has(id)) batch.previous.set(id, this.replay.states.get(id));
			batch.ns.push(this.add({ kind: 'states', states: [[id, state, null]] }, t).n);
			batch.applied.set(id, this.replay.states.get(id));
		}
		this.imports.push(batch);
		return batch.ns.length;
	}

	/** Whether this run made an import that can still be undone. */
	get canUndoImport(): boolean {
		return this.imports.length > 0;
	}

	/**
	 * Takes back the most recent import of this run, as one step: an undo entry per card's entry,
	 * and every card as it was before. Returns how many cards it restored (0: nothing to undo).
	 */
	undoImport(): number {
		const batch = this.imports.pop();
		if (!batch) return 0;
		const t = this.now();
		let touchedSince = false;
		for (const n of batch.ns) {
			this.replay.undone.add(this.device, n);
			this.add({ kind: 'undo', of: n }, t, false);
		}
		for (const [id, applied] of batch.applied) if (this.replay.states.get(id) !== applied) touchedSince = true;
		if (!touchedSince || this.all === null) {
			for (const [id, previous] of batch.previous) {
				if (previous) this.replay.states.set(id, previous);
				else this.replay.states.delete(id);
			}
		}
		// A grade or sync landed on top of an imported card: only the replay knows its state now.
		if (touchedSince) this.replayEverything();
		return batch.previous.size;
	}

	/**
	 * Marks cards missing from the notes as orphans, revives orphans that are back, and drops orphans
	 * older than the retention period. The log keeps their reviews either way.
	 */
	reconcile(liveCardIds: Iterable<string>, now: number): void {
		const live = new Set(liveCardIds);
		const retention = (this.options.orphanRetentionDays ?? 30) * DAY_MS;
		const orphan: string[] = [];
		const revive: string[] = [];
		const drop: string[] = [];
		for (const id of this.replay.states.keys()) {
			const at = this.replay.orphans.get(id);
			if (live.has(id)) {
				if (at !== undefined) revive.push(id);
			} else if (at === undefined) orphan.push(id);
			else if (now - at > retention) drop.push(id);
		}
		for (const [kind, ids] of [['revive', revive], ['orphan', orphan], ['drop', drop]] as const) {
			for (let i = 0; i < ids.length; i += IDS_PER_LINE) this.add({ kind, ids: ids.slice(i, i + IDS_PER_LINE) }, now);
		}
	}

	/** Moves states, log entries and undo history to new ids after a note was renamed or moved. */
	renameCards(pairs: { oldId: string; newId: string }[]): void {
		const moves = pairs.filter((p) => p.oldId !== p.newId).map((p) => [p.oldId, p.newId] as [string, string]);
		if (moves.length === 0) return;
		const map = new Map(moves);
		for (let i = 0; i < moves.length; i += IDS_PER_LINE) this.add({ kind: 'rename', moves: moves.slice(i, i + IDS_PER_LINE) }, this.now());
		for (const u of this.undoStack) {
			const to = map.get(u.cardId);
			if (to !== undefined) {
				u.cardId = to;
				u.review = { ...u.review, cardId: to };
			}
		}
	}

	/** Pins and unpins notes; resolves once that is on disk. */
	pinNotes(pin: readonly string[], unpin: readonly string[] = []): Promise<void> {
		const add = pin.filter((p) => !this.replay.pins.has(p));
		const remove = unpin.filter((p) => this.replay.pins.has(p));
		if (add.length === 0 && remove.length === 0) return Promise.resolve();
		this.add({ kind: 'pins', pin: add, unpin: remove }, this.now());
		return this.flush();
	}

	/**
	 * Resolves once every entry made so far is appended to disk; rejects when one could not be (it
	 * stays pending and the next flush tries again).
	 */
	flush(): Promise<void> {
		const run = this.chain.then(() => this.drain());
		this.chain = run.catch(() => undefined);
		return run;
	}

	/**
	 * Reads the whole history (every segment of every device) and replays it; the state then is the
	 * exact replay, and a new snapshot is written when the newest one is far behind.
	 */
	loadHistory(): Promise<void> {
		if (this.all !== null) return Promise.resolve();
		this.historyLoad ??= (async () => {
			const entries = await this.readAll();
			// This device's entries still on their way to disk (or made while the files were read) belong in it too.
			entries.push(...this.own);
			this.all = dedupe(entries);
			for (const e of this.all) this.known.add(e.device, e.n);
			this.replayEverything();
			this.emit();
			if (this.entriesSinceSnapshot >= (this.options.snapshotEvery ?? 1000)) void this.writeSnapshot().catch(() => undefined);
		})();
		return this.historyLoad;
	}

	/**
	 * Takes in what other devices appended since (a sync), and reviews a device on an older version
	 * wrote to reviews.json. Resolves to whether anything came in.
	 */
	async refreshFromDisk(): Promise<boolean> {
		const fresh: JournalEntry[] = [];
		const names = await this.files.list(JOURNAL_FOLDER).catch(() => [] as string[]);
		for (const name of names) {
			const seg = parseSegmentName(name);
			if (!seg || seg.device === this.device) continue;
			const size = this.files.size ? await this.files.size(name).catch(() => null) : null;
			if (size !== null && size === this.seenSize.get(name)) continue;
			const text = await this.files.read(name).catch(() => null);
			if (text === null || text.length === this.seenSize.get(name)) continue;
			this.seenSize.set(name, text.length);
			const parsed = parseSegment(text, seg);
			if (parsed.newerSchema !== null) continue;
			for (const e of parsed.entries) if (!this.known.has(e.device, e.n) && e.n > (this.covered[e.device]?.n ?? 0)) fresh.push(e);
		}
		let changed = false;
		if (fresh.length > 0) {
			for (const e of fresh) this.known.add(e.device, e.n);
			this.all?.push(...fresh);
			fresh.sort(compareEntries);
			const last = this.replay.last;
			const inOrder = (last === null || compareEntries(fresh[0], last) > 0) && !fresh.some((e) => e.kind === 'undo');
			if (inOrder) for (const e of fresh) this.replay.apply(e);
			else if (this.all === null) await this.loadHistory();
			else this.replayEverything();
			this.entriesSinceSnapshot += fresh.length;
			changed = true;
		}
		if (await this.takeInLegacy(false)) changed = true;
		if (changed) this.emit();
		return changed;
	}

	/** Writes a snapshot of the entries every device has on disk here, then removes the older ones. */
	writeSnapshot(): Promise<void> {
		if (this.snapshotting) return this.snapshotting;
		const run = (async () => {
			if (this.readOnly || this.all === null) return;
			// Only a contiguous run of each device's entries is covered, so a later start can tell
			// exactly which entries the snapshot holds.
			const byDevice = new Map<string, Set<number>>();
			for (const e of this.all) {
				// Only entries known to be on disk: a snapshot never holds more than the journals.
				if (e.segment === undefined) continue;
				const set = byDevice.get(e.device) ?? new Set<number>();
				set.add(e.n);
				byDevice.set(e.device, set);
			}
			const positions: SnapshotPositions = {};
			for (const [dev, ns] of byDevice) {
				let n = 0;
				while (ns.has(n + 1)) n++;
				if (n > 0) positions[dev] = { n, segment: 0 };
			}
			const coveredEntries = this.all.filter((e) => e.n <= (positions[e.device]?.n ?? 0));
			for (const e of coveredEntries) {
				const pos = positions[e.device];
				if (e.segment !== undefined && e.n === pos.n) {
					pos.segment = e.segment;
					pos.end = e.end;
				}
			}
			const state = replayAll(coveredEntries, this.options.regrade);
			const gen = Math.max(this.now(), ...this.ownSnapshotGens.map((g) => g + 1));
			const texts = encodeSnapshot(this.device, gen, positions, state, this.now());
			await this.ensureFolder();
			for (const [name, text] of texts) await this.files.write(name, text);
			// Read back before anything older is removed.
			const back: (string | null)[] = [];
			for (const name of texts.keys()) back.push(await this.files.read(name).catch(() => null));
			if (!decodeSnapshot(gen, back)) return;
			const names = await this.files.list(JOURNAL_FOLDER).catch(() => [] as string[]);
			for (const name of names) {
				const snap = parseSnapshotName(name);
				if (snap && snap.device === this.device && snap.gen !== gen) await this.files.remove(name).catch(() => undefined);
			}
			this.ownSnapshotGens = [gen];
			this.entriesSinceSnapshot = this.all.length - coveredEntries.length;
		})();
		this.snapshotting = run.finally(() => (this.snapshotting = null));
		return this.snapshotting;
	}

	private snapshotting: Promise<void> | null = null;

	/** What the snapshot used at start-up covers: entries at or below these numbers are in the state already. */
	private covered: SnapshotPositions = {};

	private async readAll(): Promise<JournalEntry[]> {
		const names = await this.files.list(JOURNAL_FOLDER).catch(() => [] as string[]);
		const out: JournalEntry[] = [];
		for (const name of names) {
			const seg = parseSegmentName(name);
			if (!seg) continue;
			const text = await this.files.read(name).catch(() => null);
			if (text === null) continue;
			if (seg.device !== this.device) this.seenSize.set(name, text.length);
			const parsed = parseSegment(text, seg);
			for (const e of parsed.entries) out.push(e);
		}
		return out;
	}

	/** Replaces the state with the exact replay of every entry (needs the whole history; until then it waits for it). */
	private replayEverything(): void {
		if (this.all === null) {
			// Approximate until the history is read; loadHistory ends with the exact replay.
			void this.loadHistory();
			return;
		}
		// Undo entries are in `all` too: the replay collects them itself.
		this.replay = replayAll(this.all, this.options.regrade);
		// Undo items keep pointing at states for the identity check; after a rebuild they no longer can.
		for (const u of this.undoStack) u.applied = undefined;
	}

	/** Makes an entry of this device: applied in memory now, appended on the chain. */
	private add(body: EntryBody, t: number, apply = true): JournalEntry {
		const entry = { ...body, device: this.device, n: this.nextN++, t };
		this.known.add(entry.device, entry.n);
		this.own.push(entry);
		this.all?.push(entry);
		this.entriesSinceSnapshot++;
		const last = this.replay.last;
		if (apply) {
			if (last !== null && compareEntries(entry, last) < 0 && entry.kind !== 'pins') {
				// Another device's clock is ahead: the replay order puts this entry earlier.
				this.replay.apply(entry);
				this.replayEverything();
			} else this.replay.apply(entry);
		} else if (last === null || compareEntries(entry, last) > 0) this.replay.last = { t: entry.t, device: entry.device, n: entry.n };
		this.pending.push({ entry, text: encodeEntry(entry.n, entry.t, body) });
		this.flush().catch((error: unknown) => this.options.onSaveError?.(error));
		if (this.entriesSinceSnapshot >= (this.options.snapshotEvery ?? 1000) * 5 && this.all !== null) void this.writeSnapshot().catch(() => undefined);
		return entry;
	}

	private async ensureFolder(): Promise<void> {
		if (this.folderReady) return;
		await this.files.mkdir?.(JOURNAL_FOLDER);
		this.folderReady = true;
	}

	/** Appends pending entries in order; stops at the first failure (the segment is then left behind). */
	private async drain(): Promise<void> {
		if (this.pending.length === 0) return;
		if (this.readOnlyReason !== null) throw new Error(this.readOnlyReason);
		await this.ensureFolder();
		while (this.pending.length > 0) {
			const { entry, text } = this.pending[0];
			if (this.sealed || this.segment === 0 || this.segmentLength + text.length > (this.options.segmentLimit ?? SEGMENT_LIMIT)) {
				this.segment++;
				this.segmentLength = 0;
				this.sealed = false;
			}
			const out = this.segmentLength === 0 ? headerLine(this.device, this.segment) + text : text;
			try {
				await this.files.append(segmentName(this.device, this.segment), out);
			} catch (error) {
				// Part of the line may be there: never append after it; the next try starts a new segment.
				this.sealed = true;
				this._lastSaveError = error;
				throw error;
			}
			this.segmentLength += out.length;
			entry.segment = this.segment;
			entry.end = this.segmentLength;
			this.pending.shift();
		}
		this._lastSaveError = null;
	}

	/**
	 * Takes in reviews.json when no device has taken in its current text yet: on the first start of
	 * this version, and after a device on an older version wrote it. Resolves to whether it did.
	 */
	private async takeInLegacy(first: boolean): Promise<boolean> {
		if (this.readOnly) return false;
		const show = this.options.describeFile ?? ((name: string) => name);
		let took = false;
		const legacy = await readLegacyReviews(this.files, show);
		if (legacy.kind === 'problem') {
			if (first) this.notices.push(legacy.notice);
		} else if (legacy.kind === 'data' && !this.replay.imported.has(legacy.checksum)) {
			if ((await this.files.read(LEGACY_COPY_FILE).catch(() => null)) === null) {
				await this.files.write(LEGACY_COPY_FILE, legacy.text).catch(() => undefined);
			}
			const t = this.now();
			for (const body of importBodies(legacy.data, legacy.checksum)) this.add(body, t);
			if (legacy.notice) this.notices.push(legacy.notice);
			took = true;
		}
		const pins = this.options.legacyPins ?? [];
		if (first && !this.replay.pinsSeen && pins.length > 0) {
			this.add({ kind: 'pins', pin: [...pins], unpin: [] }, this.now());
			took = true;
		}
		if (took) await this.flush().catch((error: unknown) => this.options.onSaveError?.(error));
		return took;
	}

	private emit(): void {
		for (const listener of [...this.listeners]) listener();
	}
}

/** One entry per device and number (a retried append may have landed twice), first kept. */
function dedupe(entries: readonly JournalEntry[]): JournalEntry[] {
	const keys = new EntryKeys();
	return entries.filter((e) => keys.add(e.device, e.n));
}
