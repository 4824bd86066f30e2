import { ANKI_HEADER, ankiTsvRow, extractNote, type Card } from '../core/cards';
import { ChunkedWriter, forEachText, formatFlag, parseArgs, UsageError, type CliIO } from './io';
import { chromiumSvgRenderer, type SvgRenderer } from './svg-renderer';

const FORMATS = ['json', 'jsonl', 'tsv'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `cloudnotes cards <file|folder>... [--format json|jsonl|tsv] [--pretty]`: the cards the notes
 * make, with the same extractor (and so the same ids) as the plugin. Ids include the note path as
 * given here, so run it from the vault's root to get the plugin's ids.
 *
 * Written as a stream: files are read concurrently and extracted in order as they arrive, and
 * each note's cards are written before the next note is extracted, so a 10,000-note vault never
 * becomes one string in memory. JSON is one card per line inside the array unless `--pretty`.
 *
 * Occlusion cards and trace drills also carry `mask` (the hidden element's Mermaid id, null for a
 * drill), `answer` (the hidden fact as text) and `diagram` (the front's and the back's Mermaid
 * text). In the Anki file their fields hold the diagrams as inline SVG, drawn by headless Chromium
 * (as `render --svg`); the export then waits for all notes, to draw every diagram in one browser.
 */
export async function runCards(args: readonly string[], io: CliIO, svgRenderer: () => SvgRenderer | string = chromiumSvgRenderer): Promise<number> {
	const { positionals, flags } = parseArgs(args, { format: 'string', pretty: 'boolean' });
	if (positionals.length === 0) throw new UsageError('cards needs at least one file or folder');
	const format = formatFlag(flags['format'], FORMATS);
	const pretty = flags['pretty'] === true;
	if (pretty && format !== 'json') throw new UsageError('--pretty goes with --format json');
	const files = await io.markdownFiles(positionals);
	const out = new ChunkedWriter(io);
	const writeCard = cardWriter(format, pretty);
	let count = 0;
	/** Anki rows waiting for their diagrams, in order (a string is a finished row). */
	const rows: (string | { card: Card; tags: readonly string[] })[] = [];
	if (format === 'tsv') await out.write(ANKI_HEADER.join('\n') + '\n');
	else if (format === 'json') await out.write('[');
	await forEachText(io, files, async (file, text) => {
		const note = extractNote(file, text);
		if (note.cards.length === 0) return;
		// One write per note: an await per card was a tenth of the run on 86,000 cards.
		if (format === 'tsv' && (rows.length > 0 || note.cards.some((c) => c.diagram))) {
			for (const card of note.cards) rows.push(card.diagram ? { card, tags: note.tags } : writeCard(card, note.tags, false));
			return;
		}
		let chunk = '';
		for (const card of note.cards) chunk += writeCard(card, note.tags, count++ === 0);
		await out.write(chunk);
	});
	if (rows.length > 0) await out.write(await withDiagrams(rows, io, svgRenderer));
	if (format === 'json') await out.write(count === 0 ? ']\n' : '\n]\n');
	await out.flush();
	return 0;
}

/** One card's text in the format, with what separates it from the card before. */
function cardWriter(format: Format, pretty: boolean): (card: Card, tags: readonly string[], first: boolean) => string {
	if (format === 'tsv') return (card, tags) => { const line = ankiTsvRow(card, tags); return line === null ? '' : line + '\n'; };
	if (format === 'jsonl') return (card) => JSON.stringify(row(card)) + '\n';
	// As JSON.stringify(cards, null, 2) would lay it out, one card at a time.
	if (pretty) return (card, _tags, first) => (first ? '\n' : ',\n') + JSON.stringify(row(card), null, 2).replace(/^/gm, '  ');
	return (card, _tags, first) => (first ? '\n' : ',\n') + JSON.stringify(row(card));
}

/** The fields, in this order, are the JSON output's promise; diagram cards add theirs after. */
function row({ id, file, line, kind, front, back, context, diagram }: Card) {
	const base = { id, file, line, kind, front, back, context };
	return diagram ? { ...base, mask: diagram.mask, answer: diagram.answer, diagram: { front: diagram.front, back: diagram.back } } : base;
}

/** The waiting Anki rows with every diagram drawn as inline SVG (or without, saying why, when no Chromium can draw them). */
async function withDiagrams(rows: readonly (string | { card: Card; tags: readonly string[] })[], io: CliIO, svgRenderer: () => SvgRenderer | string): Promise<string> {
	const pending = rows.filter((r): r is { card: Card; tags: readonly string[] } => typeof r !== 'string');
	const renderer = svgRenderer();
	let svgs: string[] = [];
	if (typeof renderer === 'string') io.err(`cloudnotes cards: diagrams left out of the Anki file: ${renderer}`);
	else svgs = await renderer.render(pending.flatMap(({ card }) => [card.diagram?.front ?? '', card.diagram?.back ?? '']));
	let k = 0;
	return rows
		.map((r) => {
			if (typeof r === 'string') return r;
			const svg = { front: svgs[2 * k] ?? '', back: svgs[2 * k + 1] ?? '' };
			k++;
			return (ankiTsvRow(r.card, r.tags, svg.front || svg.back ? svg : undefined) ?? '') + '\n';
		})
		.join('');
}
