import { analyzeNote, blockByNumber, TOPOLOGY_LANGUAGES, type NoteBlockAnalysis } from '../core/topology';
import { UsageError, type CliIO } from './io';

/**
 * The topology blocks of one note for `mermaid` and `trace`, with `--block N` checked against
 * them (chosen is null when the flag is not given). Says so and returns null when the note has
 * no topology block.
 */
export async function readTopologyNote(
	io: CliIO,
	file: string,
	blockFlag: string | boolean | undefined,
): Promise<{ blocks: NoteBlockAnalysis[]; chosen: number | null } | null> {
	const blocks = analyzeNote(await io.readText(file));
	const chosen = chosenBlock(blocks, blockFlag, file);
	if (blocks.length === 0) {
		io.err(`${file}: no topology block (${TOPOLOGY_LANGUAGES.map((l) => l.id).join(', ')})`);
		return null;
	}
	return { blocks, chosen };
}

function chosenBlock(blocks: readonly NoteBlockAnalysis[], flag: string | boolean | undefined, file: string): number | null {
	if (flag === undefined) return null;
	const found = blockByNumber(blocks, /^[0-9]+$/.test(String(flag)) ? Number(flag) : NaN);
	if (typeof found === 'string') throw new UsageError(`--block ${String(flag)}: ${file}: ${found}`);
	return found.block;
}
