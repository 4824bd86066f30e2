import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

// The launcher's loader (plain JavaScript in bin/, beside the launcher that uses it).
const { loadWithCodeCache, writeCodeCache } = require('../../bin/code-cache.js') as {
	loadWithCodeCache(file: string): Record<string, unknown>;
	writeCodeCache(file: string, exercise: (exports: Record<string, unknown>) => Promise<void>): Promise<number>;
};

type Answer = { answer(): number; dirname: string; same: boolean };

describe('the command line compiled from its code cache', () => {
	let dir: string;
	let file: string;
	const source = (n: number) => `exports.answer = function () { return ${n}; };\nexports.dirname = __dirname;\nexports.same = require('path') === require('node:path');\n`;
	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'cloudnotes-cache-'));
		file = path.join(dir, 'cli.js');
		writeFileSync(file, source(42));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('runs the module as CommonJS, with or without a cache', async () => {
		const bare = loadWithCodeCache(file) as unknown as Answer;
		expect([bare.answer(), bare.dirname, bare.same]).toEqual([42, dir, true]);
		const size = await writeCodeCache(file, async (exports) => void (exports as unknown as Answer).answer());
		expect(readFileSync(`${file}.cache`).length).toBe(size);
		const cached = loadWithCodeCache(file) as unknown as Answer;
		expect([cached.answer(), cached.dirname, cached.same]).toEqual([42, dir, true]);
	});

	it('ignores a cache made from another source, even of the same length (V8 would run the old code)', async () => {
		await writeCodeCache(file, async (exports) => void (exports as unknown as Answer).answer());
		writeFileSync(file, source(43));
		expect(readFileSync(file).length).toBe(Buffer.byteLength(source(42)));
		expect((loadWithCodeCache(file) as unknown as Answer).answer()).toBe(43);
	});
});
