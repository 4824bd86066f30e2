import { isAddress, languageOf, trace, type NoteBlockAnalysis, type TraceQuery } from '../core/topology';
import { formatFlag, nearest, parseArgs, UsageError, type CliIO } from './io';
import { readTopologyNote } from './topology-note';

const PROTOS = ['tcp', 'udp', 'icmp', 'all'] as const;

/**
 * `cloudnotes trace <file> --from A --to B [--port N] [--proto P] [--block N] [--format json]`:
 * exit 0 when allowed, 1 when refused, 2 when an end is not in the block (a typo is not a
 * refusal: a script must tell them apart), with the block's nearest names as suggestions.
 */
export async function runTrace(args: readonly string[], io: CliIO): Promise<number> {
	const { positionals, flags } = parseArgs(args, { from: 'string', to: 'string', port: 'string', proto: 'string', block: 'string', format: 'string' });
	if (positionals.length !== 1) throw new UsageError('trace takes exactly one file');
	const from = flags.from;
	const to = flags.to;
	if (typeof from !== 'string' || typeof to !== 'string') throw new UsageError('trace needs --from and --to');
	const format = formatFlag(flags.format, ['text', 'json'] as const);
	const query: TraceQuery = { from, to };
	if (flags.port !== undefined) {
		const port = Number(flags.port);
		if (!/^[0-9]{1,5}$/.test(String(flags.port)) || port > 65535) throw new UsageError(`--port is a number from 0 to 65535, not "${String(flags.port)}"`);
		query.port = port;
	}
	if (flags.proto !== undefined) {
		const proto = PROTOS.find((p) => p === String(flags.proto).toLowerCase());
		if (!proto) throw new UsageError(`--proto is tcp, udp, icmp or all, not "${String(flags.proto)}"`, nearest(String(flags.proto), PROTOS));
		query.proto = proto;
	}
	const file = positionals[0];
	const { blocks, chosen } = await readTopologyNote(io, file, flags.block);
	const block = chosen !== null ? blocks[chosen - 1] : pickBlock(blocks, from, to);
	const model = block.analysis.model;
	if (!model) {
		io.err(`${file}: block ${block.block} could not be read`);
		return 1;
	}
	for (const end of [from, to]) {
		if (knows(block, end)) continue;
		const names = block.analysis.endpoints;
		throw new UsageError(`"${end}" is not in block ${block.block} (line ${block.openLine}) of ${file}: a trace starts and ends at ${languageOf(model).endpointHint}`, nearest(end, names), false);
	}
	const result = trace(model, query);
	if (format === 'json') {
		io.out(JSON.stringify(result, null, 2));
		return result.allowed ? 0 : 1;
	}
	const what = query.port !== undefined ? ` (${query.proto ?? 'tcp'} ${query.port})` : query.proto ? ` (${query.proto})` : '';
	io.out(`${from} -> ${to}${what}: ${result.allowed ? 'ALLOWED' : 'REFUSED'}  [block ${block.block}, line ${block.openLine}]`);
	result.hops.forEach((hop, i) => {
		const mark = hop.allowed ? 'ok     ' : 'REFUSED';
		const rule = hop.rule ? `  [${hop.rule}]` : '';
		io.out(`  ${String(i + 1).padStart(2)}. ${mark} ${hop.resource} · ${hop.step}: ${hop.reason}${rule}`);
	});
	// A refusal before the first hop is its own summary: say it once.
	if (!result.hops.some((hop) => hop.reason === result.summary)) io.out(result.summary);
	return result.allowed ? 0 : 1;
}

/** Whether a block can trace from or to this end (`internet` and addresses fit anywhere). */
function knows(b: NoteBlockAnalysis, name: string): boolean {
	return name === 'internet' || isAddress(name) || b.analysis.resources.some((r) => r.name === name) || (b.analysis.model !== null && languageOf(b.analysis.model).isEndpoint(b.analysis.model, name));
}

/** Without --block: the first block that knows both ends, else the first that knows one, else the first. */
function pickBlock(blocks: NoteBlockAnalysis[], from: string, to: string): NoteBlockAnalysis {
	return blocks.find((b) => knows(b, from) && knows(b, to)) ?? blocks.find((b) => knows(b, from) || knows(b, to)) ?? blocks[0];
}
