/**
 * Where review states and the review log are kept: files in the plugin's own folder
 * (`<config dir>/plugins/cloudnotes/reviews.json` and its backup), never in notes.
 *
 * Why the adapter and not the Vault API: the plugin folder lives under the config directory, which
 * is not part of the vault's indexed files; `vault.create/modify/read` only reach TFiles of the
 * vault, so the Vault API cannot see these files at all. `vault.adapter` is Obsidian's file access
 * below the vault index and is the documented way for plugins to keep their own files (it is what
 * `loadData`/`saveData` use for data.json).
 */
import { Notice, type App, type PluginManifest } from 'obsidian';
import type { JournalPersistence } from '../../core/srs/persistence';
import { t } from '../i18n';

/** The plugin's own folder, as Obsidian sets it in the manifest (with the usual place as fallback). */
export function pluginFolder(app: App, manifest: PluginManifest): string {
	return manifest.dir ?? `${app.vault.configDir}/plugins/${manifest.id}`;
}

export class AdapterPersistence implements JournalPersistence {
	constructor(
		protected readonly app: App,
		readonly folder: string,
	) {}

	pathOf(name: string): string {
		return `${this.folder}/${name}`;
	}

	async read(name: string): Promise<string | null> {
		const path = this.pathOf(name);
		if (!(await this.app.vault.adapter.exists(path))) return null;
		return this.app.vault.adapter.read(path);
	}

	async write(name: string, text: string): Promise<void> {
		await this.app.vault.adapter.write(this.pathOf(name), text);
	}

	/** Obsidian's own append (DataAdapter.append, since 1.7.2): only the new line is written, never the file again. */
	async append(name: string, text: string): Promise<void> {
		await this.app.vault.adapter.append(this.pathOf(name), text);
	}

	async list(folder: string): Promise<string[]> {
		const path = this.pathOf(folder);
		if (!(await this.app.vault.adapter.exists(path))) return [];
		const listed = await this.app.vault.adapter.list(path);
		// The adapter lists vault-relative paths; the store names files relative to the plugin folder.
		return listed.files.map((file) => file.slice(this.folder.length + 1));
	}

	async remove(name: string): Promise<void> {
		await this.app.vault.adapter.remove(this.pathOf(name));
	}

	async size(name: string): Promise<number | null> {
		return (await this.app.vault.adapter.stat(this.pathOf(name)))?.size ?? null;
	}

	async mkdir(folder: string): Promise<void> {
		const path = this.pathOf(folder);
		if (!(await this.app.vault.adapter.exists(path))) await this.app.vault.adapter.mkdir(path);
	}
}

/**
 * Tells the user what the review journal found on disk (a torn last line, a file from another
 * device that is still syncing, what was taken in from reviews.json). Stays until dismissed.
 */
export function showJournalNotices(notices: readonly string[]): Notice | null {
	if (notices.length === 0) return null;
	return new Notice(`${t('review.loadProblem.title')}\n${notices.join('\n')}`, 0);
}

/**
 * A save failed: the grades are still in memory and the next save retries them; or saving stopped
 * for the session (the file on disk became one this version must not overwrite), which stays on
 * screen until dismissed.
 */
export function showSaveError(file: string, error: unknown, stopped = false): Notice {
	const reason = error instanceof Error ? error.message : String(error);
	return stopped ? new Notice(`${t('review.loadProblem.title')}\n${reason}`, 0) : new Notice(t('review.saveFailed', { file, reason }), 10_000);
}
