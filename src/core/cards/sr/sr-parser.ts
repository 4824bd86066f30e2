/**
 * Finds the Spaced Repetition plugin's questions in a note, line by line, with SR 1.15's rules
 * (`src/parser.ts`), so a note gives the cards SR gives:
 * - a line with the single-line separator (`::`, or `:::` reversed; the longer is tried first, and
 *   the first occurrence must not sit inside inline code) is a card of its own, with the next line
 *   when that is a schedule comment or SR's metadata callout;
 * - a line that is exactly the multi-line separator (`?`, `??`) makes the paragraph around it a
 *   card: from after the last blank line to the next blank line (or the end marker, when set);
 * - otherwise a paragraph with a cloze in it is a cloze card;
 * - fenced code (a fence at the start of a line) is taken into the card whole, unexamined;
 * - an HTML comment line (other than a schedule comment) is skipped up to its `-->`; SR tests the
 *   first line only, so a comment opened without closing on that line hides the rest of the note:
 *   kept, so we find what SR finds.
 * Lines are 0-based; the frontmatter is blank lines (as SR blanks it).
 */
import { clozeTypeOf, type ClozePattern } from './cloze';
import type { SrSyntax } from './sr-syntax';

export type SrQuestionType = 'single' | 'single-reversed' | 'multi' | 'multi-reversed' | 'cloze';

export interface SrQuestion {
	type: SrQuestionType;
	/** The question's text as SR keeps it (schedule comment included). */
	text: string;
	first: number;
	last: number;
}

export const SR_METADATA_CALLOUT = '> [!sr|card-metadata]';
const SCHEDULE_START = '<!--SR:';

function insideInlineCode(text: string, at: number, length: number): boolean {
	let before = 0;
	let after = 0;
	for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 0x60) before++;
	for (let i = at + length; i < text.length; i++) if (text.charCodeAt(i) === 0x60) after++;
	return before % 2 === 1 && after % 2 === 1;
}

function hasInlineSeparator(line: string, separator: string): boolean {
	if (separator === '') return false;
	const at = line.indexOf(separator);
	return at !== -1 && !insideInlineCode(line, at, separator.length);
}

/** Lines before `from` (the frontmatter) count as blank, as SR blanks them. */
export function parseSrQuestions(lines: readonly string[], syntax: SrSyntax, clozes: readonly ClozePattern[], from = 0): SrQuestion[] {
	const inline: { separator: string; type: SrQuestionType }[] = [
		{ separator: syntax.singleLine, type: 'single' },
		{ separator: syntax.singleLineReversed, type: 'single-reversed' },
	];
	inline.sort((a, b) => b.separator.length - a.separator.length);
	const endMarker = syntax.multiLineEnd;
	const out: SrQuestion[] = [];
	let text = '';
	let type: SrQuestionType | null = null;
	let first = from;
	for (let i = from; i < lines.length; i++) {
		const line = lines[i];
		const trimmed = line.trim();
		if (line.startsWith('<!--') && !line.startsWith(SCHEDULE_START)) {
			// SR's loop tests this same line each time: without `-->` on it, the rest of the note goes.
			if (!line.includes('-->')) i = lines.length;
			else i++;
			// `continue` then skips one more line (SR's i++ after its loop): one line of the note past the comment.
			continue;
		}
		const empty = trimmed.length === 0;
		if ((empty && !endMarker) || (empty && type === null) || (endMarker !== '' && trimmed === endMarker)) {
			if (type) out.push({ type, text: text.trimEnd(), first, last: i - 1 });
			type = null;
			text = '';
			first = i + 1;
			continue;
		}
		if (text.length > 0) text += '\n';
		text += line.trimEnd();
		for (const { separator, type: inlineType } of inline) {
			if (hasInlineSeparator(line, separator)) {
				type = inlineType;
				break;
			}
		}
		if (type === 'single' || type === 'single-reversed') {
			text = line;
			first = i;
			if (i + 1 < lines.length && lines[i + 1].startsWith(SCHEDULE_START)) {
				text += '\n' + lines[++i];
			} else if (i + 1 < lines.length && lines[i + 1].startsWith(SR_METADATA_CALLOUT)) {
				for (let j = i + 1; j < lines.length; j++) {
					text += '\n' + lines[j];
					i++;
					if (lines[j].includes(SCHEDULE_START)) break;
				}
			}
			out.push({ type, text, first, last: i });
			type = null;
			text = '';
		} else if (trimmed === syntax.multiLine) {
			if (text.length > 1) type = 'multi';
		} else if (trimmed === syntax.multiLineReversed) {
			if (text.length > 1) type = 'multi-reversed';
		} else if (line.startsWith('```') || line.startsWith('~~~')) {
			const close = /`+|~+/.exec(line)![0];
			while (i + 1 < lines.length && !lines[i + 1].startsWith(close)) text += '\n' + lines[++i];
			text += '\n' + close;
			i++;
		} else if (type === null && clozes.length > 0 && clozeTypeOf(line, clozes) !== null) {
			type = 'cloze';
		}
	}
	if (type && text) out.push({ type, text: text.trimEnd(), first, last: lines.length - 1 });
	return out;
}
