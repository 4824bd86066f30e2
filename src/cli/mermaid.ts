import { toMermaid } from '../core/topology';
import { iconPackLoaders } from '../core/topology/shared/icons';
import { parseArgs, UsageError, type CliIO } from './io';
import { readTopologyNote } from './topology-note';

/**
 * `cloudnotes mermaid <file> [--block N]`: one block prints bare Mermaid text (pipe it to mmdc);
 * several print each in its own ```mermaid fence. `--icons` draws icons (the text then needs our
 * icon pack); `--icon-pack` prints the pack as JSON, the argument of `mermaid.registerIconPacks`.
 */
export async function runMermaid(args: readonly string[], io: CliIO): Promise<number> {
	const { positionals, flags } = parseArgs(args, { block: 'string', icons: 'boolean', 'icon-pack': 'boolean' });
	if (flags['icon-pack'] === true) {
		if (positionals.length > 0) throw new UsageError('--icon-pack takes no file');
		io.out(JSON.stringify(iconPackLoaders()));
		return 0;
	}
	if (positionals.length !== 1) throw new UsageError('mermaid takes exactly one file');
	const file = positionals[0];
	const { blocks, chosen } = await readTopologyNote(io, file, flags.block);
	const selected = chosen === null ? blocks : blocks.filter((b) => b.block === chosen);
	let status = 0;
	const texts: string[] = [];
	for (const b of selected) {
		for (const d of b.analysis.diagnostics.filter((x) => x.severity === 'error')) io.err(`${file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
		const model = b.analysis.model;
		const diagram = model ? toMermaid(model, { icons: flags.icons === true }) : null;
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
