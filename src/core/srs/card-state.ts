/**
 * The plain, serialisable shapes of spaced repetition: what a card's memory looks like and what one
 * review leaves behind. Everything is numbers and strings (times are epoch milliseconds) so it can be
 * stored as JSON and compared in tests without Date objects.
 */

export type Rating = 'again' | 'hard' | 'good' | 'easy';

export const RATINGS: readonly Rating[] = ['again', 'hard', 'good', 'easy'];

export type CardStateName = 'new' | 'learning' | 'review' | 'relearning';

export const CARD_STATE_NAMES: readonly CardStateName[] = ['new', 'learning', 'review', 'relearning'];

export interface CardState {
	/** When the card is next due, epoch ms. */
	due: number;
	stability: number;
	difficulty: number;
	/** Days between the last two reviews. */
	elapsedDays: number;
	/** Days the last review scheduled the card for. */
	scheduledDays: number;
	/** Position in the (re)learning steps. */
	learningSteps: number;
	reps: number;
	lapses: number;
	state: CardStateName;
	/** Time of the last review, epoch ms. */
	lastReview?: number;
	/** The card's content hash at its last review, so the UI can say "changed since last review". */
	contentHash?: string;
}

/**
 * One review as it happened. The memory fields describe the card BEFORE the review (as ts-fsrs logs
 * them), so the log alone is enough to replay or optimise the history.
 */
export interface ReviewLogEntry {
	cardId: string;
	/** When the review happened, epoch ms. */
	time: number;
	rating: Rating;
	/** The card's state before the review. */
	state: CardStateName;
	/** Days since the previous review (0 for a new card). */
	elapsedDays: number;
	/** The interval, in days, that the previous review had scheduled. */
	scheduledDays: number;
	/** When the card was due before this review, epoch ms. */
	due: number;
	stability: number;
	difficulty: number;
	/** Time spent answering, ms, when the review UI measured it. */
	durationMs?: number;
}
