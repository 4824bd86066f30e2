/**
 * Putting text the user typed (resource names, rules) into Markdown we generate, so it reads as
 * that text and nothing else: no link, embed, tag, comment, math, HTML or emphasis. Generated
 * cards are rendered with Obsidian's Markdown renderer at review time; a name like
 * `<img src=x onerror=...>` or `[x](javascript:...)` must arrive there as plain characters.
 */

// CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can start
// markup mid-line in Obsidian's flavour (links, embeds, HTML, entities, emphasis, code, tags,
// %%comments%%, $math$, ==highlights==, ~~strikes~~, tables, footnotes, block ids). Hyphens,
// dots and slashes stay as they are, so names and CIDRs read naturally in the CLI and Anki too.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#!|~$%=&^]/g;
// At the start of a line, a list marker or an ordered-list number is markup as well.
const LINE_START_MARKER = /^([-+](?=\s|$)|\d+(?=[.)](?:\s|$)))/;

/** Text as Markdown that renders as exactly that text, on one line. */
export function markdownText(text: string): string {
	return text
		.replace(/[\r\n]+/g, ' ')
		.replace(MARKDOWN_SPECIAL, (c) => '\\' + c)
		.replace(LINE_START_MARKER, (m) => (m === '-' || m === '+' ? '\\' + m : m + '\\'));
}

/** Text as an inline code span, with a fence longer than any run of backticks inside it. */
export function markdownCode(text: string): string {
	const oneLine = text.replace(/[\r\n]+/g, ' ');
	let longest = 0;
	for (const run of oneLine.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
	const fence = '`'.repeat(longest + 1);
	const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || oneLine === '' ? ' ' : '';
	return `${fence}${pad}${oneLine}${pad}${fence}`;
}
