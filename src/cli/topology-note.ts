import { analyzeNote, blockByNumber, TOPOLOGY_LANGUAGES, type NoteBlockAnalysis } from '../core/topology';
import { nearest, UsageError, type CliIO } from './io';

/**
 * The topology blocks of one note for `mermaid` and `trace`, with `--block N` checked against
 * them (chosen is null when the flag is not given). A note without a topology block, or a block
 * number it does not have, is a usage error (exit 2): there is nothing to draw or trace, which is
 * not a refusal.
 */
export async function readTopologyNote(
	io: CliIO,
	file: string,
	blockFlag: string | boolean | undefined,
): Promise<{ blocks: NoteBlockAnalysis[]; chosen: number | null }> {
	const blocks = analyzeNote(await io.readText(file));
	if (blocks.length === 0) throw new UsageError(`${file}: no topology block (${TOPOLOGY_LANGUAGES.map((l) => l.id).join(', ')})`, [], false);
	return { blocks, chosen: chosenBlock(blocks, blockFlag, file) };
}

function chosenBlock(blocks: readonly NoteBlockAnalysis[], flag: string | boolean | undefined, file: string): number | null {
	if (flag === undefined) return null;
	const found = blockByNumber(blocks, /^[0-9]+$/.test(String(flag)) ? Number(flag) : NaN);
	if (typeof found === 'string') throw new UsageError(`--block ${String(flag)}: ${file}: ${found}`, nearest(String(flag), blocks.map((b) => String(b.block))), false);
	return found.block;
}
