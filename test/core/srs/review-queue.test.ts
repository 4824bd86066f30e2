import { buildQueue, nextDue } from '../../../src/core/srs/review-queue';
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from '../../../src/core/srs/scheduler';
import type { CardState, ReviewLogEntry } from '../../../src/core/srs/card-state';
import type { QueueCard } from '../../../src/core/srs/deck-scope';
import { logFor, stateFor } from './fakes';

// Local times, so the tests mean the same in every time zone.
const NOW = new Date(2026, 0, 10, 14, 0).getTime();
const MIDNIGHT = new Date(2026, 0, 10, 0, 0).getTime();
const HOUR = 3_600_000;
const DAY = 86_400_000;

class History {
	readonly states = new Map<string, CardState>();
	readonly entries: ReviewLogEntry[] = [];
	stateOf(id: string) { return this.states.get(id); }
	log() { return this.entries; }
}

function card(id: string, file = 'AWS/VPC.md', tags: string[] = []): QueueCard {
	return { id, file, tags };
}

const settings = (over: Partial<SchedulerSettings> = {}): SchedulerSettings => ({ ...DEFAULT_SCHEDULER_SETTINGS, ...over });

describe('buildQueue', () => {
	it('puts due cards first, oldest due first, then new cards in note order, then learning cards due shortly', () => {
		const history = new History();
		history.states.set('late', stateFor(1, { due: NOW - 3 * DAY }));
		history.states.set('today', stateFor(2, { due: NOW - HOUR }));
		history.states.set('step', stateFor(3, { state: 'learning', due: NOW - 2 * HOUR }));
		history.states.set('future', stateFor(4, { due: NOW + DAY }));
		history.states.set('soon', stateFor(5, { state: 'relearning', due: NOW + 5 * 60_000 }));
		const cards = ['new-b', 'future', 'today', 'soon', 'new-a', 'late', 'step'].map((id) => card(id));

		const queue = buildQueue(cards, history, settings(), NOW);
		expect(queue.items.map((i) => `${i.kind}:${i.card.id}`)).toEqual([
			'due:late', 'due:step', 'due:today', 'new:new-b', 'new:new-a', 'ahead:soon',
		]);
		expect(queue.dueCount).toBe(3);
		expect(queue.newCount).toBe(2);
	});

	it('counts today\'s reviews and new cards from the log against the daily limits', () => {
		const history = new History();
		for (let i = 0; i < 5; i++) history.states.set(`r${i}`, stateFor(i, { due: NOW - (i + 1) * HOUR }));
		// Yesterday's reviews do not count; today's do.
		history.entries.push(logFor('x', MIDNIGHT - HOUR, 'good', { state: 'review' }));
		history.entries.push(logFor('x', MIDNIGHT - HOUR, 'good', { state: 'new' }));
		history.entries.push(logFor('y', MIDNIGHT + HOUR, 'good', { state: 'review' }));
		history.entries.push(logFor('z', MIDNIGHT + HOUR, 'good', { state: 'new' }));
		history.entries.push(logFor('z', MIDNIGHT + 2 * HOUR, 'good', { state: 'learning' }));
		const cards = [...Array.from({ length: 5 }, (_, i) => card(`r${i}`)), ...['n0', 'n1', 'n2'].map((id) => card(id))];

		const queue = buildQueue(cards, history, settings({ reviewsPerDay: 3, newCardsPerDay: 2 }), NOW);
		expect(queue.reviewsToday).toBe(1);
		expect(queue.newToday).toBe(1);
		expect(queue.items.map((i) => i.card.id)).toEqual(['r4', 'r3', 'n0']);
		expect(queue.dueCount).toBe(5);
	});

	it('does not limit cards in the middle of their learning steps', () => {
		const history = new History();
		history.states.set('l1', stateFor(1, { state: 'learning', due: NOW - 60_000 }));
		history.states.set('r1', stateFor(2, { due: NOW - 60_000 }));
		const queue = buildQueue([card('l1'), card('r1')], history, settings({ reviewsPerDay: 0, newCardsPerDay: 0 }), NOW);
		expect(queue.items.map((i) => i.card.id)).toEqual(['l1']);
	});

	it('starts the study day at dayStartHour', () => {
		const history = new History();
		history.entries.push(logFor('a', new Date(2026, 0, 10, 2, 0).getTime(), 'good', { state: 'new' }));
		const cards = [card('n0'), card('n1')];
		const at = new Date(2026, 0, 10, 3, 30).getTime();
		const limit = settings({ newCardsPerDay: 1 });
		// With midnight, the 02:00 review was today: the allowance is used up.
		expect(buildQueue(cards, history, limit, at).items).toHaveLength(0);
		// With a 04:00 day start, 02:00 and 03:30 both belong to the study day that began on the 9th.
		expect(buildQueue(cards, history, limit, at, undefined, { dayStartHour: 4 }).items).toHaveLength(0);
		// After 04:00 a new study day has begun.
		const after = new Date(2026, 0, 10, 4, 30).getTime();
		expect(buildQueue(cards, history, limit, after, undefined, { dayStartHour: 4 }).items).toHaveLength(1);
		expect(buildQueue(cards, history, limit, after).items).toHaveLength(0);
	});

	it('reviews only the cards in scope: a note, a folder with subfolders, a tag with nested tags', () => {
		const history = new History();
		const cards = [
			card('a', 'AWS/VPC.md', ['#aws/vpc']),
			card('b', 'AWS/Compute/EC2.md', ['AWS/ec2']),
			card('c', 'GCP/VPC.md', ['#gcp']),
			card('d', 'AWSome.md', ['#awsome']),
		];
		const ids = (scope: Parameters<typeof buildQueue>[4]) => buildQueue(cards, history, settings(), NOW, scope).items.map((i) => i.card.id);
		expect(ids({ kind: 'file', path: 'AWS/VPC.md' })).toEqual(['a']);
		expect(ids({ kind: 'folder', path: 'AWS' })).toEqual(['a', 'b']);
		expect(ids({ kind: 'tag', tag: '#aws' })).toEqual(['a', 'b']);
		expect(ids({ kind: 'tag', tag: 'aws/ec2' })).toEqual(['b']);
		expect(ids({ kind: 'all' })).toEqual(['a', 'b', 'c', 'd']);
	});
});

describe('nextDue', () => {
	it('is now while something is waiting', () => {
		expect(nextDue([card('n')], new History(), settings(), NOW)).toBe(NOW);
	});

	it('is the earliest future due date when nothing is waiting', () => {
		const history = new History();
		history.states.set('a', stateFor(1, { due: NOW + 3 * HOUR }));
		history.states.set('b', stateFor(2, { due: NOW + 2 * DAY }));
		expect(nextDue([card('a'), card('b')], history, settings(), NOW)).toBe(NOW + 3 * HOUR);
	});

	it('is the next study day when the day\'s limits hold the waiting cards back', () => {
		const history = new History();
		history.states.set('a', stateFor(1, { due: NOW - HOUR }));
		history.entries.push(logFor('x', NOW - HOUR, 'good', { state: 'new' }));
		history.entries.push(logFor('y', NOW - HOUR, 'good', { state: 'review' }));
		const tomorrow = new Date(2026, 0, 11, 0, 0).getTime();
		expect(nextDue([card('a'), card('n')], history, settings({ newCardsPerDay: 1, reviewsPerDay: 1 }), NOW)).toBe(tomorrow);
	});

	it('is null without cards', () => {
		expect(nextDue([], new History(), settings(), NOW)).toBeNull();
	});
});
