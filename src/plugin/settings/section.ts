/**
 * A feature's part of the settings tab. The tab owns saving and redrawing; a section only draws
 * its rows and changes the settings it is handed.
 */
import type { CloudnotesSettings } from './index';

export interface SettingsControls {
	/** The settings to read and change (the current object: read it on every draw). */
	readonly settings: CloudnotesSettings;
	/** Saves at once: toggles and dropdowns. */
	saveNow(): Promise<void>;
	/** Saves once typing pauses (a save may rebuild the card index): text fields and sliders. */
	saveSoon(): void;
	/** Draws the whole tab again: a choice changed which rows are shown. */
	redraw(): void;
}

export interface SettingsSection {
	display(containerEl: HTMLElement, controls: SettingsControls): void;
}
