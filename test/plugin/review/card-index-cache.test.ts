/** @jest-environment jsdom */
/**
 * The vault index across restarts with its persisted copy in the plugin folder: what a start
 * reads, what it trusts, and that the cache never touches review history.
 */
import { installDomHelpers } from '../../stand-in/dom';
import { App, Component, mapStorage, standInCounters, type StandInStorage } from '../../stand-in/obsidian';
import { DEFAULT_CARD_SETTINGS, extractNote, type CardSettings } from '../../../src/core/cards';
import { cardCachePartName } from '../../../src/core/cards/card-cache';
import { MemoryPersistence, type CardState } from '../../../src/core/srs';
import { JournalStore } from '../../../src/core/srs/journal-store';
import { AdapterCacheFiles } from '../../../src/plugin/review/card-cache-files';
import { CardIndexService } from '../../../src/plugin/review/card-index-service';
import type { ScanScope } from '../../../src/plugin/settings';

installDomHelpers(window);

const NOW = Date.UTC(2026, 0, 10, 9);
const FOLDER = '.obsidian/plugins/cloudnotes';
const ALL: ScanScope = { mode: 'all', folders: [], tags: [] };
const VPC = '# VPC\n\n## Subnet\n\nA range of addresses.\n\n## NAT gateway\n\nLets private subnets reach out.\n';
const DOCKER = '---\ntags: [docker]\n---\n# Docker\n\n**Image** : a read-only template\n';
const PLAIN = '# Diary\n\n## Monday\n\nNothing to learn.\n';
const OFF = '---\ncards: false\n---\n## Hidden\n\nNot a card.\n';

function reviewed(due: number): CardState {
	return { due, stability: 3, difficulty: 5, elapsedDays: 0, scheduledDays: 3, learningSteps: 0, reps: 1, lapses: 0, state: 'review', lastReview: NOW - 86_400_000 };
}

function vault(): StandInStorage {
	return mapStorage({ 'vault:AWS/VPC.md': VPC, 'vault:Labs/Docker.md': DOCKER, 'vault:Diary.md': PLAIN, 'vault:Off.md': OFF, 'vault:image.png': 'png' });
}

/** One run of the app: the vault and plugin folder in `storage`, review history in `reviews`. */
async function run(storage: StandInStorage, reviews: MemoryPersistence, options: { scope?: ScanScope; cardSettings?: CardSettings; pinned?: string[] } = {}) {
	const app = new App(storage);
	const owner = new Component();
	owner.load();
	const store = await JournalStore.open(reviews, { device: 'laptop', now: () => NOW });
	const service = new CardIndexService(app as never, owner as never, {
		cardSettings: options.cardSettings ?? DEFAULT_CARD_SETTINGS,
		scope: options.scope ?? ALL,
		store: () => store,
		now: () => NOW,
		pinned: () => options.pinned ?? [],
		reconcileDelayMs: 60_000,
		saveDelayMs: 60_000,
		cache: new AdapterCacheFiles(app as never, FOLDER),
	});
	const readsBefore = standInCounters.reads;
	const readNotes: string[] = [];
	const cachedRead = app.vault.cachedRead.bind(app.vault);
	app.vault.cachedRead = (file) => {
		readNotes.push(file.path);
		return cachedRead(file);
	};
	/** Ends the run as quitting the app does: the index saves what changed, the store flushes. */
	const quit = async () => {
		await service.whenIdle();
		await service.saveNow();
		owner.unload();
		await store.flush();
	};
	return { app, owner, store, service, readNotes, reads: () => standInCounters.reads - readsBefore, quit };
}

const ids = (file: string, text: string) => extractNote(file, text).cards.map((c) => c.id);

/** Writes a note as another app or a sync would while Obsidian is closed: new text and mtime. */
function changeWhileClosed(storage: StandInStorage, path: string, text: string): void {
	storage.set('vault:' + path, text);
	storage.set('mtime:' + path, String(Number(storage.get('mtime:' + path) ?? 0) + 60_000));
}

describe('the persisted card index', () => {
	test('a start with nothing changed reads no note, and counts are there before the build ends', async () => {
		const storage = vault();
		const reviews = new MemoryPersistence();
		const first = await run(storage, reviews);
		await first.service.start();
		expect(first.readNotes.sort()).toEqual(['AWS/VPC.md', 'Diary.md', 'Labs/Docker.md', 'Off.md']);
		const allIds = [...first.service.index.ids()].sort();
		await first.quit();
		expect(storage.get(`adapter:${FOLDER}/${cardCachePartName(0)}`)).not.toBeNull();

		const second = await run(storage, reviews);
		const built = second.service.start();
		await second.service.usable;
		expect([...second.service.index.ids()].sort()).toEqual(allIds);
		await built;
		expect(second.readNotes).toEqual([]);
		// The cache's one part, read through the adapter.
		expect(second.reads()).toBe(1);
		expect(second.service.index.isOptedOut('Off.md')).toBe(true);
		expect(second.service.index.tagsOf('Labs/Docker.md')).toEqual(['docker']);

		// A review reads the notes of the cards it shows, and only those.
		const refs = second.service.index.refsInFile('AWS/VPC.md');
		const cards = await second.service.loadCards(refs);
		expect(cards.map((c) => [c.id, c.front])).toEqual([
			[ids('AWS/VPC.md', VPC)[0], 'Subnet'],
			[ids('AWS/VPC.md', VPC)[1], 'NAT gateway'],
		]);
		expect(cards[0].back).toContain('A range of addresses.');
		expect(second.readNotes).toEqual(['AWS/VPC.md']);
	});

	test('notes changed while the app was closed (mtime or size) are read again; the others are not', async () => {
		const storage = vault();
		const reviews = new MemoryPersistence();
		const first = await run(storage, reviews);
		await first.service.start();
		await first.quit();

		const edited = VPC + '\n## Route table\n\nWhere traffic goes.\n';
		changeWhileClosed(storage, 'AWS/VPC.md', edited);
		// Same size, newer mtime: still read.
		changeWhileClosed(storage, 'Diary.md', PLAIN.replace('Monday', 'Friday'));
		const second = await run(storage, reviews);
		await second.service.start();
		expect(second.readNotes.sort()).toEqual(['AWS/VPC.md', 'Diary.md']);
		expect(second.service.index.inFile('AWS/VPC.md').map((c) => c.front)).toEqual(['Subnet', 'NAT gateway', 'Route table']);
		expect(second.service.index.inFile('Diary.md').map((c) => c.front)).toEqual(['Friday']);
		await second.quit();

		// What was read is saved: the third start reads nothing.
		const third = await run(storage, reviews);
		await third.service.start();
		expect(third.readNotes).toEqual([]);
		expect([...third.service.index.ids()]).toEqual(expect.arrayContaining(ids('AWS/VPC.md', edited)));
	});

	test('notes deleted while the app was closed are dropped, and their cards become orphans, not lost', async () => {
		const storage = vault();
		const reviews = new MemoryPersistence();
		const first = await run(storage, reviews);
		await first.service.start();
		const subnet = ids('AWS/VPC.md', VPC)[0];
		first.store.record(subnet, reviewed(NOW + 86_400_000), { cardId: subnet, time: NOW, rating: 'good', state: 'new', elapsedDays: 0, scheduledDays: 0, due: NOW, stability: 0, difficulty: 0 });
		await first.quit();

		storage.delete('vault:AWS/VPC.md');
		storage.delete('mtime:AWS/VPC.md');
		const second = await run(storage, reviews);
		await second.service.start();
		expect(second.service.index.files().sort()).toEqual(['Diary.md', 'Labs/Docker.md', 'Off.md']);
		expect([...second.service.index.ids()]).not.toContain(subnet);
		second.service.reconcileNow();
		expect(second.store.orphans().has(subnet)).toBe(true);
		expect(second.store.stateOf(subnet)?.due).toBe(NOW + 86_400_000);
		await second.quit();
	});

	test('a note renamed while the app was closed keeps its cards\' history; so does one renamed in the app before it was read', async () => {
		const storage = vault();
		const reviews = new MemoryPersistence();
		const first = await run(storage, reviews);
		await first.service.start();
		const [subnet] = ids('AWS/VPC.md', VPC);
		const [image] = ids('Labs/Docker.md', DOCKER).slice(1);
		for (const id of [subnet, image]) first.store.record(id, reviewed(NOW + 3 * 86_400_000), { cardId: id, time: NOW, rating: 'good', state: 'new', elapsedDays: 0, scheduledDays: 0, due: NOW, stability: 0, difficulty: 0 });
		await first.quit();

		// Moved by the file manager while Obsidian was closed: same text, same mtime, new path.
		storage.set('vault:Networking/Amazon VPC.md', VPC);
		storage.set('mtime:Networking/Amazon VPC.md', storage.get('mtime:AWS/VPC.md')!);
		storage.delete('vault:AWS/VPC.md');
		storage.delete('mtime:AWS/VPC.md');
		const second = await run(storage, reviews);
		await second.service.start();
		expect(second.readNotes).toEqual(['Networking/Amazon VPC.md']);
		const movedSubnet = ids('Networking/Amazon VPC.md', VPC)[0];
		expect(second.store.stateOf(movedSubnet)?.due).toBe(NOW + 3 * 86_400_000);
		expect(second.store.stateOf(subnet)).toBeUndefined();

		// Renamed in the app while its cards are still the restored ones (never read this run).
		expect(second.service.index.isRestored('Labs/Docker.md')).toBe(true);
		await second.app.vault.rename(second.app.vault.getFileByPath('Labs/Docker.md')!, 'Containers/Docker.md');
		await second.service.whenIdle();
		const movedImage = ids('Containers/Docker.md', DOCKER)[1];
		expect(second.store.stateOf(movedImage)?.due).toBe(NOW + 3 * 86_400_000);
		second.service.reconcileNow();
		expect(second.store.orphans().size).toBe(0);
		await second.quit();

		const third = await run(storage, reviews);
		await third.service.start();
		expect(third.readNotes).toEqual([]);
		expect(third.service.index.files().sort()).toEqual(['Containers/Docker.md', 'Diary.md', 'Networking/Amazon VPC.md', 'Off.md']);
	});

	test('a cache written with other card settings or by an older extractor is rebuilt from the notes', async () => {
		const storage = vault();
		const reviews = new MemoryPersistence();
		const first = await run(storage, reviews);
		await first.service.start();
		await first.quit();

		const noHeadings = { ...DEFAULT_CARD_SETTINGS, sources: { ...DEFAULT_CARD_SETTINGS.sources, heading: false } };
		const second = await run(storage, reviews, { cardSettings: noHeadings });
		await second.service.start();
		expect(second.readNotes.sort()).toEqual(['AWS/VPC.md', 'Diary.md', 'Labs/Docker.md', 'Off.md']);
		expect(second.service.index.inFile('Labs/Docker.md').map((c) => c.front)).toEqual(['Image']);
		await second.quit();

		// An older extractor's cache: the same file with another version in its key.
		const part = `adapter:${FOLDER}/${cardCachePartName(0)}`;
		storage.set(part, storage.get(part)!.replace(/\\"extractor\\":\d+/, '\\"extractor\\":0'));
		const third = await run(storage, reviews, { cardSettings: noHeadings });
		await third.service.start();
		expect(third.readNotes).toHaveLength(4);
		await third.quit();

		// Settings changed while running: the next start trusts the cache written with them.
		const fourth = await run(storage, reviews, { cardSettings: noHeadings });
		await fourth.service.start();
		expect(fourth.readNotes).toEqual([]);
		await fourth.service.reconfigure(DEFAULT_CARD_SETTINGS, ALL);
		expect(fourth.readNotes).toHaveLength(4);
		expect(fourth.service.index.inFile('Labs/Docker.md').map((c) => c.front)).toEqual(['Docker', 'Image']);
		await fourth.quit();
		const fifth = await run(storage, reviews);
		await fifth.service.start();
		expect(fifth.readNotes).toEqual([]);
	});

	test('a truncated or corrupt cache is ignored and rebuilt, and review history is untouched', async () => {
		for (const damage of [(text: string) => text.slice(0, Math.floor(text.length / 2)), (text: string) => text.replace('AWS/VPC.md', 'AWS/VPD.md'), () => '{"format":1']) {
			const storage = vault();
			const reviews = new MemoryPersistence();
			const first = await run(storage, reviews);
			await first.service.start();
			const [subnet, nat] = ids('AWS/VPC.md', VPC);
			first.store.record(subnet, reviewed(NOW + 86_400_000), { cardId: subnet, time: NOW, rating: 'good', state: 'new', elapsedDays: 0, scheduledDays: 0, due: NOW, stability: 0, difficulty: 0 });
			await first.quit();
			const history = [...reviews.files.entries()];

			const part = `adapter:${FOLDER}/${cardCachePartName(0)}`;
			storage.set(part, damage(storage.get(part)!));
			const second = await run(storage, reviews);
			await second.service.start();
			expect(second.readNotes.sort()).toEqual(['AWS/VPC.md', 'Diary.md', 'Labs/Docker.md', 'Off.md']);
			expect([...second.service.index.ids()]).toEqual(expect.arrayContaining([subnet, nat]));
			second.service.reconcileNow();
			expect(second.store.orphans().size).toBe(0);
			expect(second.store.stateOf(subnet)?.due).toBe(NOW + 86_400_000);
			await second.quit();
			expect([...reviews.files.entries()]).toEqual(history);

			// Rebuilt: the next start trusts it again.
			const third = await run(storage, reviews);
			await third.service.start();
			expect(third.readNotes).toEqual([]);
		}
	});

	test('a write of the cache that dies half-way costs reads at the next start, nothing else', async () => {
		const storage = vault();
		const reviews = new MemoryPersistence();
		const first = await run(storage, reviews);
		first.app.vault.adapter.faults.beforeWrite = (path, data) => (path.includes('card-index-') ? Math.floor(data.length / 3) : undefined);
		const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
		await first.service.start();
		const [subnet] = ids('AWS/VPC.md', VPC);
		first.store.record(subnet, reviewed(NOW + 86_400_000), { cardId: subnet, time: NOW, rating: 'good', state: 'new', elapsedDays: 0, scheduledDays: 0, due: NOW, stability: 0, difficulty: 0 });
		await first.quit();
		expect(warn).toHaveBeenCalled();
		warn.mockRestore();

		const second = await run(storage, reviews);
		await second.service.start();
		expect(second.readNotes).toHaveLength(4);
		expect(second.store.stateOf(subnet)?.due).toBe(NOW + 86_400_000);
		second.service.reconcileNow();
		expect(second.store.orphans().size).toBe(0);
	});

	test('scan scope and pinned notes hold over restored notes, and a new scope needs no reads', async () => {
		const storage = vault();
		const reviews = new MemoryPersistence();
		const tags: ScanScope = { mode: 'tags', folders: [], tags: ['docker'] };
		const first = await run(storage, reviews, { scope: tags });
		await first.service.start();
		expect(first.service.index.files()).toEqual(['Labs/Docker.md']);
		await first.quit();

		// Notes outside the tag scope were read once and are known: not read at the next start.
		const second = await run(storage, reviews, { scope: tags });
		await second.service.start();
		expect(second.readNotes).toEqual([]);
		expect(second.service.index.files()).toEqual(['Labs/Docker.md']);
		await second.service.reconfigure(DEFAULT_CARD_SETTINGS, { mode: 'folders', folders: ['AWS'], tags: [] });
		expect(second.readNotes).toEqual([]);
		expect(second.service.index.files()).toEqual(['AWS/VPC.md']);
		await second.quit();

		// A pinned note outside the scope comes back from the cache too, cards and all.
		const third = await run(storage, reviews, { scope: { mode: 'folders', folders: ['AWS'], tags: [] }, pinned: ['Diary.md'] });
		await third.service.start();
		expect(third.readNotes).toEqual([]);
		expect(third.service.index.files().sort()).toEqual(['AWS/VPC.md', 'Diary.md']);
		expect(third.service.index.refsInFile('Diary.md').map((c) => c.kind)).toEqual(['heading']);
	});
});
