import { networkJson } from '../core/topology';
import { parseArgs, UsageError, type CliIO } from './io';
import { modelText, type ModelBlockJson } from './model-text';
import { readTopologyNote } from './topology-note';

/**
 * `cloudnotes model <note> [--block N] [--format json|text]`: the checked network of each VPC-shaped
 * topology block (its VPCs, subnets with public/private as AWS decides it, gateways, instances,
 * load balancers, security groups, and the links that join VPCs) as JSON, or as one line per VPC
 * and link. A public interface: docs/cli.md lists the fields that stay.
 * Exit 1 when a block has errors; 2 (a wrong question, not a refusal) when the note has no
 * VPC-shaped block or `--block N` names a block of another language.
 */
export async function runModel(args: readonly string[], io: CliIO): Promise<number> {
	const { positionals, flags } = parseArgs(args, { block: 'string', format: 'string', pretty: 'boolean' });
	if (positionals.length !== 1) throw new UsageError('model takes exactly one file');
	const format = flags.format ?? 'json';
	if (format !== 'json' && format !== 'text') throw new UsageError(`--format ${String(format)}: model prints json or text`);
	const file = positionals[0];
	const note = await readTopologyNote(io, file, flags.block);
	const out: ModelBlockJson[] = [];
	let status = 0;
	for (const b of note.blocks) {
		if (note.chosen !== null && b.block !== note.chosen) continue;
		const network = b.analysis.model ? networkJson(b.analysis.model) : null;
		if (network === null) {
			if (note.chosen !== null) throw new UsageError(`--block ${b.block}: ${file}: block ${b.block} (line ${b.openLine}) is a ${b.kind} block, which holds no VPC`, [], false);
			continue;
		}
		const errors = b.analysis.diagnostics.filter((d) => d.severity === 'error');
		for (const d of errors) io.err(`${file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
		if (errors.length) status = 1;
		out.push({ block: b.block, language: b.kind, line: b.openLine, errors: errors.length, vpcs: network.vpcs, links: network.links });
	}
	if (out.length === 0) throw new UsageError(`${file}: no VPC-shaped topology block (vpc, cloudformation, terraform)`, [], false);
	io.out(format === 'text' ? modelText(file, out) : JSON.stringify({ blocks: out }, null, flags.pretty === true ? 2 : undefined));
	return status;
}
