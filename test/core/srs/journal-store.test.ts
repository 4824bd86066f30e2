/**
 * The review journal, case by case: what a user would notice after a crash, a sync, an upgrade or
 * a year of study. The crash-and-sync property is in journal-crash.property.test.ts.
 */
import { JournalStore, type JournalStoreOptions } from '../../../src/core/srs/journal-store';
import { encodeEntry, headerLine, segmentName } from '../../../src/core/srs/journal-format';
import { LEGACY_COPY_FILE } from '../../../src/core/srs/journal-migration';
import { DEFAULT_SCHEDULER_SETTINGS, MemoryPersistence, REVIEW_BACKUP_FILE, REVIEW_FILE, Scheduler, emptyReviewData, encodeReviewData, reviewLogToCsv, type CardState, type Rating, type ReviewLogEntry } from '../../../src/core/srs';

const DAY = 86_400_000;
const scheduler = new Scheduler(DEFAULT_SCHEDULER_SETTINGS, { enableFuzz: false });
const regrade = (before: CardState | undefined, review: ReviewLogEntry, hash: string | undefined) => scheduler.grade(before, review.rating, new Date(review.time), review.cardId, hash).state;
let now = Date.UTC(2026, 3, 1, 9);
const clock = () => now;

function open(files: MemoryPersistence, device = 'laptop', extra: Partial<JournalStoreOptions> = {}): Promise<JournalStore> {
	return JournalStore.open(files, { device, now: clock, regrade, ...extra });
}

async function grade(store: JournalStore, cardId: string, rating: Rating = 'good'): Promise<void> {
	now += 60_000;
	const { state, log } = scheduler.grade(store.stateOf(cardId), rating, new Date(now), cardId);
	store.record(cardId, state, log);
	await store.flush();
}

/** A sync tool: every file of `from` that `to` does not have newer lands at `to` (never its own journal). */
function sync(from: MemoryPersistence, to: MemoryPersistence, toDevice: string): void {
	for (const [name, text] of from.files) {
		if (!name.startsWith('reviews/') || name.startsWith(`reviews/${toDevice}.`)) continue;
		if ((to.files.get(name)?.length ?? -1) < text.length) to.files.set(name, text);
	}
}

beforeEach(() => {
	now = Date.UTC(2026, 3, 1, 9);
});

describe('the review journal', () => {
	test('a grade is one appended line in this device\'s own segment; reopening replays it', async () => {
		const files = new MemoryPersistence();
		const store = await open(files);
		await grade(store, 'c1', 'easy');
		const text = files.files.get(segmentName('laptop', 1))!;
		const lines = text.trimEnd().split('\n');
		expect(lines).toHaveLength(2);
		expect(JSON.parse(lines[0])).toEqual({ journal: 1, device: 'laptop', segment: 1 });
		expect(JSON.parse(lines[1])).toMatchObject({ n: 1, g: 'easy', c: 'c1' });
		const again = await open(files);
		expect(again.stateOf('c1')).toEqual(store.stateOf('c1'));
		expect(again.log()).toHaveLength(1);
		expect([...files.files.keys()].filter((n) => !n.startsWith('reviews/'))).toEqual([]);
	});

	test('a torn last line is skipped with a notice naming file and line; nothing before it is lost, and writing goes on in a new segment', async () => {
		const files = new MemoryPersistence();
		const store = await open(files);
		await grade(store, 'c1');
		await grade(store, 'c2');
		const name = segmentName('laptop', 1);
		const whole = files.files.get(name)!;
		const torn = encodeEntry(3, now + 1, { kind: 'undo', of: 2 }).slice(0, 9);
		files.files.set(name, whole + torn);
		const again = await open(files, 'laptop', { describeFile: (n) => `.obsidian/plugins/cloudnotes/${n}` });
		expect(again.notices.join('\n')).toMatch(/reviews\/laptop\.000001\.jsonl, line 4: the last line ends after 9 characters, without its line end/);
		expect(again.stateOf('c1')).toBeDefined();
		expect(again.stateOf('c2')).toBeDefined();
		await grade(again, 'c3');
		expect(files.files.get(name)).toBe(whole + torn);
		expect(files.files.get(segmentName('laptop', 2))).toContain('"c":"c3"');
		expect((await open(files)).stateOf('c3')).toBeDefined();
	});

	test('a line that is not an entry is skipped and reported; the lines after it count', async () => {
		const files = new MemoryPersistence();
		files.files.set(segmentName('phone', 1), headerLine('phone', 1) + '{"n":1,"t":5,"g":"good"\n' + encodeEntry(2, now, { kind: 'pins', pin: ['A.md'], unpin: [] }));
		const store = await open(files);
		expect(store.notices.join()).toMatch(/phone\.000001\.jsonl, line 2 \(written by another device: it may still be syncing\)/);
		expect(store.pinned()).toEqual(['A.md']);
	});

	test('a journal from a newer schema makes the store read-only: nothing is written, and every flush says why', async () => {
		const files = new MemoryPersistence();
		files.files.set(segmentName('phone', 1), '{"journal":2,"device":"phone","segment":1}\n{"future":true}\n');
		const before = new Map(files.files);
		const store = await open(files);
		expect(store.readOnly).toBe(true);
		expect(store.readOnlyReason).toMatch(/newer version of Cloudnotes \(journal schema 2; this version reads 1\)/);
		store.record('c1', scheduler.grade(undefined, 'good', new Date(now), 'c1').state, scheduler.grade(undefined, 'good', new Date(now), 'c1').log);
		await expect(store.flush()).rejects.toThrow(/newer version/);
		expect(files.files).toEqual(before);
	});

	test('migration: reviews.json (schema 2) is taken in once, copied untouched to reviews.before-journal.json, and never written', async () => {
		const files = new MemoryPersistence();
		const old = emptyReviewData();
		const s = scheduler.grade(undefined, 'good', new Date(now - DAY), 'old1');
		old.states.set('old1', s.state);
		old.log.push(s.log);
		old.states.set('old2', { ...s.state, lastReview: now - 2 * DAY });
		old.orphans.set('old2', now - DAY);
		const text = encodeReviewData(old, now);
		files.files.set(REVIEW_FILE, text);
		const store = await open(files, 'laptop', { legacyPins: ['Pinned.md'] });
		expect(store.stateOf('old1')).toEqual(s.state);
		expect(store.orphans().get('old2')).toBe(now - DAY);
		expect(store.log()).toHaveLength(1);
		expect(store.pinned()).toEqual(['Pinned.md']);
		expect(files.files.get(REVIEW_FILE)).toBe(text);
		expect(files.files.get(LEGACY_COPY_FILE)).toBe(text);
		const segment = files.files.get(segmentName('laptop', 1))!;
		// Reopened: nothing is imported a second time.
		const again = await open(files, 'laptop', { legacyPins: ['Pinned.md'] });
		await again.flush();
		expect(files.files.get(segmentName('laptop', 1))).toBe(segment);
		// Unpinned later: the old settings list does not bring it back.
		await again.pinNotes([], ['Pinned.md']);
		expect((await open(files, 'laptop', { legacyPins: ['Pinned.md'] })).pinned()).toEqual([]);
	});

	test('migration: a schema 1 reviews.json (ISO dates, numeric states, from the first versions) is read as it always was', async () => {
		const schema1 = JSON.stringify({
			schema: 1,
			cards: {
				'aws/vpc.md#subnet': { due: '2026-01-12T09:00:00.000Z', stability: 3.1, difficulty: 4.2, elapsed_days: 2, scheduled_days: 3, reps: 4, lapses: 1, state: 2, last_review: '2026-01-09T09:00:00.000Z' },
				'aws/vpc.md#nat': { due: '2026-01-10T09:10:00.000Z', stability: 0.4, difficulty: 6, elapsed_days: 0, scheduled_days: 0, reps: 1, lapses: 0, state: 1, last_review: '2026-01-10T09:00:00.000Z' },
			},
			revlog: [
				{ card_id: 'aws/vpc.md#nat', review: '2026-01-10T09:00:00.000Z', rating: 3, state: 0, elapsed_days: 0, scheduled_days: 0, due: '2026-01-10T09:00:00.000Z', stability: 0, difficulty: 0 },
				{ card_id: 'aws/vpc.md#subnet', review: '2026-01-09T09:00:00.000Z', rating: 1, state: 2, elapsed_days: 5, scheduled_days: 6, due: '2026-01-08T09:00:00.000Z', stability: 5, difficulty: 4 },
			],
		});
		const files = new MemoryPersistence();
		files.files.set(REVIEW_FILE, schema1);
		const store = await open(files);
		expect(store.stateOf('aws/vpc.md#subnet')).toEqual({
			due: Date.UTC(2026, 0, 12, 9), stability: 3.1, difficulty: 4.2, elapsedDays: 2, scheduledDays: 3,
			learningSteps: 0, reps: 4, lapses: 1, state: 'review', lastReview: Date.UTC(2026, 0, 9, 9),
		});
		expect(store.stateOf('aws/vpc.md#nat')?.state).toBe('learning');
		expect(store.log()).toContainEqual({
			cardId: 'aws/vpc.md#subnet', time: Date.UTC(2026, 0, 9, 9), rating: 'again', state: 'review',
			elapsedDays: 5, scheduledDays: 6, due: Date.UTC(2026, 0, 8, 9), stability: 5, difficulty: 4,
		});
		expect(store.log()).toHaveLength(2);
		expect(files.files.get(REVIEW_FILE)).toBe(schema1);
		expect(files.files.get(LEGACY_COPY_FILE)).toBe(schema1);
		// Taken in once: reopening neither repeats it nor loses it.
		const again = await open(files);
		expect(again.log()).toHaveLength(2);
		expect(again.stateOf('aws/vpc.md#subnet')?.reps).toBe(4);
	});

	test('a device still on the old version writes reviews.json again: its new review is taken in on the next refresh', async () => {
		const files = new MemoryPersistence();
		const store = await open(files);
		await grade(store, 'c1');
		await store.loadHistory();
		const old = emptyReviewData();
		const s = scheduler.grade(undefined, 'easy', new Date(now + 1000), 'c2');
		old.states.set('c2', s.state);
		old.log.push(s.log);
		files.files.set(REVIEW_FILE, encodeReviewData(old, now + 1000));
		expect(await store.refreshFromDisk()).toBe(true);
		expect(store.stateOf('c2')).toEqual(s.state);
		expect(store.log().map((e) => e.cardId)).toEqual(['c1', 'c2']);
		expect(await store.refreshFromDisk()).toBe(false);
	});

	test('migration keeps the old recovery rules: a damaged reviews.json falls back to its backup; both damaged imports nothing and says so', async () => {
		const files = new MemoryPersistence();
		const old = emptyReviewData();
		const s = scheduler.grade(undefined, 'good', new Date(now - DAY), 'b1');
		old.states.set('b1', s.state);
		files.files.set(REVIEW_FILE, '{"schema":2,"checksum":"00","len');
		files.files.set(REVIEW_BACKUP_FILE, encodeReviewData(old, now));
		const store = await open(files);
		expect(store.stateOf('b1')).toEqual(s.state);
		expect(store.notices.join()).toMatch(/reviews\.json is damaged .*reviews\.backup\.json were taken in instead/);

		const both = new MemoryPersistence();
		both.files.set(REVIEW_FILE, 'garbage');
		both.files.set(REVIEW_BACKUP_FILE, 'garbage too');
		const empty = await open(both);
		expect(empty.states().size).toBe(0);
		expect(empty.notices.join()).toMatch(/nothing was taken in from them/);
		expect(both.files.get(REVIEW_FILE)).toBe('garbage');
	});

	test('two devices grade the same card offline: after a sync both reviews count, on both devices alike', async () => {
		const a = new MemoryPersistence();
		const b = new MemoryPersistence();
		const storeA = await open(a, 'laptop');
		const storeB = await open(b, 'phone');
		await grade(storeA, 'c1', 'good');
		await grade(storeB, 'c1', 'good');
		sync(a, b, 'phone');
		sync(b, a, 'laptop');
		const finalA = await open(a, 'laptop');
		const finalB = await open(b, 'phone');
		expect(finalA.stateOf('c1')!.reps).toBe(2);
		expect(finalA.stateOf('c1')).toEqual(finalB.stateOf('c1'));
		expect(finalA.log()).toHaveLength(2);
	});

	test('undo is an entry: it travels to the other device, which had synced the grade', async () => {
		const a = new MemoryPersistence();
		const b = new MemoryPersistence();
		const storeA = await open(a, 'laptop');
		await grade(storeA, 'c1');
		await grade(storeA, 'c2');
		sync(a, b, 'phone');
		const storeB = await open(b, 'phone');
		await storeB.loadHistory();
		expect(storeB.stateOf('c2')).toBeDefined();
		expect(storeA.undoLast()?.cardId).toBe('c2');
		await storeA.flush();
		expect(storeA.stateOf('c2')).toBeUndefined();
		expect(a.files.get(segmentName('laptop', 1))).toMatch(/"undo":2/);
		sync(a, b, 'phone');
		expect(await storeB.refreshFromDisk()).toBe(true);
		expect(storeB.stateOf('c2')).toBeUndefined();
		expect(storeB.log().map((e) => e.cardId)).toEqual(['c1']);
	});

	test('renames move states and history; orphans are marked, revived, and dropped after 30 days with their log kept', async () => {
		const files = new MemoryPersistence();
		const store = await open(files);
		await grade(store, 'a');
		await grade(store, 'b');
		store.renameCards([{ oldId: 'a', newId: 'a2' }]);
		store.reconcile(['a2'], now);
		await store.flush();
		expect(store.stateOf('a2')).toBeDefined();
		expect(store.stateOf('a')).toBeUndefined();
		expect(store.orphans().get('b')).toBe(now);
		store.reconcile(['a2', 'b'], now + DAY);
		expect(store.orphans().has('b')).toBe(false);
		store.reconcile(['a2'], now + 2 * DAY);
		store.reconcile(['a2'], now + 33 * DAY);
		await store.flush();
		const again = await open(files);
		await again.loadHistory();
		expect(again.stateOf('b')).toBeUndefined();
		expect(again.stateOf('a2')).toBeDefined();
		expect(again.log().map((e) => e.cardId).sort()).toEqual(['a2', 'b']);
	});

	test('journals roll into segments below the limit; the CSV export reads every segment', async () => {
		const files = new MemoryPersistence();
		const store = await open(files, 'laptop', { segmentLimit: 2000 });
		for (let i = 0; i < 60; i++) await grade(store, `c${i % 7}`, i % 3 === 0 ? 'hard' : 'good');
		const segments = [...files.files].filter(([n]) => n.startsWith('reviews/laptop.0'));
		expect(segments.length).toBeGreaterThan(5);
		for (const [, text] of segments) expect(text.length).toBeLessThanOrEqual(2000);
		const again = await open(files, 'laptop', { segmentLimit: 2000 });
		const csv = reviewLogToCsv(await again.history());
		expect(csv.trim().split('\n')).toHaveLength(61);
	});

	test('a snapshot lets a start-up skip old segments; the state equals the full replay, and an older entry synced in later is still counted', async () => {
		const files = new MemoryPersistence();
		const store = await open(files, 'laptop', { snapshotEvery: 10, segmentLimit: 3000 });
		for (let i = 0; i < 40; i++) await grade(store, `c${i % 9}`);
		await store.loadHistory();
		await store.writeSnapshot();
		expect([...files.files.keys()].some((n) => /reviews\/laptop\.snapshot\.\d+\.1-of-1\.json/.test(n))).toBe(true);
		await grade(store, 'c1', 'again');
		const read: string[] = [];
		const plainRead = files.read.bind(files);
		files.read = (name) => {
			read.push(name);
			return plainRead(name);
		};
		const fast = await open(files);
		files.read = plainRead;
		expect(fast.historyComplete).toBe(false);
		// Only the segment holding the snapshot's last entry and later ones are read, not the first.
		expect(read).not.toContain(segmentName('laptop', 1));
		expect(read.filter((n) => n.endsWith('.jsonl')).length).toBeLessThanOrEqual(2);
		const full = await open(files);
		await full.loadHistory();
		expect(JSON.stringify([...fast.states()])).toBe(JSON.stringify([...full.states()]));
		// Today's reviews are there before the history is read (the day's limits count them).
		expect(fast.log().length).toBe(41);

		// The phone's grade from an hour ago syncs in only now: it sorts before the snapshot's newest entry.
		const earlier = now - 3_600_000;
		const g = scheduler.grade(undefined, 'easy', new Date(earlier), 'late');
		files.files.set(segmentName('phone', 1), headerLine('phone', 1) + encodeEntry(1, earlier, { kind: 'grade', log: g.log, after: g.state }));
		const withLate = await open(files);
		expect(withLate.stateOf('late')).toEqual(g.state);
		expect(withLate.historyComplete).toBe(true);
	});

	test('a large collection: no file passes 4 MB (states spread over snapshot parts), and the snapshot reads back', async () => {
		const files = new MemoryPersistence();
		const store = await open(files, 'laptop');
		const s = scheduler.grade(undefined, 'good', new Date(now), 'x');
		const data = emptyReviewData();
		for (let i = 0; i < 60_000; i++) data.states.set(`h-${i.toString(36).padStart(11, '0')}`, { ...s.state, contentHash: 'abcdefghijk' });
		files.files.set(REVIEW_FILE, encodeReviewData(data, now));
		await store.refreshFromDisk();
		await store.loadHistory();
		await store.refreshFromDisk();
		await store.flush();
		await store.writeSnapshot();
		const sizes = [...files.files].filter(([n]) => n.startsWith('reviews/')).map(([n, t]) => [n, t.length] as const);
		expect(sizes.filter(([n]) => n.includes('.snapshot.')).length).toBeGreaterThan(1);
		for (const [, size] of sizes) expect(size).toBeLessThan(4_000_000);
		const again = await open(files);
		expect(again.historyComplete).toBe(false);
		expect(again.states().size).toBe(60_000);
	});
});
