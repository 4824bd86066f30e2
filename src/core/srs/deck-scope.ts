/**
 * Which cards a review session or deck covers: all, a folder (with its subfolders), a tag (with its
 * nested tags), or one note. Deck nodes carry their scope, so "Review deck..." passes it straight on.
 */

export interface QueueCard {
	id: string;
	/** Vault path of the note, e.g. 'AWS/Networking/VPC.md'. */
	file: string;
	/** Tags with or without '#', e.g. ['#aws/vpc', 'exam']. */
	tags: readonly string[];
}

export type DeckScope =
	| { kind: 'all' }
	| { kind: 'folder'; path: string }
	| { kind: 'tag'; tag: string }
	| { kind: 'file'; path: string };

/** The folder of a vault path: '' for the vault root. */
export function folderOf(file: string): string {
	const slash = file.lastIndexOf('/');
	return slash < 0 ? '' : file.slice(0, slash);
}

/** A tag as compared: without '#', lower-cased (Obsidian matches tags regardless of case), no trailing '/'. */
export function normaliseTag(tag: string): string {
	return tag.trim().replace(/^#/, '').replace(/\/+$/, '').toLowerCase();
}

function withinPath(path: string, parent: string): boolean {
	return parent === '' || path === parent || path.startsWith(`${parent}/`);
}

export function inScope(card: QueueCard, scope: DeckScope | undefined): boolean {
	if (!scope) return true;
	switch (scope.kind) {
		case 'all':
			return true;
		case 'file':
			return card.file === scope.path;
		case 'folder':
			return withinPath(folderOf(card.file), scope.path);
		case 'tag': {
			const wanted = normaliseTag(scope.tag);
			// The empty tag is the root of the tag tree: every card that has any tag.
			return card.tags.some((tag) => {
				const normal = normaliseTag(tag);
				return normal !== '' && withinPath(normal, wanted);
			});
		}
	}
}
