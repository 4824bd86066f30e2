/**
 * FSRS-6 scheduling through ts-fsrs, behind plain data: callers pass and get `CardState` objects with
 * epoch-ms times, never ts-fsrs `Card`s with Dates.
 */

import { createEmptyCard, dateDiffInDays, fsrs, GenSeedStrategyWithCardId, Rating as FsrsRating, State as FsrsState, StrategyMode, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { CardState, CardStateName, Rating, ReviewLogEntry } from './card-state';
import { intervalLabel } from './interval-label';

export interface SchedulerSettings {
	/** Share of reviews the scheduler aims for you to recall, 0.7-0.99. */
	desiredRetention: number;
	/** Longest interval in days. */
	maximumInterval: number;
	newCardsPerDay: number;
	reviewsPerDay: number;
}

export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = Object.freeze({
	desiredRetention: 0.9,
	maximumInterval: 36500,
	newCardsPerDay: 20,
	reviewsPerDay: 200,
});

export interface SchedulerOptions {
	/**
	 * Spread long intervals by a few percent so cards learned together do not all fall due on the same
	 * day. On by default; the fuzz is seeded from the card's own history, so it is reproducible.
	 */
	enableFuzz?: boolean;
}

export interface IntervalPreview {
	due: number;
	interval: string;
}

const TO_FSRS_RATING: Record<Rating, Grade> = {
	again: FsrsRating.Again,
	hard: FsrsRating.Hard,
	good: FsrsRating.Good,
	easy: FsrsRating.Easy,
};

const TO_FSRS_STATE: Record<CardStateName, FsrsState> = {
	new: FsrsState.New,
	learning: FsrsState.Learning,
	review: FsrsState.Review,
	relearning: FsrsState.Relearning,
};

const FROM_FSRS_STATE: Record<FsrsState, CardStateName> = {
	[FsrsState.New]: 'new',
	[FsrsState.Learning]: 'learning',
	[FsrsState.Review]: 'review',
	[FsrsState.Relearning]: 'relearning',
};

/** ts-fsrs's numeric state (0-3), the code FSRS optimisers read. */
export function fsrsStateCode(state: CardStateName): number {
	return TO_FSRS_STATE[state];
}

/** ts-fsrs's numeric rating (1-4), the code FSRS optimisers read. */
export function fsrsRatingCode(rating: Rating): number {
	return TO_FSRS_RATING[rating];
}

const DAY_MS = 86_400_000;

/** Field ts-fsrs's card-id seed strategy reads; it carries our own seed instead of an id. */
const FUZZ_KEY = 'cloudnotes_fuzz_key';

/** Clamps settings into the ranges FSRS accepts, so a typo in the settings tab cannot throw mid-review. */
export function normaliseSchedulerSettings(settings: Partial<SchedulerSettings>): SchedulerSettings {
	const finite = (value: number | undefined, fallback: number): number =>
		typeof value === 'number' && Number.isFinite(value) ? value : fallback;
	return {
		desiredRetention: Math.min(0.99, Math.max(0.7, finite(settings.desiredRetention, DEFAULT_SCHEDULER_SETTINGS.desiredRetention))),
		maximumInterval: Math.max(1, Math.round(finite(settings.maximumInterval, DEFAULT_SCHEDULER_SETTINGS.maximumInterval))),
		newCardsPerDay: Math.max(0, Math.round(finite(settings.newCardsPerDay, DEFAULT_SCHEDULER_SETTINGS.newCardsPerDay))),
		reviewsPerDay: Math.max(0, Math.round(finite(settings.reviewsPerDay, DEFAULT_SCHEDULER_SETTINGS.reviewsPerDay))),
	};
}

/**
 * Whole days between two reviews, counted the way ts-fsrs counts them (UTC calendar days), computed
 * here because ts-fsrs deprecates its own `elapsed_days` field.
 */
function elapsedDaysBetween(lastReview: number | undefined, now: Date): number {
	return lastReview === undefined ? 0 : Math.max(0, dateDiffInDays(new Date(lastReview), now));
}

function cardStateFromFsrs(card: Card, elapsedDays: number, contentHash?: string): CardState {
	const state: CardState = {
		due: card.due.getTime(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: FROM_FSRS_STATE[card.state],
	};
	if (card.last_review) state.lastReview = card.last_review.getTime();
	if (contentHash !== undefined) state.contentHash = contentHash;
	return state;
}

/**
 * The ts-fsrs card for a state, carrying a fuzz seed made from the card's own history (last review,
 * reps, memory). ts-fsrs's default seed uses the review time to the millisecond, which would make the
 * interval shown on a button differ from the one given a second later; this seed does not move.
 */
function fsrsCardOf(state: CardState | undefined, now: Date, cardId: string): Card {
	if (!state) {
		// A new card has no history yet: its id keeps cards learned together from sharing one fuzz.
		return Object.assign(createEmptyCard(now), { [FUZZ_KEY]: `new_${cardId}_` });
	}
	// Built on an empty card so the deprecated elapsed_days is present without us writing it;
	// ts-fsrs recomputes it from last_review on every review anyway.
	const card: Card = Object.assign(createEmptyCard(now), {
		due: new Date(state.due),
		stability: state.stability,
		difficulty: state.difficulty,
		scheduled_days: state.scheduledDays,
		learning_steps: state.learningSteps,
		reps: state.reps,
		lapses: state.lapses,
		state: TO_FSRS_STATE[state.state],
		last_review: state.lastReview === undefined ? undefined : new Date(state.lastReview),
	});
	const seed = `${state.lastReview ?? 'new'}_${state.stability * state.difficulty}_`;
	return Object.assign(card, { [FUZZ_KEY]: seed });
}

export class Scheduler {
	readonly settings: SchedulerSettings;
	private readonly enableFuzz: boolean;
	private built: FSRS | null = null;

	constructor(settings: SchedulerSettings, options: SchedulerOptions = {}) {
		this.settings = normaliseSchedulerSettings(settings);
		this.enableFuzz = options.enableFuzz ?? true;
	}

	/**
	 * Built on first use, not with the scheduler: the plugin makes its scheduler in onload, and
	 * ts-fsrs's set-up was about 6 of its 55 ms in a profile at 4x CPU throttle (bench eval,
	 * issue 27), for a grade that comes much later if at all.
	 */
	private get engine(): FSRS {
		this.built ??= fsrs({
			request_retention: this.settings.desiredRetention,
			maximum_interval: this.settings.maximumInterval,
			enable_fuzz: this.enableFuzz,
			enable_short_term: true,
		}).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId(FUZZ_KEY));
		return this.built;
	}

	/**
	 * ts-fsrs keeps hard < good < easy by pushing good and easy one day past hard, which can carry them
	 * beyond the maximum interval; the user's maximum wins over the strict ordering.
	 */
	private capped(card: Card, now: Date): Card {
		const maximum = this.settings.maximumInterval;
		if (card.scheduled_days > maximum) {
			card.scheduled_days = maximum;
			card.due = new Date(now.getTime() + maximum * DAY_MS);
		}
		return card;
	}

	/**
	 * What each rating would do to the card now: the new due time and its label for the button.
	 * Pass the card id for a new card so the labels match `grade` exactly when fuzz is on.
	 */
	preview(state: CardState | undefined, now: Date, cardId = ''): Record<Rating, IntervalPreview> {
		const outcomes = this.engine.repeat(fsrsCardOf(state, now, cardId), now);
		const at = (rating: Rating): IntervalPreview => {
			const due = this.capped(outcomes[TO_FSRS_RATING[rating]].card, now).due.getTime();
			return { due, interval: intervalLabel(due - now.getTime()) };
		};
		return { again: at('again'), hard: at('hard'), good: at('good'), easy: at('easy') };
	}

	/** A card's state after these reviews (oldest first), as if graded again now with these settings. */
	replay(cardId: string, reviews: readonly ReviewLogEntry[]): CardState | undefined {
		let state: CardState | undefined;
		for (const review of reviews) state = this.grade(state, review.rating, new Date(review.time), cardId).state;
		return state;
	}

	/** Applies a rating: the card's next state and the log entry to append. */
	grade(
		state: CardState | undefined,
		rating: Rating,
		now: Date,
		cardId: string,
		contentHash?: string,
	): { state: CardState; log: ReviewLogEntry } {
		const before = fsrsCardOf(state, now, cardId);
		const outcome = this.engine.next(before, now, TO_FSRS_RATING[rating]);
		this.capped(outcome.card, now);
		const elapsedDays = state && state.state !== 'new' ? elapsedDaysBetween(state.lastReview, now) : 0;
		const next = cardStateFromFsrs(outcome.card, elapsedDays, contentHash);
		const log: ReviewLogEntry = {
			cardId,
			time: now.getTime(),
			rating,
			state: state?.state ?? 'new',
			elapsedDays,
			scheduledDays: state?.scheduledDays ?? 0,
			due: state?.due ?? now.getTime(),
			stability: state?.stability ?? 0,
			difficulty: state?.difficulty ?? 0,
		};
		return { state: next, log };
	}
}
