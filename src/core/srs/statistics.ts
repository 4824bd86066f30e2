/**
 * Numbers for the statistics view, as plain data the UI draws as charts. Counts and the forecast cover
 * the cards given (the live ones); the history charts cover the whole log, orphaned cards included,
 * because those reviews did happen.
 */

import { CARD_STATE_NAMES, type CardState, type CardStateName, type ReviewLogEntry } from './card-state';
import { addStudyDays, studyDayStart, type StudyDayOptions } from './review-day';

export interface StatisticsOptions extends StudyDayOptions {
	/** Length of the forecast and of the history, in days. */
	days?: number;
}

export interface DayReviews {
	/** Start of the study day, epoch ms. */
	dayStart: number;
	count: number;
	/** Of which rated 'again'. */
	again: number;
}

export interface ReviewStatistics {
	counts: Record<CardStateName, number> & { total: number };
	/**
	 * Cards falling due on each of the next `days` study days; index 0 is today and includes every
	 * overdue card. Cards due later are not shown.
	 */
	forecast: number[];
	/** The last `days` study days, oldest first; the last entry is today. */
	reviewsPerDay: DayReviews[];
	/**
	 * Share of reviews of cards in the review state that were not rated 'again', over the history
	 * window. Learning steps are left out: they measure the steps, not memory. null without reviews.
	 */
	trueRetention: { passed: number; total: number; rate: number | null };
}

export function computeStats(
	store: { stateOf(cardId: string): CardState | undefined; log(): readonly ReviewLogEntry[] },
	cardIds: Iterable<string>,
	now: number | Date,
	options: StatisticsOptions = {},
): ReviewStatistics {
	const time = typeof now === 'number' ? now : now.getTime();
	const days = Math.max(1, Math.floor(options.days ?? 30));
	const today = studyDayStart(time, options);
	// Day boundaries computed once: forecast[i] spans dayStarts[i]..dayStarts[i+1].
	const ahead = Array.from({ length: days + 1 }, (_, i) => addStudyDays(today, i));
	const past = Array.from({ length: days + 1 }, (_, i) => addStudyDays(today, i - days + 1));

	const counts = Object.fromEntries(CARD_STATE_NAMES.map((name) => [name, 0])) as Record<CardStateName, number>;
	let total = 0;
	const forecast = new Array<number>(days).fill(0);
	const seen = new Set<string>();
	for (const id of cardIds) {
		if (seen.has(id)) continue;
		seen.add(id);
		total++;
		const state = store.stateOf(id);
		counts[state?.state ?? 'new']++;
		if (!state || state.state === 'new') continue;
		const day = dayIndex(ahead, state.due);
		if (day < days) forecast[Math.max(0, day)]++;
	}

	const reviewsPerDay: DayReviews[] = past.slice(0, days).map((dayStart) => ({ dayStart, count: 0, again: 0 }));
	let passed = 0;
	let reviewed = 0;
	const windowStart = past[0];
	const windowEnd = past[days];
	for (const entry of store.log()) {
		if (entry.time < windowStart || entry.time >= windowEnd) continue;
		const bucket = reviewsPerDay[dayIndex(past, entry.time)];
		if (bucket) {
			bucket.count++;
			if (entry.rating === 'again') bucket.again++;
		}
		if (entry.state === 'review') {
			reviewed++;
			if (entry.rating !== 'again') passed++;
		}
	}

	return {
		counts: { ...counts, total },
		forecast,
		reviewsPerDay,
		trueRetention: { passed, total: reviewed, rate: reviewed === 0 ? null : passed / reviewed },
	};
}

/** Index of the day containing `time` in ascending day starts: -1 before the first, length-1 after the last. */
function dayIndex(dayStarts: readonly number[], time: number): number {
	let low = 0;
	let high = dayStarts.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (dayStarts[mid] <= time) low = mid + 1;
		else high = mid;
	}
	return low - 1;
}
