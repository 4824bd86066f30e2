/**
 * The flashcards' rows in the settings tab: the status bar, which notes to scan, which parts of a
 * note make cards, and scheduling. A change to the card settings or the scan scope rebuilds the
 * index (the review feature subscribes to settings changes).
 */
import { Setting } from 'obsidian';
import { t, type MessageKey } from '../i18n';
import type { CardSourceSettings, ScanScope, SchedulingSettings } from '../settings';
import { parseHeadingLevels, parseList, parseWholeNumber } from '../settings/parse';
import type { SettingsControls, SettingsSection } from '../settings/section';
import { calloutTypeName } from './core-settings';
import { folderKey, tagKey } from './scan-scope';

const SOURCES: { key: keyof Pick<CardSourceSettings, 'heading' | 'callout' | 'quote' | 'definition' | 'topology'>; name: MessageKey; desc: MessageKey }[] = [
	{ key: 'heading', name: 'settings.sources.heading', desc: 'settings.sources.heading.desc' },
	{ key: 'callout', name: 'settings.sources.callout', desc: 'settings.sources.callout.desc' },
	{ key: 'quote', name: 'settings.sources.quote', desc: 'settings.sources.quote.desc' },
	{ key: 'definition', name: 'settings.sources.definition', desc: 'settings.sources.definition.desc' },
	{ key: 'topology', name: 'settings.sources.topology', desc: 'settings.sources.topology.desc' },
];

export const reviewSettings: SettingsSection = {
	display(containerEl, controls) {
		const settings = controls.settings;
		new Setting(containerEl)
			.setName(t('settings.statusBar'))
			.setDesc(t('settings.statusBar.desc'))
			.addToggle((toggle) =>
				toggle.setValue(settings.showStatusBar).onChange(async (value) => {
					settings.showStatusBar = value;
					await controls.saveNow();
				}),
			);
		displayScope(containerEl, settings.scan, controls);
		displaySources(containerEl, settings.cards, controls);
		displayScheduling(containerEl, settings.scheduling, controls);
	},
};

function displayScope(containerEl: HTMLElement, scan: ScanScope, controls: SettingsControls): void {
	new Setting(containerEl).setName(t('settings.scope.heading')).setHeading();
	new Setting(containerEl)
		.setName(t('settings.scope.mode'))
		.setDesc(t('settings.scope.mode.desc'))
		.addDropdown((dropdown) =>
			dropdown
				.addOptions({ all: t('settings.scope.all'), folders: t('settings.scope.folders'), tags: t('settings.scope.tags') })
				.setValue(scan.mode)
				.onChange(async (value) => {
					scan.mode = value as ScanScope['mode'];
					await controls.saveNow();
					controls.redraw();
				}),
		);
	if (scan.mode === 'folders') {
		new Setting(containerEl)
			.setName(t('settings.scope.folderList'))
			.setDesc(t('settings.scope.folderList.desc'))
			.addTextArea((text) =>
				text
					.setPlaceholder(t('settings.scope.folderList.placeholder'))
					.setValue(scan.folders.join('\n'))
					.onChange((value) => {
						scan.folders = parseList(value).map(folderKey).filter((f) => f.length > 0);
						controls.saveSoon();
					}),
			);
	}
	if (scan.mode === 'tags') {
		new Setting(containerEl)
			.setName(t('settings.scope.tagList'))
			.setDesc(t('settings.scope.tagList.desc'))
			.addTextArea((text) =>
				text
					.setPlaceholder(t('settings.scope.tagList.placeholder'))
					.setValue(scan.tags.join('\n'))
					.onChange((value) => {
						scan.tags = parseList(value).map(tagKey).filter((tag) => tag.length > 0);
						controls.saveSoon();
					}),
			);
	}
}

function displaySources(containerEl: HTMLElement, cards: CardSourceSettings, controls: SettingsControls): void {
	new Setting(containerEl).setName(t('settings.sources.heading.section')).setHeading();
	for (const source of SOURCES) {
		new Setting(containerEl)
			.setName(t(source.name))
			.setDesc(t(source.desc))
			.addToggle((toggle) =>
				toggle.setValue(cards[source.key]).onChange(async (value) => {
					cards[source.key] = value;
					await controls.saveNow();
				}),
			);
	}
	new Setting(containerEl)
		.setName(t('settings.sources.levels'))
		.setDesc(t('settings.sources.levels.desc'))
		.addText((text) =>
			text
				.setPlaceholder('1, 2, 3, 4, 5, 6')
				.setValue(cards.headingLevels.join(', '))
				.onChange((value) => {
					cards.headingLevels = parseHeadingLevels(value);
					controls.saveSoon();
				}),
		);
	new Setting(containerEl)
		.setName(t('settings.sources.calloutInclude'))
		.setDesc(t('settings.sources.calloutInclude.desc'))
		.addText((text) =>
			text
				.setPlaceholder(t('settings.sources.calloutInclude.placeholder'))
				.setValue(cards.calloutInclude.join(', '))
				.onChange((value) => {
					cards.calloutInclude = parseList(value).map(calloutTypeName);
					controls.saveSoon();
				}),
		);
	new Setting(containerEl)
		.setName(t('settings.sources.calloutExclude'))
		.setDesc(t('settings.sources.calloutExclude.desc'))
		.addText((text) =>
			text
				.setPlaceholder(t('settings.sources.calloutExclude.placeholder'))
				.setValue(cards.calloutExclude.join(', '))
				.onChange((value) => {
					cards.calloutExclude = parseList(value).map(calloutTypeName);
					controls.saveSoon();
				}),
		);
}

function displayScheduling(containerEl: HTMLElement, scheduling: SchedulingSettings, controls: SettingsControls): void {
	new Setting(containerEl).setName(t('settings.scheduling.heading')).setHeading();
	const retention = new Setting(containerEl).setName(t('settings.scheduling.retention')).setDesc(t('settings.scheduling.retention.desc'));
	// The value is shown as text too: versions before 1.13 show a slider's value only while dragging.
	const retentionValue = retention.controlEl.createSpan({ cls: 'cloudnotes-setting-value', text: scheduling.desiredRetention.toFixed(2) });
	retention.addSlider((slider) =>
		slider
			.setLimits(0.7, 0.99, 0.01)
			.setValue(scheduling.desiredRetention)
			.onChange((value) => {
				scheduling.desiredRetention = Math.round(value * 100) / 100;
				retentionValue.setText(scheduling.desiredRetention.toFixed(2));
				controls.saveSoon();
			}),
	);
	const numberRow = (name: MessageKey, desc: MessageKey, key: 'maximumInterval' | 'newCardsPerDay' | 'reviewsPerDay', min: number, max: number) =>
		new Setting(containerEl)
			.setName(t(name))
			.setDesc(t(desc))
			.addText((text) => {
				text.inputEl.type = 'number';
				text.inputEl.min = String(min);
				text.inputEl.max = String(max);
				text.setValue(String(scheduling[key])).onChange((value) => {
					const n = parseWholeNumber(value, min, max);
					text.inputEl.toggleClass('cloudnotes-invalid', n === null);
					if (n === null) return;
					scheduling[key] = n;
					controls.saveSoon();
				});
			});
	numberRow('settings.scheduling.maxInterval', 'settings.scheduling.maxInterval.desc', 'maximumInterval', 1, 36500);
	numberRow('settings.scheduling.newPerDay', 'settings.scheduling.newPerDay.desc', 'newCardsPerDay', 0, 9999);
	numberRow('settings.scheduling.reviewsPerDay', 'settings.scheduling.reviewsPerDay.desc', 'reviewsPerDay', 0, 99999);
}
