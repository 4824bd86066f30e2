/** @jest-environment jsdom */
import { installDomHelpers } from '../../stand-in/dom';
import { App, Component, mapStorage } from '../../stand-in/obsidian';
import { DEFAULT_CARD_SETTINGS, extractNote } from '../../../src/core/cards';
import { MemoryPersistence, type CardState } from '../../../src/core/srs';
import { JournalStore } from '../../../src/core/srs/journal-store';
import { CardIndexService } from '../../../src/plugin/review/card-index-service';
import type { ScanScope } from '../../../src/plugin/settings';

installDomHelpers(window);

const NOW = Date.UTC(2026, 0, 10, 9);
const VPC = '# VPC\n\n## Subnet\n\nA range of addresses.\n\n## NAT gateway\n\nLets private subnets reach out.\n';
const DOCKER = '---\ntags: [docker]\n---\n# Docker\n\n**Image** : a read-only template\n';
const PLAIN = '# Diary\n\n## Monday\n\nNothing to learn.\n';

function reviewed(due: number): CardState {
	return { due, stability: 3, difficulty: 5, elapsedDays: 0, scheduledDays: 3, learningSteps: 0, reps: 1, lapses: 0, state: 'review', lastReview: NOW - 86_400_000 };
}

async function setup(scope: ScanScope = { mode: 'all', folders: [], tags: [] }) {
	const storage = mapStorage({ 'vault:AWS/VPC.md': VPC, 'vault:Labs/Docker.md': DOCKER, 'vault:Diary.md': PLAIN, 'vault:image.png': 'png' });
	const app = new App(storage);
	const owner = new Component();
	owner.load();
	const store = await JournalStore.open(new MemoryPersistence(), { device: 'laptop', now: () => NOW });
	const service = new CardIndexService(app as never, owner as never, {
		cardSettings: DEFAULT_CARD_SETTINGS,
		scope,
		store: () => store,
		now: () => NOW,
		reconcileDelayMs: 10_000,
	});
	return { app, owner, store, service };
}

const fronts = (service: CardIndexService, file: string) => service.index.inFile(file).map((c) => c.front);

describe('the vault card index', () => {
	test('is built from every Markdown note in scope, and only then counts as ready', async () => {
		const { service } = await setup();
		expect(service.isReady).toBe(false);
		const done = service.start();
		await done;
		expect(service.isReady).toBe(true);
		expect(service.index.files().sort()).toEqual(['AWS/VPC.md', 'Diary.md', 'Labs/Docker.md']);
		expect(fronts(service, 'AWS/VPC.md')).toEqual(['Subnet', 'NAT gateway']);
		expect(fronts(service, 'Labs/Docker.md')).toEqual(['Docker', 'Image']);
		// The same cards the command line gets from the same text.
		expect(service.index.inFile('AWS/VPC.md').map((c) => c.id)).toEqual(extractNote('AWS/VPC.md', VPC).cards.map((c) => c.id));
	});

	test('folder scope indexes only notes under the folders', async () => {
		const { service } = await setup({ mode: 'folders', folders: ['AWS/'], tags: [] });
		await service.start();
		expect(service.index.files()).toEqual(['AWS/VPC.md']);
	});

	test('tag scope indexes only notes with the tag (nested tags count)', async () => {
		const { app, service } = await setup({ mode: 'tags', folders: [], tags: ['#Docker'] });
		await service.start();
		expect(service.index.files()).toEqual(['Labs/Docker.md']);
		await app.vault.create('Labs/Compose.md', '---\ntags: [docker/compose]\n---\n## Compose\n\nMany containers.\n');
		await service.whenIdle();
		expect(service.index.files().sort()).toEqual(['Labs/Compose.md', 'Labs/Docker.md']);
		// Removing the tag takes the note out of the index.
		await app.vault.modify(app.vault.getFileByPath('Labs/Docker.md')!, '# Docker\n\n**Image** : a template\n');
		await service.whenIdle();
		expect(service.index.files()).toEqual(['Labs/Compose.md']);
	});

	test('modify re-indexes the note and tells listeners', async () => {
		const { app, service } = await setup();
		await service.start();
		const changes = jest.fn();
		service.onChange(changes);
		const subnetId = service.index.inFile('AWS/VPC.md')[0].id;
		await app.vault.modify(app.vault.getFileByPath('AWS/VPC.md')!, VPC + '\n## Route table\n\nWhere traffic goes.\n');
		await service.whenIdle();
		expect(fronts(service, 'AWS/VPC.md')).toEqual(['Subnet', 'NAT gateway', 'Route table']);
		expect(service.index.inFile('AWS/VPC.md')[0].id).toBe(subnetId);
		expect(changes).toHaveBeenCalled();
	});

	test('rename moves the cards to new ids and carries their review states along', async () => {
		const { app, store, service } = await setup();
		await service.start();
		const [subnet, nat] = service.index.inFile('AWS/VPC.md');
		store.record(subnet.id, reviewed(NOW + 5 * 86_400_000), { cardId: subnet.id, time: NOW - 86_400_000, rating: 'good', state: 'new', elapsedDays: 0, scheduledDays: 0, due: NOW, stability: 0, difficulty: 0 });

		await app.vault.rename(app.vault.getFileByPath('AWS/VPC.md')!, 'Networking/Amazon VPC.md');
		await service.whenIdle();

		expect(service.index.inFile('AWS/VPC.md')).toEqual([]);
		const moved = service.index.inFile('Networking/Amazon VPC.md');
		expect(moved.map((c) => c.front)).toEqual(['Subnet', 'NAT gateway']);
		expect(moved[0].id).not.toBe(subnet.id);
		expect(moved.map((c) => c.id)).toEqual(extractNote('Networking/Amazon VPC.md', VPC).cards.map((c) => c.id));
		expect(service.index.byId(subnet.id)).toBeUndefined();
		expect(service.index.byId(nat.id)).toBeUndefined();
		expect(store.stateOf(subnet.id)).toBeUndefined();
		expect(store.stateOf(moved[0].id)?.due).toBe(NOW + 5 * 86_400_000);
		expect(store.log()[0].cardId).toBe(moved[0].id);
	});

	test('delete drops the note; reconcile orphans its states, and they revive when the card returns', async () => {
		const { app, store, service } = await setup();
		await service.start();
		const subnet = service.index.inFile('AWS/VPC.md')[0];
		store.record(subnet.id, reviewed(NOW + 86_400_000), { cardId: subnet.id, time: NOW, rating: 'good', state: 'new', elapsedDays: 0, scheduledDays: 0, due: NOW, stability: 0, difficulty: 0 });

		await app.vault.delete(app.vault.getFileByPath('AWS/VPC.md')!);
		await service.whenIdle();
		expect(service.index.inFile('AWS/VPC.md')).toEqual([]);
		service.reconcileNow();
		expect(store.orphans().get(subnet.id)).toBe(NOW);
		// Kept, not deleted: the undo of a deletion brings the history back.
		expect(store.stateOf(subnet.id)).toBeDefined();

		await app.vault.create('AWS/VPC.md', VPC);
		await service.whenIdle();
		service.reconcileNow();
		expect(store.orphans().has(subnet.id)).toBe(false);
		expect(store.stateOf(subnet.id)?.due).toBe(NOW + 86_400_000);
	});

	test('changes are reconciled by themselves once they settle', async () => {
		const { app, store, service } = await setup();
		jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
		try {
			await service.start();
			const subnet = service.index.inFile('AWS/VPC.md')[0];
			store.record(subnet.id, reviewed(NOW + 86_400_000), { cardId: subnet.id, time: NOW, rating: 'good', state: 'new', elapsedDays: 0, scheduledDays: 0, due: NOW, stability: 0, difficulty: 0 });
			await app.vault.modify(app.vault.getFileByPath('AWS/VPC.md')!, '# VPC\n\n## NAT gateway\n\nOnly this.\n');
			await service.whenIdle();
			expect(store.orphans().has(subnet.id)).toBe(false);
			jest.advanceTimersByTime(10_000);
			expect(store.orphans().has(subnet.id)).toBe(true);
		} finally {
			jest.useRealTimers();
		}
	});

	test('review of a note out of scope extracts its cards on the fly', async () => {
		const { app, service } = await setup({ mode: 'folders', folders: ['AWS'], tags: [] });
		await service.start();
		const cards = await service.cardsOfNote(app.vault.getFileByPath('Labs/Docker.md') as never);
		expect(cards.map((c) => c.front)).toEqual(['Docker', 'Image']);
		expect(service.index.files()).toEqual(['AWS/VPC.md']);
	});

	test('new scope or card settings rebuild the index', async () => {
		const { service } = await setup();
		await service.start();
		await service.reconfigure({ ...DEFAULT_CARD_SETTINGS, sources: { ...DEFAULT_CARD_SETTINGS.sources, heading: false } }, { mode: 'folders', folders: ['Labs'], tags: [] });
		expect(service.index.files()).toEqual(['Labs/Docker.md']);
		expect(fronts(service, 'Labs/Docker.md')).toEqual(['Image']);
	});

	test('stops listening when its owner unloads', async () => {
		const { app, owner, service } = await setup();
		await service.start();
		const before = app.vault.listenerCount();
		expect(before).toBe(4);
		owner.unload();
		expect(app.vault.listenerCount()).toBe(0);
		await app.vault.modify(app.vault.getFileByPath('AWS/VPC.md')!, '# VPC\n');
		await service.whenIdle();
		expect(fronts(service, 'AWS/VPC.md')).toEqual(['Subnet', 'NAT gateway']);
	});
});
