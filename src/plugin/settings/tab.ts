/**
 * The settings tab, in Obsidian's style: sentence case, one `Setting` row per option, headings
 * only to separate the sections. Each feature contributes its section (the general one first);
 * the tab owns saving: every change is saved through the context, which tells the features (the
 * index rebuilds when card settings or the scan scope change; the UI language switches at once).
 */
import { PluginSettingTab, debounce, type Plugin } from 'obsidian';
import type { PluginContext } from '../context';
import type { SettingsControls, SettingsSection } from './section';

// minAppVersion is 1.8.7: the declarative getSettingDefinitions() API arrived in 1.13, so the tab
// is drawn with display(), which every supported version calls (the linter's hint to adopt the
// new API stays a warning until minAppVersion moves to 1.13).
export class CloudnotesSettingTab extends PluginSettingTab {
	/** Typing in a text field saves once the typing pauses, not on every key (a save may rebuild the index). */
	private readonly saveSoon = debounce(() => void this.ctx.saveSettings(), 800, true);

	constructor(
		plugin: Plugin,
		private readonly ctx: PluginContext,
		private readonly sections: readonly SettingsSection[],
	) {
		super(ctx.app, plugin);
	}

	private async saveNow(): Promise<void> {
		this.saveSoon.cancel();
		await this.ctx.saveSettings();
	}

	display(): void {
		this.redraw();
	}

	/** Draws the whole tab; called again when a choice changes which rows are shown. */
	private redraw(): void {
		const { containerEl } = this;
		containerEl.empty();
		containerEl.addClass('cloudnotes-settings');
		const ctx = this.ctx;
		const controls: SettingsControls = {
			get settings() {
				return ctx.settings;
			},
			saveNow: () => this.saveNow(),
			saveSoon: () => this.saveSoon(),
			redraw: () => this.redraw(),
		};
		for (const section of this.sections) section.display(containerEl, controls);
	}

	hide(): void {
		// Whatever was typed last is saved when the tab closes.
		this.saveSoon.run();
		super.hide();
	}
}
