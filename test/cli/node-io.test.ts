import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ChunkedWriter, nodeIO, WORKER_READ_FROM } from '../../src/cli/io';
import { fakeIO } from './fake-io';
import * as readWorker from '../../src/cli/read-worker';

const { readOnWorker } = readWorker;

/** Notes on disk, since the worker reads the real file system. */
describe('reading many files on a worker thread', () => {
	let dir: string;
	const files: string[] = [];
	const texts: string[] = [];
	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'cloudnotes-read-'));
		// Enough files for several batches, with one large one so a batch also ends on its size.
		for (let i = 0; i < 600; i++) {
			const file = path.join(dir, `${String(i).padStart(3, '0')}.md`);
			const text = i === 150 ? '가'.repeat(1_500_000) : `# 노트 ${i}\n\nnote ${i} 😀 ${'x'.repeat(i)}\n`;
			writeFileSync(file, text);
			files.push(file);
			texts.push(text);
		}
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
		const got: string[] = [];
		for await (const text of iterable) got.push(text);
		return got;
	}

	it('gives every text, decoded as UTF-8, in the files order, the first ones read in process while the worker starts', async () => {
		expect(await collect(readOnWorker(files))).toEqual(texts);
		expect(await collect(readOnWorker(files, 100))).toEqual(texts);
		expect(await collect(readOnWorker(files, 1000))).toEqual(texts);
		expect(await collect(readOnWorker([]))).toEqual([]);
	});

	it('gives the texts before a file it cannot read, then that read error', async () => {
		const list = [...files.slice(0, 200), path.join(dir, 'missing.md'), ...files.slice(200)];
		// The missing file read on the worker, then in process.
		for (const inProcess of [0, 250]) {
			const got: string[] = [];
			let error: (Error & { code?: string }) | undefined;
			try {
				for await (const text of readOnWorker(list, inProcess)) got.push(text);
			} catch (e) {
				error = e as Error;
			}
			expect(got).toEqual(texts.slice(0, 200));
			expect(error?.message).toBe(`ENOENT: no such file or directory, open '${path.join(dir, 'missing.md')}'`);
			expect(error?.code).toBe('ENOENT');
		}
	});

	it('stops when the reader leaves early', async () => {
		const got: string[] = [];
		for await (const text of readOnWorker(files)) {
			got.push(text);
			if (got.length === 3) break;
		}
		expect(got).toEqual(texts.slice(0, 3));
	});

	it('is what nodeIO reads a folder with, from its threshold on, with the same texts either way', async () => {
		const io = nodeIO();
		const onWorker = jest.spyOn(readWorker, 'readOnWorker');
		try {
			expect(await collect(io.readTexts(files.slice(0, WORKER_READ_FROM - 1)))).toEqual(texts.slice(0, WORKER_READ_FROM - 1));
			expect(onWorker).not.toHaveBeenCalled();
			expect(await collect(io.readTexts(files))).toEqual(texts);
			expect(onWorker).toHaveBeenCalledTimes(1);
		} finally {
			onWorker.mockRestore();
		}
	});
});

describe('ChunkedWriter', () => {
	it('writes the UTF-8 bytes of the texts in order, in chunks of about the chunk size, each whole characters', async () => {
		const chunks: Uint8Array[] = [];
		const io = { ...fakeIO({}).io, write: async (bytes: Uint8Array) => void chunks.push(bytes) };
		const out = new ChunkedWriter(io, 64);
		// Hangul, an emoji (a surrogate pair), lone surrogates (replaced, as Buffer.from replaces them),
		// controls, and a text longer than a whole buffer.
		const texts = ['[{"front":"서브넷 설계"}', ',\n😀', '\ud800x\udc00', '', '\u0000\t끝\n', '가'.repeat(1000), 'x', ...Array.from({ length: 50 }, (_, i) => `line ${i} 노트\n`)];
		for (const text of texts) await out.write(text);
		await out.flush();
		expect(Buffer.concat(chunks).toString('hex')).toBe(Buffer.from(texts.join(''), 'utf8').toString('hex'));
		// About one write per 64 bytes: a text too long for what is left of the buffer sends the rest first.
		const total = Buffer.byteLength(texts.join(''));
		expect(chunks.length).toBeGreaterThan(5);
		expect(chunks.length).toBeLessThanOrEqual(Math.ceil(total / 64) + 2);
		// A chunk never ends inside a character: each decodes on its own.
		const strict = new TextDecoder('utf-8', { fatal: true });
		for (const chunk of chunks) expect(() => strict.decode(chunk)).not.toThrow();
	});
});

describe('nodeIO.markdownFiles', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'cloudnotes-list-'));
		for (const file of ['b.md', 'a.MD', 'notes.txt', 'sub/c.md', 'sub/deeper/d.md', '.hidden/e.md', 'node_modules/f.md', '노트/가.md']) {
			mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
			writeFileSync(path.join(dir, file), '# x\n');
		}
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('lists the Markdown files under each path, sorted, each named as path.join names it', async () => {
		const io = nodeIO();
		const cwd = process.cwd();
		process.chdir(dir);
		try {
			const under = (base: string) => ['a.MD', 'b.md', 'sub/c.md', 'sub/deeper/d.md', '노트/가.md'].map((f) => path.join(base, f)).sort();
			for (const base of ['.', './', 'sub/..', 'sub/../', dir, `${dir}/`, `${dir}//sub/..`]) expect(await io.markdownFiles([base])).toEqual(under(base));
			expect(await io.markdownFiles(['sub', 'notes.txt'])).toEqual(['notes.txt', 'sub/c.md', 'sub/deeper/d.md']);
			await expect(io.markdownFiles(['missing'])).rejects.toThrow("ENOENT: no such file or directory, stat 'missing'");
		} finally {
			process.chdir(cwd);
		}
	});
});
