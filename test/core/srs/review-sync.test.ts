/**
 * Two devices on one synced vault: each has its own ReviewStore over the same review file (a
 * sync tool carries the file between them). Whatever order they save in, no review is lost.
 */
import fc from 'fast-check';
import { ReviewStore } from '../../../src/core/srs/review-store';
import { REVIEW_FILE } from '../../../src/core/srs/persistence';
import { decodeReviewData, emptyReviewData, encodeReviewData } from '../../../src/core/srs/review-data';
import { mergeReviewData } from '../../../src/core/srs/review-merge';
import { DEFAULT_SCHEDULER_SETTINGS, Scheduler } from '../../../src/core/srs/scheduler';
import { FlakyPersistence, logFor, stateFor } from './fakes';

const T0 = Date.UTC(2026, 0, 10, 9);
const clock = () => T0;

const scheduler = new Scheduler(DEFAULT_SCHEDULER_SETTINGS);

async function device(files: FlakyPersistence): Promise<ReviewStore> {
	return ReviewStore.open(files, { now: clock, describeFile: (n) => `.obsidian/plugins/cloudnotes/${n}`, replay: (id, reviews) => scheduler.replay(id, reviews) });
}

/** Card n reviewed at T0 + n ms. */
function grade(store: ReviewStore, n: number): void {
	store.record(`card-${n}`, stateFor(n, { lastReview: T0 + n }), logFor(`card-${n}`, T0 + n));
}

describe('mergeReviewData', () => {
	it('keeps every review of both logs once, in time order, and the state of the newest review per card', () => {
		const ours = emptyReviewData();
		const theirs = emptyReviewData();
		const shared = logFor('a', T0);
		ours.log.push(shared, logFor('a', T0 + 20));
		theirs.log.push(shared, logFor('b', T0 + 10));
		ours.states.set('a', stateFor(2, { lastReview: T0 + 20 }));
		theirs.states.set('a', stateFor(1, { lastReview: T0 }));
		theirs.states.set('b', stateFor(3, { lastReview: T0 + 10 }));
		const merged = mergeReviewData(ours, theirs);
		expect(merged.data.log.map((e) => [e.cardId, e.time - T0])).toEqual([['a', 0], ['b', 10], ['a', 20]]);
		expect(merged.data.states.get('a')?.lastReview).toBe(T0 + 20);
		expect(merged.data.states.get('b')?.lastReview).toBe(T0 + 10);
		expect(merged.oursAddsToTheirs).toBe(true);
		expect(merged.theirsAddsToOurs).toBe(true);
	});

	it('says when one side already holds everything of the other', () => {
		const ours = emptyReviewData();
		ours.log.push(logFor('a', T0));
		ours.states.set('a', stateFor(1));
		const theirs = decodeReviewData(encodeReviewData(ours, T0));
		if (!theirs.ok) throw new Error('round trip');
		theirs.data.log.push(logFor('b', T0 + 5));
		theirs.data.states.set('b', stateFor(2));
		const merged = mergeReviewData(ours, theirs.data);
		expect(merged.oursAddsToTheirs).toBe(false);
		expect(merged.theirsAddsToOurs).toBe(true);
	});

	it('follows this device for the orphan marks of cards it knows, the other for cards only it knows', () => {
		const ours = emptyReviewData();
		const theirs = emptyReviewData();
		ours.states.set('a', stateFor(1));
		theirs.states.set('a', stateFor(1));
		theirs.orphans.set('a', T0);
		theirs.states.set('b', stateFor(2));
		theirs.orphans.set('b', T0 + 1);
		const merged = mergeReviewData(ours, theirs);
		expect([...merged.data.orphans]).toEqual([['b', T0 + 1]]);
	});
});

describe('mergeReviewData, for any two versions', () => {
	const entryArb = fc.record({ card: fc.integer({ min: 0, max: 4 }), at: fc.integer({ min: 0, max: 50 }), rating: fc.constantFrom('again' as const, 'good' as const) });
	const versionArb = fc.array(entryArb, { maxLength: 20 }).map((entries) => {
		const data = emptyReviewData();
		for (const e of entries) {
			data.log.push(logFor(`card-${e.card}`, T0 + e.at, e.rating));
			const current = data.states.get(`card-${e.card}`);
			if (!current || (current.lastReview ?? 0) < T0 + e.at) data.states.set(`card-${e.card}`, stateFor(e.at, { lastReview: T0 + e.at }));
		}
		return data;
	});
	const keys = (data: ReturnType<typeof emptyReviewData>) => [...new Set(data.log.map((e) => `${e.cardId}@${e.time}@${e.rating}`))].sort();

	it('keeps exactly the reviews of both, whichever side is ours, and adds nothing to itself', () => {
		fc.assert(
			fc.property(versionArb, versionArb, (a, b) => {
				const ab = mergeReviewData(a, b).data;
				const ba = mergeReviewData(b, a).data;
				expect(keys(ab)).toEqual([...new Set([...keys(a), ...keys(b)])].sort());
				expect(keys(ba)).toEqual(keys(ab));
				for (const [id, state] of ab.states) expect(state.lastReview).toBe(ba.states.get(id)?.lastReview);
				const self = mergeReviewData(a, a);
				expect(self.oursAddsToTheirs || self.theirsAddsToOurs).toBe(false);
			}),
			{ numRuns: 1000, seed: 20261126 },
		);
	});
});

describe('two devices sharing one review file', () => {
	it('a save on one device keeps the reviews the other saved since it opened', async () => {
		const files = new FlakyPersistence();
		const phone = await device(files);
		const laptop = await device(files);
		grade(phone, 1);
		await phone.flush();
		grade(laptop, 2);
		await laptop.flush();

		const reopened = await device(files);
		expect(reopened.log().map((e) => e.cardId)).toEqual(['card-1', 'card-2']);
		expect(reopened.stateOf('card-1')).toEqual(stateFor(1, { lastReview: T0 + 1 }));
		expect(reopened.stateOf('card-2')).toEqual(stateFor(2, { lastReview: T0 + 2 }));
		// The laptop now shows the phone's review too.
		expect(laptop.stateOf('card-1')).toEqual(stateFor(1, { lastReview: T0 + 1 }));
	});

	it('the same card graded on both: both reviews stay in the log, the later one decides the state', async () => {
		const files = new FlakyPersistence();
		const phone = await device(files);
		const laptop = await device(files);
		laptop.record('card-1', stateFor(5, { lastReview: T0 + 50 }), logFor('card-1', T0 + 50, 'easy'));
		phone.record('card-1', stateFor(1, { lastReview: T0 + 10 }), logFor('card-1', T0 + 10, 'again'));
		await laptop.flush();
		await phone.flush();
		const reopened = await device(files);
		expect(reopened.log().map((e) => e.rating)).toEqual(['again', 'easy']);
		expect(reopened.stateOf('card-1')?.lastReview).toBe(T0 + 50);
	});

	it('refreshFromDisk brings the other device\'s reviews in before a review session, without writing', async () => {
		const files = new FlakyPersistence();
		const phone = await device(files);
		const laptop = await device(files);
		phone.record('card-1', stateFor(1), logFor('card-1', T0 + 1));
		await phone.flush();
		const writes = files.writes.length;
		expect(await laptop.refreshFromDisk()).toBe(true);
		expect(laptop.stateOf('card-1')).toEqual(stateFor(1));
		expect(laptop.hasUnsavedChanges).toBe(false);
		expect(files.writes.length).toBe(writes);
		expect(await laptop.refreshFromDisk()).toBe(false);
	});

	it('a grade undone after it was saved stays undone when the other device\'s copy still has it', async () => {
		const files = new FlakyPersistence();
		const laptop = await device(files);
		const phone = await device(files);
		grade(laptop, 1);
		await laptop.flush();
		// The phone picks the file up (with the grade) and saves a review of its own.
		await phone.refreshFromDisk();
		grade(phone, 2);
		await phone.flush();
		// Back on the laptop the grade is undone, then saved.
		laptop.undoLast();
		await laptop.flush();
		const reopened = await device(files);
		expect(reopened.log().map((e) => e.cardId)).toEqual(['card-2']);
		expect(reopened.stateOf('card-1')).toBeUndefined();
		expect(reopened.stateOf('card-2')).toBeDefined();
		// The phone still holds the grade in memory; its next save drops it too.
		grade(phone, 3);
		await phone.flush();
		const again = await device(files);
		expect(again.log().map((e) => e.cardId)).toEqual(['card-2', 'card-3']);
		expect(again.stateOf('card-1')).toBeUndefined();
		expect(phone.stateOf('card-1')).toBeUndefined();
	});

	it('undoing a review whose state had replaced the other device\'s rebuilds the card from the reviews left', async () => {
		const files = new FlakyPersistence();
		const laptop = await device(files);
		const phone = await device(files);
		const graded = scheduler.grade(undefined, 'good', new Date(T0), 'card-1');
		laptop.record('card-1', graded.state, graded.log);
		await laptop.flush();
		// The phone, not having seen it, reviews the same card a minute later; its save merges in the laptop's review.
		phone.record('card-1', stateFor(1, { lastReview: T0 + 60_000 }), logFor('card-1', T0 + 60_000, 'again'));
		await phone.flush();
		// The phone takes its review back: it had no state of its own before, but the laptop's review is in the log.
		phone.undoLast();
		expect(phone.stateOf('card-1')).toEqual(graded.state);
		await phone.flush();
		await laptop.flush();
		const reopened = await device(files);
		expect(reopened.log().map((e) => e.rating)).toEqual(['good']);
		expect(reopened.stateOf('card-1')).toEqual(graded.state);
	});

	it('an undone review stays undone under the card\'s new id after a rename', async () => {
		const files = new FlakyPersistence();
		const laptop = await device(files);
		const phone = await device(files);
		grade(laptop, 1);
		await laptop.flush();
		await phone.refreshFromDisk();
		laptop.undoLast();
		// The note is renamed on both devices (the rename syncs), then the laptop saves.
		laptop.renameCards([{ oldId: 'card-1', newId: 'moved-1' }]);
		phone.renameCards([{ oldId: 'card-1', newId: 'moved-1' }]);
		await laptop.flush();
		await phone.flush();
		const reopened = await device(files);
		expect(reopened.log()).toEqual([]);
		expect(reopened.stateOf('moved-1')).toBeUndefined();
	});

	it('keeps a copy of a file the other device left damaged before writing over it', async () => {
		const files = new FlakyPersistence();
		const laptop = await device(files);
		laptop.record('card-1', stateFor(1), logFor('card-1', T0 + 1));
		await laptop.flush();
		const torn = files.files.get(REVIEW_FILE)!.slice(0, 40);
		files.files.set(REVIEW_FILE, torn);
		laptop.record('card-2', stateFor(2), logFor('card-2', T0 + 2));
		await laptop.flush();
		const copies = [...files.files.keys()].filter((name) => name.startsWith('reviews.corrupt-'));
		expect(copies).toHaveLength(1);
		expect(files.files.get(copies[0])).toBe(torn);
		expect((await device(files)).log().map((e) => e.cardId)).toEqual(['card-1', 'card-2']);
	});

	it('stops saving, and says why on every save, when the other device wrote a newer schema', async () => {
		const files = new FlakyPersistence();
		const laptop = await device(files);
		laptop.record('card-1', stateFor(1), logFor('card-1', T0 + 1));
		await laptop.flush();
		const newer = '{"schema":99,"data":{}}';
		files.files.set(REVIEW_FILE, newer);
		laptop.record('card-2', stateFor(2), logFor('card-2', T0 + 2));
		await expect(laptop.flush()).rejects.toThrow(/newer version of Cloudnotes.*update the plugin/);
		await expect(laptop.flush()).rejects.toThrow(/newer version/);
		expect(laptop.readOnly).toBe(true);
		expect(files.files.get(REVIEW_FILE)).toBe(newer);
	});

	it('under any interleaving of grades, undos, saves and reopenings on two devices, every review reaches the file and no undone one does', async () => {
		type Step = { device: 0 | 1; action: 'grade' | 'undo' | 'flush' | 'reopen'; card: number };
		const stepArb = fc.record({
			device: fc.constantFrom(0 as const, 1 as const),
			action: fc.constantFrom('grade' as const, 'grade' as const, 'undo' as const, 'flush' as const, 'reopen' as const),
			card: fc.integer({ min: 0, max: 5 }),
		});
		await fc.assert(
			fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 40 }), async (steps: Step[]) => {
				const files = new FlakyPersistence();
				const stores = [await device(files), await device(files)];
				const kept = new Set<string>();
				// What each device's undo would take back: its grades since it opened.
				const session: string[][] = [[], []];
				let time = T0;
				for (const step of steps) {
					const store = stores[step.device];
					if (step.action === 'grade') {
						time += 1000;
						store.record(`card-${step.card}`, stateFor(step.card, { lastReview: time }), logFor(`card-${step.card}`, time));
						kept.add(`card-${step.card}@${time}`);
						session[step.device].push(`card-${step.card}@${time}`);
					} else if (step.action === 'undo') {
						const undone = session[step.device].pop();
						expect(store.undoLast() !== null).toBe(undone !== undefined);
						if (undone) kept.delete(undone);
					} else if (step.action === 'flush') {
						await store.flush();
					} else {
						// Closing flushes (unload), then the device opens the file again.
						await store.flush();
						stores[step.device] = await device(files);
						session[step.device] = [];
					}
				}
				const graded = [...kept];
				await stores[0].flush();
				await stores[1].flush();
				const final = await device(files);
				expect(final.log().map((e) => `${e.cardId}@${e.time}`).sort()).toEqual([...graded].sort());
				// Each card's state is the one of its newest review; a card whose reviews were all undone has none.
				for (const [id, state] of final.states()) {
					const newest = Math.max(...final.log().filter((e) => e.cardId === id).map((e) => e.time));
					expect(state.lastReview).toBe(newest);
				}
				for (const entry of final.log()) expect(final.stateOf(entry.cardId)).toBeDefined();
			}),
			{ numRuns: 300, seed: 20261126 },
		);
	});
});
