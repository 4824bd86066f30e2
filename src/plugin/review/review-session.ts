/**
 * One sitting of review: the cards to go through, which one is showing, what has been graded, and
 * undo. Grades go straight to the review store (which saves them); a card that the grade makes due
 * again within the session (a lapse, a learning step) comes back at the end of the queue.
 * Plain logic over the store and the scheduler, so it is tested without a modal.
 */
import type { Card } from '../../core/cards';
import type { CardState, Rating, ReviewLogEntry } from '../../core/srs/card-state';
import type { IntervalPreview, Scheduler } from '../../core/srs/scheduler';

/** A card due again within this long after its grade is shown again in the same session. */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** What a session needs of the review store (the journal store has it; tests give a small fake). */
export interface SessionStore {
	stateOf(cardId: string): CardState | undefined;
	record(cardId: string, state: CardState, log: ReviewLogEntry): void;
	undoLast(): { cardId: string } | null;
}

export interface SessionDeps {
	store: SessionStore;
	scheduler: () => Scheduler;
	now: () => number;
	/** Finds a card by id (for undoing a grade given before this session). */
	cardById: (id: string) => Card | undefined;
}

interface Graded {
	card: Card;
	/** The card was put back at the end of the queue by this grade. */
	requeued: boolean;
}

export class ReviewSession {
	private readonly queue: Card[];
	private readonly history: Graded[] = [];
	private done = 0;
	private shownAt: number;

	constructor(
		private readonly deps: SessionDeps,
		cards: readonly Card[],
	) {
		this.queue = [...cards];
		this.shownAt = deps.now();
	}

	/**
	 * Cards that joined after the session started (their notes were still being read when the
	 * window opened), at the end of the queue.
	 */
	append(cards: readonly Card[]): void {
		this.queue.push(...cards);
	}

	/** The card showing now, or null when the session is through. */
	get current(): Card | null {
		return this.queue[0] ?? null;
	}

	/** Graded so far, and how many cards the session has in all (done + still queued). */
	get progress(): { done: number; total: number } {
		return { done: this.done, total: this.done + this.queue.length };
	}

	/** The interval each rating would give the current card, for the buttons. */
	preview(): Record<Rating, IntervalPreview> | null {
		const card = this.current;
		if (!card) return null;
		return this.deps.scheduler().preview(this.deps.store.stateOf(card.id), new Date(this.deps.now()), card.id);
	}

	/** The card changed (front or back) since it was last graded. */
	changedSinceLastReview(card: Card): boolean {
		const hash = this.deps.store.stateOf(card.id)?.contentHash;
		return hash !== undefined && hash !== card.hash;
	}

	/** Marks the moment the current card was shown, so the log records how long the answer took. */
	markShown(): void {
		this.shownAt = this.deps.now();
	}

	grade(rating: Rating): void {
		const card = this.queue.shift();
		if (!card) return;
		const now = this.deps.now();
		const { state, log } = this.deps.scheduler().grade(this.deps.store.stateOf(card.id), rating, new Date(now), card.id, card.hash);
		log.durationMs = Math.max(0, now - this.shownAt);
		this.deps.store.record(card.id, state, log);
		const requeued = state.due - now <= LEARN_AHEAD_MS;
		if (requeued) this.queue.push(card);
		else this.done++;
		this.history.push({ card, requeued });
		this.markShown();
	}

	/**
	 * Takes back the last grade (of this session, or an earlier one in this run of the plugin): the
	 * card's state before it is restored and the card shows again. False when there is nothing to undo.
	 */
	undo(): boolean {
		const undone = this.deps.store.undoLast();
		if (!undone) return false;
		const last = this.history[this.history.length - 1];
		if (last && last.card.id === undone.cardId) {
			this.history.pop();
			if (last.requeued) {
				const at = this.queue.lastIndexOf(last.card);
				if (at >= 0) this.queue.splice(at, 1);
			} else {
				this.done--;
			}
			this.queue.unshift(last.card);
		} else {
			const card = this.deps.cardById(undone.cardId);
			if (card) {
				const at = this.queue.findIndex((c) => c.id === card.id);
				if (at >= 0) this.queue.splice(at, 1);
				this.queue.unshift(card);
			}
		}
		this.markShown();
		return true;
	}
}
