/**
 * The two frontmatter keys cards care about, `cards` and `tags`, read without a YAML parser:
 * a full parse of every note's frontmatter would cost more than extracting its cards. Handles the
 * forms Obsidian writes and people type: `key: value`, flow lists `[a, b]`, block lists, quoted
 * strings, and the JSON object some publishing plugins write (`{"dg-publish":true}`).
 */

import { isJsWhitespace } from './whitespace';

export interface CardFrontmatter {
	optedOut: boolean;
	tags: string[];
}

const BLOCK_ITEM = /^[ \t]*-[ \t]+(.*)$/;
const FALSE_WORDS = new Set(['false', 'no', 'off']);

export function readCardFrontmatter(yaml: string | undefined): CardFrontmatter {
	const result: CardFrontmatter = { optedOut: false, tags: [] };
	if (!yaml || (!yaml.includes('cards') && !yaml.includes('tag'))) return result;
	// The JSON form starts with `{` after any whitespace (found without a trimmed copy of every frontmatter).
	let first = 0;
	while (first < yaml.length && isJsWhitespace(yaml.charCodeAt(first))) first++;
	if (yaml.charCodeAt(first) === 0x7b) return readJson(yaml.trim(), result);
	// Line by line as offsets into the YAML: only the lines of the three keys are copied out.
	for (let start = 0; start <= yaml.length; ) {
		let end = yaml.indexOf('\n', start);
		if (end === -1) end = yaml.length;
		const keyLength = keyEnd(yaml, start, end);
		// Only three keys matter: the others are skipped without building their names.
		const colon = keyLength < 3 || keyLength > 5 ? -1 : keyColon(yaml, start, end, keyLength);
		if (colon === -1) {
			start = end + 1;
			continue;
		}
		const key = keyLength === 5 && isKey(yaml, start, 'cards') ? 'cards' : (keyLength === 4 && isKey(yaml, start, 'tags')) || (keyLength === 3 && isKey(yaml, start, 'tag')) ? 'tags' : '';
		if (key === '') {
			start = end + 1;
			continue;
		}
		const value = yaml.slice(colon + 1, end).trim();
		start = end + 1;
		if (key === 'cards') {
			result.optedOut = FALSE_WORDS.has(unquote(value).toLowerCase());
		} else {
			if (value !== '') {
				if (value.startsWith('[')) addFlowItems(result.tags, value);
				else addTags(result.tags, value.split(/[,\s]+/));
				continue;
			}
			while (start <= yaml.length) {
				let itemEnd = yaml.indexOf('\n', start);
				if (itemEnd === -1) itemEnd = yaml.length;
				const item = BLOCK_ITEM.exec(yaml.slice(start, itemEnd));
				if (!item) break;
				addTags(result.tags, [item[1]]);
				start = itemEnd + 1;
			}
		}
	}
	return result;
}

function readJson(text: string, result: CardFrontmatter): CardFrontmatter {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return result;
	}
	if (typeof data !== 'object' || data === null) return result;
	const record = data as Record<string, unknown>;
	const cards = record['cards'];
	result.optedOut = cards === false || (typeof cards === 'string' && FALSE_WORDS.has(cards.toLowerCase()));
	for (const key of ['tags', 'tag']) {
		const tags = record[key];
		if (Array.isArray(tags)) addTags(result.tags, tags.filter((t): t is string => typeof t === 'string'));
		else if (typeof tags === 'string') addTags(result.tags, tags.split(/[,\s]+/));
	}
	return result;
}

/**
 * The key of `length` characters at `start` is `lowerCase` in any case: `key.toLowerCase() ===
 * lowerCase` without the lowercased copy (key characters are `[A-Za-z0-9_-]`, and setting the
 * 0x20 bit turns none but an upper-case letter into a lower-case one).
 */
function isKey(text: string, start: number, lowerCase: string): boolean {
	for (let i = 0; i < lowerCase.length; i++) if ((text.charCodeAt(start + i) | 0x20) !== lowerCase.charCodeAt(i)) return false;
	return true;
}

/** The tags of `[a, "b", c]` (a missing `]` tolerated): each comma-separated item as addTags takes it, without splitting into an array first. */
function addFlowItems(into: string[], value: string): void {
	const close = value.lastIndexOf(']');
	const end = close === -1 ? value.length : Math.max(close, 1);
	for (let from = 1; ; ) {
		const comma = value.indexOf(',', from);
		const to = comma === -1 || comma > end ? end : comma;
		addTagIn(into, value, from, to);
		if (to === end) return;
		from = to + 1;
	}
}

/**
 * Where `/^([A-Za-z][\w-]*)[ \t]*:(.*)$/` would find the colon of `key: value` in the line
 * [start, end) of `text`, whose key is `keyLength` long, or -1 (a loop: it runs on every
 * frontmatter line of every note).
 */
function keyColon(text: string, start: number, end: number, keyLength: number): number {
	let i = start + keyLength;
	while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
	if (i === end || text.charCodeAt(i) !== 0x3a) return -1;
	// `.` stops at line terminators, so a value holding one does not match.
	for (let j = i + 1; j < end; j++) {
		const code = text.charCodeAt(j);
		if (code === 0x0d || code === 0x2028 || code === 0x2029) return -1;
	}
	return i;
}

/** Length of the key `[A-Za-z][\w-]*` the line [start, end) of `text` starts with (0: none). */
function keyEnd(text: string, start: number, end: number): number {
	if (start === end || !isLetter(text.charCodeAt(start))) return 0;
	let i = start + 1;
	while (i < end) {
		const code = text.charCodeAt(i);
		if (!(isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d)) break;
		i++;
	}
	return i - start;
}

function isLetter(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function addTags(into: string[], raw: readonly string[]): void {
	for (const candidate of raw) addTag(into, candidate);
}

function addTag(into: string[], candidate: string): void {
	addTagIn(into, candidate, 0, candidate.length);
}

/**
 * The tag in [from, to) of `text`: trimmed, unquoted, without a leading `#`, trimmed again, kept
 * when not empty. Worked out as bounds and copied once (not a trimmed and unquoted copy per step).
 */
function addTagIn(into: string[], text: string, from: number, to: number): void {
	let start = from;
	let end = to;
	while (start < end && isJsWhitespace(text.charCodeAt(start))) start++;
	while (end > start && isJsWhitespace(text.charCodeAt(end - 1))) end--;
	const quote = text.charCodeAt(start);
	if (end - start >= 2 && (quote === 0x22 || quote === 0x27) && text.charCodeAt(end - 1) === quote) {
		start++;
		end--;
	}
	if (start < end && text.charCodeAt(start) === 0x23) start++;
	while (start < end && isJsWhitespace(text.charCodeAt(start))) start++;
	while (end > start && isJsWhitespace(text.charCodeAt(end - 1))) end--;
	if (start < end) into.push(text.slice(start, end));
}

function unquote(value: string): string {
	if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
		return value.slice(1, -1);
	}
	return value;
}
