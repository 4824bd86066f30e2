/**
 * A block's text and where it sits in the note: offsets in the block become note positions, and
 * every problem found goes to one sink. YamlSource adds YAML reading on top; a language that reads
 * its own syntax (Terraform's HCL) is handed this alone.
 */

import { DiagnosticSink, type DiagnosticCode, type Pos, type Severity } from './diagnostic';

export class TextSource {
	readonly sink = new DiagnosticSink();
	/** Note position of the block's first content line. */
	readonly start: Pos;
	/** The block's text as written. */
	readonly source: string;
	/** Offsets where the block's lines start (a line ends at `\n`). */
	private readonly lineStarts: number[] = [0];
	protected readonly firstLine: number;
	protected readonly columnOffset: number;

	constructor(source: string, firstLine: number, columnOffset = 0) {
		this.source = source;
		this.firstLine = firstLine;
		this.columnOffset = columnOffset;
		this.start = { line: firstLine, column: 1 + columnOffset };
		for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
	}

	/** Note position of an offset in the block. */
	pos(offset: number): Pos {
		const starts = this.lineStarts;
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (starts[mid] <= offset) low = mid;
			else high = mid - 1;
		}
		return { line: this.firstLine + low, column: offset - starts[low] + 1 + this.columnOffset };
	}

	/** `severity` overrides the code's usual one (rarely: a language whose unknowns are expected). */
	report(pos: Pos, code: DiagnosticCode, message: string, severity?: Severity): void {
		this.sink.add(pos, code, message, severity);
	}

	diagnostics(): DiagnosticSink['list'] {
		return this.sink.list;
	}
}
