/**
 * The settings store on its own: saves queue behind each other, and a synced file is merged with
 * what this device has not saved yet (issue 11, item 7).
 */
import { DEFAULT_SETTINGS, readSettings } from '../../../src/plugin/settings';
import { mergeSettings } from '../../../src/plugin/settings/merge';
import { SettingsStore } from '../../../src/plugin/settings/store';

function memoryIo(initial: unknown = null) {
	const io = {
		disk: initial === null ? null : JSON.stringify(initial),
		writes: [] as string[],
		hold: null as Promise<void> | null,
		async load() {
			return io.disk === null ? null : JSON.parse(io.disk);
		},
		async save(data: unknown) {
			const text = JSON.stringify(data);
			io.writes.push(text);
			if (io.hold) await io.hold;
			io.disk = text;
		},
	};
	return io;
}

const settingsWith = (change: (s: typeof DEFAULT_SETTINGS) => void) => {
	const s = readSettings(null);
	change(s);
	return s;
};

describe('SettingsStore', () => {
	test('a save asked for while another is writing waits for it, and writes the settings as they are then', async () => {
		const io = memoryIo();
		const store = new SettingsStore(io);
		await store.load();
		let release!: () => void;
		io.hold = new Promise((r) => (release = r));
		store.current.scheduling.newCardsPerDay = 1;
		const first = store.save();
		store.current.scheduling.newCardsPerDay = 2;
		const second = store.save();
		await new Promise((r) => setTimeout(r, 5));
		expect(io.writes).toHaveLength(1); // the second has not started
		io.hold = null;
		release();
		await Promise.all([first, second]);
		expect(JSON.parse(io.disk!).scheduling.newCardsPerDay).toBe(2);
	});

	test('a failed save rejects, and the next save still runs', async () => {
		const io = memoryIo();
		const store = new SettingsStore(io);
		const save = io.save;
		io.save = async () => {
			throw new Error('disk full');
		};
		await expect(store.save()).rejects.toThrow('disk full');
		io.save = save;
		store.current.showStatusBar = false;
		await store.save();
		expect(JSON.parse(io.disk!).showStatusBar).toBe(false);
	});

	test('a synced file is taken in; an edit not saved yet stays and is written over it', async () => {
		const io = memoryIo(DEFAULT_SETTINGS);
		const store = new SettingsStore(io);
		await store.load();
		const changes = jest.fn();
		store.onChange(changes);
		const sections = store.current.scan;
		store.current.scheduling.newCardsPerDay = 3; // typed, the save still waits for the pause
		io.disk = JSON.stringify(settingsWith((s) => (s.diagrams.direction = 'LR')));
		expect(await store.reloadExternal()).toBe(true);
		expect(store.current.diagrams.direction).toBe('LR');
		expect(store.current.scheduling.newCardsPerDay).toBe(3);
		expect(changes).toHaveBeenCalled();
		await new Promise((r) => setTimeout(r, 5));
		const disk = JSON.parse(io.disk);
		expect(disk.diagrams.direction).toBe('LR');
		expect(disk.scheduling.newCardsPerDay).toBe(3);
		// The settings object is the same one the features hold; its sections were replaced.
		expect(store.current.scan).not.toBe(sections);
	});

	test('its own file read back, or a file saying nothing new, changes nothing', async () => {
		const io = memoryIo(DEFAULT_SETTINGS);
		const store = new SettingsStore(io);
		await store.load();
		store.current.showStatusBar = false;
		await store.save();
		const changes = jest.fn();
		store.onChange(changes);
		expect(await store.reloadExternal()).toBe(false);
		expect(changes).not.toHaveBeenCalled();
	});

	test('a file that does not parse (caught half-written by the sync) changes nothing', async () => {
		const io = memoryIo(DEFAULT_SETTINGS);
		const store = new SettingsStore(io);
		await store.load();
		io.disk = '{"diagrams": {"direc';
		expect(await store.reloadExternal()).toBe(false);
		expect(store.current.diagrams.direction).toBe('auto');
	});

	test('a damaged or partial synced file falls back to defaults key by key, as on load', async () => {
		const io = memoryIo(DEFAULT_SETTINGS);
		const store = new SettingsStore(io);
		await store.load();
		io.disk = JSON.stringify({ scheduling: { desiredRetention: 'high', newCardsPerDay: 7 }, unknown: 1 });
		await store.reloadExternal();
		expect(store.current.scheduling.desiredRetention).toBe(0.9);
		expect(store.current.scheduling.newCardsPerDay).toBe(7);
		expect('unknown' in store.current).toBe(false);
	});
});

describe('mergeSettings', () => {
	const base = readSettings(null);
	test('each side keeps what only it changed; both changed: this device wins', () => {
		const local = settingsWith((s) => {
			s.showStatusBar = false;
			s.diagrams.direction = 'TB';
		});
		const remote = settingsWith((s) => {
			s.scan = { mode: 'folders', folders: ['AWS'], tags: [] };
			s.diagrams.direction = 'LR';
		});
		const merged = mergeSettings(base, local, remote);
		expect(merged.showStatusBar).toBe(false);
		expect(merged.scan).toEqual({ mode: 'folders', folders: ['AWS'], tags: [] });
		expect(merged.diagrams.direction).toBe('TB');
	});

	test('pinned notes of both devices are kept', () => {
		const local = settingsWith((s) => (s.pinnedNotes = ['a.md', 'b.md']));
		const remote = settingsWith((s) => (s.pinnedNotes = ['c.md', 'a.md']));
		expect(mergeSettings(settingsWith((s) => (s.pinnedNotes = ['a.md'])), local, remote).pinnedNotes).toEqual(['a.md', 'b.md', 'c.md']);
	});
});
