import { extractNote, toAnkiTsv, type Card } from '../core/cards';
import { parseArgs, UsageError, type CliIO } from './io';

const FORMATS = ['json', 'tsv'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `cloudnotes cards <file|folder>... [--format json|tsv]`: the cards the notes make, with the same
 * extractor (and so the same ids) as the plugin. Ids include the note path as given here, so run
 * it from the vault's root to get the plugin's ids.
 */
export async function runCards(args: readonly string[], io: CliIO): Promise<number> {
	const { positionals, flags } = parseArgs(args, { format: 'string' });
	if (positionals.length === 0) throw new UsageError('cards needs at least one file or folder');
	const format = (flags['format'] ?? 'json') as string;
	if (!(FORMATS as readonly string[]).includes(format)) {
		throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
	}
	const files = await io.markdownFiles(positionals);
	const cards: Card[] = [];
	const tags = new Map<string, string[]>();
	for (const file of files) {
		const note = extractNote(file, await io.readText(file));
		cards.push(...note.cards);
		tags.set(file, note.tags);
	}
	io.out(render(cards, format as Format, (file) => tags.get(file) ?? []));
	return 0;
}

function render(cards: readonly Card[], format: Format, tagsOf: (file: string) => string[]): string {
	if (format === 'tsv') return toAnkiTsv(cards, tagsOf);
	const rows = cards.map(({ id, file, line, kind, front, back, context }) => ({ id, file, line, kind, front, back, context }));
	return JSON.stringify(rows, null, 2);
}
