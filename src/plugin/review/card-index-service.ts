/**
 * The vault's card index, kept current: built once the workspace layout is ready (never in
 * onload), then updated one note at a time on the vault's create, modify, rename and delete
 * events, so a change to one note costs the work of that note only. It also keeps the review
 * store in step with the notes: renamed notes carry their cards' states to the new ids, and after
 * changes settle, cards that vanished become orphans (kept 30 days) and returning ones revive.
 *
 * With a persisted index (the core's card-cache.ts, in the plugin folder), a start reads only the
 * notes whose mtime or size changed and the new ones: the rest are restored from the cache, and
 * counts and queues are usable as soon as it is loaded. A card of a restored note gets its front
 * and back when its note is read, which `loadCards` does for the cards about to be reviewed.
 */
import { TFile, debounce, type App, type Component, type TAbstractFile } from 'obsidian';
import {
	CardCache,
	CardIndex,
	cardCacheKey,
	extractNote,
	planRefresh,
	type CachedNote,
	type Card,
	type CardCacheFiles,
	type CardRef,
	type CardSettings,
	type TopologyCardSource,
} from '../../core/cards';
import type { ScanScope } from '../settings';
import { inScanScope, pathMayBeInScope } from './scan-scope';
import { readAhead } from './read-ahead';

/** The parts of the review store (the journal store) the index keeps in step. */
export interface ReviewStateSink {
	renameCards(pairs: { oldId: string; newId: string }[]): void;
	reconcile(liveCardIds: Iterable<string>, now: number): void;
}

export interface CardIndexServiceOptions {
	cardSettings: CardSettings;
	scope: ScanScope;
	/** The review store, once open; renames and reconciles wait for nothing when it is not there. */
	store: () => ReviewStateSink | null;
	topologyCards?: TopologyCardSource;
	/** Notes indexed whatever the scope (reviewed with "Review this note"). */
	pinned?: () => readonly string[];
	now?: () => number;
	/** Quiet time after the last change before orphans are reconciled. */
	reconcileDelayMs?: number;
	/**
	 * How long one build step may hold the UI thread before it yields (default 40 ms, under the
	 * 50 ms "long task" line: fewer yields build faster, each one costs a timer turn).
	 */
	sliceMs?: number;
	/** Where the persisted index is kept (the plugin folder); without it every start reads every note. */
	cache?: CardCacheFiles;
	/**
	 * Quiet time after the last change before the persisted index is written again (default 5
	 * minutes). Not sooner: the file is rewritten whole, and a synced plugin folder uploads it
	 * each time; what changed since the last write costs only its own reads at the next start.
	 */
	saveDelayMs?: number;
	/** Notes read at once while building (default 16). */
	readConcurrency?: number;
}

export class CardIndexService {
	readonly index: CardIndex;
	private scope: ScanScope;
	private cardSettings: CardSettings;
	private readonly listeners = new Set<() => void>();
	private readonly progressListeners = new Set<() => void>();
	private buildProgress: { read: number; total: number } | null = null;
	/** File updates run one after another, in event order. */
	private chain: Promise<void> = Promise.resolve();
	/** Bumped by every (re)build, so a superseded build stops. */
	private buildGeneration = 0;
	private built = false;
	private readyResolve!: () => void;
	/** Resolves when the first build finishes. */
	readonly ready: Promise<void>;
	private readonly scheduleReconcile: () => void;
	private readonly now: () => number;
	private readonly sliceMs: number;
	private stopped = false;
	private started = false;
	/**
	 * The persisted index's content: every note read (in scope or not, so a tag-scoped vault does
	 * not read its other notes at each start) with the mtime and size it was read at.
	 */
	private readonly known = new Map<string, CachedNote>();
	private cache: CardCache | null = null;
	private cacheLoaded = false;
	private dirty = false;
	private saving: Promise<void> = Promise.resolve();
	private readonly scheduleSave: () => void;
	private usableResolve!: () => void;
	private isUsable = false;
	/**
	 * Resolves once counts and queues can be built: at once from a complete persisted index, else
	 * when the first build finishes. Changed notes keep coming in after it.
	 */
	readonly usable: Promise<void>;

	constructor(
		private readonly app: App,
		private readonly owner: Component,
		private readonly options: CardIndexServiceOptions,
	) {
		this.scope = options.scope;
		this.cardSettings = options.cardSettings;
		this.index = new CardIndex(options.cardSettings, options.topologyCards ? { topologyCards: options.topologyCards } : {});
		this.now = options.now ?? Date.now;
		this.sliceMs = options.sliceMs ?? 40;
		this.ready = new Promise((resolve) => (this.readyResolve = resolve));
		this.usable = new Promise((resolve) => (this.usableResolve = resolve));
		this.cache = this.cacheFor(options.cardSettings);
		const reconcile = debounce(() => this.reconcileNow(), options.reconcileDelayMs ?? 1500, true);
		this.scheduleReconcile = () => reconcile();
		const save = debounce(() => void this.saveNow(), options.saveDelayMs ?? 5 * 60_000, true);
		this.scheduleSave = () => save();
		owner.register(() => {
			this.stopped = true;
			reconcile.cancel();
			save.cancel();
			// What changed since the last save is written on the way out (a cache: if the app quits
			// first, those notes are read again next time).
			if (this.built) void this.saveNow();
		});
	}

	private cacheFor(settings: CardSettings): CardCache | null {
		if (!this.options.cache) return null;
		return new CardCache(this.options.cache, cardCacheKey(settings));
	}

	get isReady(): boolean {
		return this.built;
	}

	/** Counts and queues can be built (from the persisted index, or after the first build). */
	get isUsableNow(): boolean {
		return this.isUsable;
	}

	/** Notes read so far of those a build is reading, or null when no build is reading notes. */
	get progress(): { read: number; total: number } | null {
		return this.buildProgress && this.buildProgress.total > 0 ? { ...this.buildProgress } : null;
	}

	/** Called while a build reads notes (a few times a second) and when it ends. Returns an unsubscribe function. */
	onProgress(listener: () => void): () => void {
		this.progressListeners.add(listener);
		return () => this.progressListeners.delete(listener);
	}

	private progressed(): void {
		for (const listener of [...this.progressListeners]) listener();
	}

	/**
	 * Starts listening and builds the index. Call from `workspace.onLayoutReady`: before it, the
	 * vault fires a `create` for every file it loads, and reading every note would slow start-up.
	 */
	start(): Promise<void> {
		this.started = true;
		const vault = this.app.vault;
		this.owner.registerEvent(vault.on('create', (file) => this.enqueue(() => this.refresh(file))));
		this.owner.registerEvent(vault.on('modify', (file) => this.enqueue(() => this.refresh(file))));
		this.owner.registerEvent(vault.on('delete', (file) => this.enqueue(() => this.forget(file.path))));
		this.owner.registerEvent(vault.on('rename', (file, oldPath) => this.enqueue(() => this.follow(file, oldPath))));
		return this.build();
	}

	/** Called after the index changed (built, a note changed). Returns an unsubscribe function. */
	onChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Resolves once every file update queued so far has been applied. */
	whenIdle(): Promise<void> {
		return this.chain;
	}

	/** New card settings or scan scope: the index is rebuilt from the notes. */
	async reconfigure(cardSettings: CardSettings, scope: ScanScope): Promise<void> {
		const same = JSON.stringify(cardSettings) === JSON.stringify(this.cardSettings) && JSON.stringify(scope) === JSON.stringify(this.scope);
		if (same) return;
		if (JSON.stringify(cardSettings) !== JSON.stringify(this.cardSettings)) {
			// Other cards from the same notes: what the persisted index knows is stale. A new scope
			// alone keeps it (notes keep their tags), so notes come back into scope without reads.
			this.known.clear();
			this.cache = this.cacheFor(cardSettings);
			this.dirty = true;
		}
		this.cardSettings = cardSettings;
		this.scope = scope;
		this.index.setSettings(cardSettings);
		// Before start() there is nothing to rebuild: the first build uses the new settings.
		if (!this.started) return;
		this.built = false;
		await this.build();
	}

	/**
	 * The cards of any note, in scan scope or not ("review this note"): from the index when it holds
	 * the note, else extracted on the fly from the note's text.
	 */
	async cardsOfNote(file: TFile): Promise<Card[]> {
		await this.whenIdle();
		if (this.index.isRestored(file.path)) await this.readInto(file);
		if (this.index.has(file.path)) return this.index.inFile(file.path);
		const text = await this.app.vault.cachedRead(file);
		const options = this.options.topologyCards ? { topologyCards: this.options.topologyCards } : {};
		return extractNote(file.path, text, this.cardSettings, options).cards;
	}

	private enqueue(work: () => Promise<void>): void {
		this.chain = this.chain.then(work).catch((error: unknown) => {
			console.error('Cloudnotes: could not update the card index', error);
		});
	}

	/**
	 * Restores what the persisted index holds for unchanged notes, then reads the notes that
	 * changed (by mtime or size), the new ones and the ones moved while the app was closed.
	 */
	private async build(): Promise<void> {
		const generation = ++this.buildGeneration;
		const superseded = () => this.stopped || generation !== this.buildGeneration;
		let complete = false;
		if (this.cache && !this.cacheLoaded) {
			this.cacheLoaded = true;
			const loaded = await this.cache.load();
			if (superseded()) return;
			for (const [file, note] of loaded.notes) this.known.set(file, note);
			complete = loaded.complete;
			if (!complete && loaded.notes.size > 0) console.warn(`Cloudnotes: part of the card index cache was discarded (${loaded.problems.join('; ')}); those notes are read again`);
		}
		const files = this.app.vault.getMarkdownFiles();
		const byPath = new Map<string, TFile>();
		for (const file of files) byPath.set(file.path, file);
		const plan = planRefresh(
			this.known,
			files.map((f) => ({ file: f.path, mtime: f.stat.mtime, size: f.stat.size })),
		);
		const toRead: { file: TFile; movedFrom?: string }[] = [];
		for (const note of plan.removed) {
			this.known.delete(note.file);
			this.index.removeNote(note.file);
			this.dirty = true;
		}
		for (const note of plan.unchanged) this.restore(note);
		// Until they are read, changed notes count with the cards they had.
		for (const { note, cached } of plan.changed) {
			const file = byPath.get(note.file);
			if (file && this.restore(cached)) toRead.push({ file });
		}
		for (const note of plan.added) {
			const file = byPath.get(note.file);
			if (file && this.mayBeInScope(note.file)) toRead.push({ file });
		}
		for (const { note, cached } of plan.moved) {
			this.known.delete(cached.file);
			this.dirty = true;
			const file = byPath.get(note.file);
			// Under its old path (its cards' ids are the ones the review store knows) until the read moves it.
			if (file && this.restore(cached)) toRead.push({ file, movedFrom: cached.file });
		}
		if (complete) {
			this.markUsable();
			// Let the counts from the restored index show before the first changed note is read.
			if (toRead.length > 0) await sleep(0);
			if (superseded()) return;
		}

		const concurrency = Math.max(1, this.options.readConcurrency ?? 16);
		let sliceStart = performance.now();
		this.buildProgress = { read: 0, total: toRead.length };
		if (toRead.length > 0) this.progressed();
		for await (const [{ file, movedFrom }, text] of readAhead(toRead, ({ file }) => this.read(file), concurrency)) {
			if (superseded()) return;
			if (movedFrom !== undefined) {
				if (text === null) this.index.removeNote(movedFrom);
				else this.moveInto(file, movedFrom, text);
			} else if (text !== null) this.indexText(file, text);
			this.buildProgress.read++;
			if (performance.now() - sliceStart > this.sliceMs) {
				// Let the UI paint and handle input between slices; start-up never blocks on the vault.
				if (this.isUsable) this.changed();
				this.progressed();
				await sleep(0);
				if (superseded()) return;
				sliceStart = performance.now();
			}
		}
		if (superseded()) return;
		// Updates that arrived during the build are applied before the index counts as built.
		await this.whenIdle();
		this.built = true;
		this.buildProgress = null;
		this.progressed();
		this.readyResolve();
		this.markUsable();
		this.changed();
		// After a start that read notes, at once: the next start should not read them again.
		if (this.dirty) void this.saveNow();
	}

	private markUsable(): void {
		if (this.isUsable) return;
		this.isUsable = true;
		this.usableResolve();
		this.changed();
	}

	/** A note from the persisted index into the index, if it is in scope; false when it is not. */
	private restore(note: CachedNote): boolean {
		if (!this.mayBeInScope(note.file)) return false;
		if (!inScanScope(note.file, note.tags, this.scope) && !this.isPinned(note.file)) {
			this.index.removeNote(note.file);
			return false;
		}
		this.index.restoreNote(note);
		return true;
	}

	/** The note's text, or null when it is gone or unreadable (its delete event tidies up). */
	private async read(file: TFile): Promise<string | null> {
		try {
			const text = await this.app.vault.cachedRead(file);
			return this.app.vault.getFileByPath(file.path) === file ? text : null;
		} catch {
			return null;
		}
	}

	/** Reads a note and indexes it if it is in scope; drops it otherwise. */
	private async readInto(file: TFile): Promise<void> {
		const text = await this.read(file);
		if (text !== null) this.indexText(file, text);
	}

	private indexText(file: TFile, text: string): void {
		this.index.setNote(file.path, text);
		this.remember(file);
		if (!this.inScope(file.path)) this.index.removeNote(file.path);
	}

	/** Records what the persisted index keeps of a note just indexed, and schedules a save. */
	private remember(file: TFile): void {
		const note = this.index.cachedNote(file.path, file.stat);
		if (note) this.known.set(file.path, note);
		this.dirty = true;
		if (this.built) this.scheduleSave();
	}

	/** A note moved while the app was closed: its cards' review states follow it, as on a rename. */
	private moveInto(file: TFile, oldPath: string, text: string): void {
		const pairs = this.index.renameNote(oldPath, file.path, text);
		if (pairs.length > 0) this.options.store()?.renameCards(pairs);
		this.remember(file);
		if (!this.inScope(file.path)) this.index.removeNote(file.path);
	}

	/**
	 * The cards with their content (front, back, context), in the order given: notes restored from
	 * the persisted index are read first, a few at a time. A card that its note no longer makes is
	 * left out.
	 */
	async loadCards(refs: readonly CardRef[]): Promise<Card[]> {
		const files: TFile[] = [];
		const seen = new Set<string>();
		for (const ref of refs) {
			if (seen.has(ref.file) || !this.index.isRestored(ref.file)) continue;
			seen.add(ref.file);
			const file = this.app.vault.getFileByPath(ref.file);
			if (file) files.push(file);
		}
		const concurrency = Math.max(1, this.options.readConcurrency ?? 16);
		for (let at = 0; at < files.length; at += concurrency) {
			const batch = files.slice(at, at + concurrency);
			const texts = await Promise.all(batch.map((file) => this.read(file)));
			batch.forEach((file, i) => {
				const text = texts[i];
				if (text !== null && this.index.isRestored(file.path)) this.indexText(file, text);
			});
		}
		if (files.length > 0) this.changed();
		const cards: Card[] = [];
		for (const ref of refs) {
			const card = this.index.byId(ref.id);
			if (card) cards.push(card);
		}
		return cards;
	}

	/** Writes the persisted index now, if anything changed since the last write; writes never overlap. */
	saveNow(): Promise<void> {
		this.saving = this.saving.then(async () => {
			const cache = this.cache;
			if (!cache || !this.dirty) return;
			this.dirty = false;
			try {
				await cache.save(this.known.values());
			} catch (error) {
				this.dirty = true;
				console.warn('Cloudnotes: could not write the card index cache (the next start reads more notes)', error);
			}
		});
		return this.saving;
	}

	private isPinned(path: string): boolean {
		return this.options.pinned?.().includes(path) ?? false;
	}

	private mayBeInScope(path: string): boolean {
		return pathMayBeInScope(path, this.scope) || this.isPinned(path);
	}

	/** After the note is in the index (its tags are known). */
	private inScope(path: string): boolean {
		return inScanScope(path, this.index.tagsOf(path), this.scope) || this.isPinned(path);
	}

	/** Indexes a note now (a newly pinned one); its cards are live from here on. */
	async include(file: TFile): Promise<void> {
		await new Promise<void>((resolve) => {
			this.enqueue(async () => {
				await this.readInto(file);
				this.changed();
				resolve();
			});
		});
	}

	private async refresh(file: TAbstractFile): Promise<void> {
		if (!isNote(file)) return;
		if (this.mayBeInScope(file.path)) await this.readInto(file);
		else this.index.removeNote(file.path);
		this.changed();
	}

	private async forget(path: string): Promise<void> {
		if (this.known.delete(path)) {
			this.dirty = true;
			if (this.built) this.scheduleSave();
		}
		if (!this.index.has(path)) return;
		this.index.removeNote(path);
		this.changed();
	}

	/** A renamed or moved note keeps its cards' review states: the store moves them to the new ids. */
	private async follow(file: TAbstractFile, oldPath: string): Promise<void> {
		if (!(file instanceof TFile)) return;
		if (this.known.delete(oldPath)) this.dirty = true;
		if (!isNote(file)) {
			if (this.index.removeNote(oldPath).length > 0) this.changed();
			return;
		}
		const text = await this.read(file);
		if (text === null) {
			this.index.removeNote(oldPath);
			this.changed();
			return;
		}
		this.moveInto(file, oldPath, text);
		this.changed();
	}

	private changed(): void {
		for (const listener of [...this.listeners]) listener();
		if (this.built) this.scheduleReconcile();
	}

	/** Cards missing from the notes become orphans; returning ones revive. Only on a complete index. */
	reconcileNow(): void {
		if (!this.built || this.stopped) return;
		this.options.store()?.reconcile(new Set(this.index.ids()), this.now());
	}
}

function isNote(file: TAbstractFile): file is TFile {
	return file instanceof TFile && file.extension === 'md';
}
