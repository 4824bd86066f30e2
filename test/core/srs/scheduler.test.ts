import { DEFAULT_SCHEDULER_SETTINGS, Scheduler, normaliseSchedulerSettings } from '../../../src/core/srs/scheduler';
import type { CardState, Rating } from '../../../src/core/srs/card-state';
import { intervalLabel } from '../../../src/core/srs/interval-label';

const NOW = new Date(Date.UTC(2026, 0, 10, 9, 0, 0));
const MINUTE = 60_000;
const DAY = 86_400_000;

function reviewCard(scheduler: Scheduler, cardId: string): CardState {
	// Two goods a day apart take a new card through learning into review.
	let { state } = scheduler.grade(undefined, 'good', NOW, cardId);
	state = scheduler.grade(state, 'good', new Date(state.due), cardId).state;
	return scheduler.grade(state, 'good', new Date(state.due), cardId).state;
}

describe('Scheduler (ts-fsrs, fixed clock)', () => {
	const scheduler = new Scheduler(DEFAULT_SCHEDULER_SETTINGS);

	it('gives a new card graded good a learning step, a first review and a log entry', () => {
		const { state, log } = scheduler.grade(undefined, 'good', NOW, 'note.md#a', 'hash1');
		expect(state.state).toBe('learning');
		expect(state.reps).toBe(1);
		expect(state.lastReview).toBe(NOW.getTime());
		expect(state.due - NOW.getTime()).toBe(10 * MINUTE);
		expect(state.contentHash).toBe('hash1');
		expect(state.stability).toBeGreaterThan(0);
		expect(log).toEqual({
			cardId: 'note.md#a', time: NOW.getTime(), rating: 'good', state: 'new',
			elapsedDays: 0, scheduledDays: 0, due: NOW.getTime(), stability: 0, difficulty: 0,
		});
	});

	it('orders the four ratings by interval for new and for review cards', () => {
		const fresh = scheduler.preview(undefined, NOW, 'x');
		const ratings: Rating[] = ['again', 'hard', 'good', 'easy'];
		const newDues = ratings.map((r) => fresh[r].due);
		expect([...newDues].sort((a, b) => a - b)).toEqual(newDues);
		expect(new Set(newDues).size).toBe(4);

		const card = reviewCard(scheduler, 'x');
		expect(card.state).toBe('review');
		const later = new Date(card.due);
		const preview = scheduler.preview(card, later);
		const dues = ratings.map((r) => preview[r].due);
		for (let i = 1; i < dues.length; i++) expect(dues[i]).toBeGreaterThan(dues[i - 1]);
		expect(preview.again.due - later.getTime()).toBeLessThan(DAY);
		expect(preview.good.due - later.getTime()).toBeGreaterThanOrEqual(2 * DAY);
	});

	it('labels the buttons of a new card as ts-fsrs schedules them', () => {
		const labels = scheduler.preview(undefined, NOW, 'x');
		expect(labels.again.interval).toBe('1m');
		expect(labels.hard.interval).toBe('6m');
		expect(labels.good.interval).toBe('10m');
		expect(labels.easy.interval).toMatch(/^\d+d$/);
	});

	it('grades exactly what the preview showed, fuzz included', () => {
		const card = reviewCard(scheduler, 'y');
		for (let day = 0; day < 40; day += 7) {
			const at = new Date(card.due + day * DAY);
			const shown = scheduler.preview(card, at);
			const shownAgain = scheduler.preview(card, new Date(at.getTime() + 30_000));
			for (const rating of ['again', 'hard', 'good', 'easy'] as const) {
				const graded = scheduler.grade(card, rating, at, 'y');
				expect(graded.state.due).toBe(shown[rating].due);
				expect(shownAgain[rating].interval).toBe(shown[rating].interval);
			}
		}
	});

	it('records the state before the review and counts lapses', () => {
		const card = reviewCard(scheduler, 'z');
		const at = new Date(card.due + 2 * DAY);
		const { state, log } = scheduler.grade(card, 'again', at, 'z');
		expect(log.state).toBe('review');
		expect(log.stability).toBe(card.stability);
		expect(log.due).toBe(card.due);
		expect(log.elapsedDays).toBe(Math.round((at.getTime() - card.lastReview!) / DAY));
		expect(state.state).toBe('relearning');
		expect(state.lapses).toBe(card.lapses + 1);
	});

	it('respects the maximum interval and desired retention', () => {
		const capped = new Scheduler({ ...DEFAULT_SCHEDULER_SETTINGS, maximumInterval: 3 });
		const card = reviewCard(capped, 'm');
		const preview = capped.preview(card, new Date(card.due));
		expect(preview.easy.due - card.due).toBeLessThanOrEqual(3 * DAY);

		const strict = new Scheduler({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.97 }, { enableFuzz: false });
		const relaxed = new Scheduler({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.8 }, { enableFuzz: false });
		const base = reviewCard(new Scheduler(DEFAULT_SCHEDULER_SETTINGS, { enableFuzz: false }), 'r');
		const at = new Date(base.due);
		expect(strict.preview(base, at).good.due).toBeLessThan(relaxed.preview(base, at).good.due);
	});

	it('clamps nonsense settings instead of throwing mid-review', () => {
		expect(normaliseSchedulerSettings({ desiredRetention: 5, maximumInterval: -3, newCardsPerDay: Number.NaN, reviewsPerDay: 12.4 }))
			.toEqual({ desiredRetention: 0.99, maximumInterval: 1, newCardsPerDay: 20, reviewsPerDay: 12 });
	});
});

describe('intervalLabel', () => {
	it.each([
		[0, 'now'], [20_000, '1m'], [10 * MINUTE, '10m'], [3 * 60 * MINUTE, '3h'], [DAY, '1d'], [4 * DAY, '4d'],
		[91 * DAY, '3mo'], [45 * DAY, '1.5mo'], [438 * DAY, '1.2y'], [365.25 * DAY, '1y'], [364 * DAY, '1y'],
	])('%d ms reads %s', (ms, label) => {
		expect(intervalLabel(ms)).toBe(label);
	});
});
