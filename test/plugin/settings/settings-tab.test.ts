/** @jest-environment jsdom */
/**
 * The settings tab on both kinds of Obsidian: before 1.13 it is drawn by display(); from 1.13 on,
 * Obsidian draws it from getSettingDefinitions() (and finds it in its settings search), reading
 * and writing through getControlValue / setControlValue. Same rows, same saves (issue 11, item 7).
 */
import { installDomHelpers } from '../../stand-in/dom';
import { openSettingTab, setStandInApiVersion, type PluginSettingTab } from '../../stand-in/obsidian';
import { isOn, row, startPlugin, stored, syncFromOtherDevice, visibleRowNames, waitFor } from './plugin-settings';

installDomHelpers(window);

afterEach(() => setStandInApiVersion('1.8.7'));

const ROWS = [
	'Language',
	'Due count in the status bar',
	'Notes to scan',
	'Make cards from',
	'Cards',
	'Headings',
	'Callouts',
	'Definition quotes',
	'Bold-term definitions',
	'Topology blocks',
	'Spaced Repetition syntax',
	'Occlusion cards',
	'Trace drills',
	'Cards per topology block',
	'Heading levels',
	'Callout types to include',
	'Callout types to exclude',
	'Scheduling',
	'Desired retention',
	'Maximum interval',
	'New cards per day',
	'Reviews per day',
	'Diagrams',
	'Diagram direction',
	'Draw automatically up to',
	'Icons',
	'Show lint results',
];

function open(tab: PluginSettingTab): HTMLElement {
	document.body.appendChild(tab.containerEl);
	openSettingTab(tab);
	return tab.containerEl;
}

function input(el: HTMLElement, value: string): void {
	const field = el.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')!;
	field.value = value;
	field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
}

/** Every name in the definitions, groups' headings included: what Obsidian's settings search indexes. */
function definitionNames(items: any[]): string[] {
	return items.flatMap((item) => (item.type ? [item.heading, ...definitionNames(item.items ?? [])] : [item.name]));
}

describe('the settings tab before Obsidian 1.13', () => {
	test('display() draws every row in order, and rows follow the scan mode', async () => {
		const { app, plugin, storage } = await startPlugin();
		const tab = app.settingTabs[0];
		expect(tab.getSettingDefinitions()).toEqual([]);
		const el = open(tab);
		expect(visibleRowNames(el)).toEqual(ROWS);
		input(row(el, 'Make cards from'), 'folders');
		await waitFor(() => visibleRowNames(el).includes('Folders'));
		expect(stored(storage).scan.mode).toBe('folders');
		input(row(el, 'Maximum interval'), '0');
		expect(row(el, 'Maximum interval').querySelector('input')!.classList.contains('cloudnotes-invalid')).toBe(true);
		tab.hide();
		await waitFor(() => stored(storage).scan.mode === 'folders');
		expect(plugin.settings.scheduling.maximumInterval).toBe(36500);
		plugin.unload();
	});
});

describe('the settings tab on Obsidian 1.13', () => {
	beforeEach(() => setStandInApiVersion('1.13.0'));

	test('describes every row declaratively, so settings search finds them, and display() is not used', async () => {
		const { app, plugin } = await startPlugin();
		const tab = app.settingTabs[0];
		// Read when the tab was added: what the settings search indexes.
		expect(definitionNames(tab.settingItems)).toEqual([...ROWS.slice(0, 4), 'Folders', 'Tags', ...ROWS.slice(4)]);
		const display = jest.spyOn(tab, 'display');
		const el = open(tab);
		expect(display).not.toHaveBeenCalled();
		expect(visibleRowNames(el)).toEqual(ROWS);
		expect(el.classList.contains('cloudnotes-settings')).toBe(true);
		plugin.unload();
	});

	test('a change is saved through setControlValue; the scan mode shows the folder list; a bad number is refused with a message', async () => {
		const { app, plugin, storage } = await startPlugin();
		const el = open(app.settingTabs[0]);
		row(el, 'Show lint results').querySelector<HTMLElement>('.checkbox-container')!.click();
		await waitFor(() => stored(storage)?.diagrams.showLint === false);

		input(row(el, 'Make cards from'), 'folders');
		await waitFor(() => visibleRowNames(el).includes('Folders'));
		input(row(el, 'Folders'), 'Courses/AWS\nLabs/');
		await waitFor(() => JSON.stringify(stored(storage).scan.folders) === '["Courses/AWS","Labs"]');

		input(row(el, 'Maximum interval'), '0');
		await waitFor(() => row(el, 'Maximum interval').querySelector('.setting-item-error')!.textContent === 'A whole number from 1 to 36500.');
		expect(plugin.settings.scheduling.maximumInterval).toBe(36500);
		input(row(el, 'Maximum interval'), '365');
		await waitFor(() => plugin.settings.scheduling.maximumInterval === 365);

		const slider = row(el, 'Desired retention');
		input(slider, '0.85');
		await waitFor(() => slider.textContent.endsWith('0.85'));
		expect(plugin.settings.scheduling.desiredRetention).toBe(0.85);
		plugin.unload();
	});

	test('choosing Korean redraws the rows in Korean', async () => {
		const { app, plugin } = await startPlugin();
		const el = open(app.settingTabs[0]);
		input(row(el, 'Language'), 'ko');
		await waitFor(() => !visibleRowNames(el).includes('Show lint results'));
		expect(visibleRowNames(el)).not.toContain('Language');
		expect(plugin.settings.language).toBe('ko');
		plugin.unload();
	});

	test('an open tab shows settings synced from another device', async () => {
		const { app, plugin } = await startPlugin();
		await plugin.saveSettings();
		const el = open(app.settingTabs[0]);
		expect(isOn(row(el, 'Show lint results'))).toBe(true);
		await syncFromOtherDevice(app, (data) => (data.diagrams.showLint = false));
		await waitFor(() => !isOn(row(el, 'Show lint results')));
		plugin.unload();
	});
});
