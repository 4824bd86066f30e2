/**
 * What to review now: cards due (oldest first), then new cards up to the day's limits, then learning
 * cards that are nearly due. Limits count today's reviews from the log, so they hold across restarts.
 */

import type { CardState, ReviewLogEntry } from './card-state';
import { inScope, type DeckScope, type QueueCard } from './deck-scope';
import { addStudyDays, studyDayStart, type StudyDayOptions } from './review-day';
import type { SchedulerSettings } from './scheduler';

/** The part of the review store the queue reads; the journal store satisfies it. */
export interface ReviewHistory {
	stateOf(cardId: string): CardState | undefined;
	log(): readonly ReviewLogEntry[];
}

export interface QueueOptions extends StudyDayOptions {
	/**
	 * Learning cards due within this many minutes are offered once nothing else is left, so a short
	 * session does not end on "come back in 4 minutes". Anki's default is 20.
	 */
	learnAheadMinutes?: number;
}

export interface QueueItem<C extends QueueCard> {
	card: C;
	/** 'due': scheduled and due now; 'new': never reviewed; 'ahead': a learning step due shortly. */
	kind: 'due' | 'new' | 'ahead';
	state: CardState | undefined;
}

export interface ReviewQueue<C extends QueueCard> {
	items: QueueItem<C>[];
	/** Cards in scope that are due now, before the daily review limit. */
	dueCount: number;
	/** Cards in scope never reviewed, before the daily new-card limit. */
	newCount: number;
	reviewsToday: number;
	newToday: number;
	reviewsLeftToday: number;
	newLeftToday: number;
}

const MINUTE = 60_000;

function timeOf(now: number | Date): number {
	return typeof now === 'number' ? now : now.getTime();
}

/** Reviews of review-state cards and first reviews of new cards since the study day began. */
export function reviewsSince(log: readonly ReviewLogEntry[], since: number): { reviews: number; introduced: number } {
	let reviews = 0;
	let introduced = 0;
	// The log is in time order, so today's entries are at its end.
	for (let i = log.length - 1; i >= 0; i--) {
		const entry = log[i];
		if (!entry || entry.time < since) break;
		if (entry.state === 'review') reviews++;
		else if (entry.state === 'new') introduced++;
	}
	return { reviews, introduced };
}

function isNewCard(state: CardState | undefined): boolean {
	return state === undefined || state.state === 'new';
}

export function buildQueue<C extends QueueCard>(
	cards: readonly C[],
	store: ReviewHistory,
	settings: SchedulerSettings,
	now: number | Date,
	scope?: DeckScope,
	options: QueueOptions = {},
): ReviewQueue<C> {
	const time = timeOf(now);
	const today = reviewsSince(store.log(), studyDayStart(time, options));
	const reviewsLeftToday = Math.max(0, settings.reviewsPerDay - today.reviews);
	const newLeftToday = Math.max(0, settings.newCardsPerDay - today.introduced);
	const aheadUntil = time + (options.learnAheadMinutes ?? 20) * MINUTE;

	const learning: QueueItem<C>[] = [];
	const reviews: QueueItem<C>[] = [];
	const fresh: QueueItem<C>[] = [];
	const ahead: QueueItem<C>[] = [];
	for (const card of cards) {
		if (!inScope(card, scope)) continue;
		const state = store.stateOf(card.id);
		if (isNewCard(state)) fresh.push({ card, kind: 'new', state });
		else if (state!.due <= time) (state!.state === 'review' ? reviews : learning).push({ card, kind: 'due', state });
		else if (state!.state !== 'review' && state!.due <= aheadUntil) ahead.push({ card, kind: 'ahead', state });
	}
	const byDue = (a: QueueItem<C>, b: QueueItem<C>) => a.state!.due - b.state!.due;
	reviews.sort(byDue);
	ahead.sort(byDue);
	// Learning steps are not limited: a card half-way through its steps has to finish them.
	const due = [...learning, ...reviews.slice(0, reviewsLeftToday)].sort(byDue);
	return {
		items: [...due, ...fresh.slice(0, newLeftToday), ...ahead],
		dueCount: learning.length + reviews.length,
		newCount: fresh.length,
		reviewsToday: today.reviews,
		newToday: today.introduced,
		reviewsLeftToday,
		newLeftToday,
	};
}

/**
 * When the queue will next have something, for the empty state ("next card due in 3h"): `now` if it
 * has something already, null if nothing in scope will ever be due (no cards at all).
 */
export function nextDue<C extends QueueCard>(
	cards: readonly C[],
	store: ReviewHistory,
	settings: SchedulerSettings,
	now: number | Date,
	scope?: DeckScope,
	options: QueueOptions = {},
): number | null {
	const time = timeOf(now);
	const queue = buildQueue(cards, store, settings, time, scope, options);
	if (queue.items.length > 0) return time;
	const tomorrow = addStudyDays(studyDayStart(time, options), 1);
	let next: number | null = null;
	const consider = (at: number) => {
		if (next === null || at < next) next = at;
	};
	for (const card of cards) {
		if (!inScope(card, scope)) continue;
		const state = store.stateOf(card.id);
		if (isNewCard(state)) {
			// New cards wait for tomorrow's allowance (or never come, with a limit of 0).
			if (settings.newCardsPerDay > 0) consider(tomorrow);
		} else if (state!.state === 'review' && queue.reviewsLeftToday === 0) {
			if (settings.reviewsPerDay > 0) consider(Math.max(state!.due, tomorrow));
		} else {
			consider(state!.due);
		}
	}
	return next;
}
