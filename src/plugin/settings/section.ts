/**
 * A feature's part of the settings tab, described once in Obsidian's declarative form
 * (SettingDefinitionItem, 1.13+) and drawn from the same description by fallback-renderer.ts on
 * older versions. Each control's key names a field: how the control's value is read from and
 * written to the settings. The tab owns saving and redrawing.
 */
import type { SettingDefinitionItem } from 'obsidian';
import type { CloudnotesSettings } from './index';

export interface SettingField {
	/** The value as the control shows it (a list as text, for example). */
	get(settings: CloudnotesSettings): unknown;
	/** Takes a value from the control into the settings; false when it is not a valid value (nothing changes). */
	set(settings: CloudnotesSettings, value: unknown): boolean;
	/** 'now' for choices (toggles, dropdowns); 'soon' for typing and sliders, saved once the input pauses (a save may rebuild the index). */
	save: 'now' | 'soon';
	/**
	 * What else changes with the value: 'rows' when other rows appear or disappear, 'text' when
	 * every row's text changes (the UI language).
	 */
	affects?: 'rows' | 'text';
}

export interface SettingsSection {
	/** The rows; `settings` reads the current settings when Obsidian evaluates `visible`. */
	items(settings: () => CloudnotesSettings): SettingDefinitionItem[];
	/** Every control key used in items(), and how it reads and writes the settings. */
	fields: Record<string, SettingField>;
}
