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

/** What the review journal needs beyond reading and writing whole files (Obsidian's DataAdapter has it all). */
export interface JournalPersistence extends Persistence {
	/** Adds text to the end of the file, creating it when missing. May leave part of the text behind when it rejects. */
	append(name: string, text: string): Promise<void>;
	/** The files directly in a folder, as `folder/name`; empty when the folder does not exist. */
	list(folder: string): Promise<string[]>;
	remove(name: string): Promise<void>;
	/** The file's size, to notice a change without reading it; null when missing. */
	size?(name: string): Promise<number | null>;
	/** Creates a folder; resolves when it exists already. */
	mkdir?(folder: string): Promise<void>;
}

export const REVIEW_FILE = 'reviews.json';
export const REVIEW_BACKUP_FILE = 'reviews.backup.json';

/** Persistence over a Map: for tests, and for a session that should not touch any disk. */
export class MemoryPersistence implements JournalPersistence {
	readonly files = new Map<string, string>();

	append(name: string, text: string): Promise<void> {
		this.files.set(name, (this.files.get(name) ?? '') + text);
		return Promise.resolve();
	}

	list(folder: string): Promise<string[]> {
		const prefix = `${folder}/`;
		return Promise.resolve([...this.files.keys()].filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/')));
	}

	remove(name: string): Promise<void> {
		this.files.delete(name);
		return Promise.resolve();
	}

	size(name: string): Promise<number | null> {
		return Promise.resolve(this.files.get(name)?.length ?? null);
	}

	read(name: string): Promise<string | null> {
		return Promise.resolve(this.files.get(name) ?? null);
	}

	write(name: string, text: string): Promise<void> {
		this.files.set(name, text);
		return Promise.resolve();
	}
}
