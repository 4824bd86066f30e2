/**
 * Where the review store keeps its files. The plugin implements it over Obsidian's adapter in the
 * plugin folder, the demo over localStorage, tests over a Map; the store never knows which.
 */

export interface Persistence {
	/** The file's text, or null when it does not exist. Rejects when it exists but cannot be read. */
	read(name: string): Promise<string | null>;
	/** Replaces the file's text. May reject, and may leave a partial file behind when it does. */
	write(name: string, text: string): Promise<void>;
}

export const REVIEW_FILE = 'reviews.json';
export const REVIEW_BACKUP_FILE = 'reviews.backup.json';

/** Persistence over a Map: for tests, and for a session that should not touch any disk. */
export class MemoryPersistence implements Persistence {
	readonly files = new Map<string, string>();

	read(name: string): Promise<string | null> {
		return Promise.resolve(this.files.get(name) ?? null);
	}

	write(name: string, text: string): Promise<void> {
		this.files.set(name, text);
		return Promise.resolve();
	}
}
