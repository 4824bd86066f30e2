/**
 * Topology cards: a few facts each topology block implies, asked as questions, so studying the
 * note also drills what the diagram means. Each language writes its own (see its cards.ts); this
 * finds the blocks, keeps the first few of each and caches them. Blocks with errors make no cards:
 * a fact derived from a broken model could be wrong.
 */
import { analyzeTopology, findTopologyBlocks, languageById } from '../topology';
import type { CardDraft, TopologyCardInput, TopologyCardSource } from './card';

/** Enough to drill a block without burying the note's own cards under generated ones. */
const MAX_CARDS_PER_BLOCK = 12;

/**
 * Cards per block, keyed by the block's text, position among the note's blocks and language, with
 * lines relative to the fence. Analysing and tracing a block costs milliseconds, and re-indexing a
 * note on every keystroke in its prose must not redo it. Bounded, and transparent: the output is
 * the same with or without it.
 */
const blockCache = new Map<string, CardDraft[]>();
const MAX_CACHED_BLOCKS = 500;

export const topologyCards: TopologyCardSource = (input: TopologyCardInput): CardDraft[] => {
	const drafts: CardDraft[] = [];
	findTopologyBlocks(input.text).forEach((fenced, i) => {
		const key = [input.korean ? 'ko' : 'en', String(i), fenced.kind, fenced.info, fenced.content].join('\u0000');
		let relative = blockCache.get(key);
		if (!relative) {
			relative = blockCards(fenced.kind, fenced.content, i + 1, input.korean);
			if (blockCache.size >= MAX_CACHED_BLOCKS) blockCache.clear();
			blockCache.set(key, relative);
		}
		for (const draft of relative) drafts.push({ ...draft, line: draft.line + fenced.openLine });
	});
	return drafts;
};

/** The cards of one block, analysed as if its fence were the note's first line. */
function blockCards(kind: string, source: string, number: number, korean: boolean): CardDraft[] {
	const analysis = analyzeTopology(kind, source, 2);
	const model = analysis.model;
	const language = languageById(kind);
	if (!model || !language || analysis.diagnostics.some((d) => d.severity === 'error')) return [];
	return language
		.cards(model, { block: number, openLine: 1, korean })
		.slice(0, MAX_CARDS_PER_BLOCK)
		.map((card) => ({ kind: 'topology', ...card }));
}
