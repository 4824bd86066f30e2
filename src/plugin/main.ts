import { Plugin } from 'obsidian';
import type { PluginContext } from './context';
import { readSettings, type CloudnotesSettings } from './settings';
import { applyUiLanguage, generalSettings } from './settings/general-section';
import { CloudnotesSettingTab } from './settings/tab';
import { registerTopology } from './topology/register';
import { diagramSettings } from './topology/settings-section';
import { registerReview } from './review/register';
import type { ReviewService } from './review/review-service';
import { reviewSettings } from './review/settings-section';

/**
 * The plugin's lifecycle and the wiring of its features. onload registers; anything that costs
 * time (the card index, the review store) starts from onLayoutReady inside the feature modules.
 * Features receive a PluginContext, never this class: nothing imports main.ts.
 */
export default class CloudnotesPlugin extends Plugin {
	settings: CloudnotesSettings = readSettings(null);
	/** Flashcards: the vault index, review store and review actions (commands and views use it). */
	review: ReviewService | null = null;
	private settingsListeners: (() => void)[] = [];

	async onload(): Promise<void> {
		this.settings = readSettings(await this.loadData());
		const ctx = this.context();
		// The UI language first: features translate their command names as they register them.
		applyUiLanguage(ctx);
		registerTopology(ctx);
		this.review = registerReview(ctx);
		this.addSettingTab(new CloudnotesSettingTab(this, ctx, [generalSettings, reviewSettings, diagramSettings]));
	}

	/** Saves settings and tells the features that registered for changes. */
	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
		for (const listener of this.settingsListeners) listener();
	}

	onSettingsChange(listener: () => void): void {
		this.settingsListeners.push(listener);
		this.register(() => (this.settingsListeners = this.settingsListeners.filter((l) => l !== listener)));
	}

	private context(): PluginContext {
		// eslint-disable-next-line @typescript-eslint/no-this-alias -- the getter reads the plugin's current settings
		const plugin = this;
		return {
			app: this.app,
			manifest: this.manifest,
			plugin: this,
			get settings() {
				return plugin.settings;
			},
			saveSettings: () => this.saveSettings(),
			onSettingsChange: (listener) => this.onSettingsChange(listener),
		};
	}
}
