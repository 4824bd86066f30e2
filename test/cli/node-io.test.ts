import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { nodeIO, WORKER_READ_FROM } from '../../src/cli/io';
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
		for (let i = 0; i < 300; i++) {
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

describe('nodeIO.write', () => {
	it('writes the same UTF-8 bytes as a string written to stdout would be', async () => {
		const written: Buffer[] = [];
		const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
			written.push(Buffer.from(chunk));
			return true;
		});
		// Hangul, an emoji (a surrogate pair), lone surrogates (replaced, as Buffer.from replaces them), controls.
		const chunks = ['[{"front":"서브넷 설계"}', ',\n😀\ud800x\udc00', '\ud83d', '\u0000\t끝\n'];
		try {
			const io = nodeIO();
			for (const chunk of chunks) await io.write(chunk);
		} finally {
			write.mockRestore();
		}
		expect(written.map((b) => b.toString('hex'))).toEqual(chunks.map((c) => Buffer.from(c, 'utf8').toString('hex')));
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
