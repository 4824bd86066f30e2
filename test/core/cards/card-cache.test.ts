import { readFileSync } from 'fs';
import { join } from 'path';
import { CardIndex, contentHash, DEFAULT_CARD_SETTINGS, EXTRACTOR_VERSION, extractNote, type CachedNote, type CardSettings } from '../../../src/core/cards';

/** contentHash of the fixture's cards under EXTRACTOR_VERSION 2 (see the EXTRACTOR_VERSION test). */
const FINGERPRINT = '1hn0mnj42st';
import {
	CARD_CACHE_MAX_BYTES,
	CardCache,
	cardCacheKey,
	cardCachePartName,
	encodeCardCache,
	planRefresh,
	utf8Length,
	type CardCacheFiles,
} from '../../../src/core/cards/card-cache';

const KEY = cardCacheKey(DEFAULT_CARD_SETTINGS);

class MapFiles implements CardCacheFiles {
	readonly files = new Map<string, string>();
	reads = 0;
	async read(name: string): Promise<string | null> {
		this.reads++;
		return this.files.get(name) ?? null;
	}
	async write(name: string, text: string): Promise<void> {
		this.files.set(name, text);
	}
	async remove(name: string): Promise<void> {
		this.files.delete(name);
	}
}

function noteText(i: number): string {
	return `---\ntags: [net, 클라우드]\n---\n# 노트 ${i}\n\n## Subnet ${i}\n\nA range of addresses.\n\n- **NAT** : outbound only\n\n> [!tip] Why ${i}?\n> because\n`;
}

/** A vault of `count` notes as the index holds them, and what the persisted index keeps of each. */
function indexed(count: number, settings: CardSettings = DEFAULT_CARD_SETTINGS): { index: CardIndex; cached: CachedNote[] } {
	const index = new CardIndex(settings, { topologyCards: null });
	const cached: CachedNote[] = [];
	for (let i = 0; i < count; i++) {
		const file = `notes/${i % 7}/노트 ${i}.md`;
		index.setNote(file, noteText(i));
		cached.push(index.cachedNote(file, { mtime: 1_700_000_000_000 + i, size: 200 + i })!);
	}
	return { index, cached };
}

describe('the persisted card index', () => {
	test('restores every note with the ids, kinds, lines and tags the extractor gives, without the text', async () => {
		const { index, cached } = indexed(50);
		const files = new MapFiles();
		await new CardCache(files, KEY).save(cached);
		const loaded = await new CardCache(files, KEY).load();
		expect(loaded.complete).toBe(true);
		expect(loaded.notes.size).toBe(50);

		const restored = new CardIndex(DEFAULT_CARD_SETTINGS, { topologyCards: null });
		for (const note of loaded.notes.values()) restored.restoreNote(note);
		for (const file of index.files()) {
			const expected = extractNote(file, noteText(Number(/(\d+)\.md$/.exec(file)![1])), DEFAULT_CARD_SETTINGS, { topologyCards: null });
			expect(restored.refsInFile(file)).toEqual(expected.cards.map(({ id, file: f, line, kind }) => ({ id, file: f, line, kind })));
			expect(restored.tagsOf(file)).toEqual(['net', '클라우드']);
			expect(restored.isRestored(file)).toBe(true);
			// No content until the note is read again.
			expect(restored.inFile(file)).toEqual([]);
		}
		expect([...restored.ids()].sort()).toEqual(index.all().map((c) => c.id).sort());
	});

	test('is split into parts, none over the limit, and all of them are read back', async () => {
		const { cached } = indexed(400);
		const files = new MapFiles();
		const maxBytes = 16 * 1024;
		await new CardCache(files, KEY, maxBytes).save(cached);
		expect(files.files.size).toBeGreaterThan(3);
		for (const text of files.files.values()) expect(utf8Length(text)).toBeLessThanOrEqual(maxBytes);
		const loaded = await new CardCache(files, KEY, maxBytes).load();
		expect(loaded.complete).toBe(true);
		expect([...loaded.notes.values()]).toEqual(cached);
		expect(loaded.reads).toBe(files.files.size);
	});

	test('the limit is 4 MB per file by default, counted in UTF-8 bytes', () => {
		expect(CARD_CACHE_MAX_BYTES).toBe(4 * 1024 * 1024);
		const text = 'ascii é 클라우드 😀 \u0000';
		expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
		const { cached } = indexed(3);
		const [part] = encodeCardCache(cached, KEY, 'w');
		expect(utf8Length(part)).toBe(Buffer.byteLength(part, 'utf8'));
	});

	test('a cache from an older extractor version or other card settings is not used', async () => {
		const { cached } = indexed(10);
		const files = new MapFiles();
		await new CardCache(files, KEY).save(cached);
		const olderExtractor = KEY.replace(/"extractor":\d+/, '"extractor":0');
		expect(olderExtractor).not.toBe(KEY);
		const files2 = new MapFiles();
		await new CardCache(files2, olderExtractor).save(cached);
		const fromOlder = await new CardCache(files2, KEY).load();
		expect(fromOlder.notes.size).toBe(0);
		expect(fromOlder.complete).toBe(false);
		expect(fromOlder.problems.join()).toContain('another extractor version or other card settings');

		const noQuotes = cardCacheKey({ ...DEFAULT_CARD_SETTINGS, sources: { ...DEFAULT_CARD_SETTINGS.sources, quote: false } });
		const otherSettings = await new CardCache(files, noQuotes).load();
		expect(otherSettings.notes.size).toBe(0);
		expect(cardCacheKey({ ...DEFAULT_CARD_SETTINGS, headingLevels: [2, 3] })).not.toBe(KEY);
		expect(cardCacheKey({ ...DEFAULT_CARD_SETTINGS, calloutTypes: { include: ['tip'], exclude: [] } })).not.toBe(KEY);
		// The same settings in another order are the same key.
		expect(cardCacheKey({ ...DEFAULT_CARD_SETTINGS, headingLevels: [6, 5, 4, 3, 2, 1] })).toBe(KEY);
	});

	test('a truncated or damaged part is ignored; the others are used', async () => {
		const { cached } = indexed(300);
		const files = new MapFiles();
		await new CardCache(files, KEY, 16 * 1024).save(cached);
		const part1 = files.files.get(cardCachePartName(1))!;
		files.files.set(cardCachePartName(1), part1.slice(0, part1.length - 40));
		const part2 = files.files.get(cardCachePartName(2))!;
		// One digit changed inside the body: still JSON, but not what was written.
		const at = part2.lastIndexOf('1');
		files.files.set(cardCachePartName(2), part2.slice(0, at) + '2' + part2.slice(at + 1));
		const loaded = await new CardCache(files, KEY, 16 * 1024).load();
		expect(loaded.complete).toBe(false);
		expect(loaded.problems.join('\n')).toMatch(/card-index-1\.json: damaged/);
		expect(loaded.problems.join('\n')).toMatch(/card-index-2\.json: damaged \(checksum/);
		expect(loaded.notes.size).toBeGreaterThan(0);
		expect(loaded.notes.size).toBeLessThan(300);
		for (const note of loaded.notes.values()) expect(cached).toContainEqual(note);
	});

	test('a truncated or garbled first part leaves nothing (every note is read again)', async () => {
		const { cached } = indexed(20);
		for (const damage of [(t: string) => t.slice(0, 30), (t: string) => t.slice(0, t.length / 2), () => '\u0000\u0000garbage', () => '']) {
			const files = new MapFiles();
			await new CardCache(files, KEY).save(cached);
			files.files.set(cardCachePartName(0), damage(files.files.get(cardCachePartName(0))!));
			const loaded = await new CardCache(files, KEY).load();
			expect(loaded.notes.size).toBe(0);
			expect(loaded.complete).toBe(false);
		}
	});

	test('a part of another write (a save cut short) is ignored, and a smaller save removes leftover parts', async () => {
		const { cached } = indexed(300);
		const files = new MapFiles();
		const cache = new CardCache(files, KEY, 16 * 1024);
		await cache.save(cached);
		const partsBefore = files.files.size;
		const stalePart1 = files.files.get(cardCachePartName(1))!;
		await cache.save(cached.slice(0, 10));
		expect(files.files.size).toBe(1);
		// A crash between parts: part 1 is still from the earlier write.
		await cache.save(cached);
		expect(files.files.size).toBe(partsBefore);
		files.files.set(cardCachePartName(1), stalePart1);
		const loaded = await new CardCache(files, KEY, 16 * 1024).load();
		expect(loaded.complete).toBe(false);
		expect(loaded.problems).toContain('card-index-1.json: from another write');
	});

	test('a read that fails counts as a missing part', async () => {
		const { cached } = indexed(5);
		const files = new MapFiles();
		await new CardCache(files, KEY).save(cached);
		files.read = () => Promise.reject(new Error('EIO'));
		const loaded = await new CardCache(files, KEY).load();
		expect(loaded.notes.size).toBe(0);
		expect(loaded.problems.join()).toContain('EIO');
	});
});

describe('planRefresh', () => {
	const note = (file: string, mtime: number, size: number): CachedNote => ({ file, mtime, size, tags: [], optedOut: false, ids: ['h-0000000000a'], identities: [1], lines: [1] });
	const cached = new Map<string, CachedNote>(
		[note('same.md', 1, 10), note('edited.md', 1, 10), note('touched.md', 1, 10), note('gone.md', 5, 50), note('old name.md', 7, 70), note('twin a.md', 9, 90), note('twin b.md', 9, 90)].map((n) => [n.file, n]),
	);

	test('sorts the vault into unchanged, changed (mtime or size), added, removed and moved notes', () => {
		const plan = planRefresh(cached, [
			{ file: 'same.md', mtime: 1, size: 10 },
			{ file: 'edited.md', mtime: 1, size: 11 },
			{ file: 'touched.md', mtime: 2, size: 10 },
			{ file: 'new.md', mtime: 3, size: 30 },
			{ file: 'folder/new name.md', mtime: 7, size: 70 },
			{ file: 'twin c.md', mtime: 9, size: 90 },
		]);
		expect(plan.unchanged.map((n) => n.file)).toEqual(['same.md']);
		expect(plan.changed.map((c) => c.note.file)).toEqual(['edited.md', 'touched.md']);
		expect(plan.added.map((n) => n.file)).toEqual(['new.md', 'twin c.md']);
		// Two gone notes share twin c's stamp: which one it was is unknown, so neither is paired.
		expect(plan.removed.map((n) => n.file).sort()).toEqual(['gone.md', 'twin a.md', 'twin b.md']);
		expect(plan.moved.map((m) => [m.cached.file, m.note.file])).toEqual([['old name.md', 'folder/new name.md']]);
	});
});

describe('EXTRACTOR_VERSION', () => {
	/**
	 * A tripwire: when extraction gives other cards for the study note fixture, persisted indexes
	 * written by the previous version are wrong, so EXTRACTOR_VERSION must go up with the change.
	 * Update both values below together.
	 */
	test('goes up whenever the extractor makes other cards', () => {
		const text = readFileSync(join(__dirname, 'fixtures/study-note-ko.md'), 'utf8');
		const note = extractNote('Study/note.md', text, DEFAULT_CARD_SETTINGS, { topologyCards: null });
		const print = contentHash(JSON.stringify(note.cards.map((c) => [c.id, c.line, c.kind, c.front, c.back, c.context])), JSON.stringify(note.tags));
		expect({ version: EXTRACTOR_VERSION, cards: print }).toEqual({ version: 2, cards: FINGERPRINT });
	});
});
