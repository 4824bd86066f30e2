/**
 * What a feature receives from the plugin: the app, the settings and how to save them, a change
 * subscription, and the plugin as the component everything is registered on (unloading the
 * plugin undoes it all). Features take this instead of the plugin class, so nothing imports
 * main.ts and the features do not import each other through it.
 */
import type { App, Plugin, PluginManifest } from 'obsidian';
import type { CloudnotesSettings } from './settings';

export interface PluginContext {
	readonly app: App;
	readonly manifest: PluginManifest;
	/** Commands, views, events, intervals and processors are registered on it. */
	readonly plugin: Plugin;
	/** The current settings: read them when needed (a reload from disk replaces their sections). */
	readonly settings: CloudnotesSettings;
	/** Saves the settings and tells every subscriber. */
	saveSettings(): Promise<void>;
	/** Called after every settings change (saved here or reloaded); unsubscribed when the plugin unloads. */
	onSettingsChange(listener: () => void): void;
}
