import { promises as fs, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { editDistance } from '../core/topology/shared/did-you-mean';
import { readOnWorker } from './read-worker';

/** What a command needs from the outside world, passed in so commands are testable without a terminal. */
export interface CliIO {
	/** A line (or lines) to standard output; a newline is added when missing. */
	out(text: string): void;
	/**
	 * UTF-8 bytes to standard output as they are, for output written piece by piece (ChunkedWriter
	 * encodes it); resolves when the stream can take more, so a large output never piles up in
	 * memory. The bytes are the stream's from then on: the caller does not reuse them.
	 */
	write(chunk: Uint8Array): Promise<void>;
	err(text: string): void;
	readText(file: string): Promise<string>;
	/**
	 * The files' texts in the files' order, read ahead of the caller (in a bounded window) so that
	 * reading overlaps the work on each text. A failed read throws when its turn comes.
	 */
	readTexts(files: readonly string[]): AsyncIterable<string>;
	/** Expands files and folders (recursively) into the Markdown files they hold, sorted. */
	markdownFiles(paths: readonly string[]): Promise<string[]>;
	writeText(file: string, text: string): Promise<void>;
}

/** Read in process while the worker starts: about what the caller handles in the worker's start-up. */
const READ_WHILE_WORKER_STARTS = 384;
/** From this many files on, a worker thread reads those after the first READ_WHILE_WORKER_STARTS (see read-worker.ts); below, starting it costs more than it saves. */
export const WORKER_READ_FROM = 512;

export function nodeIO(): CliIO {
	const io: CliIO = {
		out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
		write: (chunk) =>
			new Promise<void>((resolve, reject) => {
				if (process.stdout.write(chunk)) return resolve();
				const drained = () => {
					process.stdout.off('error', failed);
					resolve();
				};
				const failed = (error: Error) => {
					process.stdout.off('drain', drained);
					reject(error);
				};
				process.stdout.once('drain', drained);
				process.stdout.once('error', failed);
			}),
		err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
		// Synchronous on purpose. Node's async readFile is four thread-pool round trips per file
		// (open, stat, read, close); measured on 10,000 notes here (2 shared cores, warm cache):
		// 170 ms synchronous against 0.7-2.4 s async with 8-32 reads in flight, and twice the CPU.
		// Many files are read on a worker thread instead (readTexts), still synchronously there.
		readText: async (file) => readFileSync(file, 'utf8'),
		readTexts: (files) => (files.length >= WORKER_READ_FROM ? readOnWorker(files, READ_WHILE_WORKER_STARTS) : readAhead(files, (f) => io.readText(f))),
		writeText: (file, text) => fs.writeFile(file, text, 'utf8'),
		// Synchronous too: nothing else can happen before the list is known, and the asynchronous
		// walk cost a thread-pool round trip per folder and per stat.
		markdownFiles: async (paths) => {
			const found: string[] = [];
			for (const p of paths) collectMarkdown(p, found);
			return found.sort();
		},
	};
	return io;
}

function collectMarkdown(p: string, found: string[]): void {
	const stat = statSync(p);
	if (stat.isFile()) {
		found.push(p);
		return;
	}
	if (!stat.isDirectory()) return;
	// path.join(p, name) for every entry, without normalising the whole path again per entry (cold,
	// that was 6 µs each, 60 ms of a 10,000-note vault): an entry's name is one plain segment, which
	// path.join appends as it is to the folder's joined prefix.
	const prefix = path.join(p, '_').slice(0, -1);
	for (const entry of readdirSync(p, { withFileTypes: true })) {
		if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
		const child = prefix + entry.name;
		if (entry.isDirectory()) collectMarkdown(child, found);
		else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) found.push(child);
	}
}

/** Files read at once: enough to keep the disk busy, few enough to bound memory and open files. */
export const READ_CONCURRENCY = 32;

/**
 * The texts in the files' order, read with `read` concurrently (at most `concurrency` at once);
 * each is yielded as soon as it and every file before it have arrived, so only a window of texts
 * is ever held. A failed read throws when its turn comes.
 */
export async function* readAhead(files: readonly string[], read: (file: string) => Promise<string>, concurrency = READ_CONCURRENCY): AsyncGenerator<string> {
	const window: Promise<string>[] = [];
	let next = 0;
	const fill = () => {
		while (window.length < concurrency && next < files.length) {
			const pending = read(files[next++]);
			// Awaited in order below; this only keeps a later failure from being reported as unhandled first.
			pending.catch(() => undefined);
			window.push(pending);
		}
	};
	fill();
	while (window.length > 0) {
		const text = await (window.shift() as Promise<string>);
		fill();
		yield text;
	}
}

/**
 * Hands each file's text (from `io.readTexts`) to `handle` in the files' order, so work and output
 * start with the first file while later files are still being read.
 */
export async function forEachText(io: CliIO, files: readonly string[], handle: (file: string, text: string) => void | Promise<void>): Promise<void> {
	let i = 0;
	for await (const text of io.readTexts(files)) await handle(files[i++], text);
}

const DONE = Promise.resolve();

/** A UTF-16 unit never takes more than 3 bytes of UTF-8. */
const MAX_UTF8_PER_UNIT = 3;

/**
 * Collects output into chunks of about 64 KB before writing: one write per card would be tens
 * of thousands of calls, one string of everything is the memory a stream avoids. Each text is
 * encoded as UTF-8 into the chunk as it comes: joining the texts into a string first and encoding
 * that (as stdout.write does with a string) copied tens of MB of cards once more, most of them
 * Korean (main thread CPU on the bench vault about 100 ms less, paired). A text is encoded on its
 * own, so a caller writes whole lines or cards, never half of a surrogate pair.
 */
export class ChunkedWriter {
	private bytes: Buffer | null = null;
	private size = 0;

	constructor(
		private readonly io: CliIO,
		private readonly chunkSize = 64 * 1024,
	) {}

	write(text: string): Promise<void> {
		const most = text.length * MAX_UTF8_PER_UNIT;
		const before = this.bytes !== null && this.size + most > this.bytes.length ? this.flush() : DONE;
		// A new buffer for every chunk: the one written may still be queued in the stream.
		this.bytes ??= Buffer.allocUnsafeSlow(Math.max(this.chunkSize * 2 * MAX_UTF8_PER_UNIT, most));
		this.size += this.bytes.write(text, this.size);
		if (this.size < this.chunkSize) return before;
		const full = this.flush();
		return before === DONE ? full : Promise.all([before, full]).then(() => undefined);
	}

	flush(): Promise<void> {
		if (this.bytes === null || this.size === 0) return DONE;
		const chunk = this.bytes.subarray(0, this.size);
		this.bytes = null;
		this.size = 0;
		return this.io.write(chunk);
	}
}

/**
 * Thrown for bad usage (exit 2): an unknown command, flag, value, block or trace end. `suggestions`
 * are the accepted inputs closest to the unknown one first; with `--format json` main prints
 * `{ "error", "suggestions" }` on stdout, otherwise the message, the suggestions and (when
 * `withUsage`) the usage on stderr.
 */
export class UsageError extends Error {
	constructor(
		message: string,
		readonly suggestions: readonly string[] = [],
		readonly withUsage = true,
	) {
		super(message);
	}
}

/** The accepted inputs nearest to `word` first (edit distance, then their own order), at most `max`. */
export function nearest(word: string, accepted: readonly string[], max = 5): string[] {
	const key = word.toLowerCase();
	return accepted
		.map((candidate, i) => ({ candidate, i, d: editDistance(key, candidate.toLowerCase()) }))
		.sort((a, b) => a.d - b.d || a.i - b.i)
		.slice(0, max)
		.map((x) => x.candidate);
}

/** A tiny flag parser: `--name value`, `--name=value`, and positionals. Unknown flags are usage errors. */
export function parseArgs(
	args: readonly string[],
	known: Record<string, 'string' | 'boolean'>,
): { positionals: string[]; flags: Record<string, string | boolean> } {
	const positionals: string[] = [];
	const flags: Record<string, string | boolean> = {};
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (!arg.startsWith('--')) {
			positionals.push(arg);
			continue;
		}
		const eq = arg.indexOf('=');
		const name = arg.slice(2, eq === -1 ? undefined : eq);
		const kind = known[name];
		if (!kind) throw new UsageError(`unknown option --${name}`, nearest(name, Object.keys(known)).map((k) => `--${k}`));
		if (kind === 'boolean') {
			flags[name] = true;
			continue;
		}
		const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
		if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
		flags[name] = value;
	}
	return { positionals, flags };
}

/** `--format` checked against the formats a command writes. */
export function formatFlag<F extends string>(value: string | boolean | undefined, formats: readonly F[]): F {
	const format = value ?? formats[0];
	const found = formats.find((f) => f === format);
	if (!found) throw new UsageError(`--format is ${formats.join(', ').replace(/, ([^,]*)$/, ' or $1')}, not "${String(format)}"`, nearest(String(format), formats));
	return found;
}

/** Whether the arguments ask for JSON output, so even a usage error is answered in JSON. */
export function wantsJson(args: readonly string[]): boolean {
	return args.some((a, i) => a === '--format=json' || a === '--format=jsonl' || (a === '--format' && (args[i + 1] === 'json' || args[i + 1] === 'jsonl')));
}
