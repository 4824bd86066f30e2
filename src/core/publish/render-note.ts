/**
 * A note for publishers that do not run our code (Quartz, Obsidian Publish, static site
 * generators): each topology block becomes a ```mermaid block, drawn by the site's own Mermaid.
 * A block that cannot be drawn stays as written, so nothing the author wrote is lost.
 */
import { splitLines } from '../markdown/fences';
import { findTopologyBlocks } from '../topology';
import { publishBlock, type PublishedBlock, type PublishOptions } from './published-block';

export interface RenderedNote {
	text: string;
	/** Every topology block, in order, with what became of it. */
	blocks: (PublishedBlock & { openLine: number; replaced: boolean })[];
}

export function renderNoteWithMermaid(text: string, options: PublishOptions = {}): RenderedNote {
	const lines = splitLines(text);
	const newline = text.includes('\r\n') ? '\r\n' : '\n';
	const out: string[] = [];
	const blocks: RenderedNote['blocks'] = [];
	let next = 0;
	for (const fenced of findTopologyBlocks(text)) {
		const published = publishBlock(fenced.kind, fenced.content, fenced.contentLine + 1, options);
		const replaced = published.mermaid !== null && fenced.closed;
		blocks.push({ ...published, openLine: fenced.openLine + 1, replaced });
		if (!replaced || published.mermaid === null) continue;
		const indent = /^\s*/.exec(lines[fenced.openLine] ?? '')?.[0] ?? '';
		const fence = /^\s*(`{3,}|~{3,})/.exec(lines[fenced.openLine] ?? '')?.[1] ?? '```';
		out.push(...lines.slice(next, fenced.openLine));
		out.push(`${indent}${fence}mermaid`);
		for (const line of published.mermaid.replace(/\n$/, '').split('\n')) out.push(indent + line);
		out.push(`${indent}${fence}`);
		next = fenced.closeLine + 1;
	}
	out.push(...lines.slice(next));
	return { text: out.join(newline), blocks };
}
