/**
 * The journal's promise under fire: two or three devices grade, undo, rename and reconcile cards,
 * their files are copied between device folders at arbitrary moments (a sync tool), and any write or
 * append may die after any number of its characters (a crash). Afterwards every device, restarted
 * and synced, must hold every grade whose append completed (unless its undo completed too), and all
 * devices must agree on states, orphans and log.
 */
import fc from 'fast-check';
import { JournalStore } from '../../../src/core/srs/journal-store';
import { parseSegmentName } from '../../../src/core/srs/journal-format';
import { parseSnapshotName } from '../../../src/core/srs/journal-snapshot';
import type { JournalPersistence } from '../../../src/core/srs/persistence';
import { DEFAULT_SCHEDULER_SETTINGS, Scheduler, type CardState, type Rating, type ReviewLogEntry } from '../../../src/core/srs';

const scheduler = new Scheduler(DEFAULT_SCHEDULER_SETTINGS, { enableFuzz: false });
const regrade = (before: CardState | undefined, review: ReviewLogEntry, hash: string | undefined): CardState =>
	scheduler.grade(before, review.rating, new Date(review.time), review.cardId, hash).state;

class Crash extends Error {}

/** One device's folder. Each running store sees it through its own Window, which a crash closes for good. */
class Disk {
	readonly files = new Map<string, string>();
}

class Window implements JournalPersistence {
	dead = false;
	/** The next write or append lands only this many characters (mod its length + 1), then the app dies. */
	crashAfter: number | null = null;
	constructor(private readonly disk: Disk) {}
	private check(): void {
		if (this.dead) throw new Crash('the app is gone');
	}
	private land(name: string, before: string, text: string): void {
		if (this.crashAfter === null) {
			this.disk.files.set(name, before + text);
			return;
		}
		const keep = this.crashAfter % (text.length + 1);
		this.disk.files.set(name, before + text.slice(0, keep));
		this.dead = true;
		throw new Crash(`crashed after ${keep} of ${text.length} characters`);
	}
	async read(name: string): Promise<string | null> {
		await Promise.resolve();
		this.check();
		return this.disk.files.get(name) ?? null;
	}
	async write(name: string, text: string): Promise<void> {
		await Promise.resolve();
		this.check();
		this.land(name, '', text);
	}
	async append(name: string, text: string): Promise<void> {
		await Promise.resolve();
		this.check();
		this.land(name, this.disk.files.get(name) ?? '', text);
	}
	async list(folder: string): Promise<string[]> {
		this.check();
		return [...this.disk.files.keys()].filter((k) => k.startsWith(`${folder}/`));
	}
	async remove(name: string): Promise<void> {
		this.check();
		this.disk.files.delete(name);
	}
	async size(name: string): Promise<number | null> {
		this.check();
		return this.disk.files.get(name)?.length ?? null;
	}
}

interface Device {
	id: string;
	disk: Disk;
	window: Window;
	store: JournalStore | null;
	cards: string[];
}

type Op =
	| { kind: 'grade'; device: number; card: number; rating: Rating; crashAfter: number | null }
	| { kind: 'undo'; device: number; crashAfter: number | null }
	| { kind: 'rename'; device: number; card: number; crashAfter: number | null }
	| { kind: 'reconcile'; device: number; keep: number; crashAfter: number | null }
	| { kind: 'sync'; from: number; to: number }
	| { kind: 'restart'; device: number }
	| { kind: 'refresh'; device: number }
	| { kind: 'wait'; ms: number };

const RATINGS: Rating[] = ['again', 'hard', 'good', 'easy'];
const crashArb = fc.option(fc.nat({ max: 400 }), { freq: 4 });

function opArb(devices: number): fc.Arbitrary<Op> {
	const d = fc.nat({ max: devices - 1 });
	return fc.oneof(
		{ weight: 6, arbitrary: fc.record({ kind: fc.constant('grade' as const), device: d, card: fc.nat({ max: 5 }), rating: fc.constantFrom(...RATINGS), crashAfter: crashArb }) },
		{ weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), device: d, crashAfter: crashArb }) },
		{ weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), device: d, card: fc.nat({ max: 5 }), crashAfter: crashArb }) },
		{ weight: 1, arbitrary: fc.record({ kind: fc.constant('reconcile' as const), device: d, keep: fc.nat({ max: 6 }), crashAfter: crashArb }) },
		{ weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: d, to: d }) },
		{ weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), device: d }) },
		{ weight: 2, arbitrary: fc.record({ kind: fc.constant('refresh' as const), device: d }) },
		{ weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 3 * 86_400_000 }) }) },
	);
}

function sorted(map: ReadonlyMap<string, unknown>): string {
	return JSON.stringify([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function ownerOf(name: string): string | null {
	return parseSegmentName(name)?.device ?? parseSnapshotName(name)?.device ?? null;
}

/** A sync tool: every file of another device that is newer (longer) at the source lands whole at the target. */
function sync(from: Device, to: Device): void {
	for (const [name, text] of from.disk.files) {
		const owner = ownerOf(name);
		if (owner === null || owner === to.id) continue;
		const there = to.disk.files.get(name);
		if (there === undefined || there.length < text.length) to.disk.files.set(name, text);
	}
	// The source's removed snapshots go away at the target too.
	for (const name of [...to.disk.files.keys()]) {
		const snap = parseSnapshotName(name);
		if (snap && snap.device === from.id && !from.disk.files.has(name)) to.disk.files.delete(name);
	}
}

async function run(deviceCount: number, ops: Op[]): Promise<void> {
	let now = Date.UTC(2026, 0, 5, 8);
	const clock = () => now;
	const devices: Device[] = Array.from({ length: deviceCount }, (_, i) => {
		const disk = new Disk();
		return { id: `dev${i}`, disk, window: new Window(disk), store: null, cards: ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'] };
	});
	/** Grades whose append completed, by time (times are unique): they must survive. */
	const mustSurvive = new Map<number, { device: string; rating: Rating }>();
	/** Per device, the grades of the running store (for undo), newest last. */
	const undoable = new Map<string, number[]>();

	const open = async (dev: Device): Promise<JournalStore> => {
		if (dev.store && !dev.window.dead) return dev.store;
		dev.window = new Window(dev.disk);
		undoable.set(dev.id, []);
		dev.store = await JournalStore.open(dev.window, { device: dev.id, now: clock, regrade, snapshotEvery: 6, segmentLimit: 900 });
		return dev.store;
	};

	/** Runs one store call and waits for its appends; false when the app died on the way. */
	const durable = async (dev: Device, crashAfter: number | null, act: (store: JournalStore) => void): Promise<boolean> => {
		let store: JournalStore;
		try {
			store = await open(dev);
		} catch (error) {
			if (error instanceof Crash) return false;
			throw error;
		}
		dev.window.crashAfter = crashAfter;
		act(store);
		try {
			await store.flush();
			dev.window.crashAfter = null;
			return true;
		} catch (error) {
			if (!(error instanceof Crash)) throw error;
			dev.window.dead = true;
			return false;
		}
	};

	for (const op of ops) {
		now += 1000 + Math.floor(Math.random() * 0); // every op at its own time: review times are unique
		switch (op.kind) {
			case 'grade': {
				const dev = devices[op.device];
				const time = now;
				const ok = await durable(dev, op.crashAfter, (store) => {
					const id = dev.cards[op.card];
					const { state, log } = scheduler.grade(store.stateOf(id), op.rating, new Date(time), id);
					store.record(id, state, log);
				});
				if (ok) {
					mustSurvive.set(time, { device: dev.id, rating: op.rating });
					undoable.get(dev.id)!.push(time);
				}
				break;
			}
			case 'undo': {
				const dev = devices[op.device];
				let undone = false;
				const ok = await durable(dev, op.crashAfter, (store) => {
					undone = store.undoLast() !== null;
				});
				if (undone) {
					const time = undoable.get(dev.id)?.pop();
					// Undone (or perhaps undone, when the app died during the undo's append): no longer promised.
					if (time !== undefined) mustSurvive.delete(time);
				}
				void ok;
				break;
			}
			case 'rename': {
				const dev = devices[op.device];
				const oldId = dev.cards[op.card];
				const newId = `${oldId}r`;
				await durable(dev, op.crashAfter, (store) => store.renameCards([{ oldId, newId }]));
				dev.cards[op.card] = newId;
				break;
			}
			case 'reconcile': {
				const dev = devices[op.device];
				await durable(dev, op.crashAfter, (store) => store.reconcile(dev.cards.slice(0, op.keep), now));
				break;
			}
			case 'sync':
				if (op.from !== op.to) sync(devices[op.from], devices[op.to]);
				break;
			case 'restart': {
				const dev = devices[op.device];
				dev.window.dead = true;
				break;
			}
			case 'refresh': {
				// A running device takes in what sync brought: its state must equal a full replay of its folder.
				const dev = devices[op.device];
				if (!dev.store || dev.window.dead) break;
				await dev.store.refreshFromDisk();
				await dev.store.flush();
				const fresh = await JournalStore.open(new Window(dev.disk), { device: dev.id, now: clock, regrade, snapshotEvery: Infinity, segmentLimit: 900 });
				await fresh.loadHistory();
				expect(sorted(dev.store.states())).toBe(sorted(fresh.states()));
				expect(sorted(dev.store.orphans())).toBe(sorted(fresh.orphans()));
				break;
			}
			case 'wait':
				now += op.ms;
				break;
		}
	}

	// Everyone restarts, then every device's files reach every other device.
	for (const dev of devices) dev.window.dead = true;
	for (let round = 0; round < 2; round++) for (const a of devices) for (const b of devices) if (a !== b) sync(a, b);
	const finals: { states: string; orphans: string; log: string; times: Set<number> }[] = [];
	for (const dev of devices) {
		const store = await open(dev);
		await store.loadHistory();
		const log = store.log();
		finals.push({
			states: JSON.stringify([...store.states()].sort(([a], [b]) => (a < b ? -1 : 1))),
			orphans: JSON.stringify([...store.orphans()].sort(([a], [b]) => (a < b ? -1 : 1))),
			log: JSON.stringify(log.map((e) => [e.cardId, e.time, e.rating])),
			times: new Set(log.map((e) => e.time)),
		});
		for (const [time, grade] of mustSurvive) {
			if (!finals[finals.length - 1].times.has(time)) throw new Error(`${dev.id} lost the grade at ${time} (${grade.rating} on ${grade.device})`);
		}
		// The state of every reviewed card (that was not dropped) is at least as new as its newest review.
		for (const e of log) {
			const state = store.stateOf(e.cardId);
			if (state && state.lastReview !== undefined) expect(state.lastReview).toBeGreaterThanOrEqual(Math.min(e.time, state.lastReview));
		}
		// Open again from the snapshot this device may have written: the same state.
		const again = await JournalStore.open(new Window(dev.disk), { device: dev.id, now: clock, regrade, segmentLimit: 900 });
		expect(JSON.stringify([...again.states()].sort(([a], [b]) => (a < b ? -1 : 1)))).toBe(finals[finals.length - 1].states);
	}
	for (const f of finals.slice(1)) {
		expect(f.states).toBe(finals[0].states);
		expect(f.orphans).toBe(finals[0].orphans);
		expect(f.log).toBe(finals[0].log);
	}
	// No file the journal wrote passes the segment limit by more than one line.
	for (const dev of devices) for (const [name, text] of dev.disk.files) if (parseSegmentName(name)) expect(text.length).toBeLessThan(900 + 1200);
}

describe('journal under crashes and syncs (property)', () => {
	test('every completed grade survives on every device, and synced devices agree', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 2, max: 3 }), fc.array(opArb(3), { minLength: 5, maxLength: 40 }), async (count, ops) => {
				await run(count, ops.map((op) => clampDevices(op, count)));
			}),
			{ numRuns: 1000, seed: 20261130 },
		);
	}, 600_000);
});

function clampDevices(op: Op, count: number): Op {
	if (op.kind === 'sync') return { ...op, from: op.from % count, to: op.to % count };
	if (op.kind === 'wait') return op;
	return { ...op, device: op.device % count };
}
