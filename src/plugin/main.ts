import { Plugin } from 'obsidian';
import { readSettings, type CloudnotesSettings } from './settings';
import { registerTopology } from './topology/register';
import { registerReview } from './review/register';
import type { ReviewService } from './review/review-service';

/**
 * The plugin's lifecycle only. onload registers; anything that costs time (the card index, the
 * review store) starts from onLayoutReady inside the feature modules.
 */
export default class CloudnotesPlugin extends Plugin {
	settings: CloudnotesSettings = readSettings(null);
	/** Flashcards: the vault index, review store and review actions (commands and views use it). */
	review: ReviewService | null = null;
	private settingsListeners: (() => void)[] = [];

	async onload(): Promise<void> {
		this.settings = readSettings(await this.loadData());
		registerTopology(this);
		this.review = registerReview(this);
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
}
