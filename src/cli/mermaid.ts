import { analyzeNote, blockByNumber, toMermaid, type NoteBlockAnalysis } from '../core/topology';
import { parseArgs, UsageError, type CliIO } from './io';

/**
 * `cloudnotes mermaid <file> [--block N]`: one block prints bare Mermaid text (pipe it to mmdc);
 * several print each in its own ```mermaid fence.
 */
export async function runMermaid(args: readonly string[], io: CliIO): Promise<number> {
	const { positionals, flags } = parseArgs(args, { block: 'string' });
	if (positionals.length !== 1) throw new UsageError('mermaid takes exactly one file');
	const file = positionals[0];
	const blocks = analyzeNote(await io.readText(file));
	const chosen = chosenBlock(blocks, flags.block, file);
	if (blocks.length === 0) {
		io.err(`${file}: no vpc or containers block`);
		return 1;
	}
	const selected = chosen === null ? blocks : blocks.filter((b) => b.block === chosen);
	let status = 0;
	const texts: string[] = [];
	for (const b of selected) {
		for (const d of b.analysis.diagnostics.filter((x) => x.severity === 'error')) io.err(`${file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
		const model = b.analysis.model;
		const diagram = model ? toMermaid(model) : null;
		if (!diagram || diagram.text === '') {
			io.err(`${file}: block ${b.block} (line ${b.openLine}): ${diagram?.refusal ?? 'nothing to draw'}`);
			status = 1;
			continue;
		}
		texts.push(diagram.text.trimEnd());
	}
	if (selected.length === 1) {
		if (texts[0] !== undefined) io.out(texts[0]);
	} else {
		io.out(texts.map((t) => '```mermaid\n' + t + '\n```').join('\n\n'));
	}
	return status;
}

/** `--block N` checked against the note's topology blocks; null when not given. */
export function chosenBlock(blocks: readonly NoteBlockAnalysis[], flag: string | boolean | undefined, file: string): number | null {
	if (flag === undefined) return null;
	const found = blockByNumber(blocks, /^[0-9]+$/.test(String(flag)) ? Number(flag) : NaN);
	if (typeof found === 'string') throw new UsageError(`--block ${String(flag)}: ${file}: ${found}`);
	return found.block;
}
