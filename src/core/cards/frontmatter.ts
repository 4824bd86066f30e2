/**
 * The two frontmatter keys cards care about, `cards` and `tags`, read without a YAML parser:
 * a full parse of every note's frontmatter would cost more than extracting its cards. Handles the
 * forms Obsidian writes and people type: `key: value`, flow lists `[a, b]`, block lists, quoted
 * strings, and the JSON object some publishing plugins write (`{"dg-publish":true}`).
 */

export interface CardFrontmatter {
	optedOut: boolean;
	tags: string[];
}

const BLOCK_ITEM = /^[ \t]*-[ \t]+(.*)$/;
const FALSE_WORDS = new Set(['false', 'no', 'off']);

export function readCardFrontmatter(yaml: string | undefined): CardFrontmatter {
	const result: CardFrontmatter = { optedOut: false, tags: [] };
	if (!yaml || (!yaml.includes('cards') && !yaml.includes('tag'))) return result;
	const trimmed = yaml.trim();
	if (trimmed.startsWith('{')) return readJson(trimmed, result);
	const lines = yaml.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		const colon = keyColon(line);
		if (colon === -1) continue;
		const keyLength = keyEnd(line);
		// Only three keys matter: the others are skipped without building their names.
		if (keyLength < 3 || keyLength > 5) continue;
		const key = line.slice(0, keyLength).toLowerCase();
		const value = line.slice(colon + 1).trim();
		if (key === 'cards') {
			result.optedOut = FALSE_WORDS.has(unquote(value).toLowerCase());
		} else if (key === 'tags' || key === 'tag') {
			if (value !== '') {
				addTags(result.tags, value.startsWith('[') ? flowItems(value) : value.split(/[,\s]+/));
				continue;
			}
			for (let j = i + 1; j < lines.length; j++) {
				const item = BLOCK_ITEM.exec(lines[j]);
				if (!item) break;
				addTags(result.tags, [item[1]]);
				i = j;
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

/** `[a, "b", c]` -> its items (a missing `]` tolerated). */
function flowItems(value: string): string[] {
	const close = value.lastIndexOf(']');
	return value.slice(1, close === -1 ? undefined : close).split(',');
}

/**
 * Where `/^([A-Za-z][\w-]*)[ \t]*:(.*)$/` would find the colon of `key: value`, or -1 (a loop: it
 * runs on every frontmatter line of every note).
 */
function keyColon(line: string): number {
	let i = keyEnd(line);
	if (i === 0) return -1;
	while (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09) i++;
	if (line.charCodeAt(i) !== 0x3a) return -1;
	// `.` stops at line terminators, so a value holding one does not match.
	for (let j = i + 1; j < line.length; j++) {
		const code = line.charCodeAt(j);
		if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) return -1;
	}
	return i;
}

/** Length of the key `[A-Za-z][\w-]*` the line starts with (0: none). */
function keyEnd(line: string): number {
	if (!isLetter(line.charCodeAt(0))) return 0;
	let i = 1;
	for (;;) {
		const code = line.charCodeAt(i);
		if (!(isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d)) return i;
		i++;
	}
}

function isLetter(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function addTags(into: string[], raw: readonly string[]): void {
	for (const candidate of raw) {
		let tag = unquote(candidate.trim());
		if (tag.charCodeAt(0) === 0x23) tag = tag.slice(1);
		tag = tag.trim();
		if (tag !== '') into.push(tag);
	}
}

function unquote(value: string): string {
	if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
		return value.slice(1, -1);
	}
	return value;
}
