/**
 * The persisted card index's files (card-index-0.json, ...) in the plugin's folder, through
 * Obsidian's adapter: the folder is outside the vault's indexed files, as for reviews.json (see
 * review-persistence.ts). What the files hold, and when they are trusted, is the core's business
 * (core/cards/card-cache.ts).
 */
import type { App } from 'obsidian';
import type { CardCacheFiles } from '../../core/cards';

export class AdapterCacheFiles implements CardCacheFiles {
	constructor(
		private readonly app: App,
		readonly folder: string,
	) {}

	private pathOf(name: string): string {
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

	async remove(name: string): Promise<void> {
		const path = this.pathOf(name);
		if (await this.app.vault.adapter.exists(path)) await this.app.vault.adapter.remove(path);
	}
}
