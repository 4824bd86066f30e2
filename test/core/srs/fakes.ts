import type { Persistence } from '../../../src/core/srs/persistence';
import type { CardState, Rating, ReviewLogEntry } from '../../../src/core/srs/card-state';

/**
 * Files in a Map, with the failures real disks and sync tools produce: a write that rejects before
 * writing, a write that dies after writing part of the text, a write that is slow to finish, a read
 * that rejects.
 */
export class FlakyPersistence implements Persistence {
	readonly files = new Map<string, string>();
	readonly writes: { name: string; text: string }[] = [];
	private plannedFailures: { name: string | null; failure: 'reject' | { truncateTo: number } }[] = [];
	private delays: number[] = [];
	unreadable = new Set<string>();
	/** Set to watch the moment each write lands. */
	onWrite?: (name: string, text: string) => void;

	/** The next write (to `name`, or to any file) rejects without touching the file. */
	failNextWrite(name: string | null = null): void {
		this.plannedFailures.push({ name, failure: 'reject' });
	}

	/** The next write (to `name`, or to any file) leaves only a fraction 0-1 of its text behind, then rejects. */
	dieDuringNextWrite(name: string | null = null, fraction = 0.5): void {
		this.plannedFailures.push({ name, failure: { truncateTo: fraction } });
	}

	/** The next writes take this many macrotask turns each to land. */
	delayNextWrites(...turns: number[]): void {
		this.delays.push(...turns);
	}

	async read(name: string): Promise<string | null> {
		await Promise.resolve();
		if (this.unreadable.has(name)) throw new Error(`EACCES: permission denied, open '${name}'`);
		return this.files.get(name) ?? null;
	}

	async write(name: string, text: string): Promise<void> {
		const delay = this.delays.shift() ?? 0;
		for (let i = 0; i < delay; i++) await new Promise<void>((resolve) => setImmediate(resolve));
		const planned = this.plannedFailures.findIndex((p) => p.name === null || p.name === name);
		const failure = planned >= 0 ? this.plannedFailures.splice(planned, 1)[0].failure : undefined;
		if (failure === 'reject') throw new Error(`ENOSPC: no space left on device, write '${name}'`);
		if (failure) {
			this.files.set(name, text.slice(0, Math.floor(text.length * failure.truncateTo)));
			throw new Error(`EIO: i/o error, write '${name}'`);
		}
		this.files.set(name, text);
		this.writes.push({ name, text });
		this.onWrite?.(name, text);
	}
}

/** A hand-made review card state, distinct per `n`. */
export function stateFor(n: number, overrides: Partial<CardState> = {}): CardState {
	return {
		due: 1_700_000_000_000 + n * 86_400_000,
		stability: 1 + n,
		difficulty: 5,
		elapsedDays: n,
		scheduledDays: n + 1,
		learningSteps: 0,
		reps: n + 1,
		lapses: 0,
		state: 'review',
		lastReview: 1_700_000_000_000 + (n - 1) * 86_400_000,
		...overrides,
	};
}

export function logFor(cardId: string, time: number, rating: Rating = 'good', overrides: Partial<ReviewLogEntry> = {}): ReviewLogEntry {
	return { cardId, time, rating, state: 'review', elapsedDays: 1, scheduledDays: 1, due: time, stability: 2, difficulty: 5, ...overrides };
}

/** Timers the test fires by hand, to control exactly when a debounced save starts. */
export class ManualTimers {
	private next = 1;
	readonly pending = new Map<number, () => void>();
	setTimer = (fn: () => void): unknown => {
		const handle = this.next++;
		this.pending.set(handle, fn);
		return handle;
	};
	clearTimer = (handle: unknown): void => {
		this.pending.delete(handle as number);
	};
	fireAll(): void {
		const due = [...this.pending.values()];
		this.pending.clear();
		for (const fn of due) fn();
	}
}

/** Lets every queued promise and a few macrotask turns run. */
export async function settle(turns = 20): Promise<void> {
	for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
