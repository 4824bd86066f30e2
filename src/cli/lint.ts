import { analyzeNote, type Diagnostic } from '../core/topology';
import { ChunkedWriter, forEachText, formatFlag, parseArgs, UsageError, type CliIO } from './io';

interface FileDiagnostic extends Diagnostic {
	file: string;
}

/**
 * `cloudnotes lint <file|folder>... [--format text|json] [--pretty]`: exit 1 when any error, 0
 * otherwise. Files are read concurrently and each note's diagnostics written, in file order, as
 * soon as it is analysed; JSON is one diagnostic per line inside the array unless `--pretty`.
 */
export async function runLint(args: readonly string[], io: CliIO): Promise<number> {
	const { positionals, flags } = parseArgs(args, { format: 'string', pretty: 'boolean' });
	const format = formatFlag(flags.format, ['text', 'json'] as const);
	if (positionals.length === 0) throw new UsageError('lint needs at least one file or folder');
	const pretty = flags.pretty === true;
	const files = await io.markdownFiles(positionals);
	const out = new ChunkedWriter(io);
	const counts = { error: 0, warning: 0, info: 0 };
	let blocks = 0;
	let found = 0;
	if (format === 'json') await out.write('[');
	await forEachText(io, files, async (file, text) => {
		for (const block of analyzeNote(text)) {
			blocks++;
			for (const d of block.analysis.diagnostics) {
				counts[d.severity]++;
				await out.write(format === 'json' ? (found === 0 ? '\n' : ',\n') + diagnosticJson({ file, ...d }, pretty) : `${file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`);
				found++;
			}
		}
	});
	if (format === 'json') await out.write(found === 0 ? ']\n' : '\n]\n');
	await out.flush();
	if (format === 'text') {
		const summary = found === 0 ? 'no problems' : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
		io.err(`${plural(files.length, 'file')}, ${plural(blocks, 'topology block')}: ${summary}`);
	}
	return counts.error > 0 ? 1 : 0;
}

function diagnosticJson({ file, line, column, severity, code, message }: FileDiagnostic, pretty: boolean): string {
	const row = { file, line, column, severity, code, message };
	return pretty ? JSON.stringify(row, null, 2).replace(/^/gm, '  ') : JSON.stringify(row);
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}
