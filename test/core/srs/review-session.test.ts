/** The whole core path a review session takes, through the public index, as the plugin uses it. */
import { JournalStore } from '../../../src/core/srs/journal-store';
import { MemoryPersistence, Scheduler, DEFAULT_SCHEDULER_SETTINGS, buildQueue, nextDue, intervalLabel, reviewLogToCsv, computeStats, type QueueCard } from '../../../src/core/srs';

const cards: QueueCard[] = [
	{ id: 'AWS/VPC.md#subnet', file: 'AWS/VPC.md', tags: ['#aws'] },
	{ id: 'AWS/VPC.md#nat', file: 'AWS/VPC.md', tags: ['#aws'] },
	{ id: 'AWS/IAM.md#role', file: 'AWS/IAM.md', tags: [] },
];

describe('a review session through the core', () => {
	it('grades, saves, reloads, and the graded card is no longer due while the others are; undo brings it back', async () => {
		const files = new MemoryPersistence();
		let now = new Date(2026, 0, 10, 9, 0).getTime();
		const scheduler = new Scheduler(DEFAULT_SCHEDULER_SETTINGS);
		const store = await JournalStore.open(files, { device: 'laptop', now: () => now });
		const queue = buildQueue(cards, store, DEFAULT_SCHEDULER_SETTINGS, now);
		expect(queue.items.map((i) => i.kind)).toEqual(['new', 'new', 'new']);

		const first = queue.items[0];
		const labels = scheduler.preview(first.state, new Date(now), first.card.id);
		expect(labels.easy.interval).toMatch(/d$/);
		const graded = scheduler.grade(first.state, 'easy', new Date(now), first.card.id, 'h1');
		expect(graded.state.due).toBe(labels.easy.due);
		store.record(first.card.id, graded.state, graded.log);
		await store.flush();

		now += 60_000;
		const reopened = await JournalStore.open(files, { device: 'laptop', now: () => now });
		const after = buildQueue(cards, reopened, DEFAULT_SCHEDULER_SETTINGS, now);
		expect(after.items.map((i) => i.card.id)).toEqual(['AWS/VPC.md#nat', 'AWS/IAM.md#role']);
		expect(after.newToday).toBe(1);
		expect(reopened.stateOf(first.card.id)?.contentHash).toBe('h1');
		expect(intervalLabel(nextDue([cards[0]], reopened, DEFAULT_SCHEDULER_SETTINGS, now)! - now)).toBe(labels.easy.interval);

		// Undo works within the session that graded.
		expect(store.undoLast()?.cardId).toBe(first.card.id);
		await store.flush();
		const undone = await JournalStore.open(files, { device: 'laptop', now: () => now });
		expect(buildQueue(cards, undone, DEFAULT_SCHEDULER_SETTINGS, now).items).toHaveLength(3);
		expect(reviewLogToCsv(undone.log()).trim().split('\n')).toHaveLength(1);

		const stats = computeStats(reopened, cards.map((c) => c.id), now);
		expect(stats.counts).toMatchObject({ new: 2, review: 1, total: 3 });
		expect(stats.reviewsPerDay[29]?.count).toBe(1);
	});
});
