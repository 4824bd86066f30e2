/**
 * This device's id for the review journal: random, made once, and kept in this device's own local
 * storage for the vault (Obsidian's `App.loadLocalStorage`/`saveLocalStorage`, since 1.8.7, our
 * minimum version), never in a synced file: two devices sharing an id would write one journal file.
 * Without those methods (an older stand-in or a future change), the browser's localStorage holds it
 * under a key with the vault's name.
 */
import type { App } from 'obsidian';

const KEY = 'cloudnotes-device-id';
const VALID = /^[a-z0-9]{8,32}$/;

function randomId(): string {
	const bytes = new Uint8Array(8);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 12);
}

interface LocalStore {
	load(): unknown;
	save(id: string): void;
}

function localStore(app: App): LocalStore {
	if (typeof app.loadLocalStorage === 'function' && typeof app.saveLocalStorage === 'function') {
		return { load: () => app.loadLocalStorage(KEY) as unknown, save: (id) => app.saveLocalStorage(KEY, id) };
	}
	const key = `${KEY}:${app.vault.getName()}`;
	return { load: () => window.localStorage.getItem(key), save: (id) => window.localStorage.setItem(key, id) };
}

export function deviceId(app: App): string {
	const store = localStore(app);
	const known = store.load();
	if (typeof known === 'string' && VALID.test(known)) return known;
	const id = randomId();
	store.save(id);
	return id;
}
