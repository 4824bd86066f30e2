import { ImportError, IMPORT_FORMATS, importVpcBlocks } from '../core/import';
import { parseArgs, UsageError, type CliIO } from './io';

/**
 * `cloudnotes import <file...> [--from aws-cli|terraform|cloudformation]`: prints one fenced `vpc`
 * block per VPC found (paste them into a note); what the blocks cannot say is listed at the top of
 * each block as comments and on stderr. Exit 0 when at least one block was made, 1 otherwise.
 */
export async function runImport(args: readonly string[], io: CliIO): Promise<number> {
	const { positionals, flags } = parseArgs(args, { from: 'string' });
	if (positionals.length === 0) throw new UsageError('import needs at least one file');
	const from = flags.from;
	if (from !== undefined && (typeof from !== 'string' || !IMPORT_FORMATS.includes(from))) throw new UsageError(`--from is ${IMPORT_FORMATS.join(', ')}, not "${String(from)}"`);
	const inputs = [];
	for (const file of positionals) inputs.push({ name: file, text: await io.readText(file) });
	let output;
	try {
		output = importVpcBlocks(inputs, from);
	} catch (e) {
		if (e instanceof ImportError) {
			io.err(`cloudnotes import: ${e.message}`);
			return 1;
		}
		throw e;
	}
	io.out(output.blocks.map((b) => b.fenced).join('\n'));
	const dropped = output.blocks.reduce((n, b) => n + b.notes.length, 0) + output.notes.length;
	for (const b of output.blocks) for (const note of b.notes) io.err(`${b.name}: not represented: ${note}`);
	for (const note of output.notes) io.err(`not represented: ${note}`);
	io.err(`${output.blocks.length} vpc block${output.blocks.length === 1 ? '' : 's'} from ${[...new Set(output.formats)].join(', ')}; ${dropped} item${dropped === 1 ? '' : 's'} not represented (listed above and at the top of each block)`);
	return output.blocks.length > 0 ? 0 : 1;
}
