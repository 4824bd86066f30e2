/** @jest-environment jsdom */
/**
 * Settings on several devices (issue 11, item 7): a data.json that a sync brings is read in
 * (Obsidian calls onExternalSettingsChange), the features and an open tab follow it, and the
 * next local save keeps it; saves land in the order they were asked for, even on a slow disk.
 */
import { installDomHelpers } from '../../stand-in/dom';
import { openSettingTab } from '../../stand-in/obsidian';
import { DATA, isOn, row, startPlugin, statusEl, stored, syncFromOtherDevice, waitFor } from './plugin-settings';

installDomHelpers(window);

describe('settings synced from another device', () => {
	test('a synced data.json is read in: the index follows its scan scope, and the next local save keeps it', async () => {
		const { app, plugin, storage } = await startPlugin();
		await plugin.saveSettings(); // this device has written its data.json once
		app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '3');

		// The phone narrowed the scan to #docker and hid lint results; sync writes its data.json here.
		await syncFromOtherDevice(app, (data) => {
			data.scan = { mode: 'tags', folders: [], tags: ['docker'] };
			data.diagrams.showLint = false;
		});
		await waitFor(() => statusEl()?.getAttribute('data-due') === '1');
		expect(plugin.settings.scan.tags).toEqual(['docker']);

		// A local change afterwards is saved over the synced settings, not instead of them.
		plugin.settings.scheduling.newCardsPerDay = 5;
		await plugin.saveSettings();
		const saved = stored(storage);
		expect(saved.scan).toEqual({ mode: 'tags', folders: [], tags: ['docker'] });
		expect(saved.diagrams.showLint).toBe(false);
		expect(saved.scheduling.newCardsPerDay).toBe(5);
		plugin.unload();
	});

	test('a pin made on this device survives a synced file from a device that had not seen it yet', async () => {
		const { app, plugin, storage } = await startPlugin();
		await plugin.saveSettings();
		// The phone pinned one note and wrote its file before this device's pin reached it.
		const phoneFile = stored(storage);
		phoneFile.pinnedNotes = ['Docker/Images.md'];
		plugin.settings.pinnedNotes = ['AWS/VPC.md'];
		await plugin.saveSettings();
		await syncFromOtherDevice(app, (data) => Object.assign(data, phoneFile));
		await waitFor(() => plugin.settings.pinnedNotes.length === 2);
		expect(plugin.settings.pinnedNotes).toEqual(['AWS/VPC.md', 'Docker/Images.md']);
		// The merged list is written back, so the phone gets this device's pin too.
		await waitFor(() => stored(storage).pinnedNotes.length === 2);
		plugin.unload();
	});

	test('an open settings tab (before 1.13) shows the synced values', async () => {
		const { app, plugin } = await startPlugin();
		await plugin.saveSettings();
		const tab = app.settingTabs[0];
		document.body.appendChild(tab.containerEl);
		openSettingTab(tab);
		expect(isOn(row(tab.containerEl, 'Show lint results'))).toBe(true);
		await syncFromOtherDevice(app, (data) => (data.diagrams.showLint = false));
		await waitFor(() => !isOn(row(tab.containerEl, 'Show lint results')));
		plugin.unload();
	});

	test('the plugin\'s own saves do not count as a sync', async () => {
		const { plugin } = await startPlugin();
		const reload = jest.spyOn(plugin, 'onExternalSettingsChange');
		plugin.settings.showStatusBar = false;
		await plugin.saveSettings();
		await new Promise((r) => setTimeout(r, 20));
		expect(reload).not.toHaveBeenCalled();
		plugin.unload();
	});
});

describe('settings saves', () => {
	test('land in the order they were made, even when the first write is slow', async () => {
		const { app, plugin, storage } = await startPlugin();
		let release!: () => void;
		const slow = new Promise<void>((r) => (release = r));
		let writes = 0;
		app.vault.adapter.faults.delayWrite = (path) => (path === DATA && writes++ === 0 ? slow : undefined);

		plugin.settings.diagrams.autoDrawLimit = 5;
		const first = plugin.saveSettings();
		plugin.settings.diagrams.autoDrawLimit = 7;
		const second = plugin.saveSettings();
		await new Promise((r) => setTimeout(r, 10));
		release();
		await Promise.all([first, second]);
		await new Promise((r) => setTimeout(r, 10));
		expect(stored(storage).diagrams.autoDrawLimit).toBe(7);
		expect(plugin.settings.diagrams.autoDrawLimit).toBe(7);
		plugin.unload();
	});
});
