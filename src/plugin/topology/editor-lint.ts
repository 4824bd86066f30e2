/**
 * Lint as you type: a CodeMirror 6 linter (the `@codemirror/lint` Obsidian provides) that
 * underlines problems inside topology blocks (every registered language) with their messages. The
 * diagnostics are the core's, with note lines and columns turned into document offsets.
 */
import { linter, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import { analyzeNote, TOPOLOGY_FENCES } from '../../core/topology';
import { splitLines } from '../../core/markdown/fences';

export interface TextRangeDiagnostic {
	from: number;
	to: number;
	severity: 'error' | 'warning' | 'info';
	message: string;
	source: string;
}

/** Every topology diagnostic of a note as a character range: from its column to the end of the word there. */
export function topologyTextDiagnostics(text: string): TextRangeDiagnostic[] {
	const lines = splitLines(text);
	const starts: number[] = [];
	let offset = 0;
	// Offsets must follow the real line breaks (CRLF counts two characters).
	const breaks = text.match(/\r\n|\r|\n/g) ?? [];
	lines.forEach((line, i) => {
		starts.push(offset);
		offset += line.length + (breaks[i]?.length ?? 0);
	});
	const out: TextRangeDiagnostic[] = [];
	for (const block of analyzeNote(text)) {
		for (const d of block.analysis.diagnostics) {
			const lineIndex = Math.max(0, Math.min(lines.length - 1, d.line - 1));
			const lineText = lines[lineIndex] ?? '';
			const lineStart = starts[lineIndex] ?? 0;
			const column = Math.max(0, Math.min(lineText.length, d.column - 1));
			const word = /^\S+/.exec(lineText.slice(column))?.[0].length ?? 0;
			const from = lineStart + column;
			const to = word > 0 ? from + word : Math.min(lineStart + lineText.length, from + 1);
			out.push({ from, to: Math.max(from, to), severity: d.severity, message: d.message, source: `cloudnotes ${block.kind} (${d.code})` });
		}
	}
	return out;
}

/** The editor extension registered with registerEditorExtension. */
export function topologyLinter(): Extension {
	// A cheap test first: most notes have no topology block, and this runs as the person types.
	const fence = new RegExp(`^ {0,3}(\`{3,}|~{3,})\\s*(${TOPOLOGY_FENCES.join('|')})\\b`, 'im');
	return linter(
		(view) => {
			const text = view.state.doc.toString();
			if (!fence.test(text)) return [];
			return topologyTextDiagnostics(text).map((d): EditorDiagnostic => ({ from: d.from, to: d.to, severity: d.severity, message: d.message, source: d.source }));
		},
		{ delay: 400 },
	);
}
