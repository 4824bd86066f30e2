import { DiskRenderCache, diskRenderKey, RENDER_CACHE_FORMAT, type DiskRenderKeyParts, type RenderCacheFile } from '../../src/plugin/topology/disk-render-cache';

class MemoryFile implements RenderCacheFile {
	files = new Map<string, string>();
	reads = 0;
	async read(name: string): Promise<string | null> {
		this.reads++;
		return this.files.get(name) ?? null;
	}
	async write(name: string, text: string): Promise<void> {
		this.files.set(name, text);
	}
	async size(name: string): Promise<number | null> {
		const text = this.files.get(name);
		return text === undefined ? null : text.length;
	}
}

const NAME = 'render-cache-dev1.json';
const SVG = (n: number, pad = 0) => `<svg id="d${n}" viewBox="0 0 10 10">${'x'.repeat(pad)}</svg>`;

const parts: DiskRenderKeyParts = {
	kind: 'vpc',
	source: 'vpc: { cidr: 10.0.0.0/16 }',
	mermaidText: 'flowchart TB\n  a --> b',
	themeKey: 'light:#ffffff:#222222',
	options: 'auto:icons',
	pluginVersion: '0.1.0',
	rendererVersion: '1',
	mermaidVersion: '1.8.7',
};

describe('the render cache key', () => {
	test('every part changes it: block text, Mermaid text, theme, settings, plugin, renderer and Mermaid versions', () => {
		const base = diskRenderKey(parts);
		const keys = new Set([base]);
		for (const part of Object.keys(parts) as (keyof DiskRenderKeyParts)[]) {
			const changed = diskRenderKey({ ...parts, [part]: `${parts[part]}x` });
			expect(changed).not.toBe(base);
			keys.add(changed);
		}
		expect(keys.size).toBe(Object.keys(parts).length + 1);
		// The same parts give the same key (it is read back after a restart).
		expect(diskRenderKey({ ...parts })).toBe(base);
	});

	test('parts are length-prefixed: moving text from one part to the next is another key', () => {
		expect(diskRenderKey({ ...parts, kind: 'vpc|', source: parts.source })).not.toBe(diskRenderKey({ ...parts, kind: 'vpc', source: `|${parts.source}` }));
	});
});

describe('DiskRenderCache', () => {
	test('what is drawn comes back after a restart (a new cache on the same file)', async () => {
		const file = new MemoryFile();
		const first = new DiskRenderCache(file, NAME);
		await first.load();
		first.set('k1', SVG(1), 'r1', true);
		expect(await first.save()).toBe(true);
		const second = new DiskRenderCache(file, NAME);
		expect(second.get('k1')).toBeUndefined(); // not read yet
		await second.load();
		expect(second.get('k1')).toMatchObject({ svg: SVG(1), renderId: 'r1', icons: true });
		expect(second.get('k2')).toBeUndefined();
	});

	test('nothing drawn, nothing read: a save without a load neither reads nor writes', async () => {
		const file = new MemoryFile();
		const cache = new DiskRenderCache(file, NAME);
		expect(await cache.save()).toBe(false);
		expect(file.reads).toBe(0);
		expect(file.files.size).toBe(0);
	});

	test('bounded: the least recently used pictures go first once the SVGs pass the budget', async () => {
		const file = new MemoryFile();
		let clock = 0;
		const cache = new DiskRenderCache(file, NAME, 1000, () => ++clock);
		await cache.load();
		cache.set('a', SVG(1, 250), 'r', false);
		cache.set('b', SVG(2, 250), 'r', false);
		cache.set('c', SVG(3, 250), 'r', false);
		expect(cache.get('a')).toBeDefined(); // a is now the most recent
		cache.set('d', SVG(4, 250), 'r', false);
		expect(cache.totalBytes).toBeLessThanOrEqual(1000);
		expect(cache.get('b')).toBeUndefined();
		expect(cache.get('a')).toBeDefined();
		expect(cache.get('d')).toBeDefined();
		// A picture larger than the whole budget is not kept and pushes nothing out.
		cache.set('huge', SVG(5, 2000), 'r', false);
		expect(cache.get('huge')).toBeUndefined();
		expect(cache.get('a')).toBeDefined();
		// The order survives a restart.
		await cache.save();
		const again = new DiskRenderCache(file, NAME, 1000, () => ++clock);
		await again.load();
		again.set('e', SVG(6, 250), 'r', false);
		expect(again.get('c')).toBeUndefined();
		expect(again.get('a')).toBeDefined();
	});

	test.each([
		['not JSON', '{"format":1,"entries":[{"key":'],
		['another format', JSON.stringify({ format: RENDER_CACHE_FORMAT + 1, entries: [] })],
		['not an object', '"hello"'],
		['entries not a list', JSON.stringify({ format: RENDER_CACHE_FORMAT, entries: {} })],
	])('a corrupt file (%s) is ignored, and rebuilt at the next save', async (_label, text) => {
		const file = new MemoryFile();
		file.files.set(NAME, text);
		const cache = new DiskRenderCache(file, NAME);
		await cache.load();
		expect(cache.problem).toContain(NAME);
		expect(cache.size).toBe(0);
		cache.set('k', SVG(1), 'r', false);
		await cache.save();
		const rebuilt = JSON.parse(file.files.get(NAME) as string);
		expect(rebuilt.format).toBe(RENDER_CACHE_FORMAT);
		expect(rebuilt.entries).toHaveLength(1);
	});

	test('entries that are not pictures are dropped one by one; the good ones stay', async () => {
		const file = new MemoryFile();
		const good = { key: 'g', svg: SVG(1), renderId: 'r', icons: false, used: 1 };
		file.files.set(NAME, JSON.stringify({ format: RENDER_CACHE_FORMAT, entries: [good, { key: 'b', svg: '<script>x</script>', renderId: 'r', icons: false, used: 2 }, { key: 'c' }, null] }));
		const cache = new DiskRenderCache(file, NAME);
		await cache.load();
		expect(cache.size).toBe(1);
		expect(cache.get('g')?.svg).toBe(SVG(1));
		// The cleaned file is written back.
		expect(await cache.save()).toBe(true);
		expect(JSON.parse(file.files.get(NAME) as string).entries).toHaveLength(1);
	});

	test('an oversized file is not even read, and is replaced by the next save', async () => {
		const file = new MemoryFile();
		file.files.set(NAME, JSON.stringify({ format: RENDER_CACHE_FORMAT, entries: [{ key: 'k', svg: SVG(1, 70_000), renderId: 'r', icons: false, used: 1 }] }));
		const cache = new DiskRenderCache(file, NAME, 1000);
		await cache.load();
		expect(file.reads).toBe(0);
		expect(cache.problem).toMatch(/bytes/);
		expect(cache.get('k')).toBeUndefined();
		cache.set('n', SVG(2), 'r', false);
		await cache.save();
		expect(file.files.get(NAME)?.length).toBeLessThan(1000);
	});

	test('an unreadable file starts an empty cache (the load never rejects)', async () => {
		const file = new MemoryFile();
		file.files.set(NAME, 'x');
		file.read = () => Promise.reject(new Error('EIO'));
		const cache = new DiskRenderCache(file, NAME);
		await expect(cache.load()).resolves.toBeUndefined();
		expect(cache.loaded).toBe(true);
		expect(cache.problem).toContain('EIO');
	});
});
