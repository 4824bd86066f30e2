/**
 * The Spaced Repetition plugin's card syntax settings (SR 1.15, `src/data/settings.ts`): which
 * notes it reads (flashcard tags, or every note when folders are decks), its four separators and
 * the optional end marker of multi-line cards, and its cloze patterns. Defaults are SR's; a user who
 * changed them in SR has them in SR's `data.json`, which `srSyntaxFromData` reads.
 */

export interface SrSyntax {
	/** Tags (with `#`) that put a note in a deck; sub-tags count (`#flashcards/aws`). */
	flashcardTags: string[];
	/** Notes with one of these tags make no SR card. */
	ignoredTags: string[];
	/** Every note is read, its folder being its deck. */
	foldersAreDecks: boolean;
	singleLine: string;
	singleLineReversed: string;
	multiLine: string;
	multiLineReversed: string;
	/** '' (SR's default): a blank line ends a multi-line card. */
	multiLineEnd: string;
	/** SR's cloze patterns, e.g. `==[123;;]answer[;;hint]==` (see cloze.ts). */
	clozePatterns: string[];
}

export const SR_HIGHLIGHT_CLOZE = '==[123;;]answer[;;hint]==';
export const SR_BOLD_CLOZE = '**[123;;]answer[;;hint]**';
export const SR_CURLY_CLOZE = '{{[123;;]answer[;;hint]}}';

export const DEFAULT_SR_SYNTAX: SrSyntax = Object.freeze({
	flashcardTags: ['#flashcards'],
	ignoredTags: [],
	foldersAreDecks: false,
	singleLine: '::',
	singleLineReversed: ':::',
	multiLine: '?',
	multiLineReversed: '??',
	multiLineEnd: '',
	clozePatterns: [SR_HIGHLIGHT_CLOZE],
});

/** Where SR keeps its settings, relative to the vault's config folder. */
export const SR_DATA_FILE = 'plugins/obsidian-spaced-repetition/data.json';

function text(value: unknown, fallback: string): string {
	return typeof value === 'string' ? value : fallback;
}

function texts(value: unknown, fallback: string[]): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : fallback;
}

/**
 * SR's syntax from the parsed text of its `data.json` (`{ settings: {...} }`); SR's defaults for
 * whatever is missing. Versions before cloze patterns had three switches, which SR itself turns
 * into patterns on load: so do we.
 */
export function srSyntaxFromData(data: unknown): SrSyntax {
	const settings = typeof data === 'object' && data !== null ? ((data as { settings?: unknown }).settings ?? {}) : {};
	if (typeof settings !== 'object' || settings === null) return DEFAULT_SR_SYNTAX;
	const s = settings as Record<string, unknown>;
	let clozePatterns = texts(s.clozePatterns, []);
	if (!Array.isArray(s.clozePatterns)) {
		clozePatterns = [];
		if (s.convertHighlightsToClozes !== false) clozePatterns.push(SR_HIGHLIGHT_CLOZE);
		if (s.convertBoldTextToClozes === true) clozePatterns.push(SR_BOLD_CLOZE);
		if (s.convertCurlyBracketsToClozes === true) clozePatterns.push(SR_CURLY_CLOZE);
	}
	const d = DEFAULT_SR_SYNTAX;
	return {
		flashcardTags: texts(s.flashcardTags, d.flashcardTags),
		ignoredTags: texts(s.flashcardTagsToIgnore, d.ignoredTags),
		foldersAreDecks: s.convertFoldersToDecks === true,
		singleLine: text(s.singleLineCardSeparator, d.singleLine),
		singleLineReversed: text(s.singleLineReversedCardSeparator, d.singleLineReversed),
		multiLine: text(s.multilineCardSeparator, d.multiLine),
		multiLineReversed: text(s.multilineReversedCardSeparator, d.multiLineReversed),
		multiLineEnd: text(s.multilineCardEndMarker, d.multiLineEnd),
		clozePatterns,
	};
}

/**
 * `#flashcards` in the list covers `flashcards` and `flashcards/aws` (tags given without `#`).
 * Case-sensitive, as SR compares them.
 */
export function hasTagIn(list: readonly string[], tags: readonly string[]): boolean {
	for (const entry of list) {
		const wanted = entry.startsWith('#') ? entry.slice(1) : entry;
		if (wanted === '') continue;
		for (const tag of tags) if (tag === wanted || tag.startsWith(wanted + '/')) return true;
	}
	return false;
}

/** A stable text of the settings for the card cache key. */
export function srSyntaxKey(syntax: SrSyntax | null): string {
	return syntax === null ? 'off' : JSON.stringify(syntax);
}
