import { calloutCards } from './callout-cards';
import { DEFAULT_CARD_SETTINGS, type Card, type CardDraft, type CardSettings, type NoteCards, type TopologyCardSource } from './card';
import { cardId, contentHash, headingPathKey, identityHash, identityOf, normalizePath, withOrdinal } from './card-id';
import { definitionCards } from './definition-cards';
import { readCardFrontmatter } from './frontmatter';
import { headingCards } from './heading-cards';
import { scanNote } from './note-structure';
import { quoteCards } from './quote-cards';
import { topologyCards } from './topology-cards';

const EMPTY_IDENTITIES = new Float64Array(0);
const NO_CONTEXT = Object.freeze([]) as unknown as string[];

export interface ExtractOptions {
	/** Makes the topology cards (default: from the topology core); `null` for none. */
	topologyCards?: TopologyCardSource | null;
}

/**
 * The cards of one note: a pure function of its path, text and the settings. Never throws:
 * one malformed note must not take the whole index (or a CLI run) down with it, so an
 * unexpected failure yields a note without cards.
 */
export function extractNote(
	file: string,
	text: string,
	settings: CardSettings = DEFAULT_CARD_SETTINGS,
	options: ExtractOptions = {},
): NoteCards {
	const { cards, tags, optedOut } = placeNote(file, text, settings, options);
	return { file, cards, tags, optedOut };
}

/**
 * extractNote plus each card's identity hash (see card-id.ts; independent of the note path), which
 * the index keeps to re-derive ids when the note is renamed. `identities[i]` belongs to `cards[i]`;
 * numbers in one typed array, so the index keeps no per-card object for them.
 */
export interface PlacedNote extends NoteCards {
	identities: Float64Array;
}

export function placeNote(file: string, text: string, settings: CardSettings, options: ExtractOptions): PlacedNote {
	try {
		return extractUnsafe(file, text, settings, options);
	} catch {
		return { file, cards: [], tags: [], optedOut: false, identities: EMPTY_IDENTITIES };
	}
}

function extractUnsafe(file: string, text: string, settings: CardSettings, options: ExtractOptions): PlacedNote {
	const structure = scanNote(text);
	const frontmatter = readCardFrontmatter(structure.frontmatter?.content);
	const tags = unique([...frontmatter.tags, ...structure.inlineTags]);
	if (frontmatter.optedOut) return { file, cards: [], tags, optedOut: true, identities: EMPTY_IDENTITIES };

	const { sources } = settings;
	const drafts: CardDraft[] = [];
	if (sources.heading) drafts.push(...headingCards(structure, settings.headingLevels));
	if (sources.callout) drafts.push(...calloutCards(structure, settings.calloutTypes));
	if (sources.quote) drafts.push(...quoteCards(structure));
	if (sources.definition) drafts.push(...definitionCards(structure));
	const topology = options.topologyCards === undefined ? topologyCards : options.topologyCards;
	if (sources.topology && structure.hasTopology && topology) {
		drafts.push(...topology({ file, text, korean: structure.korean }).filter((d) => d.kind === 'topology'));
	}
	drafts.sort((a, b) => a.line - b.line);

	const cards: Card[] = [];
	const identities = new Float64Array(drafts.length);
	const seen = new Map<string, number>();
	const headings = structure.headings;
	// Per heading, shared by every card under it (frozen, since many cards hold the same array).
	const pathKeys: string[] = [];
	const contexts: string[][] = [];
	const parentContexts: string[][] = [];
	const fileKey = normalizePath(file);
	let h = -1;
	for (const draft of drafts) {
		while (h + 1 < headings.length && (headings[h + 1]).line <= draft.line) h++;
		let pathKey = '';
		let context = NO_CONTEXT;
		if (h >= 0) {
			const path = (headings[h]).path;
			pathKey = pathKeys[h] ??= headingPathKey(path);
			context =
				draft.kind === 'heading'
					? (parentContexts[h] ??= Object.freeze(path.slice(0, -1)) as string[])
					: (contexts[h] ??= Object.freeze(path) as string[]);
		}
		const base = identityOf(draft.kind, pathKey, draft.key);
		const ordinal = (seen.get(base) ?? 0) + 1;
		seen.set(base, ordinal);
		const identity = identityHash(withOrdinal(base, ordinal));
		identities[cards.length] = identity;
		cards.push({
			id: cardId(fileKey, draft.kind, identity),
			file,
			line: draft.line + 1,
			kind: draft.kind,
			front: draft.front,
			back: draft.back,
			context,
			hash: contentHash(draft.front, draft.back),
		});
	}
	return { file, cards, tags, optedOut: false, identities };
}

function unique(values: readonly string[]): string[] {
	return values.length < 2 ? values.slice() : [...new Set(values)];
}
