/** @jest-environment jsdom */
import { installDomHelpers } from '../../stand-in/dom';
import { App, mapStorage, shownNotices, type StandInStorage } from '../../stand-in/obsidian';
import { JournalStore } from '../../../src/core/srs/journal-store';
import { AdapterPersistence, pluginFolder, showJournalNotices } from '../../../src/plugin/review/review-persistence';
import { setUiLanguage } from '../../../src/plugin/i18n';

installDomHelpers(window);

const DIR = '.obsidian/plugins/cloudnotes';
const state = (due: number) => ({ due, stability: 3, difficulty: 5, elapsedDays: 0, scheduledDays: 3, learningSteps: 0, reps: 1, lapses: 0, state: 'review' as const });
const log = (cardId: string, time: number) => ({ cardId, time, rating: 'good' as const, state: 'new' as const, elapsedDays: 0, scheduledDays: 0, due: time, stability: 0, difficulty: 0 });

function setup(): { storage: StandInStorage; app: App; persistence: AdapterPersistence } {
	const storage = mapStorage();
	const app = new App(storage);
	return { storage, app, persistence: new AdapterPersistence(app as never, DIR) };
}

beforeEach(() => setUiLanguage('en', 'en'));

describe('review files over the adapter, in the plugin folder', () => {
	test('the plugin folder comes from the manifest, with the usual place as fallback', () => {
		const { app } = setup();
		expect(pluginFolder(app as never, { id: 'cloudnotes', dir: 'x/y' } as never)).toBe('x/y');
		expect(pluginFolder(app as never, { id: 'cloudnotes' } as never)).toBe('.obsidian/plugins/cloudnotes');
	});

	test('a missing file reads as null; written text reads back from <plugin folder>/<name>', async () => {
		const { app, persistence, storage } = setup();
		expect(await persistence.read('reviews.json')).toBeNull();
		await persistence.write('reviews.json', '{"a":1}');
		expect(await persistence.read('reviews.json')).toBe('{"a":1}');
		expect(await app.vault.adapter.read(`${DIR}/reviews.json`)).toBe('{"a":1}');
		// Not a vault note: the Vault API does not see it.
		expect(app.vault.getAbstractFileByPath(`${DIR}/reviews.json`)).toBeNull();
		expect(storage.keys()).toEqual([`adapter:${DIR}/reviews.json`]);
	});

	test('a journal written over the adapter opens again with its states and log', async () => {
		const { persistence, storage } = setup();
		const store = await JournalStore.open(persistence, { device: 'laptop' });
		store.record('card-1', state(1_800_000_000_000), log('card-1', 1_700_000_000_000));
		await store.flush();
		expect(storage.keys().some((k) => k.startsWith(`adapter:${DIR}/reviews/laptop.`))).toBe(true);
		const again = await JournalStore.open(persistence, { device: 'laptop' });
		expect(again.notices).toEqual([]);
		expect(again.stateOf('card-1')?.due).toBe(1_800_000_000_000);
		expect(again.log()).toHaveLength(1);
	});

	test('an append cut off half-way by the adapter keeps the history before it, and the Notice names the file', async () => {
		const { app, persistence } = setup();
		const describeFile = (name: string) => persistence.pathOf(name);
		const store = await JournalStore.open(persistence, { device: 'laptop', describeFile });
		store.record('card-1', state(1), log('card-1', 1));
		await store.flush();
		store.record('card-2', state(2), log('card-2', 2));
		await store.flush();
		// The next append dies after 20 characters of its line.
		app.vault.adapter.faults.beforeWrite = (path) => (path.includes('/reviews/') ? 20 : undefined);
		store.record('card-3', state(3), log('card-3', 3));
		await expect(store.flush()).rejects.toThrow(/interrupted/);
		app.vault.adapter.faults = {};

		const reopened = await JournalStore.open(persistence, { device: 'laptop', describeFile });
		expect(reopened.stateOf('card-1')).toBeDefined();
		expect(reopened.stateOf('card-2')).toBeDefined();
		expect(reopened.stateOf('card-3')).toBeUndefined();

		shownNotices.length = 0;
		showJournalNotices(reopened.notices);
		expect(shownNotices).toHaveLength(1);
		expect(shownNotices[0]).toContain('Cloudnotes: a problem with the review history');
		expect(shownNotices[0]).toContain(`${DIR}/reviews/laptop.000001.jsonl`);
	});

	test('a read that fails is reported, not taken for a missing file', async () => {
		const { app, persistence } = setup();
		await persistence.write('reviews.json', 'x');
		const read = jest.spyOn(app.vault.adapter, 'read').mockRejectedValueOnce(new Error('EACCES'));
		await expect(persistence.read('reviews.json')).rejects.toThrow('EACCES');
		read.mockRestore();
	});
});
