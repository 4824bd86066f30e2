/**
 * The settings in memory and in data.json. Saves run one after another (a slow write cannot land
 * after a newer one and put old settings back), and each writes the settings as they are when
 * its turn comes. When another device's data.json arrives (Obsidian calls
 * onExternalSettingsChange), it is read in the same queue and merged with what this device has
 * not saved yet, so the next local save keeps the synced settings instead of overwriting them.
 */
import { readSettings, type CloudnotesSettings } from './index';
import { mergeSettings } from './merge';

export interface SettingsIo {
	load(): Promise<unknown>;
	save(data: unknown): Promise<void>;
}

export class SettingsStore {
	/** The current settings; the object stays the same, its sections are replaced on reload. */
	readonly current: CloudnotesSettings = readSettings(null);
	/** The settings as last read from or written to data.json: the base of a merge. */
	private stored = JSON.stringify(this.current);
	private queue: Promise<unknown> = Promise.resolve();
	private readonly listeners = new Set<() => void>();

	constructor(private readonly io: SettingsIo) {}

	async load(): Promise<void> {
		this.replace(readSettings(await this.io.load()));
		this.stored = JSON.stringify(this.current);
	}

	/** Saves after every save asked for before it, then tells the listeners. */
	save(): Promise<void> {
		const run = this.queue.then(async () => {
			const snapshot = JSON.stringify(this.current);
			await this.io.save(JSON.parse(snapshot));
			this.stored = snapshot;
		});
		this.queue = run.catch(() => undefined);
		return run.then(() => this.notify());
	}

	/**
	 * data.json changed on disk. Reads it once the saves before are done; returns true when the
	 * settings changed (the listeners have been told), false when the file holds what this device
	 * wrote or knew already.
	 */
	reloadExternal(): Promise<boolean> {
		const run = this.queue.then(async () => {
			let data: unknown;
			try {
				data = await this.io.load();
			} catch {
				// A file caught half-written by the sync does not parse; the complete one calls again.
				return false;
			}
			const remote = readSettings(data);
			const remoteText = JSON.stringify(remote);
			if (remoteText === this.stored) return false;
			const base = JSON.parse(this.stored) as CloudnotesSettings;
			const before = JSON.stringify(this.current);
			const merged = mergeSettings(base, this.current, remote);
			this.replace(merged);
			this.stored = remoteText;
			return JSON.stringify(this.current) !== before;
		});
		this.queue = run.catch(() => undefined);
		return run.then((changed) => {
			if (changed) this.notify();
			// Edits this device had not saved yet are still to be written over the synced file.
			if (JSON.stringify(this.current) !== this.stored) void this.save().catch(() => undefined);
			return changed;
		});
	}

	/** Called after every save and every reload that changed something. Returns the unsubscribe function. */
	onChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private notify(): void {
		for (const listener of [...this.listeners]) listener();
	}

	private replace(next: CloudnotesSettings): void {
		Object.assign(this.current, next);
	}
}
