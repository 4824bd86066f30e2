/**
 * The persisted card index's files (card-index-0.json, ...) in the plugin's folder, through
 * Obsidian's adapter: the same plugin-folder access as the review journal's (review-persistence.ts,
 * whose read and write it uses). What the files hold, and when they are trusted, is the core's
 * business (core/cards/card-cache.ts).
 */
import type { CardCacheFiles } from '../../core/cards';
import { AdapterPersistence } from './review-persistence';

export class AdapterCacheFiles extends AdapterPersistence implements CardCacheFiles {
	/** A cache part may already be gone (a smaller index has fewer parts): removing it then is no error. */
	async remove(name: string): Promise<void> {
		const path = this.pathOf(name);
		if (await this.app.vault.adapter.exists(path)) await this.app.vault.adapter.remove(path);
	}
}
