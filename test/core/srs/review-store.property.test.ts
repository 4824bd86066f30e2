import fc from 'fast-check';
import { ReviewStore } from '../../../src/core/srs/review-store';
import { REVIEW_BACKUP_FILE, REVIEW_FILE } from '../../../src/core/srs/persistence';
import type { CardState, ReviewLogEntry } from '../../../src/core/srs/card-state';
import { FlakyPersistence, ManualTimers, logFor, settle, stateFor } from './fakes';

type Op =
	| { kind: 'grade'; card: number }
	| { kind: 'undo' }
	| { kind: 'flush' }
	| { kind: 'timer' }
	| { kind: 'failWrite'; file: string | null }
	| { kind: 'tearWrite'; file: string | null; fraction: number }
	| { kind: 'crash' };

const fileArb = fc.constantFrom(REVIEW_FILE, REVIEW_BACKUP_FILE, null);
const opArb: fc.Arbitrary<Op> = fc.oneof(
	{ weight: 5, arbitrary: fc.record({ kind: fc.constant('grade' as const), card: fc.integer({ min: 0, max: 4 }) }) },
	{ weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
	{ weight: 4, arbitrary: fc.constant({ kind: 'flush' as const }) },
	{ weight: 2, arbitrary: fc.constant({ kind: 'timer' as const }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('failWrite' as const), file: fileArb }) },
	{ weight: 4, arbitrary: fc.record({ kind: fc.constant('tearWrite' as const), file: fileArb, fraction: fc.double({ min: 0, max: 0.999, noNaN: true }) }) },
	{ weight: 1, arbitrary: fc.constant({ kind: 'crash' as const }) },
);

interface Snapshot { log: ReviewLogEntry[]; states: [string, CardState][] }

function snapshot(store: ReviewStore): Snapshot {
	return { log: store.log().map((e) => ({ ...e })), states: [...store.states()].map(([id, s]) => [id, { ...s }]) };
}

describe('ReviewStore under any sequence of grades, saves, failed writes and crashes', () => {
	it('reopens to the last flushed data or something newer, never less', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 60, size: 'max' }), async (ops) => {
				const files = new FlakyPersistence();
				let clock = Date.UTC(2026, 0, 1);
				const open = async () => {
					const timers = new ManualTimers();
					const store = await ReviewStore.open(files, { now: () => clock, setTimer: timers.setTimer, clearTimer: timers.clearTimer, onSaveError: () => undefined });
					return { store, timers };
				};
				let { store, timers } = await open();
				// Every state the data has been in since the last successful flush; a reopen must find one of them.
				let acceptable: Snapshot[] = [snapshot(store)];
				let grades = 0;

				for (const op of ops) {
					clock += 60_000;
					switch (op.kind) {
						case 'grade':
							grades++;
							store.record(`card-${op.card}`, stateFor(grades), logFor(`card-${op.card}`, clock));
							acceptable.push(snapshot(store));
							break;
						case 'undo':
							if (store.undoLast()) acceptable.push(snapshot(store));
							break;
						case 'flush':
							try {
								await store.flush();
								acceptable = [snapshot(store)];
							} catch {
								// A failed flush confirms nothing; the pending data stays acceptable.
							}
							break;
						case 'timer':
							timers.fireAll();
							await settle(5);
							break;
						case 'failWrite':
							files.failNextWrite(op.file);
							break;
						case 'tearWrite':
							files.dieDuringNextWrite(op.file, op.fraction);
							break;
						case 'crash': {
							await settle(5);
							({ store, timers } = await open());
							const loaded = snapshot(store);
							expect(acceptable).toContainEqual(loaded);
							// Starting over is only acceptable when nothing had been confirmed yet.
							if (store.loadProblem && !store.loadProblem.recoveredFromBackup) expect(loaded.log).toEqual([]);
							if (store.readOnly) return;
							acceptable = [loaded];
							break;
						}
					}
				}
			}),
			{ numRuns: 200, seed: 20260110, endOnFailure: true },
		);
	}, 60_000);
});
