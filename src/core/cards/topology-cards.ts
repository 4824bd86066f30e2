/**
 * Topology cards: what each topology block implies, asked three ways: as questions in words (each
 * language's cards.ts), as occlusion cards (one fact hidden in the block's own diagram) and as
 * trace drills ("can A reach B?", answered on the diagram); see topology/shared/diagram-cards.ts.
 * This finds the blocks, applies each block's choice of kinds and its cap (block-card-options.ts)
 * and caches the result. Blocks with errors make no cards: a fact derived from a broken model
 * could be wrong.
 */
import { analyzeTopology, findTopologyBlocks, languageById, toMermaid } from '../topology';
import type { TopologyModel } from '../topology/language';
import { drawWithEmphasis } from '../topology/shared/diagram-emphasis';
import { occlusionCards, traceDrills, type EmphasisDrawer } from '../topology/shared/diagram-cards';
import { blockCardOptions } from './block-card-options';
import { DEFAULT_TOPOLOGY_CAP, TOPOLOGY_CARD_KINDS, type CardDraft, type TopologyCardInput, type TopologyCardKind, type TopologyCardSource } from './card';

/**
 * Cards per block, keyed by the block's text, position among the note's blocks, language, kinds
 * and cap, with lines relative to the fence. Analysing, tracing and drawing a block costs
 * milliseconds, and re-indexing a note on every keystroke in its prose must not redo it. Bounded,
 * and transparent: the output is the same with or without it.
 */
const blockCache = new Map<string, CardDraft[]>();
const MAX_CACHED_BLOCKS = 500;

export const topologyCards: TopologyCardSource = (input: TopologyCardInput): CardDraft[] => {
	const drafts: CardDraft[] = [];
	findTopologyBlocks(input.text).forEach((fenced, i) => {
		const options = blockCardOptions(fenced.info);
		const kinds = options.kinds ?? input.kinds ?? TOPOLOGY_CARD_KINDS;
		const cap = options.cap ?? input.cap ?? DEFAULT_TOPOLOGY_CAP;
		if (kinds.length === 0 || cap === 0) return;
		const key = [input.korean ? 'ko' : 'en', String(i), fenced.kind, kinds.join(','), String(cap), fenced.content].join('\u0000');
		let relative = blockCache.get(key);
		if (!relative) {
			relative = blockCards(fenced.kind, fenced.content, i + 1, input.korean, kinds, cap);
			if (blockCache.size >= MAX_CACHED_BLOCKS) blockCache.clear();
			blockCache.set(key, relative);
		}
		for (const draft of relative) drafts.push({ ...draft, line: draft.line + fenced.openLine });
	});
	return drafts;
};

/** The cards of one block, analysed as if its fence were the note's first line. */
function blockCards(kind: string, source: string, number: number, korean: boolean, kinds: readonly TopologyCardKind[], cap: number): CardDraft[] {
	const analysis = analyzeTopology(kind, source, 2);
	const model = analysis.model;
	const language = languageById(kind);
	if (!model || !language || analysis.diagnostics.some((d) => d.severity === 'error')) return [];
	const block = { block: number, openLine: 1, korean };
	const byKind = new Map<TopologyCardKind, CardDraft[]>();
	if (kinds.includes('topology')) byKind.set('topology', language.cards(model, block).map((card) => ({ kind: 'topology', ...card })));
	const draw = drawer(model);
	const mostInstructive = <T extends { weight: number }>(cards: T[]): T[] => cards.map((c, i) => ({ c, i })).sort((a, b) => b.c.weight - a.c.weight || a.i - b.i).map((x) => x.c);
	for (const diagramKind of ['occlusion', 'trace-drill'] as const) {
		if (!kinds.includes(diagramKind)) continue;
		const cards = diagramKind === 'occlusion' ? occlusionCards(language, model, block, draw) : traceDrills(language, model, block, draw);
		byKind.set(diagramKind, mostInstructive(cards).map(({ kind: k, line, front, back, key, diagram }) => ({ kind: k, line, front, back, key, diagram })));
	}
	return takeInTurns([byKind.get('occlusion') ?? [], byKind.get('trace-drill') ?? [], byKind.get('topology') ?? []], cap);
}

/** The block's diagram as the plugin draws it by default (no icons: an icon's badge could tell a fact). */
function drawer(model: TopologyModel): EmphasisDrawer {
	return (emphasis) => drawWithEmphasis(emphasis, () => toMermaid(model));
}

/** Up to `cap` cards, one of each kind in turn, each list's best first: a flood of one kind cannot crowd out the others. */
function takeInTurns(lists: CardDraft[][], cap: number): CardDraft[] {
	const out: CardDraft[] = [];
	for (let round = 0; out.length < cap; round++) {
		let any = false;
		for (const list of lists) {
			if (round < list.length && out.length < cap) {
				out.push(list[round]);
				any = true;
			}
		}
		if (!any) break;
	}
	return out;
}
