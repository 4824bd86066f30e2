import { computeStats } from '../../../src/core/srs/statistics';
import type { CardState, ReviewLogEntry } from '../../../src/core/srs/card-state';
import { logFor, stateFor } from './fakes';

const NOW = new Date(2026, 0, 10, 15, 0).getTime();
const at = (day: number, hour: number) => new Date(2026, 0, 10 + day, hour, 0).getTime();

function storeOf(states: [string, CardState][], log: ReviewLogEntry[]) {
	const map = new Map(states);
	return { stateOf: (id: string) => map.get(id), log: () => log };
}

describe('computeStats', () => {
	const store = storeOf(
		[
			['overdue', stateFor(1, { due: at(-3, 9) })],
			['today', stateFor(2, { due: at(0, 23) })],
			['tomorrow', stateFor(3, { due: at(1, 0) })],
			['learning', stateFor(4, { state: 'learning', due: at(0, 16) })],
			['relearning', stateFor(5, { state: 'relearning', due: at(2, 10) })],
			['day29', stateFor(6, { due: at(29, 12) })],
			['day30', stateFor(7, { due: at(30, 0) })],
			['orphan', stateFor(8, { due: at(0, 9) })],
		],
		[
			logFor('gone', at(-30, 12), 'good'),
			logFor('a', at(-29, 12), 'again'),
			logFor('a', at(-29, 13), 'good', { state: 'relearning' }),
			logFor('b', at(-1, 9), 'hard'),
			logFor('c', at(0, 0), 'good', { state: 'new' }),
			logFor('d', at(0, 14), 'easy'),
			logFor('d', at(0, 14), 'again'),
		],
	);
	const ids = ['overdue', 'today', 'tomorrow', 'learning', 'relearning', 'day29', 'day30', 'never-reviewed', 'today'];
	const stats = computeStats(store, ids, NOW);

	it('counts live cards by state, unreviewed ones as new, each once', () => {
		expect(stats.counts).toEqual({ new: 1, learning: 1, review: 5, relearning: 1, total: 8 });
	});

	it('forecasts the next 30 days with overdue cards in today', () => {
		expect(stats.forecast).toHaveLength(30);
		expect(stats.forecast[0]).toBe(3);
		expect(stats.forecast[1]).toBe(1);
		expect(stats.forecast[2]).toBe(1);
		expect(stats.forecast[29]).toBe(1);
		expect(stats.forecast.reduce((a, b) => a + b, 0)).toBe(6);
	});

	it('counts reviews per day over the last 30 days, today last', () => {
		expect(stats.reviewsPerDay).toHaveLength(30);
		expect(stats.reviewsPerDay[29]).toEqual({ dayStart: at(0, 0), count: 3, again: 1 });
		expect(stats.reviewsPerDay[28]).toEqual({ dayStart: at(-1, 0), count: 1, again: 0 });
		expect(stats.reviewsPerDay[0]).toEqual({ dayStart: at(-29, 0), count: 2, again: 1 });
		expect(stats.reviewsPerDay.reduce((sum, d) => sum + d.count, 0)).toBe(6);
	});

	it('computes true retention from reviews of review-state cards only', () => {
		// In the window: again (review), hard (review), easy (review), again (review); relearning and new left out.
		expect(stats.trueRetention).toEqual({ passed: 2, total: 4, rate: 0.5 });
		expect(computeStats(storeOf([], []), [], NOW).trueRetention).toEqual({ passed: 0, total: 0, rate: null });
	});

	it('honours a custom window and day start', () => {
		const short = computeStats(store, ids, NOW, { days: 7, dayStartHour: 4 });
		expect(short.forecast).toHaveLength(7);
		expect(short.reviewsPerDay).toHaveLength(7);
		// The 00:00 review on the 10th belongs to the study day of the 9th when days start at 04:00.
		expect(short.reviewsPerDay[6]).toEqual({ dayStart: at(0, 4), count: 2, again: 1 });
		expect(short.reviewsPerDay[5]).toEqual({ dayStart: at(-1, 4), count: 2, again: 0 });
	});
});
