/**
 * Cards as a file for Anki's "Import File": tab-separated note type, two fields and tags, with the
 * header lines Anki (2.1.55+) reads to skip its import dialog's guesses. Question/answer cards are
 * Basic notes (Front, Back); cloze cards are Cloze notes (Text in `{{c1::...}}` syntax, Back Extra
 * empty), one note per cloze text, which Anki turns into a card per number as we do. Fields are HTML because
 * Markdown line breaks and emphasis would otherwise be lost; only what reads well without a
 * renderer is converted (line breaks, indentation, bold, italics, inline code).
 */
import type { Card } from './card';

export const ANKI_HEADER = ['#separator:tab', '#html:true', '#notetype column:1', '#tags column:4'];

/**
 * One line per card. Tags: a hierarchical Anki tag from the note name and the card's heading
 * path (`note::heading::sub`, spaces as underscores), plus the note's own tags when given.
 */
export function toAnkiTsv(cards: readonly Card[], noteTags?: (file: string) => readonly string[]): string {
	const rows = [...ANKI_HEADER];
	for (const card of cards) {
		const row = ankiTsvRow(card, noteTags?.(card.file) ?? []);
		if (row !== null) rows.push(row);
	}
	return rows.join('\n') + '\n';
}

/**
 * One card's line (without its newline), for writers that stream the file after ANKI_HEADER; null
 * for a cloze card whose note is written with the first card of its text.
 * `svg`: an occlusion card's or trace drill's diagrams, drawn, put inline after the question and
 * the answer; SVG is full of double quotes, so those fields are quoted as CSV quotes them, which
 * Anki's importer reads.
 */
export function ankiTsvRow(card: Card, noteTags: readonly string[], svg?: { front: string; back: string }): string | null {
	const tags = [...new Set([contextTag(card), ...noteTags.map(tagWord)].filter((t) => t !== ''))].join(' ');
	if (card.ankiCloze === '') return null;
	if (card.ankiCloze !== undefined) return ['Cloze', markdownToHtml(card.ankiCloze), '', tags].join('\t');
	const front = markdownToHtml(card.front);
	const back = markdownToHtml(card.back);
	if (!svg) return ['Basic', front, back, tags].join('\t');
	const field = (html: string, drawing: string): string => `"${`${html}<br>${oneLine(drawing)}`.replace(/"/g, '""')}"`;
	return ['Basic', field(front, svg.front), field(back, svg.back), tags].join('\t');
}

/** An SVG on one line: a tab or a line break would end the field. */
function oneLine(svg: string): string {
	return svg.replace(/[\t\r\n]+/g, ' ');
}

function contextTag(card: Card): string {
	return [noteName(card.file), ...card.context].map(tagWord).filter((t) => t !== '').join('::');
}

function noteName(file: string): string {
	const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
	return base.toLowerCase().endsWith('.md') ? base.slice(0, -3) : base;
}

/** Anki splits tags on spaces and treats `::` as hierarchy, so neither may appear inside one part. */
function tagWord(text: string): string {
	return text.trim().replace(/\s+/g, '_').replace(/::/g, ':').replace(/"/g, '');
}

export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CODE_SPAN = /`([^`\n]+)`/g;
// After escapeHtml, so `\<` arrives as `\&lt;`.
const ESCAPED = /\\(&(?:lt|gt|amp|quot);|[!-/:-@[-`{-~])/g;
const BOLD = /\*\*([^*\n]+?)\*\*/g;
const ITALIC = /\*([^*\s][^*\n]*?)\*/g;
const HIGHLIGHT = /==([^=\n]+)==/g;

/** Minimal Markdown to HTML for one field: never emits a raw tab, newline or double quote. */
export function markdownToHtml(markdown: string): string {
	return markdown
		.split(/\r\n|\r|\n/)
		.map((line) => {
			let indent = 0;
			let i = 0;
			for (; i < line.length && (line[i] === ' ' || line[i] === '\t'); i++) indent += line[i] === '\t' ? 4 : 1;
			const spans: string[] = [];
			// Code spans first, so emphasis inside code stays literal.
			let html = escapeHtml(line.slice(i).replace(/\t/g, ' ')).replace(CODE_SPAN, (_m, code: string) => {
				spans.push(`<code>${code}</code>`);
				return `\ue000${spans.length - 1}\ue000`;
			});
			// Backslash escapes (generated cards escape names this way) stand for the bare character.
			html = html.replace(ESCAPED, (_m, char: string) => {
				spans.push(char);
				return `\ue000${spans.length - 1}\ue000`;
			});
			html = html.replace(BOLD, '<b>$1</b>').replace(ITALIC, '<i>$1</i>').replace(HIGHLIGHT, '<mark>$1</mark>');
			html = html.replace(/\ue000(\d+)\ue000/g, (_m, n: string) => spans[Number(n)] ?? '');
			return '&nbsp;'.repeat(indent) + html;
		})
		.join('<br>');
}
