import { analyzeNote, type Diagnostic } from '../core/topology';
import { parseArgs, UsageError, type CliIO } from './io';

interface FileDiagnostic extends Diagnostic {
	file: string;
}

/** `cloudnotes lint <file|folder>... [--format text|json]`: exit 1 when any error, 0 otherwise. */
export async function runLint(args: readonly string[], io: CliIO): Promise<number> {
	const { positionals, flags } = parseArgs(args, { format: 'string' });
	const format = flags.format ?? 'text';
	if (format !== 'text' && format !== 'json') throw new UsageError(`--format is text or json, not "${String(format)}"`);
	if (positionals.length === 0) throw new UsageError('lint needs at least one file or folder');
	const files = await io.markdownFiles(positionals);
	const found: FileDiagnostic[] = [];
	let blocks = 0;
	for (const file of files) {
		const text = await io.readText(file);
		for (const block of analyzeNote(text)) {
			blocks++;
			for (const d of block.analysis.diagnostics) found.push({ file, ...d });
		}
	}
	const errors = found.filter((d) => d.severity === 'error').length;
	if (format === 'json') {
		io.out(JSON.stringify(found.map(({ file, line, column, severity, code, message }) => ({ file, line, column, severity, code, message })), null, 2));
	} else {
		for (const d of found) io.out(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
		const warnings = found.filter((d) => d.severity === 'warning').length;
		const infos = found.length - errors - warnings;
		const counts = found.length === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info`;
		io.err(`${plural(files.length, 'file')}, ${plural(blocks, 'topology block')}: ${counts}`);
	}
	return errors > 0 ? 1 : 0;
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}
