/**
 * Finding fenced code blocks and frontmatter in a note. One scanner shared by the topology
 * finder (CLI, index) and the card extractor, so "is this line inside code?" has one answer.
 * Line numbers are 0-based here; user-facing positions add 1 at the edge.
 */

export interface FencedBlock {
	/** First word of the info string, lower-cased (`vpc`, `containers`, `dockerfile`, ''). */
	language: string;
	/** The whole info string after the fence characters, trimmed. */
	info: string;
	/** Line of the opening fence. */
	openLine: number;
	/** Line of the closing fence, or the last line of the note when the block is never closed. */
	closeLine: number;
	/** Whether a closing fence was found. */
	closed: boolean;
	/** The lines between the fences joined with '\n' (indentation of the fence removed). */
	content: string;
	/** Line of the first content line (openLine + 1). */
	contentLine: number;
}

export interface Frontmatter {
	/** Line of the closing `---` (the block spans lines 0..endLine). */
	endLine: number;
	/** The YAML between the delimiters. */
	content: string;
}

/** Splits text into lines, accepting LF, CRLF and lone CR. */
export function splitLines(text: string): string[] {
	return text.split(/\r\n|\r|\n/);
}

/** The YAML frontmatter at the very start of a note, if any. */
export function findFrontmatter(lines: readonly string[]): Frontmatter | null {
	if (lines.length === 0 || lines[0]?.trimEnd() !== '---') return null;
	for (let i = 1; i < lines.length; i++) {
		const line = (lines[i] ?? '').trimEnd();
		if (line === '---' || line === '...') {
			return { endLine: i, content: lines.slice(1, i).join('\n') };
		}
	}
	return null;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/**
 * Every fenced code block of the note, in order, following CommonMark's rules: a fence of at least
 * three backticks or tildes, indented at most three spaces, closed by a fence of the same
 * character at least as long. Frontmatter is skipped. Fences inside blockquotes or lists are
 * not topology blocks and are ignored here, except that a `> ```` `-quoted fence is also seen
 * by callers that strip the quote marker themselves.
 */
export function findFencedBlocks(lines: readonly string[]): FencedBlock[] {
	const blocks: FencedBlock[] = [];
	const frontmatter = findFrontmatter(lines);
	let i = frontmatter ? frontmatter.endLine + 1 : 0;
	while (i < lines.length) {
		const open = FENCE.exec(lines[i] ?? '');
		if (!open) {
			i++;
			continue;
		}
		const indent = open[1]?.length ?? 0;
		const fence = open[2] ?? '```';
		const info = (open[3] ?? '').trim();
		// A backtick fence's info string may not contain backticks (that is inline code).
		if (fence[0] === '`' && info.includes('`')) {
			i++;
			continue;
		}
		const fenceChar = fence[0];
		let close = -1;
		for (let j = i + 1; j < lines.length; j++) {
			const candidate = /^( {0,3})(`{3,}|~{3,})\s*$/.exec(lines[j] ?? '');
			if (candidate && candidate[2]?.[0] === fenceChar && (candidate[2]?.length ?? 0) >= fence.length) {
				close = j;
				break;
			}
		}
		const closed = close !== -1;
		const closeLine = closed ? close : lines.length - 1;
		const body = lines.slice(i + 1, closed ? close : lines.length).map((l) => stripIndent(l, indent));
		blocks.push({
			language: (info.split(/\s+/)[0] ?? '').toLowerCase(),
			info,
			openLine: i,
			closeLine,
			closed,
			content: body.join('\n'),
			contentLine: i + 1,
		});
		i = closeLine + 1;
	}
	return blocks;
}

function stripIndent(line: string, indent: number): string {
	let n = 0;
	while (n < indent && line[n] === ' ') n++;
	return line.slice(n);
}
