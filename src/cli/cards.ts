import { ANKI_HEADER, ankiTsvRow, extractNote, type Card } from '../core/cards';
import { ChunkedWriter, forEachText, formatFlag, parseArgs, UsageError, type CliIO } from './io';

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
 */
export async function runCards(args: readonly string[], io: CliIO): Promise<number> {
	const { positionals, flags } = parseArgs(args, { format: 'string', pretty: 'boolean' });
	if (positionals.length === 0) throw new UsageError('cards needs at least one file or folder');
	const format = formatFlag(flags['format'], FORMATS);
	const pretty = flags['pretty'] === true;
	if (pretty && format !== 'json') throw new UsageError('--pretty goes with --format json');
	const files = await io.markdownFiles(positionals);
	const out = new ChunkedWriter(io);
	const writeCard = cardWriter(format, pretty);
	let count = 0;
	if (format === 'tsv') await out.write(ANKI_HEADER.join('\n') + '\n');
	else if (format === 'json') await out.write('[');
	await forEachText(files, (f) => io.readText(f), async (file, text) => {
		const note = extractNote(file, text);
		if (note.cards.length === 0) return;
		// One write per note: an await per card was a tenth of the run on 86,000 cards.
		let chunk = '';
		for (const card of note.cards) chunk += writeCard(card, note.tags, count++ === 0);
		await out.write(chunk);
	});
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

/** The fields, in this order, are the JSON output's promise. */
function row({ id, file, line, kind, front, back, context }: Card) {
	return { id, file, line, kind, front, back, context };
}
