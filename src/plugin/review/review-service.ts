/**
 * The review feature's hub: the card index, the review store and the scheduler, and what the
 * commands, the status bar and the statistics view ask of them. Queues are built from the
 * in-memory index and store only, so opening a review never scans the vault.
 */
import { Notice, debounce, type TFile } from 'obsidian';
import type { CardRef, CardSettings } from '../../core/cards';
import { DEFAULT_SR_SYNTAX, type SrSyntax } from '../../core/cards/sr/sr-syntax';
import {
	Scheduler,
	buildDecks,
	buildQueue,
	computeStats,
	intervalLabel,
	nextDue,
	reviewLogToCsv,
	type CardState,
	type DeckScope,
	type DeckTree,
	type QueueCard,
	type ReviewLogEntry,
	type ReviewQueue,
	type ReviewStatistics,
	type SchedulerSettings,
} from '../../core/srs';
import type { JournalStore } from '../../core/srs/journal-store';
import type { PluginContext } from '../context';
import { t } from '../i18n';
import { AdapterCacheFiles } from './card-cache-files';
import { CardIndexService } from './card-index-service';
import { cardSettingsOf, schedulerSettingsOf } from './core-settings';
import { ReviewModal } from './review-modal';
import { pluginFolder } from './review-persistence';
import { ReviewSession } from './review-session';

/**
 * A card as the queue and the decks see it: with its note's tags. Its content (front, back) may
 * not be read yet (a note restored from the persisted index): a review loads it (loadCards).
 */
export interface ReviewCard {
	id: string;
	file: string;
	tags: readonly string[];
	card: CardRef;
}

/** Cards whose notes are read before the review window opens; the rest follow in the background. */
const OPEN_WITH_CARDS = 10;

export class ReviewService {
	readonly index: CardIndexService;
	/** Open once the layout is ready; null before. */
	store: JournalStore | null = null;
	private scheduler: Scheduler;
	private cachedCards: ReviewCard[] | null = null;
	private readonly listeners = new Set<() => void>();
	/** Resolves when the store is open and the index can count and queue (see CardIndexService.usable). */
	readonly ready: Promise<void>;
	private resolveReady!: () => void;
	private readonly notifySoon = debounce(() => this.notify(), 250, true);
	private reportSaveError: (error: unknown) => void = () => undefined;
	/** The Spaced Repetition plugin's syntax settings, from its data.json when it has one (sr-import.ts). */
	private srSyntax: SrSyntax = DEFAULT_SR_SYNTAX;

	constructor(
		private readonly ctx: PluginContext,
		private readonly now: () => number = Date.now,
	) {
		const plugin = ctx.plugin;
		this.scheduler = new Scheduler(this.schedulerSettings());
		this.ready = new Promise((resolve) => (this.resolveReady = resolve));
		this.index = new CardIndexService(ctx.app, plugin, {
			cardSettings: cardSettingsOf(ctx.settings.cards),
			scope: ctx.settings.scan,
			store: () => this.store,
			pinned: () => this.store?.pinned() ?? ctx.settings.pinnedNotes,
			now,
			cache: new AdapterCacheFiles(ctx.app, pluginFolder(ctx.app, ctx.manifest)),
		});
		// A pinned note follows its renames and leaves the list when deleted. Pins are entries in this
		// device's review journal, so no other device's settings save can drop them. The store applies
		// them at once, so the index's own (queued) rename handling already sees the new path.
		plugin.registerEvent(
			ctx.app.vault.on('rename', (file, oldPath) => {
				if (this.store?.pinned().includes(oldPath)) void this.store.pinNotes([file.path], [oldPath]).catch((e: unknown) => this.reportSaveError(e));
			}),
		);
		plugin.registerEvent(
			ctx.app.vault.on('delete', (file) => {
				if (this.store?.pinned().includes(file.path)) void this.store.pinNotes([], [file.path]).catch((e: unknown) => this.reportSaveError(e));
			}),
		);
		this.index.onChange(() => {
			this.cachedCards = null;
			this.notifySoon();
		});
		plugin.register(() => this.notifySoon.cancel());
	}

	/**
	 * Takes the open store, then builds the index; call once the layout is ready. Counts and reviews
	 * are available as soon as the index is usable (at once from its persisted copy); resolves when
	 * the index is built.
	 */
	async start(store: JournalStore, reportSaveError: (error: unknown) => void = () => undefined, srSyntax: SrSyntax = DEFAULT_SR_SYNTAX): Promise<void> {
		this.store = store;
		this.reportSaveError = reportSaveError;
		this.srSyntax = srSyntax;
		// Before the first build: the index is built once, with SR's separators.
		if (srSyntax !== DEFAULT_SR_SYNTAX) await this.index.reconfigure(this.cardSettings(), this.ctx.settings.scan);
		// The counts the journal alone gives show before the index reads a note.
		this.notify();
		const built = this.index.start();
		await Promise.race([this.index.usable, built]);
		this.resolveReady();
		this.notify();
		await built;
	}

	/** A grade replayed on a state its device had not seen (another device's review came first; see journal-replay.ts). */
	regrade(before: CardState | undefined, review: ReviewLogEntry, contentHash: string | undefined): CardState {
		return this.scheduler.grade(before, review.rating, new Date(review.time), review.cardId, contentHash).state;
	}

	schedulerSettings(): SchedulerSettings {
		return schedulerSettingsOf(this.ctx.settings.scheduling);
	}

	/** Settings changed: new scheduler, and the index follows new card settings or scan scope. */
	async applySettings(): Promise<void> {
		this.scheduler = new Scheduler(this.schedulerSettings());
		this.notify();
		await this.index.reconfigure(this.cardSettings(), this.ctx.settings.scan);
	}

	/** The card settings the index uses now. */
	cardSettings(): CardSettings {
		return cardSettingsOf(this.ctx.settings.cards, this.srSyntax);
	}

	/** Called after anything that changes counts (index, grades, settings). Returns an unsubscribe function. */
	onChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	notify(): void {
		this.notifySoon.cancel();
		for (const listener of [...this.listeners]) listener();
	}

	/** Every indexed card with its note's tags; rebuilt only after the index changed. */
	cards(): ReviewCard[] {
		if (this.cachedCards) return this.cachedCards;
		const index = this.index.index;
		const out: ReviewCard[] = [];
		for (const file of index.files()) {
			const tags = index.tagsOf(file);
			for (const card of index.refsInFile(file)) out.push({ id: card.id, file: card.file, tags, card });
		}
		this.cachedCards = out;
		return out;
	}

	queue(scope?: DeckScope, cards: readonly ReviewCard[] = this.cards(), settings = this.schedulerSettings()): ReviewQueue<ReviewCard> | null {
		if (!this.store) return null;
		return buildQueue(cards, this.store, settings, this.now(), scope);
	}

	/**
	 * What the status bar counts. Before the index can count (a first start reads every note), the
	 * cards the review history knows are counted from the journal alone: due reviews are there
	 * before a single note is read; new cards come as their notes are.
	 */
	statusQueue(): { queue: ReviewQueue<QueueCard>; fromJournal: boolean } | null {
		if (!this.store) return null;
		if (this.index.isUsableNow) {
			const queue = this.queue();
			return queue && { queue, fromJournal: false };
		}
		const orphans = this.store.orphans();
		const known: QueueCard[] = [];
		for (const id of this.store.states().keys()) if (!orphans.has(id)) known.push({ id, file: '', tags: [] });
		return { queue: buildQueue(known, this.store, this.schedulerSettings(), this.now()), fromJournal: true };
	}

	decks(): DeckTree | null {
		if (!this.store) return null;
		return buildDecks(this.cards(), this.store, this.now());
	}

	statistics(): ReviewStatistics | null {
		if (!this.store) return null;
		// Start-up reads only the last two days and what came after the snapshot; the charts want it
		// all. The store says when the whole history is in (onChange), and the view redraws.
		if (!this.store.historyComplete) void this.store.loadHistory().catch((e: unknown) => this.reportSaveError(e));
		return computeStats(this.store, this.cards().map((c) => c.id), this.now());
	}

	/** Reviews what is due, optionally within a deck. */
	async reviewDue(scope?: DeckScope, title = t('review.title.due')): Promise<ReviewModal | null> {
		if (!(await this.whenReady())) return null;
		const cards = this.cards();
		return this.openReview(title, cards, scope, this.schedulerSettings(), t('review.noCards'));
	}

	/**
	 * Reviews one note, in scan scope or not: its cards come from the index or are extracted on the
	 * spot. Asking for a note is asking to study it now, so the daily limits do not hold it back.
	 */
	async reviewNote(file: TFile): Promise<ReviewModal | null> {
		if (!(await this.whenReady())) return null;
		const outsideIndex = !this.index.index.has(file.path);
		const noteCards = await this.index.cardsOfNote(file);
		if (outsideIndex && noteCards.length > 0) await this.pin(file);
		const tags = this.index.index.tagsOf(file.path);
		const cards = noteCards.map((card) => ({ id: card.id, file: card.file, tags, card }));
		const unlimited = { ...this.schedulerSettings(), newCardsPerDay: Number.POSITIVE_INFINITY, reviewsPerDay: Number.POSITIVE_INFINITY };
		return this.openReview(t('review.title.note', { name: file.basename }), cards, undefined, unlimited, t('review.noCardsInNote'));
	}

	/**
	 * A note outside the scan scope that is being studied joins the index for good (settings keep
	 * the list), so the reconcile never orphans its cards and their history.
	 */
	private async pin(file: TFile): Promise<void> {
		await this.store?.pinNotes([file.path]).catch((e: unknown) => this.reportSaveError(e));
		await this.index.include(file);
	}

	private async openReview(title: string, cards: readonly ReviewCard[], scope: DeckScope | undefined, settings: SchedulerSettings, noCardsText: string): Promise<ReviewModal | null> {
		const store = this.store;
		if (!store) return null;
		const queue = buildQueue(cards, store, settings, this.now(), scope);
		// Cards of notes restored from the persisted index get their content from their notes: the
		// first few before the window opens, the rest while the first card is on screen.
		const refs = queue.items.map((item) => item.card.card);
		let first = await this.index.loadCards(refs.slice(0, OPEN_WITH_CARDS));
		let rest = refs.slice(OPEN_WITH_CARDS);
		if (first.length === 0 && rest.length > 0) {
			first = await this.index.loadCards(rest);
			rest = [];
		}
		const session = new ReviewSession(
			{
				store,
				scheduler: () => this.scheduler,
				now: this.now,
				cardById: (id) => this.index.index.byId(id),
			},
			first,
		);
		if (rest.length > 0) {
			void this.index.loadCards(rest).then(
				(cards) => session.append(cards),
				(error: unknown) => console.error('Cloudnotes: could not read the notes of some queued cards', error),
			);
		}
		const modal = new ReviewModal(this.ctx.app, {
			title,
			session,
			emptyText: () => this.emptyText(cards, scope, settings, noCardsText),
			flush: () =>
				store.flush().catch((error: unknown) => {
					this.reportSaveError(error);
					throw error;
				}),
			onGraded: () => this.notifySoon(),
		});
		modal.open();
		return modal;
	}

	/** The empty state: when the next card is due, that the day's limits are reached, or that there are no cards. */
	private emptyText(cards: readonly ReviewCard[], scope: DeckScope | undefined, settings: SchedulerSettings, noCardsText: string): string {
		const store = this.store;
		if (!store) return noCardsText;
		const now = this.now();
		const next = nextDue(cards, store, settings, now, scope);
		if (next === null) return noCardsText;
		if (next <= now) return t('review.nextDue.now');
		const queue = buildQueue(cards, store, settings, now, scope);
		const when = t('review.in', { interval: intervalLabel(next - now) });
		const date = new Date(next).toLocaleString(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
		const limited = (queue.newLeftToday === 0 && queue.newCount > 0) || (queue.reviewsLeftToday === 0 && queue.dueCount > 0);
		const nextSentence = t('review.nextDue', { when, date });
		return limited ? `${t('review.limitReached', { newCount: queue.newToday, reviewCount: queue.reviewsToday })} ${nextSentence}` : nextSentence;
	}

	/**
	 * Waits for the index (telling the user why nothing opens yet), then takes in reviews another
	 * device saved to the synced review file, so no card is reviewed twice; false if the plugin
	 * unloads first.
	 */
	private async whenReady(): Promise<boolean> {
		if (!this.store || !this.index.isReady) new Notice(t('review.indexing'), 3000);
		await this.ready;
		const store = this.store;
		if (store === null) return false;
		try {
			if (await store.refreshFromDisk()) {
				this.notify();
			}
		} catch (error) {
			this.reportSaveError(error);
		}
		return true;
	}

	/** Writes the review log as CSV (the FSRS optimiser's columns) into the vault; returns the file's path. */
	async exportReviewLog(path?: string): Promise<string | null> {
		await this.ready;
		const store = this.store;
		if (!store) return null;
		const vault = this.ctx.app.vault;
		const target = path ?? availablePath(`cloudnotes-review-log-${new Date(this.now()).toISOString().slice(0, 10)}`, 'csv', (p) => vault.getAbstractFileByPath(p) !== null);
		try {
			// Every segment of every device's journal, not only what start-up read.
			const csv = reviewLogToCsv(await store.history());
			const existing = vault.getFileByPath(target);
			if (existing) await vault.modify(existing, csv);
			else await vault.create(target, csv);
			new Notice(t('export.done', { file: target, count: store.log().length }));
			return target;
		} catch (error) {
			new Notice(t('export.failed', { reason: error instanceof Error ? error.message : String(error) }));
			return null;
		}
	}
}

/** `stem.ext`, or `stem 2.ext`, `stem 3.ext` ... when taken. */
export function availablePath(stem: string, ext: string, taken: (path: string) => boolean): string {
	let candidate = `${stem}.${ext}`;
	for (let n = 2; taken(candidate); n++) candidate = `${stem} ${n}.${ext}`;
	return candidate;
}
