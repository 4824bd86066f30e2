/**
 * Card states and the review log, kept in the plugin's own files and never in notes.
 *
 * Safety protocol (see review-data.ts for the file format):
 * - Every save first writes the last content known to be good on the main file to the backup file,
 *   then writes the main file. A save that dies at any point leaves at least one intact copy holding
 *   everything up to the previous successful save.
 * - Saves run one after another on a single chain, and each one encodes the data as it is when it
 *   starts, so a late save can only ever write newer data than an earlier one.
 * - On load, a damaged main file falls back to the backup; the damaged text is first copied to a new
 *   name so that nothing the user had is overwritten. A file from a newer schema makes the store
 *   read-only: it writes nothing at all.
 * - Another device may write the main file meanwhile (a synced vault). Every save first reads it:
 *   if it is not what this store last read or wrote, its reviews are merged in (review-merge.ts)
 *   before anything is written; a damaged one is copied away first; one from a newer schema makes
 *   the store read-only.
 */

import type { CardState, ReviewLogEntry } from './card-state';
import { decodeReviewData, emptyReviewData, encodeReviewData, type DecodeResult, type ReviewData } from './review-data';
import { mergeReviewData, parseReviewKey, reviewKey } from './review-merge';
import { REVIEW_BACKUP_FILE, REVIEW_FILE, type Persistence } from './persistence';

const DAY_MS = 86_400_000;

export type LoadProblemKind = 'corrupt' | 'half-written' | 'newer-schema' | 'unreadable';

export interface LoadProblem {
	kind: LoadProblemKind;
	/** For a Notice: what happened, where the good copy is, what to do. */
	message: string;
	recoveredFromBackup: boolean;
	/** Names the damaged files were copied to before anything could overwrite them (for a localised message). */
	keptCopies: string[];
}

export interface ReviewStoreOptions {
	/** Clock for save stamps, orphan ages and file names of preserved copies. */
	now?: () => number;
	/** Quiet time after the last grade before saving. */
	debounceMs?: number;
	/** Timer for the debounce. Without one, every change is saved at once (still one save at a time). */
	setTimer?: (fn: () => void, ms: number) => unknown;
	clearTimer?: (handle: unknown) => void;
	/** Called when a debounced save fails; the change stays pending and the next save retries it. */
	onSaveError?: (error: unknown) => void;
	/** How a file name is shown to the user, e.g. with the plugin folder in front. */
	describeFile?: (name: string) => string;
	/** Days a card missing from the notes keeps its state. */
	orphanRetentionDays?: number;
	/**
	 * Rebuilds a card's state from its reviews, oldest first (the plugin replays them through its
	 * scheduler). Needed when an undo takes back a review whose state had replaced one from another
	 * device: only the log still knows the reviews before it.
	 */
	replay?: (cardId: string, reviews: readonly ReviewLogEntry[]) => CardState | undefined;
}

interface UndoEntry {
	cardId: string;
	previous: CardState | undefined;
	entry: ReviewLogEntry;
}

/** Enough to undo a whole long session; older grades are settled. */
const UNDO_LIMIT = 1000;

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class ReviewStore {
	private data: ReviewData;
	private undoStack: UndoEntry[] = [];
	/** Counts changes; a save is needed while it differs from savedGeneration. */
	private generation = 0;
	private savedGeneration = 0;
	/**
	 * The newest text known to be intact on disk: in the main file when `mainIntact`, otherwise in the
	 * backup file (it was loaded from there, or the main write after it failed).
	 */
	private lastGoodText: string | null;
	private mainIntact: boolean;
	private saveChain: Promise<void> = Promise.resolve();
	private timer: unknown = undefined;
	private readonly now: () => number;
	private readonly debounceMs: number;
	private readonly orphanRetentionMs: number;
	private _lastSaveError: unknown = null;
	/** Our last write to the main file did not finish: what is there may be torn, and is not news. */
	private ownMainWriteFailed = false;
	/** Why saving stopped during the session (null: it did not). */
	private stoppedBecause: string | null = null;

	private constructor(
		private readonly persistence: Persistence,
		private readonly options: ReviewStoreOptions,
		loaded: ReviewData,
		lastGoodText: string | null,
		mainIntact: boolean,
		readonly loadProblem: LoadProblem | null,
		private _readOnly: boolean,
		/** The schema the data was migrated from on load, if it was. */
		readonly migratedFrom: number | null,
		/** The main file's text as this store last saw it, good or not (null: unknown or none). */
		private seenMainText: string | null = null,
	) {
		this.data = loaded;
		this.lastGoodText = lastGoodText;
		this.mainIntact = mainIntact;
		this.now = options.now ?? Date.now;
		this.debounceMs = options.debounceMs ?? 2000;
		this.orphanRetentionMs = (options.orphanRetentionDays ?? 30) * DAY_MS;
	}

	static async open(persistence: Persistence, options: ReviewStoreOptions = {}): Promise<ReviewStore> {
		const now = options.now ?? Date.now;
		const show = options.describeFile ?? ((name: string) => name);
		const main = await readSafely(persistence, REVIEW_FILE);
		// A store made here from the main file's own text has an intact main file; every other case
		// (recovered from the backup, or starting over) has not, and its first save writes only the main file.
		const make = (data: ReviewData, goodText: string | null, problem: LoadProblem | null, readOnly: boolean, migratedFrom: number | null = null) =>
			new ReviewStore(persistence, options, data, goodText, goodText !== null && main.kind === 'text' && goodText === main.text, problem, readOnly, migratedFrom, main.kind === 'text' ? main.text : null);

		if (main.kind === 'missing') {
			const backup = await readSafely(persistence, REVIEW_BACKUP_FILE);
			if (backup.kind !== 'text') return make(emptyReviewData(), null, null, false);
			// The main file is gone but a backup exists: the last save was interrupted between removing
			// and writing, or the file was deleted by hand. The backup is the best history there is.
			const decoded = decodeReviewData(backup.text);
			if (decoded.ok) {
				const store = make(decoded.data, backup.text, {
					kind: 'half-written',
					recoveredFromBackup: true,
					keptCopies: [],
					message: `Cloudnotes did not find its review history in ${show(REVIEW_FILE)} and loaded the copy in ${show(REVIEW_BACKUP_FILE)}. Reviews from the last few seconds before the file went missing may need to be repeated; nothing else is lost.`,
				}, false, decoded.migratedFrom ?? null);
				store.changed();
				return store;
			}
			if (decoded.kind === 'newer-schema') return make(emptyReviewData(), null, newerSchemaProblem(show(REVIEW_BACKUP_FILE), decoded.reason), true);
			const kept = await preserve(persistence, REVIEW_BACKUP_FILE, backup.text, now());
			return make(emptyReviewData(), null, {
				kind: decoded.kind,
				recoveredFromBackup: false,
				keptCopies: kept === null ? [] : [kept],
				message: `Cloudnotes could not use ${show(REVIEW_BACKUP_FILE)} (${decoded.reason}) and there is no ${show(REVIEW_FILE)}. ${keptSentence(kept, show)}Review history starts empty.`,
			}, kept === null);
		}

		if (main.kind === 'unreadable') {
			// We do not know what is in the main file, so we may not overwrite it. Show what the backup
			// holds, and write nothing until the file can be read again.
			const backup = await readSafely(persistence, REVIEW_BACKUP_FILE);
			const decoded = backup.kind === 'text' ? decodeReviewData(backup.text) : null;
			const recovered = decoded?.ok === true;
			return make(recovered ? decoded.data : emptyReviewData(), null, {
				kind: 'unreadable',
				recoveredFromBackup: recovered,
				keptCopies: [],
				message: `Cloudnotes could not read ${show(REVIEW_FILE)} (${main.reason}). ${recovered ? `It shows the copy in ${show(REVIEW_BACKUP_FILE)} for now, but` : 'Nothing'} will be saved until the file can be read: check its permissions or sync state, then reload the plugin.`,
			}, true);
		}

		const decodedMain = decodeReviewData(main.text);
		if (decodedMain.ok) {
			if (decodedMain.migratedFrom !== undefined) {
				// Keep the old file as it was: an older plugin version, or a downgrade, can still use it.
				await preserveAs(persistence, `reviews.schema-${decodedMain.migratedFrom}.json`, main.text).catch(() => null);
			}
			return make(decodedMain.data, main.text, null, false, decodedMain.migratedFrom ?? null);
		}
		if (decodedMain.kind === 'newer-schema') {
			return make(emptyReviewData(), null, newerSchemaProblem(show(REVIEW_FILE), decodedMain.reason), true);
		}
		return await ReviewStore.recoverFromBackup(persistence, options, main.text, decodedMain, make);
	}

	private static async recoverFromBackup(
		persistence: Persistence,
		options: ReviewStoreOptions,
		mainText: string,
		damage: Extract<DecodeResult, { ok: false; kind: 'corrupt' | 'half-written' }>,
		make: (data: ReviewData, goodText: string | null, problem: LoadProblem | null, readOnly: boolean, migratedFrom?: number | null) => ReviewStore,
	): Promise<ReviewStore> {
		const now = options.now ?? Date.now;
		const show = options.describeFile ?? ((name: string) => name);
		const what = `${show(REVIEW_FILE)} is ${damage.kind === 'half-written' ? 'half-written' : 'damaged'} (${damage.reason})`;
		const backup = await readSafely(persistence, REVIEW_BACKUP_FILE);
		const decodedBackup = backup.kind === 'text' ? decodeReviewData(backup.text) : null;
		if (decodedBackup && !decodedBackup.ok && decodedBackup.kind === 'newer-schema') {
			return make(emptyReviewData(), null, newerSchemaProblem(show(REVIEW_BACKUP_FILE), decodedBackup.reason), true);
		}
		const keptMain = await preserve(persistence, REVIEW_FILE, mainText, now());
		if (decodedBackup?.ok && backup.kind === 'text') {
			const store = make(decodedBackup.data, backup.text, {
				kind: damage.kind,
				recoveredFromBackup: true,
				keptCopies: keptMain === null ? [] : [keptMain],
				message: `Cloudnotes found that ${what}, probably from a save that was interrupted, and loaded the previous copy from ${show(REVIEW_BACKUP_FILE)}. Grades from the last save may need to be repeated. ${keptSentence(keptMain, show)}`.trim(),
			}, keptMain === null, decodedBackup.migratedFrom ?? null);
			// Rewrite the main file from the recovered copy now, rather than finding the damage again on
			// every start until the next grade.
			if (!store.readOnly) store.changed();
			return store;
		}
		// Neither copy is usable. Both are kept under new names before anything else is written, so
		// starting empty overwrites nothing the user could still recover by hand.
		const keptBackup = backup.kind === 'text' ? await preserve(persistence, REVIEW_BACKUP_FILE, backup.text, now()) : undefined;
		const backupNote = backup.kind === 'text'
			? `The backup ${show(REVIEW_BACKUP_FILE)} is not usable either${decodedBackup && !decodedBackup.ok ? ` (${decodedBackup.reason})` : ''}. `
			: `There is no backup ${show(REVIEW_BACKUP_FILE)}. `;
		const allKept = keptMain !== null && keptBackup !== null;
		const keptCopies = [keptMain, keptBackup].filter((name): name is string => typeof name === 'string');
		const keptNote = !allKept ? '' : keptCopies.length === 1
			? keptSentence(keptCopies[0], show)
			: `The damaged files were kept as ${keptCopies.map(show).join(' and ')}. `;
		return make(emptyReviewData(), null, {
			kind: damage.kind,
			recoveredFromBackup: false,
			keptCopies,
			message: `Cloudnotes found that ${what}. ${backupNote}${keptNote}${allKept ? `Review history starts empty; to recover older reviews, repair a kept copy and rename it to ${show(REVIEW_FILE)} while the plugin is disabled.` : 'A copy of the damaged files could not be written, so they are left untouched and nothing will be saved until they are moved away.'}`,
		}, !allKept);
	}

	/** Nothing is written: the data on disk is from a newer schema, or could not be kept safe. */
	get readOnly(): boolean {
		return this._readOnly;
	}

	/**
	 * Takes in what another device wrote to the review file since this store last read or wrote it.
	 * Resolves to whether anything new came in. Runs on the save chain, so it never interleaves
	 * with a write.
	 */
	refreshFromDisk(): Promise<boolean> {
		return this.onSaveChain(() => this.takeInOutsideChanges());
	}

	/** The card's scheduling state, orphaned or not. */
	stateOf(cardId: string): CardState | undefined {
		return this.data.states.get(cardId);
	}

	states(): ReadonlyMap<string, CardState> {
		return this.data.states;
	}

	log(): readonly ReviewLogEntry[] {
		return this.data.log;
	}

	/** Cards no longer found in the notes, with when they went missing. */
	orphans(): ReadonlyMap<string, number> {
		return this.data.orphans;
	}

	/** Whether some change has not reached the main file yet. */
	get hasUnsavedChanges(): boolean {
		return this.generation !== this.savedGeneration;
	}

	/** The error of the last failed save, cleared by the next successful one. */
	get lastSaveError(): unknown {
		return this._lastSaveError;
	}

	/** Stores a grade. The save follows after the debounce; `flush` forces it. */
	record(cardId: string, state: CardState, log: ReviewLogEntry): void {
		this.undoStack.push({ cardId, previous: this.data.states.get(cardId), entry: log });
		if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
		this.data.states.set(cardId, state);
		this.data.orphans.delete(cardId);
		this.data.log.push(log);
		this.changed();
	}

	/** Takes back the most recent grade of this session: the card's state before it, and its log entry. */
	undoLast(): { cardId: string; previous: CardState | undefined } | null {
		const last = this.undoStack.pop();
		if (!last) return null;
		this.data.retracted.add(reviewKey(last.entry));
		const index = this.data.log.lastIndexOf(last.entry);
		if (index >= 0) this.data.log.splice(index, 1);
		if (last.previous) this.data.states.set(last.cardId, last.previous);
		else this.data.states.delete(last.cardId);
		this.rebuildIfBehind(last.cardId);
		this.changed();
		return { cardId: last.cardId, previous: last.previous };
	}

	/**
	 * Marks cards missing from the notes as orphans, revives orphans that are back, and drops orphans
	 * older than the retention period. The log keeps their reviews either way: it is the history an
	 * optimiser learns from.
	 */
	reconcile(liveCardIds: Iterable<string>, now: number): void {
		const live = new Set(liveCardIds);
		let changed = false;
		for (const id of this.data.states.keys()) {
			if (live.has(id)) {
				if (this.data.orphans.delete(id)) changed = true;
			} else if (!this.data.orphans.has(id)) {
				this.data.orphans.set(id, now);
				changed = true;
			}
		}
		for (const [id, orphanedAt] of this.data.orphans) {
			if (!this.data.states.has(id)) {
				this.data.orphans.delete(id);
				changed = true;
			} else if (now - orphanedAt > this.orphanRetentionMs) {
				this.data.orphans.delete(id);
				this.data.states.delete(id);
				changed = true;
			}
		}
		if (changed) this.changed();
	}

	/**
	 * Moves states, log entries and undo history to new ids after a note was renamed or moved. All old
	 * ids are read before any new one is written, so swaps and chains (a->b, b->c) work.
	 */
	renameCards(pairs: { oldId: string; newId: string }[]): void {
		const moves = new Map<string, string>();
		for (const { oldId, newId } of pairs) if (oldId !== newId) moves.set(oldId, newId);
		if (moves.size === 0) return;
		const moved: { newId: string; state: CardState | undefined; orphanedAt: number | undefined }[] = [];
		for (const [oldId, newId] of moves) {
			moved.push({ newId, state: this.data.states.get(oldId), orphanedAt: this.data.orphans.get(oldId) });
			this.data.states.delete(oldId);
			this.data.orphans.delete(oldId);
		}
		for (const { newId, state, orphanedAt } of moved) {
			if (!state) continue;
			this.data.states.set(newId, state);
			if (orphanedAt === undefined) this.data.orphans.delete(newId);
			else this.data.orphans.set(newId, orphanedAt);
		}
		for (const entry of this.data.log) {
			const newId = moves.get(entry.cardId);
			if (newId !== undefined) entry.cardId = newId;
		}
		for (const undo of this.undoStack) {
			const newId = moves.get(undo.cardId);
			if (newId !== undefined) undo.cardId = newId;
		}
		for (const key of [...this.data.retracted]) {
			const { cardId, rest } = parseReviewKey(key);
			const newId = moves.get(cardId);
			if (newId === undefined) continue;
			this.data.retracted.delete(key);
			this.data.retracted.add(newId + rest);
		}
		this.changed();
	}

	/**
	 * Writes pending changes now and resolves once they are in the main file; rejects if that write
	 * failed (the changes stay pending). Call before the review modal closes and on unload.
	 */
	flush(): Promise<void> {
		this.cancelTimer();
		return this.enqueueSave();
	}

	private changed(): void {
		this.generation++;
		if (this.readOnly) return;
		const { setTimer } = this.options;
		if (!setTimer) {
			this.enqueueSave().catch((error: unknown) => this.options.onSaveError?.(error));
			return;
		}
		this.cancelTimer();
		this.timer = setTimer(() => {
			this.timer = undefined;
			this.enqueueSave().catch((error: unknown) => this.options.onSaveError?.(error));
		}, this.debounceMs);
	}

	private cancelTimer(): void {
		if (this.timer === undefined) return;
		this.options.clearTimer?.(this.timer);
		this.timer = undefined;
	}

	private enqueueSave(): Promise<void> {
		return this.onSaveChain(() => this.writeNow());
	}

	/** Runs file work after everything queued before it, one at a time. */
	private onSaveChain<T>(work: () => Promise<T>): Promise<T> {
		const run = this.saveChain.then(work);
		// The chain itself must survive a failed step, or every later save would fail with it.
		this.saveChain = run.then(
			() => undefined,
			() => undefined,
		);
		return run;
	}

	private async writeNow(): Promise<void> {
		// Read-only since it opened, the user was told then; stopped since, every flush says why.
		if (this._readOnly) {
			if (this.stoppedBecause !== null && this.generation !== this.savedGeneration) throw new Error(this.stoppedBecause);
			return;
		}
		// Even with nothing new here: if another device wrote over reviews this one had saved, the
		// merge finds them missing there and they are written again.
		await this.takeInOutsideChanges();
		if (this.generation === this.savedGeneration) return;
		const generation = this.generation;
		const text = encodeReviewData(this.data, this.now());
		try {
			// Only refresh the backup while the main file is intact. After a torn main write the backup
			// is the one good copy, and a second failure must not be able to tear that one too.
			if (this.mainIntact && this.lastGoodText !== null) {
				await this.persistence.write(REVIEW_BACKUP_FILE, this.lastGoodText);
			}
			this.mainIntact = false;
			this.seenMainText = null;
			this.ownMainWriteFailed = true;
			await this.persistence.write(REVIEW_FILE, text);
			this.ownMainWriteFailed = false;
		} catch (error) {
			this._lastSaveError = error;
			throw error;
		}
		this.mainIntact = true;
		this.lastGoodText = text;
		this.seenMainText = text;
		this.savedGeneration = generation;
		this._lastSaveError = null;
	}

	/** See refreshFromDisk; also the first step of every save. */
	private async takeInOutsideChanges(): Promise<boolean> {
		if (this._readOnly) return false;
		const outcome = await readSafely(this.persistence, REVIEW_FILE);
		// Missing: the save recreates it. Unreadable: the write will report its own error.
		if (outcome.kind !== 'text' || outcome.text === this.lastGoodText || outcome.text === this.seenMainText) return false;
		const decoded = decodeReviewData(outcome.text);
		// After our own main write failed, a main file that does not decode is that torn write, not news.
		if (!decoded.ok && this.ownMainWriteFailed) return false;
		this.seenMainText = outcome.text;
		const show = this.options.describeFile ?? ((name: string) => name);
		if (decoded.ok) {
			const merged = mergeReviewData(this.data, decoded.data);
			this.data = merged.data;
			for (const id of merged.retractedStates) this.rebuildIfBehind(id);
			this.lastGoodText = outcome.text;
			this.mainIntact = true;
			if (merged.oursAddsToTheirs) {
				if (this.generation === this.savedGeneration) this.changed();
			} else {
				// The file holds everything this store has: nothing to write until the next change.
				this.savedGeneration = this.generation;
			}
			return merged.theirsAddsToOurs;
		}
		if (decoded.kind === 'newer-schema') return this.stopWriting(newerSchemaProblem(show(REVIEW_FILE), decoded.reason).message);
		// Damaged by someone else (a sync still in progress, a conflicted merge): keep it before our
		// write replaces it, or write nothing.
		const kept = await preserve(this.persistence, REVIEW_FILE, outcome.text, this.now());
		if (kept === null) {
			return this.stopWriting(
				`${show(REVIEW_FILE)} changed on disk and cannot be read (${decoded.reason}), and no copy of it could be kept, so nothing will be saved: move the file away, then reload the plugin.`,
			);
		}
		return false;
	}

	/**
	 * A card whose state is older than its newest review left in the log (or that has none) gets
	 * its state replayed from the log, keeping its content hash.
	 */
	private rebuildIfBehind(cardId: string): void {
		const replay = this.options.replay;
		if (!replay) return;
		const reviews = this.data.log.filter((entry) => entry.cardId === cardId).sort((a, b) => a.time - b.time);
		if (reviews.length === 0) return;
		const state = this.data.states.get(cardId);
		if (state?.lastReview !== undefined && state.lastReview >= reviews[reviews.length - 1].time) return;
		const rebuilt = replay(cardId, reviews);
		if (!rebuilt) return;
		this.data.states.set(cardId, state?.contentHash === undefined ? rebuilt : { ...rebuilt, contentHash: state.contentHash });
	}

	/** The store goes read-only for the rest of the session; every save from now on rejects with the reason. */
	private stopWriting(reason: string): never {
		this._readOnly = true;
		this.stoppedBecause = reason;
		this.cancelTimer();
		throw new Error(reason);
	}
}

type ReadOutcome = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

async function readSafely(persistence: Persistence, name: string): Promise<ReadOutcome> {
	try {
		const text = await persistence.read(name);
		return text === null ? { kind: 'missing' } : { kind: 'text', text };
	} catch (error) {
		return { kind: 'unreadable', reason: errorText(error) };
	}
}

function newerSchemaProblem(file: string, reason: string): LoadProblem {
	return {
		kind: 'newer-schema',
		recoveredFromBackup: false,
		keptCopies: [],
		message: `${file} was written by a newer version of Cloudnotes (${reason}). Nothing will be saved, so that file stays as it is: update the plugin to review and keep your history.`,
	};
}

/** Writes `text` under `name` only if nothing is there yet, so a preserved copy never replaces another. */
async function preserveAs(persistence: Persistence, name: string, text: string): Promise<string | null> {
	if ((await persistence.read(name)) !== null) return null;
	await persistence.write(name, text);
	return name;
}

/**
 * Copies a damaged file to `reviews.corrupt-<time>.json` (or `reviews.backup.corrupt-<time>.json`)
 * before anything may overwrite it. Resolves to the new name, or null when no copy could be made.
 */
async function preserve(persistence: Persistence, original: string, text: string, now: number): Promise<string | null> {
	const stem = original.replace(/\.json$/, '');
	const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
	try {
		for (let attempt = 0; attempt < 100; attempt++) {
			const name = `${stem}.corrupt-${stamp}${attempt === 0 ? '' : `-${attempt}`}.json`;
			const kept = await preserveAs(persistence, name, text);
			if (kept) return kept;
		}
	} catch {
		// Fall through: the caller turns "could not keep a copy" into read-only mode.
	}
	return null;
}

function keptSentence(kept: string | null, show: (name: string) => string): string {
	return kept === null
		? 'A copy of the damaged file could not be written, so it is left untouched and nothing will be saved until it is moved away. '
		: `The damaged file was kept as ${show(kept)}. `;
}
