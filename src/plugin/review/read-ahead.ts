/**
 * Reads in parallel through a bounded queue, handing results over in the items' order: up to
 * `concurrency` reads are started and not yet handed over at any moment (the next starts as soon
 * as the oldest is handed over), so the reader is never idle while the caller indexes a note. On a phone every read is a
 * round trip through the app's bridge; one after another, 10,000 notes cost 10,000 round trips.
 *
 * `read` must not reject (map failures to a value): a consumer that stops early leaves reads in
 * flight, whose results are dropped.
 */
export async function* readAhead<T, R>(items: readonly T[], read: (item: T) => Promise<R>, concurrency: number): AsyncGenerator<[T, R]> {
	const limit = Math.max(1, Math.floor(concurrency));
	const inFlight: Promise<R>[] = [];
	let next = 0;
	const fill = (): void => {
		while (next < items.length && inFlight.length < limit) inFlight.push(read(items[next++]));
	};
	fill();
	for (let i = 0; i < items.length; i++) {
		const result = await inFlight[0];
		void inFlight.shift();
		fill();
		yield [items[i], result];
	}
}
