/**
 * The vault's card index, kept current: built once the workspace layout is ready (never in
 * onload), then updated one note at a time on the vault's create, modify, rename and delete
 * events, so a change to one note costs the work of that note only. It also keeps the review
 * store in step with the notes: renamed notes carry their cards' states to the new ids, and after
 * changes settle, cards that vanished become orphans (kept 30 days) and returning ones revive.
 */
import { TFile, debounce, type App, type Component, type TAbstractFile } from 'obsidian';
import { CardIndex, extractNote, type Card, type CardSettings, type TopologyCardSource } from '../../core/cards';
import type { ScanScope } from '../settings';
import { inScanScope, pathMayBeInScope } from './scan-scope';

/** The parts of the review store the index keeps in step (ReviewStore has them). */
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
}

export class CardIndexService {
	readonly index: CardIndex;
	private scope: ScanScope;
	private cardSettings: CardSettings;
	private readonly listeners = new Set<() => void>();
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
		const reconcile = debounce(() => this.reconcileNow(), options.reconcileDelayMs ?? 1500, true);
		this.scheduleReconcile = () => reconcile();
		owner.register(() => {
			this.stopped = true;
			reconcile.cancel();
		});
	}

	get isReady(): boolean {
		return this.built;
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
		if (this.index.files().includes(file.path)) return this.index.inFile(file.path);
		const text = await this.app.vault.cachedRead(file);
		const options = this.options.topologyCards ? { topologyCards: this.options.topologyCards } : {};
		return extractNote(file.path, text, this.cardSettings, options).cards;
	}

	private enqueue(work: () => Promise<void>): void {
		this.chain = this.chain.then(work).catch((error: unknown) => {
			console.error('Cloudnotes: could not update the card index', error);
		});
	}

	private async build(): Promise<void> {
		const generation = ++this.buildGeneration;
		const files = this.app.vault.getMarkdownFiles().filter((f) => this.mayBeInScope(f.path));
		let sliceStart = performance.now();
		for (const file of files) {
			if (this.stopped || generation !== this.buildGeneration) return;
			await this.readInto(file);
			if (performance.now() - sliceStart > this.sliceMs) {
				// Let the UI paint and handle input between slices; start-up never blocks on the vault.
				await sleep(0);
				sliceStart = performance.now();
			}
		}
		if (this.stopped || generation !== this.buildGeneration) return;
		// Updates that arrived during the build are applied before the index counts as built.
		await this.whenIdle();
		this.built = true;
		this.readyResolve();
		this.changed();
	}

	/** Reads a note and indexes it if it is in scope; drops it otherwise. */
	private async readInto(file: TFile): Promise<void> {
		let text: string;
		try {
			text = await this.app.vault.cachedRead(file);
		} catch {
			return; // deleted or unreadable while we got to it; the delete event tidies up
		}
		if (this.app.vault.getFileByPath(file.path) !== file) return;
		this.index.setNote(file.path, text);
		if (!this.inScope(file.path)) this.index.removeNote(file.path);
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
		if (!this.index.files().includes(path)) return;
		this.index.removeNote(path);
		this.changed();
	}

	/** A renamed or moved note keeps its cards' review states: the store moves them to the new ids. */
	private async follow(file: TAbstractFile, oldPath: string): Promise<void> {
		if (!(file instanceof TFile)) return;
		if (!isNote(file)) {
			if (this.index.removeNote(oldPath).length > 0) this.changed();
			return;
		}
		let text: string;
		try {
			text = await this.app.vault.cachedRead(file);
		} catch {
			this.index.removeNote(oldPath);
			this.changed();
			return;
		}
		const pairs = this.index.renameNote(oldPath, file.path, text);
		if (pairs.length > 0) this.options.store()?.renameCards(pairs);
		if (!this.inScope(file.path)) this.index.removeNote(file.path);
		this.changed();
	}

	private changed(): void {
		for (const listener of [...this.listeners]) listener();
		if (this.built) this.scheduleReconcile();
	}

	/** Cards missing from the notes become orphans; returning ones revive. Only on a complete index. */
	reconcileNow(): void {
		if (!this.built || this.stopped) return;
		const ids = new Set<string>();
		for (const card of this.index.all()) ids.add(card.id);
		this.options.store()?.reconcile(ids, this.now());
	}
}

function isNote(file: TAbstractFile): file is TFile {
	return file instanceof TFile && file.extension === 'md';
}
