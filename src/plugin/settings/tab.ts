/**
 * The settings tab, in Obsidian's style: sentence case, one row per option, headings only to
 * separate the sections. Each feature contributes its section (the general one first), described
 * declaratively: Obsidian 1.13+ draws it from getSettingDefinitions() (and finds the settings in
 * its settings search); older versions call display(), which draws the same description with
 * `Setting` rows. The tab owns saving: every change is saved through the context, which tells the
 * features (the index rebuilds when card settings or the scan scope change; the UI language
 * switches at once).
 */
import { PluginSettingTab, debounce, requireApiVersion, type Plugin, type SettingDefinitionItem } from 'obsidian';
import type { PluginContext } from '../context';
import { drawSettings } from './fallback-renderer';
import type { SettingField, SettingsSection } from './section';

export class CloudnotesSettingTab extends PluginSettingTab {
	/** Typing in a text field saves once the typing pauses, not on every key (a save may rebuild the index). */
	private readonly saveSoon = debounce(() => void this.ctx.saveSettings(), 800, true);
	private readonly fields = new Map<string, SettingField>();
	/** display() drew the tab and it has not been hidden since (versions before 1.13). */
	private drawn = false;

	constructor(
		plugin: Plugin,
		private readonly ctx: PluginContext,
		private readonly sections: readonly SettingsSection[],
	) {
		super(ctx.app, plugin);
		this.containerEl.addClass('cloudnotes-settings');
		for (const section of sections) for (const [key, field] of Object.entries(section.fields)) this.fields.set(key, field);
	}

	/** Obsidian 1.13+: the rows, for its renderer and its settings search. Empty before 1.13, where display() draws them. */
	getSettingDefinitions(): SettingDefinitionItem[] {
		// Obsidian 1.13 brought getSettingDefinitions(), update() and refreshDomState() (each use is guarded the same way).
		return requireApiVersion('1.13.0') ? this.definitions() : [];
	}

	getControlValue(key: string): unknown {
		return this.fields.get(key)?.get(this.ctx.settings);
	}

	async setControlValue(key: string, value: unknown): Promise<void> {
		await this.change(key, value);
	}

	/** Versions before 1.13 (and 1.13+ if the definitions were empty): draws the same rows imperatively. */
	display(): void {
		this.drawn = true;
		this.redraw();
	}

	/** The settings changed on another device: show their new values. */
	refresh(): void {
		if (requireApiVersion('1.13.0')) this.update();
		else if (this.drawn) this.redraw();
	}

	hide(): void {
		this.drawn = false;
		// Whatever was typed last is saved when the tab closes.
		this.saveSoon.run();
		super.hide();
	}

	private definitions(): SettingDefinitionItem[] {
		const settings = () => this.ctx.settings;
		return this.sections.flatMap((section) => section.items(settings));
	}

	private redraw(): void {
		this.containerEl.empty();
		drawSettings(this.containerEl, this.definitions(), {
			value: (key) => this.getControlValue(key),
			change: (key, value) => void this.change(key, value),
		});
	}

	private async change(key: string, value: unknown): Promise<void> {
		const field = this.fields.get(key);
		if (!field || !field.set(this.ctx.settings, value)) return;
		if (field.save === 'soon') {
			this.saveSoon();
			return;
		}
		this.saveSoon.cancel();
		await this.ctx.saveSettings();
		if (!field.affects) return;
		// New texts need the definitions rebuilt; rows that appear or disappear only a re-check of `visible`.
		if (requireApiVersion('1.13.0')) {
			if (field.affects === 'text') this.update();
			else this.refreshDomState();
		} else this.redraw();
	}
}
