/**
 * The card scanner reads some things with hand-written loops where it used to call a regular
 * expression per line, title or card (issue 27: a faster index with the same cards and ids). Each
 * loop must answer exactly what its expression did, on any text: a difference would change card
 * fronts, backs or ids, which are the review history's keys.
 */
import fc from 'fast-check';
import { parseCalloutHeader } from '../../../src/core/cards/callout-cards';
import { normalizeText } from '../../../src/core/cards/card-id';
import { readCardFrontmatter } from '../../../src/core/cards/frontmatter';
import { outlineNumberLength } from '../../../src/core/cards/heading-title';
import { closesFenceIn, fenceOpenIn, firstNonSpace, firstNonSpaceIn, indentWidth, indentWidthIn, isThematicBreak, isThematicBreakIn, lineAt, lineCount, listMarkerEnd, listMarkerEndIn, scanNote } from '../../../src/core/cards/note-structure';
import { splitLines } from '../../../src/core/markdown/fences';
import { isJsWhitespace } from '../../../src/core/cards/whitespace';
import { runs, SEED } from './arbitraries';

/** Strings of pieces the expressions care about: digits, dots, marks, every kind of space. */
function textOf(pieces: string[], maxLength = 12): fc.Arbitrary<string> {
	return fc.array(fc.constantFrom(...pieces), { maxLength }).map((parts) => parts.join(''));
}

const SPACES = [' ', '\t', '\u00a0', '\u3000', '\u2028', '\ufeff', '\n', '\r', '\u000b', '\u200b'];

describe(`hand-written scanners agree with the expressions they replace (seed ${SEED})`, () => {
	it('isJsWhitespace is \\s on every UTF-16 code unit', () => {
		const differing: number[] = [];
		for (let code = 0; code < 0x10000; code++) if (isJsWhitespace(code) !== /\s/.test(String.fromCharCode(code))) differing.push(code);
		expect(differing).toEqual([]);
	});

	it('outlineNumberLength measures what the outline-number expression matches', () => {
		const OUTLINE_NUMBER = /^(?:\d{1,4}(?:\.\d{1,4})+\.?|\d{1,4}[.)])[ \t\u00a0]*/;
		fc.assert(
			fc.property(textOf(['1', '0', '9', '12345', '.', '..', ')', ' ', '\t', '\u00a0', 'a', '가']), (text) => {
				expect(outlineNumberLength(text)).toBe(OUTLINE_NUMBER.exec(text)?.[0].length ?? 0);
			}),
			runs(),
		);
	});

	it('isThematicBreak is the thematic-break expression', () => {
		const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
		fc.assert(
			fc.property(textOf([' ', '\t', '-', '*', '_', '---', 'a', '\u00a0']), (line) => {
				expect(isThematicBreak(line)).toBe(THEMATIC_BREAK.test(line));
			}),
			runs(),
		);
	});

	it('normalizeText gives what NFC, collapsing whitespace runs and trimming gave', () => {
		const before = (text: string): string => {
			let out = text.normalize('NFC');
			if (/\s{2,}|[\t\n\r\f\v\u00a0]/.test(out)) out = out.replace(/\s+/g, ' ');
			return out.trim();
		};
		fc.assert(
			fc.property(textOf([...SPACES, 'a', '가', 'e\u0301', '\u1100\u1161']), (text) => {
				expect(normalizeText(text)).toBe(before(text));
			}),
			runs(),
		);
	});

	it('frontmatter keys are found where the key-line expression found them', () => {
		const KEY_LINE = /^([A-Za-z][\w-]*)[ \t]*:(.*)$/;
		const FALSE_WORDS = ['false', 'no', 'off'];
		fc.assert(
			fc.property(textOf(['tags', 'tag', 'cards', 'Tags', 'x', ':', ' ', '\t', '-', '_', '1', 'false', '\u2028', '\r', '가'], 8), (line) => {
				const match = KEY_LINE.exec(line);
				const key = match?.[1].toLowerCase();
				const read = readCardFrontmatter(`${line}\n`);
				// `cards: false` opts out only when the line is a key line for `cards`.
				if (key !== 'cards') expect(read.optedOut).toBe(false);
				else expect(read.optedOut).toBe(FALSE_WORDS.includes((match?.[2] ?? '').trim().toLowerCase()));
				if (key !== 'tags' && key !== 'tag') expect(read.tags).toEqual([]);
			}),
			runs(),
		);
	});

	it('the scanner reads the lines splitLines gives, as ranges of the note', () => {
		fc.assert(
			fc.property(textOf(['a', '가', ' ', '\n', '\r\n', '\r', '# h', '> q', '```', '---', '- **T** : d'], 30), (text) => {
				const structure = scanNote(text);
				const lines = splitLines(text);
				expect(lineCount(structure)).toBe(lines.length);
				// No `%%` in these notes, so no line is cut.
				for (let i = 0; i < lines.length; i++) expect(lineAt(structure, i)).toBe(lines[i]);
			}),
			runs(),
		);
	});

	it('a line tested in place in a note gets the answers of the line on its own', () => {
		const line = textOf([' ', '\t', '-', '*', '_', '+', '1', '12', '.', ')', 'a', '가', '**T**'], 10);
		fc.assert(
			fc.property(textOf(['x', ' ', '-', '\n', '1.'], 4), line, textOf(['y', ' ', '*', '\n'], 4), (before, own, after) => {
				const text = `${before}\n${own}\n${after}`;
				const from = before.length + 1;
				const to = from + own.length;
				const start = firstNonSpace(own);
				expect(firstNonSpaceIn(text, from, to) - from).toBe(start);
				expect(indentWidthIn(text, from, from + start)).toBe(indentWidth(own, start));
				expect(isThematicBreakIn(text, from, to)).toBe(isThematicBreak(own));
				const marker = listMarkerEnd(own, start);
				expect(listMarkerEndIn(text, from + start, to)).toBe(marker === -1 ? -1 : marker + from);
			}),
			runs(),
		);
	});

	it('parseCalloutHeader reads what the callout-header expression matched', () => {
		const CALLOUT_HEADER = /^\[!([^\]|\s]+)(?:\|[^\]]*)?\]([+-]?)(?:[ \t]+(.*))?$/;
		const before = (line: string) => {
			const match = CALLOUT_HEADER.exec(line.trimEnd());
			return match ? { type: match[1].toLowerCase(), title: (match[3] ?? '').trim() } : null;
		};
		fc.assert(
			fc.property(textOf(['[!', '[', '!', ']', '|', 'Note', 'faq', '+', '-', ' ', '\t', '\u00a0', '\u3000', '\u2028', '\n', '\r', 'x', '가', '[!tip]'], 10), (line) => {
				expect(parseCalloutHeader(line)).toEqual(before(line));
			}),
			runs(),
		);
	});

	it('fence lines are read as the fence expressions read them', () => {
		const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
		const FENCE_CLOSE = /^( {0,3})(`{3,}|~{3,})\s*$/;
		const line = textOf([' ', '  ', '`', '```', '~', '~~~', 'js', ' x', '\t', '\u00a0', '\u2028', '\r', '가'], 8);
		fc.assert(
			fc.property(line, fc.constantFrom('`', '~'), fc.integer({ min: 3, max: 5 }), (own, fenceChar, length) => {
				const text = `x\n${own}\ny`;
				const from = 2;
				const to = from + own.length;
				const open = FENCE_OPEN.exec(own);
				expect(fenceOpenIn(text, from, to)).toEqual(open ? { fence: open[2], info: open[3].trim() } : null);
				const close = FENCE_CLOSE.exec(own);
				expect(closesFenceIn(text, from, to, fenceChar.charCodeAt(0), length)).toBe(close !== null && close[2][0] === fenceChar && close[2].length >= length);
			}),
			runs(),
		);
	});
});
