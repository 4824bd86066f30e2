import { ReviewStore } from '../../../src/core/srs/review-store';
import { REVIEW_BACKUP_FILE, REVIEW_FILE, MemoryPersistence } from '../../../src/core/srs/persistence';
import { checksumOf, decodeReviewData, encodeReviewData, emptyReviewData } from '../../../src/core/srs/review-data';
import { FlakyPersistence, ManualTimers, logFor, settle, stateFor } from './fakes';

const T0 = Date.UTC(2026, 0, 10, 9);
const DAY = 86_400_000;
const clock = () => T0;

/** A store whose saves happen only on flush (its debounce timer is never fired). */
async function storeWith(persistence: FlakyPersistence, reviews: number): Promise<ReviewStore> {
	const timers = new ManualTimers();
	const store = await ReviewStore.open(persistence, { now: clock, setTimer: timers.setTimer, clearTimer: timers.clearTimer });
	for (let i = 0; i < reviews; i++) store.record(`card-${i}`, stateFor(i), logFor(`card-${i}`, T0 + i));
	await store.flush();
	return store;
}

describe('ReviewStore round trip', () => {
	it('starts empty without a file and without a problem', async () => {
		const store = await ReviewStore.open(new MemoryPersistence());
		expect(store.loadProblem).toBeNull();
		expect(store.readOnly).toBe(false);
		expect(store.states().size).toBe(0);
		expect(store.log()).toEqual([]);
	});

	it('reloads exactly the states, log and orphans it saved', async () => {
		const files = new FlakyPersistence();
		const store = await storeWith(files, 3);
		store.reconcile(['card-0', 'card-1'], T0);
		await store.flush();

		const reopened = await ReviewStore.open(files, { now: clock });
		expect(reopened.loadProblem).toBeNull();
		expect([...reopened.states()]).toEqual([...store.states()]);
		expect(reopened.log()).toEqual(store.log());
		expect([...reopened.orphans()]).toEqual([['card-2', T0]]);
		expect(reopened.stateOf('card-1')).toEqual(stateFor(1));
	});

	it('writes schema 2 with a checksum over the data', async () => {
		const files = new FlakyPersistence();
		await storeWith(files, 1);
		const text = files.files.get(REVIEW_FILE)!;
		const parsed = JSON.parse(text);
		expect(parsed.schema).toBe(2);
		const body = JSON.stringify(parsed.data);
		expect(parsed.length).toBe(body.length);
		expect(parsed.checksum).toBe(checksumOf(body));
		expect(parsed.data.savedAt).toBe(T0);
	});

	it('keeps a card id such as __proto__ like any other', async () => {
		const files = new FlakyPersistence();
		const store = await ReviewStore.open(files);
		store.record('__proto__', stateFor(1), logFor('__proto__', T0));
		store.record('constructor', stateFor(2), logFor('constructor', T0));
		await store.flush();
		const reopened = await ReviewStore.open(files);
		expect(reopened.stateOf('__proto__')).toEqual(stateFor(1));
		expect(reopened.stateOf('constructor')).toEqual(stateFor(2));
	});
});

describe('ReviewStore saving', () => {
	it('writes the previous good content to the backup before overwriting the main file', async () => {
		const files = new FlakyPersistence();
		const store = await storeWith(files, 1);
		const first = files.files.get(REVIEW_FILE)!;
		expect(files.files.has(REVIEW_BACKUP_FILE)).toBe(false);

		store.record('card-9', stateFor(9), logFor('card-9', T0 + 9));
		await store.flush();
		expect(files.files.get(REVIEW_BACKUP_FILE)).toBe(first);
		expect(files.writes.slice(-2).map((w) => w.name)).toEqual([REVIEW_BACKUP_FILE, REVIEW_FILE]);
		expect(decodeReviewData(files.files.get(REVIEW_FILE)!).ok).toBe(true);
	});

	it('debounces grades into one save, and flush writes at once', async () => {
		const files = new FlakyPersistence();
		const timers = new ManualTimers();
		const store = await ReviewStore.open(files, { setTimer: timers.setTimer, clearTimer: timers.clearTimer, debounceMs: 1500 });
		store.record('a', stateFor(1), logFor('a', T0));
		store.record('b', stateFor(2), logFor('b', T0 + 1));
		expect(timers.pending.size).toBe(1);
		await settle();
		expect(files.writes).toHaveLength(0);
		expect(store.hasUnsavedChanges).toBe(true);

		timers.fireAll();
		await settle();
		expect(files.writes.map((w) => w.name)).toEqual([REVIEW_FILE]);
		expect(store.hasUnsavedChanges).toBe(false);

		store.record('c', stateFor(3), logFor('c', T0 + 2));
		await store.flush();
		expect(timers.pending.size).toBe(0);
		const saved = decodeReviewData(files.files.get(REVIEW_FILE)!);
		expect(saved.ok && saved.data.log.map((e) => e.cardId)).toEqual(['a', 'b', 'c']);
	});

	it('never lets an earlier, slower save overwrite a later one', async () => {
		const files = new FlakyPersistence();
		const store = await ReviewStore.open(files);
		await settle();
		// First save is slow: without serialising, the second would land first and then be overwritten.
		files.delayNextWrites(30, 0, 0);
		const mainWrites: string[] = [];
		files.onWrite = (name, text) => { if (name === REVIEW_FILE) mainWrites.push(text); };
		const first = (() => { store.record('a', stateFor(1), logFor('a', T0)); return store.flush(); })();
		store.record('b', stateFor(2), logFor('b', T0 + 1));
		const second = store.flush();
		const third = store.flush();
		await Promise.all([first, second, third]);

		const final = decodeReviewData(files.files.get(REVIEW_FILE)!);
		expect(final.ok && final.data.log.map((e) => e.cardId)).toEqual(['a', 'b']);
		const lengths = mainWrites.map((text) => { const d = decodeReviewData(text); return d.ok ? d.data.log.length : -1; });
		expect(lengths).toEqual([...lengths].sort((x, y) => x - y));
		expect(lengths[lengths.length - 1]).toBe(2);
	});

	it('keeps a grade pending when the write fails, reports it, and saves it on the next try', async () => {
		const files = new FlakyPersistence();
		const errors: unknown[] = [];
		const timers = new ManualTimers();
		const store = await ReviewStore.open(files, { setTimer: timers.setTimer, clearTimer: timers.clearTimer, onSaveError: (e) => errors.push(e) });
		store.record('a', stateFor(1), logFor('a', T0));
		files.failNextWrite();
		timers.fireAll();
		await settle();
		expect(errors).toHaveLength(1);
		expect(store.hasUnsavedChanges).toBe(true);
		expect(String(store.lastSaveError)).toContain('ENOSPC');

		await store.flush();
		expect(store.hasUnsavedChanges).toBe(false);
		expect(store.lastSaveError).toBeNull();
		expect((await ReviewStore.open(files)).stateOf('a')).toEqual(stateFor(1));
	});

	it('rejects flush when the write fails, so the caller can tell the user', async () => {
		const files = new FlakyPersistence();
		const store = await ReviewStore.open(files);
		await settle();
		files.failNextWrite();
		store.record('a', stateFor(1), logFor('a', T0));
		await settle();
		files.failNextWrite();
		await expect(store.flush()).rejects.toThrow('ENOSPC');
		await expect(store.flush()).resolves.toBeUndefined();
	});

	it('saves at once, one save at a time, when no timer is given', async () => {
		const files = new FlakyPersistence();
		const store = await ReviewStore.open(files);
		store.record('a', stateFor(1), logFor('a', T0));
		store.record('b', stateFor(2), logFor('b', T0));
		await settle();
		expect(store.hasUnsavedChanges).toBe(false);
		const saved = decodeReviewData(files.files.get(REVIEW_FILE)!);
		expect(saved.ok && saved.data.states.size).toBe(2);
	});
});

describe('ReviewStore crash between writes', () => {
	it('loses no saved review when the main write dies half-way', async () => {
		const files = new FlakyPersistence();
		const store = await storeWith(files, 3);
		store.record('card-3', stateFor(3), logFor('card-3', T0 + 3));
		files.dieDuringNextWrite(REVIEW_FILE, 0.6);
		await expect(store.flush()).rejects.toThrow('EIO');
		expect(decodeReviewData(files.files.get(REVIEW_FILE)!).ok).toBe(false);

		// The process is gone; a new one opens what is on disk.
		const reopened = await ReviewStore.open(files, { now: clock });
		expect(reopened.loadProblem?.kind).toBe('half-written');
		expect(reopened.loadProblem?.recoveredFromBackup).toBe(true);
		expect(reopened.log().map((e) => e.cardId)).toEqual(['card-0', 'card-1', 'card-2']);
		expect(reopened.readOnly).toBe(false);
	});

	it('loses no saved review when the backup write dies half-way', async () => {
		const files = new FlakyPersistence();
		const store = await storeWith(files, 2);
		store.record('card-2', stateFor(2), logFor('card-2', T0 + 2));
		await store.flush();
		store.record('card-3', stateFor(3), logFor('card-3', T0 + 3));
		files.dieDuringNextWrite(REVIEW_BACKUP_FILE, 0.3);
		await expect(store.flush()).rejects.toThrow('EIO');

		const reopened = await ReviewStore.open(files, { now: clock });
		expect(reopened.loadProblem).toBeNull();
		expect(reopened.log().map((e) => e.cardId)).toEqual(['card-0', 'card-1', 'card-2']);
	});

	it('recovers on the next save in the same session after a failed main write', async () => {
		const files = new FlakyPersistence();
		const store = await storeWith(files, 1);
		const good = files.files.get(REVIEW_FILE)!;
		store.record('card-1', stateFor(1), logFor('card-1', T0 + 1));
		files.dieDuringNextWrite(REVIEW_FILE, 0.5);
		await expect(store.flush()).rejects.toThrow();
		// The backup now holds the last good main text, never the torn one.
		expect(files.files.get(REVIEW_BACKUP_FILE)).toBe(good);
		store.record('card-2', stateFor(2), logFor('card-2', T0 + 2));
		await store.flush();
		expect(files.files.get(REVIEW_BACKUP_FILE)).toBe(good);
		const reopened = await ReviewStore.open(files, { now: clock });
		expect(reopened.loadProblem).toBeNull();
		expect(reopened.log().map((e) => e.cardId)).toEqual(['card-0', 'card-1', 'card-2']);
	});

	it('does not risk the only good copy after a torn main write: the next save writes the main file alone', async () => {
		const files = new FlakyPersistence();
		const store = await storeWith(files, 2);
		store.record('card-2', stateFor(2), logFor('card-2', T0 + 2));
		files.dieDuringNextWrite(REVIEW_FILE, 0.5);
		await expect(store.flush()).rejects.toThrow('EIO');
		// Whatever the next save would write first dies too.
		files.dieDuringNextWrite(null, 0.5);
		await expect(store.flush()).rejects.toThrow('EIO');

		const reopened = await ReviewStore.open(files, { now: clock });
		expect(reopened.loadProblem?.recoveredFromBackup).toBe(true);
		expect(reopened.log().map((e) => e.cardId)).toEqual(['card-0', 'card-1']);
	});
});

describe('ReviewStore damaged files on load', () => {
	async function twoSaves(): Promise<{ files: FlakyPersistence; good: string }> {
		const files = new FlakyPersistence();
		const store = await storeWith(files, 2);
		store.record('card-2', stateFor(2), logFor('card-2', T0 + 2));
		await store.flush();
		return { files, good: files.files.get(REVIEW_BACKUP_FILE)! };
	}

	it('loads the backup when the main file is truncated JSON, keeps the torn file and repairs the main file', async () => {
		const { files, good } = await twoSaves();
		const torn = files.files.get(REVIEW_FILE)!.slice(0, 200);
		files.files.set(REVIEW_FILE, torn);

		const store = await ReviewStore.open(files, { now: clock, describeFile: (n) => `.obsidian/plugins/cloudnotes/${n}` });
		expect(store.loadProblem).toMatchObject({ kind: 'half-written', recoveredFromBackup: true });
		expect(store.loadProblem!.message).toContain('.obsidian/plugins/cloudnotes/reviews.backup.json');
		expect(store.loadProblem!.message).toMatch(/reviews\.corrupt-2026-01-10T09-00-00-000Z\.json/);
		expect(store.log().map((e) => e.cardId)).toEqual(['card-0', 'card-1']);
		expect(files.files.get('reviews.corrupt-2026-01-10T09-00-00-000Z.json')).toBe(torn);
		expect(store.loadProblem!.keptCopies).toEqual(['reviews.corrupt-2026-01-10T09-00-00-000Z.json']);

		await store.flush();
		expect(decodeReviewData(files.files.get(REVIEW_FILE)!).ok).toBe(true);
		expect(files.files.get(REVIEW_BACKUP_FILE)).toBe(good);
		expect(files.files.get('reviews.corrupt-2026-01-10T09-00-00-000Z.json')).toBe(torn);
	});

	it('treats valid JSON with a wrong checksum as half-written', async () => {
		const { files } = await twoSaves();
		const parsed = JSON.parse(files.files.get(REVIEW_FILE)!);
		parsed.data.log.pop();
		files.files.set(REVIEW_FILE, JSON.stringify(parsed));
		const store = await ReviewStore.open(files, { now: clock });
		expect(store.loadProblem).toMatchObject({ kind: 'half-written', recoveredFromBackup: true });
		expect(store.loadProblem!.message).toContain('checksum');
		expect(store.log()).toHaveLength(2);
	});

	it('treats a file that is not ours, or has invalid content, as corrupt', async () => {
		const { files } = await twoSaves();
		files.files.set(REVIEW_FILE, '\u0000\u0000\u0000binary junk');
		let store = await ReviewStore.open(files, { now: clock });
		expect(store.loadProblem).toMatchObject({ kind: 'corrupt', recoveredFromBackup: true });

		const badState = emptyReviewData();
		badState.states.set('x', { ...stateFor(1), state: 'graduated' as never });
		files.files.set(REVIEW_FILE, encodeReviewData(badState, T0));
		store = await ReviewStore.open(files, { now: () => T0 + 1 });
		expect(store.loadProblem?.kind).toBe('corrupt');
		expect(store.loadProblem!.message).toContain('unknown state "graduated"');
		expect(store.stateOf('x')).toBeUndefined();
	});

	it('never overwrites anything when both copies are bad: keeps both under new names and starts empty', async () => {
		const files = new FlakyPersistence();
		files.files.set(REVIEW_FILE, '{"schema":2,"checksum":"00","length":3,"data":{"sav');
		files.files.set(REVIEW_BACKUP_FILE, 'not json at all');
		const store = await ReviewStore.open(files, { now: clock });
		expect(store.loadProblem).toMatchObject({ kind: 'half-written', recoveredFromBackup: false });
		expect(store.readOnly).toBe(false);
		expect(store.states().size).toBe(0);
		const kept = [...files.files.keys()].filter((n) => n.includes('corrupt')).sort();
		expect(kept).toEqual(['reviews.backup.corrupt-2026-01-10T09-00-00-000Z.json', 'reviews.corrupt-2026-01-10T09-00-00-000Z.json']);
		expect(files.files.get(kept[1])).toContain('"data":{"sav');
		expect(files.files.get(kept[0])).toBe('not json at all');
		// Starting empty writes nothing by itself; only a real grade does.
		await store.flush();
		expect(files.files.get(REVIEW_FILE)).toContain('"data":{"sav');
	});

	it('goes read-only when a damaged file cannot be copied away first', async () => {
		const files = new FlakyPersistence();
		files.files.set(REVIEW_FILE, '{"schema":2,"chec');
		files.failNextWrite();
		const store = await ReviewStore.open(files, { now: clock });
		expect(store.readOnly).toBe(true);
		store.record('a', stateFor(1), logFor('a', T0));
		await store.flush();
		expect(files.files.get(REVIEW_FILE)).toBe('{"schema":2,"chec');
	});

	it('never writes over a file from a newer schema', async () => {
		const files = new FlakyPersistence();
		const future = '{"schema":3,"cards":[{"id":"a","memory":[1,2,3]}]}';
		files.files.set(REVIEW_FILE, future);
		const store = await ReviewStore.open(files, { now: clock, describeFile: (n) => `plugins/cloudnotes/${n}` });
		expect(store.readOnly).toBe(true);
		expect(store.loadProblem).toMatchObject({ kind: 'newer-schema', recoveredFromBackup: false });
		expect(store.loadProblem!.message).toContain('plugins/cloudnotes/reviews.json');
		expect(store.loadProblem!.message).toContain('update the plugin');
		store.record('a', stateFor(1), logFor('a', T0));
		store.reconcile([], T0);
		await store.flush();
		await settle();
		expect(files.writes).toEqual([]);
		expect([...files.files.keys()]).toEqual([REVIEW_FILE]);
		expect(files.files.get(REVIEW_FILE)).toBe(future);
	});

	it('refuses a damaged main file whose backup is from a newer schema, writing nothing', async () => {
		const files = new FlakyPersistence();
		files.files.set(REVIEW_FILE, '{"schema":2,"chec');
		files.files.set(REVIEW_BACKUP_FILE, '{"schema":7}');
		const store = await ReviewStore.open(files, { now: clock });
		expect(store.readOnly).toBe(true);
		expect(store.loadProblem?.kind).toBe('newer-schema');
		expect(files.writes).toEqual([]);
	});

	it('goes read-only when the main file cannot be read, showing the backup', async () => {
		const { files } = await twoSaves();
		files.unreadable.add(REVIEW_FILE);
		const writes = files.writes.length;
		const store = await ReviewStore.open(files, { now: clock });
		expect(store.loadProblem).toMatchObject({ kind: 'unreadable', recoveredFromBackup: true });
		expect(store.loadProblem!.message).toContain('EACCES');
		expect(store.readOnly).toBe(true);
		expect(store.log()).toHaveLength(2);
		store.record('z', stateFor(1), logFor('z', T0));
		await store.flush();
		expect(files.writes.length).toBe(writes);
	});

	it('uses the backup when the main file is missing', async () => {
		const { files } = await twoSaves();
		files.files.delete(REVIEW_FILE);
		const store = await ReviewStore.open(files, { now: clock });
		expect(store.loadProblem).toMatchObject({ recoveredFromBackup: true });
		expect(store.log()).toHaveLength(2);
		await store.flush();
		expect(decodeReviewData(files.files.get(REVIEW_FILE)!).ok).toBe(true);
	});
});

describe('ReviewStore schema migration', () => {
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

	it('migrates schema 1 (ISO dates, numeric states) to schema 2 and keeps the old file', async () => {
		const files = new FlakyPersistence();
		files.files.set(REVIEW_FILE, schema1);
		const store = await ReviewStore.open(files, { now: clock });
		expect(store.loadProblem).toBeNull();
		expect(store.migratedFrom).toBe(1);
		expect(store.stateOf('aws/vpc.md#subnet')).toEqual({
			due: Date.UTC(2026, 0, 12, 9), stability: 3.1, difficulty: 4.2, elapsedDays: 2, scheduledDays: 3,
			learningSteps: 0, reps: 4, lapses: 1, state: 'review', lastReview: Date.UTC(2026, 0, 9, 9),
		});
		expect(store.stateOf('aws/vpc.md#nat')?.state).toBe('learning');
		expect(store.log()[1]).toEqual({
			cardId: 'aws/vpc.md#subnet', time: Date.UTC(2026, 0, 9, 9), rating: 'again', state: 'review',
			elapsedDays: 5, scheduledDays: 6, due: Date.UTC(2026, 0, 8, 9), stability: 5, difficulty: 4,
		});
		expect(files.files.get('reviews.schema-1.json')).toBe(schema1);

		store.record('x', stateFor(1), logFor('x', T0));
		await store.flush();
		expect(JSON.parse(files.files.get(REVIEW_FILE)!).schema).toBe(2);
		expect(files.files.get(REVIEW_BACKUP_FILE)).toBe(schema1);
		const reopened = await ReviewStore.open(files, { now: clock });
		expect(reopened.migratedFrom).toBeNull();
		expect(reopened.log()).toHaveLength(3);
	});

	it('reports a schema 1 file with invalid dates as corrupt instead of guessing', () => {
		const broken = JSON.parse(schema1);
		broken.cards['aws/vpc.md#nat'].due = 'yesterday-ish';
		const result = decodeReviewData(JSON.stringify(broken));
		expect(result).toMatchObject({ ok: false, kind: 'corrupt' });
	});
});

describe('ReviewStore orphans, rename and undo', () => {
	it('keeps a missing card for 29 days, drops it after 31, and keeps its log', async () => {
		const store = await storeWith(new FlakyPersistence(), 2);
		store.reconcile(['card-0'], T0);
		expect([...store.orphans()]).toEqual([['card-1', T0]]);
		store.reconcile(['card-0'], T0 + 29 * DAY);
		expect(store.stateOf('card-1')).toEqual(stateFor(1));
		expect(store.orphans().get('card-1')).toBe(T0);
		store.reconcile(['card-0'], T0 + 31 * DAY);
		expect(store.stateOf('card-1')).toBeUndefined();
		expect(store.orphans().size).toBe(0);
		expect(store.log().map((e) => e.cardId)).toEqual(['card-0', 'card-1']);
	});

	it('revives an orphan that comes back with its history, and restarts its clock if it goes again', async () => {
		const files = new FlakyPersistence();
		const store = await storeWith(files, 2);
		store.reconcile(['card-0'], T0);
		await store.flush();
		const reopened = await ReviewStore.open(files, { now: clock });
		reopened.reconcile(['card-0', 'card-1'], T0 + 20 * DAY);
		expect(reopened.orphans().size).toBe(0);
		expect(reopened.stateOf('card-1')).toEqual(stateFor(1));
		reopened.reconcile(['card-0'], T0 + 25 * DAY);
		reopened.reconcile(['card-0'], T0 + 50 * DAY);
		expect(reopened.stateOf('card-1')).toEqual(stateFor(1));
	});

	it('moves states, orphan marks and log entries on rename, including swaps', async () => {
		const store = await storeWith(new FlakyPersistence(), 3);
		store.reconcile(['card-0', 'card-1'], T0);
		store.renameCards([
			{ oldId: 'card-0', newId: 'card-1' },
			{ oldId: 'card-1', newId: 'card-0' },
			{ oldId: 'card-2', newId: 'moved/card-2' },
		]);
		expect(store.stateOf('card-1')).toEqual(stateFor(0));
		expect(store.stateOf('card-0')).toEqual(stateFor(1));
		expect(store.stateOf('card-2')).toBeUndefined();
		expect(store.stateOf('moved/card-2')).toEqual(stateFor(2));
		expect([...store.orphans()]).toEqual([['moved/card-2', T0]]);
		expect(store.log().map((e) => e.cardId)).toEqual(['card-1', 'card-0', 'moved/card-2']);
	});

	it('undoes grades in reverse order, restoring the state before each and removing its log entry', async () => {
		const files = new FlakyPersistence();
		const store = await ReviewStore.open(files, { now: clock });
		expect(store.undoLast()).toBeNull();
		store.record('a', stateFor(1), logFor('a', T0));
		store.record('a', stateFor(2), logFor('a', T0 + 1));
		store.record('b', stateFor(3), logFor('b', T0 + 2));

		expect(store.undoLast()).toEqual({ cardId: 'b', previous: undefined });
		expect(store.stateOf('b')).toBeUndefined();
		expect(store.undoLast()).toEqual({ cardId: 'a', previous: stateFor(1) });
		expect(store.stateOf('a')).toEqual(stateFor(1));
		expect(store.log().map((e) => e.time)).toEqual([T0]);
		await store.flush();
		const reopened = await ReviewStore.open(files, { now: clock });
		expect(reopened.log().map((e) => e.time)).toEqual([T0]);
		expect(reopened.stateOf('b')).toBeUndefined();
	});

	it('undoes a grade under the card\'s new id after a rename', async () => {
		const store = await ReviewStore.open(new FlakyPersistence(), { now: clock });
		store.record('old', stateFor(1), logFor('old', T0));
		store.record('old', stateFor(2), logFor('old', T0 + 1));
		store.renameCards([{ oldId: 'old', newId: 'new' }]);
		expect(store.undoLast()).toEqual({ cardId: 'new', previous: stateFor(1) });
		expect(store.stateOf('new')).toEqual(stateFor(1));
		expect(store.stateOf('old')).toBeUndefined();
	});
});
