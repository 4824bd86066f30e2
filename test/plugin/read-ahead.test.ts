import { readAhead } from '../../src/plugin/review/read-ahead';

/** Reads that finish when the test says, recording how many were in flight at once. */
function controlledReads() {
	const pending = new Map<number, (v: string) => void>();
	let inFlight = 0;
	let most = 0;
	const started: number[] = [];
	const read = (n: number) =>
		new Promise<string>((resolve) => {
			started.push(n);
			inFlight++;
			most = Math.max(most, inFlight);
			pending.set(n, (v) => {
				inFlight--;
				resolve(v);
			});
		});
	return { read, pending, started, most: () => most };
}

const tick = () => new Promise((r) => setImmediate(r));

test('results come in the items order, with at most `concurrency` reads started and not handed over, the next started as soon as the oldest is handed over', async () => {
	const items = Array.from({ length: 10 }, (_, i) => i);
	const io = controlledReads();
	const got: [number, string][] = [];
	const consumer = (async () => {
		for await (const pair of readAhead(items, io.read, 3)) got.push(pair);
	})();
	await tick();
	expect(io.started).toEqual([0, 1, 2]);
	// The third read finishes first: nothing is handed over before the first.
	io.pending.get(2)!('c');
	await tick();
	expect(got).toEqual([]);
	expect(io.started).toEqual([0, 1, 2]);
	io.pending.get(0)!('a');
	await tick();
	expect(got).toEqual([[0, 'a']]);
	// Handing over the first started the fourth (1, 3 in flight; 2 done, waiting its turn).
	expect(io.started).toEqual([0, 1, 2, 3]);
	io.pending.get(1)!('b');
	await tick();
	expect(got.map(([n]) => n)).toEqual([0, 1, 2]);
	for (let n = 3; n < 10; n++) {
		await tick();
		io.pending.get(n)!(String(n));
	}
	await consumer;
	expect(got.map(([n]) => n)).toEqual(items);
	expect(io.most()).toBeLessThanOrEqual(3);
});

test('no items, no reads; a concurrency below 1 reads one at a time', async () => {
	const none: number[] = [];
	for await (const pair of readAhead([], async () => 'x', 4)) none.push(pair.length);
	expect(none).toEqual([]);
	let inFlight = 0;
	let most = 0;
	const out: number[] = [];
	for await (const [n] of readAhead([1, 2, 3], async (n) => {
		inFlight++;
		most = Math.max(most, inFlight);
		await tick();
		inFlight--;
		return n;
	}, 0))
		out.push(n);
	expect(out).toEqual([1, 2, 3]);
	expect(most).toBe(1);
});
