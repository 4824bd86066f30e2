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

const KEY_LINE = /^([A-Za-z][\w-]*)[ \t]*:(.*)$/;
const BLOCK_ITEM = /^[ \t]*-[ \t]+(.*)$/;
const FALSE_WORDS = new Set(['false', 'no', 'off']);

export function readCardFrontmatter(yaml: string | undefined): CardFrontmatter {
	const result: CardFrontmatter = { optedOut: false, tags: [] };
	if (!yaml || (!yaml.includes('cards') && !yaml.includes('tag'))) return result;
	const trimmed = yaml.trim();
	if (trimmed.startsWith('{')) return readJson(trimmed, result);
	const lines = yaml.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const match = KEY_LINE.exec(lines[i]);
		if (!match) continue;
		const key = (match[1]).toLowerCase();
		const value = (match[2]).trim();
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

function addTags(into: string[], raw: readonly string[]): void {
	for (const candidate of raw) {
		const tag = unquote(candidate.trim()).replace(/^#/, '').trim();
		if (tag !== '') into.push(tag);
	}
}

function unquote(value: string): string {
	if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
		return value.slice(1, -1);
	}
	return value;
}
