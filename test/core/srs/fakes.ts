import type { CardState, Rating, ReviewLogEntry } from '../../../src/core/srs/card-state';

/** A hand-made review card state, distinct per `n`. */
export function stateFor(n: number, overrides: Partial<CardState> = {}): CardState {
	return {
		due: 1_700_000_000_000 + n * 86_400_000,
		stability: 1 + n,
		difficulty: 5,
		elapsedDays: n,
		scheduledDays: n + 1,
		learningSteps: 0,
		reps: n + 1,
		lapses: 0,
		state: 'review',
		lastReview: 1_700_000_000_000 + (n - 1) * 86_400_000,
		...overrides,
	};
}

export function logFor(cardId: string, time: number, rating: Rating = 'good', overrides: Partial<ReviewLogEntry> = {}): ReviewLogEntry {
	return { cardId, time, rating, state: 'review', elapsedDays: 1, scheduledDays: 1, due: time, stability: 2, difficulty: 5, ...overrides };
}
