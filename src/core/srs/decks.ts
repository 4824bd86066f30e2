/**
 * Decks are views, not containers: a folder tree and a tag tree over the cards, each node with its
 * new/due/total counts and the scope that reviews it. A card counts once per node even when several
 * of its tags fall under the same parent.
 */

import type { CardState } from './card-state';
import { folderOf, normaliseTag, type DeckScope, type QueueCard } from './deck-scope';

export interface DeckCounts {
	/** Never reviewed. */
	new: number;
	/** Scheduled and due now (daily limits not applied: this is what is waiting). */
	due: number;
	total: number;
}

export interface DeckNode {
	/** Last segment, as first written in the notes ('' for the root). */
	name: string;
	/** Full folder path or tag without '#' ('' for the root). */
	path: string;
	scope: DeckScope;
	counts: DeckCounts;
	children: DeckNode[];
}

export interface DeckTree {
	/** The vault root; its counts cover every card. */
	folders: DeckNode;
	/** All tagged cards; its children are the top-level tags. */
	tags: DeckNode;
}

interface Builder {
	node: DeckNode;
	children: Map<string, Builder>;
	lastCounted: string | null;
}

function builder(name: string, path: string, scope: DeckScope): Builder {
	return { node: { name, path, scope, counts: { new: 0, due: 0, total: 0 }, children: [] }, children: new Map(), lastCounted: null };
}

function count(target: Builder, cardId: string, status: 'new' | 'due' | 'later'): void {
	if (target.lastCounted === cardId) return;
	target.lastCounted = cardId;
	target.node.counts.total++;
	if (status === 'new') target.node.counts.new++;
	else if (status === 'due') target.node.counts.due++;
}

/** Adds a card along a '/'-separated path, counting it at the root and at every node on the way. */
function addAlong(
	root: Builder,
	segments: readonly string[],
	cardId: string,
	status: 'new' | 'due' | 'later',
	scopeFor: (path: string) => DeckScope,
	keyOf: (segment: string) => string,
): void {
	count(root, cardId, status);
	let at = root;
	let path = '';
	for (const segment of segments) {
		path = path === '' ? segment : `${path}/${segment}`;
		const key = keyOf(segment);
		let child = at.children.get(key);
		if (!child) {
			child = builder(segment, path, scopeFor(path));
			at.children.set(key, child);
		}
		count(child, cardId, status);
		at = child;
	}
}

function finish(target: Builder): DeckNode {
	target.node.children = [...target.children.values()]
		.map(finish)
		.sort((a, b) => a.name.localeCompare(b.name));
	return target.node;
}

export function buildDecks(
	cards: readonly QueueCard[],
	store: { stateOf(cardId: string): CardState | undefined },
	now: number | Date,
): DeckTree {
	const time = typeof now === 'number' ? now : now.getTime();
	const folders = builder('', '', { kind: 'all' });
	const tags = builder('', '', { kind: 'tag', tag: '' });
	for (const card of cards) {
		const state = store.stateOf(card.id);
		const status = state === undefined || state.state === 'new' ? 'new' : state.due <= time ? 'due' : 'later';
		const folder = folderOf(card.file);
		addAlong(folders, folder === '' ? [] : folder.split('/'), card.id, status, (path) => ({ kind: 'folder', path }), (s) => s);
		for (const raw of card.tags) {
			const written = raw.trim().replace(/^#/, '').replace(/\/+$/, '');
			if (normaliseTag(written) === '') continue;
			// Keys are case-folded so #AWS and #aws share a node; the name keeps the first spelling seen.
			addAlong(tags, written.split('/'), card.id, status, (path) => ({ kind: 'tag', tag: normaliseTag(path) }), (s) => s.toLowerCase());
		}
	}
	return { folders: finish(folders), tags: finish(tags) };
}
