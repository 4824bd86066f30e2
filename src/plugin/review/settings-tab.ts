/**
 * The settings tab, in Obsidian's style: sentence case, one `Setting` row per option, headings
 * only to separate the sections (notes to scan, cards, scheduling, diagrams). Every change is
 * saved through the plugin, which tells the features (the index rebuilds when card settings or
 * the scan scope change; the UI language switches at once).
 */
import { PluginSettingTab, Setting, debounce, type App } from 'obsidian';
import type CloudnotesPlugin from '../main';
import { t, type MessageKey } from '../i18n';
import type { CardSourceSettings, LanguageSetting, ScanScope } from '../settings';
import { calloutTypeName } from './core-settings';
import { folderKey, tagKey } from './scan-scope';

/** "Courses/AWS, Labs" or one per line -> ['Courses/AWS', 'Labs']. */
export function parseList(text: string): string[] {
	return [...new Set(text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0))];
}

/** "2, 3 4" -> [2, 3, 4]: heading levels 1-6, sorted, without repeats. */
export function parseHeadingLevels(text: string): number[] {
	const levels = text.split(/[\s,]+/).map((s) => Number(s)).filter((n) => Number.isInteger(n) && n >= 1 && n <= 6);
	return [...new Set(levels)].sort((a, b) => a - b);
}

/** A whole number within limits, or null when the text is not one (the old value stays). */
export function parseWholeNumber(text: string, min: number, max: number): number | null {
	if (!/^\s*\d+\s*$/.test(text)) return null;
	const n = Number(text);
	return n >= min && n <= max ? n : null;
}

const SOURCES: { key: keyof Pick<CardSourceSettings, 'heading' | 'callout' | 'quote' | 'definition' | 'topology'>; name: MessageKey; desc: MessageKey }[] = [
	{ key: 'heading', name: 'settings.sources.heading', desc: 'settings.sources.heading.desc' },
	{ key: 'callout', name: 'settings.sources.callout', desc: 'settings.sources.callout.desc' },
	{ key: 'quote', name: 'settings.sources.quote', desc: 'settings.sources.quote.desc' },
	{ key: 'definition', name: 'settings.sources.definition', desc: 'settings.sources.definition.desc' },
	{ key: 'topology', name: 'settings.sources.topology', desc: 'settings.sources.topology.desc' },
];

// minAppVersion is 1.8.7: the declarative getSettingDefinitions() API arrived in 1.13, so the tab
// is drawn with display(), which every supported version calls (the linter's hint to adopt the
// new API stays a warning until minAppVersion moves to 1.13).
export class CloudnotesSettingTab extends PluginSettingTab {
	/** Typing in a text field saves once the typing pauses, not on every key (a save may rebuild the index). */
	private readonly saveSoon = debounce(() => void this.plugin.saveSettings(), 800, true);

	constructor(
		app: App,
		private readonly plugin: CloudnotesPlugin,
	) {
		super(app, plugin);
	}

	private async saveNow(): Promise<void> {
		this.saveSoon.cancel();
		await this.plugin.saveSettings();
	}

	display(): void {
		this.redraw();
	}

	/** Draws the whole tab; called again when a choice changes which rows are shown. */
	private redraw(): void {
		const { containerEl } = this;
		containerEl.empty();
		containerEl.addClass('cloudnotes-settings');
		const settings = this.plugin.settings;

		new Setting(containerEl)
			.setName(t('settings.language'))
			.setDesc(t('settings.language.desc'))
			.addDropdown((dropdown) =>
				dropdown
					.addOptions({ auto: t('settings.language.auto'), en: 'English', ko: '한국어' })
					.setValue(settings.language)
					.onChange(async (value) => {
						settings.language = value as LanguageSetting;
						await this.saveNow();
						this.redraw();
					}),
			);

		new Setting(containerEl)
			.setName(t('settings.statusBar'))
			.setDesc(t('settings.statusBar.desc'))
			.addToggle((toggle) =>
				toggle.setValue(settings.showStatusBar).onChange(async (value) => {
					settings.showStatusBar = value;
					await this.saveNow();
				}),
			);

		this.displayScope(containerEl, settings.scan);
		this.displaySources(containerEl, settings.cards);
		this.displayScheduling(containerEl);
		this.displayDiagrams(containerEl);
	}

	private displayScope(containerEl: HTMLElement, scan: ScanScope): void {
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
						await this.saveNow();
						this.redraw();
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
							this.saveSoon();
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
							this.saveSoon();
						}),
				);
		}
	}

	private displaySources(containerEl: HTMLElement, cards: CardSourceSettings): void {
		new Setting(containerEl).setName(t('settings.sources.heading.section')).setHeading();
		for (const source of SOURCES) {
			new Setting(containerEl)
				.setName(t(source.name))
				.setDesc(t(source.desc))
				.addToggle((toggle) =>
					toggle.setValue(cards[source.key]).onChange(async (value) => {
						cards[source.key] = value;
						await this.saveNow();
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
						this.saveSoon();
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
						this.saveSoon();
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
						this.saveSoon();
					}),
			);
	}

	private displayScheduling(containerEl: HTMLElement): void {
		const scheduling = this.plugin.settings.scheduling;
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
					this.saveSoon();
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
						this.saveSoon();
					});
				});
		numberRow('settings.scheduling.maxInterval', 'settings.scheduling.maxInterval.desc', 'maximumInterval', 1, 36500);
		numberRow('settings.scheduling.newPerDay', 'settings.scheduling.newPerDay.desc', 'newCardsPerDay', 0, 9999);
		numberRow('settings.scheduling.reviewsPerDay', 'settings.scheduling.reviewsPerDay.desc', 'reviewsPerDay', 0, 99999);
	}

	private displayDiagrams(containerEl: HTMLElement): void {
		const diagrams = this.plugin.settings.diagrams;
		new Setting(containerEl).setName(t('settings.diagrams.heading')).setHeading();
		new Setting(containerEl)
			.setName(t('settings.diagrams.direction'))
			.setDesc(t('settings.diagrams.direction.desc'))
			.addDropdown((dropdown) =>
				dropdown
					.addOptions({ auto: t('settings.diagrams.direction.auto'), LR: t('settings.diagrams.direction.lr'), TB: t('settings.diagrams.direction.tb') })
					.setValue(diagrams.direction)
					.onChange(async (value) => {
						diagrams.direction = value === 'TB' || value === 'LR' ? value : 'auto';
						await this.saveNow();
					}),
			);
		new Setting(containerEl)
			.setName(t('settings.diagrams.autoDrawLimit'))
			.setDesc(t('settings.diagrams.autoDrawLimit.desc'))
			.addText((text) => {
				text.inputEl.type = 'number';
				text.inputEl.min = '1';
				text.setValue(String(diagrams.autoDrawLimit)).onChange((value) => {
					const n = parseWholeNumber(value, 1, 100000);
					text.inputEl.toggleClass('cloudnotes-invalid', n === null);
					if (n === null) return;
					diagrams.autoDrawLimit = n;
					this.saveSoon();
				});
			});
		new Setting(containerEl)
			.setName(t('settings.diagrams.icons'))
			.setDesc(t('settings.diagrams.icons.desc'))
			.addToggle((toggle) =>
				toggle.setValue(diagrams.icons).onChange(async (value) => {
					diagrams.icons = value;
					await this.saveNow();
				}),
			);
		new Setting(containerEl)
			.setName(t('settings.diagrams.showLint'))
			.setDesc(t('settings.diagrams.showLint.desc'))
			.addToggle((toggle) =>
				toggle.setValue(diagrams.showLint).onChange(async (value) => {
					diagrams.showLint = value;
					await this.saveNow();
				}),
			);
	}

	hide(): void {
		// Whatever was typed last is saved when the tab closes.
		this.saveSoon.run();
		super.hide();
	}
}
