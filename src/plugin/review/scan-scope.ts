/**
 * Which notes make cards: every note, the notes under some folders, or the notes with some tags.
 * Folder scope is decided from the path alone (no read); tag scope needs the note's tags, which
 * the extractor reports, so the same tags decide here, in decks and on the command line.
 */
import type { ScanScope } from '../settings';

/** "Courses/AWS/", "/Courses/AWS" and "Courses/AWS" are the same folder. */
export function folderKey(folder: string): string {
	return folder.trim().replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
}

/** "#aws", "AWS" and "aws" are the same tag. */
export function tagKey(tag: string): string {
	return tag.trim().replace(/^#/, '').toLowerCase();
}

/** A file is in a folder when it sits in it or in any folder below it. */
export function inFolder(path: string, folder: string): boolean {
	const key = folderKey(folder);
	return key === '' || path === key || path.startsWith(key + '/');
}

/** A note has a tag when it has the tag itself or a nested tag below it (#aws matches #aws/vpc). */
export function hasTag(noteTags: readonly string[], tag: string): boolean {
	const key = tagKey(tag);
	if (key === '') return false;
	return noteTags.some((t) => {
		const own = tagKey(t);
		return own === key || own.startsWith(key + '/');
	});
}

/** Whether the scope can be decided without reading the note. */
export function scopeNeedsTags(scope: ScanScope): boolean {
	return scope.mode === 'tags';
}

/** In scope by path alone: true for 'all' and 'tags' (tags decide later), folder membership for 'folders'. */
export function pathMayBeInScope(path: string, scope: ScanScope): boolean {
	if (scope.mode !== 'folders') return true;
	const folders = scope.folders.map(folderKey).filter((f) => f.length > 0);
	return folders.length === 0 || folders.some((f) => inFolder(path, f));
}

/** The full decision, once the note's tags are known. An empty folder or tag list means every note. */
export function inScanScope(path: string, noteTags: readonly string[], scope: ScanScope): boolean {
	if (scope.mode === 'all') return true;
	if (scope.mode === 'folders') return pathMayBeInScope(path, scope);
	const tags = scope.tags.map(tagKey).filter((t) => t.length > 0);
	return tags.length === 0 || tags.some((t) => hasTag(noteTags, t));
}
