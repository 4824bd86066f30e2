import { Plugin } from 'obsidian';
import type { PluginContext } from './context';
import type { CloudnotesSettings } from './settings';
import { applyUiLanguage, generalSettings } from './settings/general-section';
import { SettingsStore } from './settings/store';
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
	private readonly store = new SettingsStore({ load: () => this.loadData(), save: (data) => this.saveData(data) });
	/** Flashcards: the vault index, review store and review actions (commands and views use it). */
	review: ReviewService | null = null;
	private settingsTab: CloudnotesSettingTab | null = null;
	private loaded = false;

	/** The settings in memory: the same object for the plugin's life (a reload from disk replaces its sections). */
	readonly settings: CloudnotesSettings = this.store.current;

	async onload(): Promise<void> {
		await this.store.load();
		this.loaded = true;
		this.register(() => (this.loaded = false));
		const ctx = this.context();
		// The UI language first: features translate their command names as they register them.
		applyUiLanguage(ctx);
		registerTopology(ctx);
		this.review = registerReview(ctx);
		this.settingsTab = new CloudnotesSettingTab(this, ctx, [generalSettings, reviewSettings, diagramSettings]);
		this.addSettingTab(this.settingsTab);
	}

	/** Saves settings (after any save still running) and tells the features that registered for changes. */
	saveSettings(): Promise<void> {
		return this.store.save();
	}

	onSettingsChange(listener: () => void): void {
		this.register(this.store.onChange(listener));
	}

	/**
	 * Obsidian: data.json changed on disk (a sync brought another device's settings). Read them in
	 * before the next local save would write over them; the features and an open tab follow.
	 */
	async onExternalSettingsChange(): Promise<void> {
		if (!this.loaded) return;
		if (await this.store.reloadExternal()) this.settingsTab?.refresh();
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
