import { readFileSync } from 'fs';
import { Worker } from 'worker_threads';

/**
 * Reads files on a worker thread, a batch at a time, while the caller works on the texts before:
 * on 10,000 notes reading is a fifth of `cards`' time (open, stat, read, close and UTF-8 decoding
 * per file), which a second core takes off the thread that extracts and writes. The reads stay
 * synchronous on the worker (Node's asynchronous readFile costs four thread-pool round trips per
 * file); strings come back by structured clone, a copy much cheaper than the reads.
 *
 * The worker's code is a string evaluated by the worker (`eval: true`), so it needs no file of
 * its own beside dist/cli.js and runs the same under ts-jest.
 */
const READER = `
const { parentPort, workerData } = require('worker_threads');
const { readFileSync } = require('fs');
const { files, start, batchFiles, batchChars } = workerData;
let next = start;
parentPort.on('message', () => {
	const texts = [];
	let chars = 0;
	let error = null;
	while (next < files.length && texts.length < batchFiles && chars < batchChars) {
		try {
			const text = readFileSync(files[next], 'utf8');
			texts.push(text);
			chars += text.length;
			next++;
		} catch (e) {
			error = { message: String(e && e.message), code: e && e.code };
			next = files.length;
		}
	}
	parentPort.postMessage({ texts, error });
});
`;

interface Batch {
	texts: string[];
	/** The read that stopped the batch; no text follows it. */
	error: { message: string; code?: string } | null;
}

/** A batch ends at this many files or characters: few messages, and a window of at most two batches in memory. */
const BATCH_FILES = 128;
const BATCH_CHARS = 1 << 20;

/**
 * The texts of `files` in order, read on a worker thread: the next batch is read while the caller
 * handles this one. The first `inProcess` files are read here, while the worker starts (a new
 * thread loads Node's modules first, 40-70 ms here, which the caller would otherwise wait for).
 * A failed read throws (with the error's message and code) after the texts of the files before
 * it. Leaving the loop early stops the worker.
 */
export async function* readOnWorker(files: readonly string[], inProcess = 0): AsyncGenerator<string> {
	const start = Math.min(inProcess, files.length);
	if (start === files.length) {
		for (const file of files) yield readFileSync(file, 'utf8');
		return;
	}
	const worker = new Worker(READER, { eval: true, workerData: { files, start, batchFiles: BATCH_FILES, batchChars: BATCH_CHARS } });
	const waiting: { resolve: (batch: Batch) => void; reject: (error: Error) => void }[] = [];
	const pending: Promise<Batch>[] = [];
	let failure: Error | null = null;
	const fail = (error: Error) => {
		failure ??= error;
		for (const w of waiting.splice(0)) w.reject(error);
	};
	worker.on('message', (batch: Batch) => waiting.shift()?.resolve(batch));
	worker.on('error', fail);
	worker.on('exit', (code) => fail(new Error(`the file reader stopped (exit code ${code})`)));
	const ask = () => {
		const batch = new Promise<Batch>((resolve, reject) => {
			if (failure) reject(failure);
			else waiting.push({ resolve, reject });
		});
		// Awaited in order below; this only keeps a later failure from being reported as unhandled first.
		batch.catch(() => undefined);
		pending.push(batch);
		worker.postMessage(null);
	};
	const askAhead = () => {
		while (pending.length < 2) ask();
	};
	try {
		// Asked for now, so the worker reads them as soon as it has started.
		askAhead();
		let read = 0;
		for (; read < start; read++) yield readFileSync(files[read], 'utf8');
		while (read < files.length) {
			askAhead();
			const { texts, error } = await (pending.shift() as Promise<Batch>);
			for (const text of texts) {
				read++;
				yield text;
			}
			if (error) throw Object.assign(new Error(error.message), error.code === undefined ? {} : { code: error.code });
			if (texts.length === 0) throw new Error('the file reader returned no text');
		}
	} finally {
		await worker.terminate();
	}
}
