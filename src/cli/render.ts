import * as path from 'path';
import { renderNoteWithMermaid } from '../core/publish/render-note';
import { parseArgs, UsageError, type CliIO } from './io';
import { chromiumSvgRenderer, type SvgRenderer } from './svg-renderer';

/**
 * `cloudnotes render <note.md> [--out FILE] [--svg] [--icons] [--direction TB|LR]`: the note for
 * publishers that run no plugin (Quartz, Obsidian Publish, static site generators). Each topology
 * block becomes a ```mermaid block (with --icons, drawn with our icon pack, which the site must
 * register); with --svg, an SVG file beside the output, drawn with our icons, and an image link.
 * Blocks that cannot be drawn stay as written, and each is reported on stderr with its line.
 * Exit 0 when every block was converted, 1 when some stayed as written.
 */
export async function runRender(args: readonly string[], io: CliIO, svgRenderer: () => SvgRenderer | string = chromiumSvgRenderer): Promise<number> {
	const { positionals, flags } = parseArgs(args, { out: 'string', svg: 'boolean', icons: 'boolean', direction: 'string' });
	if (positionals.length !== 1) throw new UsageError('render takes exactly one note');
	const direction = flags.direction;
	if (direction !== undefined && direction !== 'TB' && direction !== 'LR') throw new UsageError(`--direction is TB or LR, not "${String(direction)}"`);
	const file = positionals[0];
	const out = typeof flags.out === 'string' ? flags.out : null;
	if (flags.svg && !out) throw new UsageError('--svg writes image files next to the output: give --out FILE');
	// SVGs are drawn here with our pack registered, so they always carry the icons.
	const icons = flags.svg === true || flags.icons === true;
	const rendered = renderNoteWithMermaid(await io.readText(file), { ...(direction ? { direction } : {}), ...(icons ? { icons } : {}) });
	let status = 0;
	for (const block of rendered.blocks) {
		if (block.replaced) continue;
		status = 1;
		const first = block.diagnostics.find((d) => d.severity === 'error');
		io.err(`${file}:${block.openLine}: ${block.kind} block kept as written: ${first ? `${first.code} at line ${first.line}: ${first.message}` : (block.refusal ?? 'not closed')}`);
	}
	let text = rendered.text;
	if (flags.svg && out) {
		const renderer = svgRenderer();
		if (typeof renderer === 'string') {
			io.err(`cloudnotes render: ${renderer}`);
			return 2;
		}
		const drawn = rendered.blocks.filter((b) => b.replaced && b.mermaid !== null);
		const svgs = await renderer.render(drawn.map((b) => b.mermaid ?? ''), drawn.map((b) => b.layout));
		const base = path.basename(out).replace(/\.md$/i, '');
		let k = 0;
		text = text.replace(/^([ \t]*)(`{3,}|~{3,})mermaid\n[\s\S]*?\n\1\2[ \t]*$/gm, (whole, indent: string) => {
			const block = drawn[k];
			const svg = svgs[k];
			if (!block || svg === undefined) return whole;
			k++;
			return `${indent}![${block.kind} ${block.title || `diagram ${k}`}](${encodeURI(`${base}-${k}.svg`)})`;
		});
		for (let i = 0; i < svgs.length; i++) await io.writeText(path.join(path.dirname(out), `${base}-${i + 1}.svg`), svgs[i] ?? '');
	}
	if (out) await io.writeText(out, text);
	else io.out(text);
	return status;
}
