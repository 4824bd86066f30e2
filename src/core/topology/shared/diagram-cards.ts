/**
 * Cards reviewed on the block's own diagram, for every language alike:
 * - occlusion cards: a fact the language names (occlusionFacts) hidden in the drawing, asked, then
 *   revealed with the element highlighted;
 * - trace drills: "can A reach B?" for each declared flow and a bounded sample of telling pairs
 *   (one per refusal reason, one allowed), answered with the verdict, the deciding hop and rule,
 *   and the trace drawn.
 * Both diagrams are Mermaid text made by the language's own writer with an emphasis applied
 * (diagram-emphasis.ts), so the hidden fact is never in the front's text at all.
 *
 * Identity: a card's key names the block (its title, else its number), the element and the fact
 * (or the flow), never the wording or a position, so editing the block elsewhere keeps the id and
 * deleting the element retires the card.
 */
import { markdownCode, markdownText as text } from '../../markdown/escape';
import type { AnyTopologyLanguage, TopologyModel } from '../language';
import { ENGLISH_FLOWS, escapeFlow, escapeResult, flowKey, flowsOf, flowTraceQuery, KOREAN_FLOWS, koreanStep, lineOf, type CardBlock, type Flow } from './cards';
import type { DiagramEmphasis } from './diagram-emphasis';
import { escapeLabel } from './mermaid-text';
import type { MermaidDiagram } from './mermaid-builder';
export type { OcclusionFact } from './occlusion-fact';
import type { TraceQuery, TraceResult } from './trace-types';

export type DiagramCardKind = 'occlusion' | 'trace-drill';

/** What a card reviewed on a diagram carries besides its question and answer. */
export interface CardDiagram {
	/** Mermaid text of the front: the fact masked, or the trace's ends marked. */
	front: string;
	/** Mermaid text of the back: the element highlighted, or the trace drawn. */
	back: string;
	/** The Mermaid id of the masked element (occlusion cards), or null. */
	mask: string | null;
	/** The hidden fact (occlusion) or the verdict (drill) as text. */
	answer: string;
}

export interface DiagramCard {
	kind: DiagramCardKind;
	line: number;
	front: string;
	back: string;
	key: string;
	weight: number;
	diagram: CardDiagram;
}

/** Draws the block's model with an emphasis (the caller applies the size limits and caps). */
export type EmphasisDrawer = (emphasis: DiagramEmphasis) => MermaidDiagram;

/** The block's name in card keys: its title when it has one, else its number among the note's blocks. */
export function blockKeyName(language: AnyTopologyLanguage, model: TopologyModel, block: CardBlock): string {
	return `${language.id} ${language.title(model) || '#' + String(block.block)}`;
}

/** Whether any of the texts is still in the Mermaid text (raw or as a label would escape it). */
function leaks(mermaid: string, secrets: readonly string[]): boolean {
	return secrets.some((s) => s !== '' && (mermaid.includes(s) || mermaid.includes(escapeLabel(s))));
}

export function occlusionCards(language: AnyTopologyLanguage, model: TopologyModel, block: CardBlock, draw: EmphasisDrawer): DiagramCard[] {
	const facts = language.occlusionFacts?.(model, block) ?? [];
	if (facts.length === 0) return [];
	const plain = draw({});
	if (plain.refusal !== undefined || !plain.text) return [];
	const name = blockKeyName(language, model, block);
	const names = new Set(plain.nodes.map((n) => n.resource));
	const cards: DiagramCard[] = [];
	for (const fact of facts) {
		const node = plain.nodes.find((n) => n.resource === fact.element);
		if (!node) continue;
		const common = { element: fact.element, hide: fact.hide ?? [], scrub: fact.scrub ?? [], detach: fact.detach === true };
		const front = draw({ mask: { ...common, mode: 'mask' } });
		const back = draw({ mask: { ...common, mode: 'reveal' } });
		// A fact the question or the masked drawing still tells (a subnet named `public-a`, a CIDR
		// in a truncated label) would be a card that answers itself: skip it.
		// (A fact told by links, such as a service's networks, names resources that are drawn anyway: its answer is in the links, which are gone.)
		if (front.refusal !== undefined || back.refusal !== undefined || front.text === back.text || leaks(front.text, common.scrub)) continue;
		// Nor hide a text that is also a name drawn elsewhere (a policy named like a pod): the mask would blot that name out.
		if (common.scrub.some((s) => fact.question.toLowerCase().includes(s.toLowerCase())) || [...common.hide, ...common.scrub].some((s) => names.has(s))) continue;
		if (common.hide.length > 0 && [fact.answer, ...common.hide].some((w) => fact.element.toLowerCase().includes(w.toLowerCase()))) continue;
		cards.push({
			kind: 'occlusion',
			line: lineOf(fact.line, block),
			front: fact.question,
			back: `**${text(fact.answer)}**. ${fact.explanation}`,
			key: `${name} occlusion ${fact.element} ${fact.fact}`,
			weight: fact.weight,
			diagram: { front: front.text, back: back.text, mask: node.mermaidId, answer: fact.answer },
		});
	}
	return cards;
}

/** Pairs traced at most per block when looking for telling ones: a 100-resource block has 10,000. */
const MAX_SAMPLE_TRACES = 150;
/** Sampled drills per block: one per refusal reason, up to this many, and one allowed pair. */
const MAX_REFUSAL_DRILLS = 4;

/**
 * The hop that decided: the refusing one; for an allowed trace the rule that let it in at the
 * far end (the last inbound or ingress rule on the way there, not a reply's), else the last rule.
 */
function decidingHop(result: TraceResult): TraceResult['hops'][number] | undefined {
	if (!result.allowed) return result.blockedAt === undefined ? undefined : result.hops[result.blockedAt];
	const ruled = result.hops.filter((h) => h.rule && !h.step.includes('reply'));
	return [...ruled].reverse().find((h) => /inbound|ingress|published/.test(h.step)) ?? ruled[ruled.length - 1];
}

interface DrillPhrases {
	yes: string;
	no: string;
	deciding(resource: string, step: string, rule: string | undefined): string;
	open: string;
}

const ENGLISH_DRILL: DrillPhrases = {
	yes: 'Yes',
	no: 'No',
	deciding: (resource, step, rule) => `Deciding hop: ${resource}, ${step}${rule ? ` (${markdownCode(rule)})` : ''}.`,
	open: 'Nothing on the way refuses it.',
};

const KOREAN_DRILL: DrillPhrases = {
	yes: '예',
	no: '아니오',
	deciding: (resource, step, rule) => `결정한 지점: ${resource} 의 ${koreanStep(step)}${rule ? ` (${markdownCode(rule)})` : ''}.`,
	open: '경로에서 막는 곳이 없다.',
};

export function traceDrills(language: AnyTopologyLanguage, model: TopologyModel, block: CardBlock, draw: EmphasisDrawer): DiagramCard[] {
	const plain = draw({});
	if (plain.refusal !== undefined || !plain.text) return [];
	const name = blockKeyName(language, model, block);
	const say = block.korean ? KOREAN_DRILL : ENGLISH_DRILL;
	const drawnNames = new Set(plain.nodes.map((n) => n.resource));
	const flows = block.korean ? KOREAN_FLOWS : ENGLISH_FLOWS;
	const cards: DiagramCard[] = [];
	const drill = (flow: Flow, query: TraceQuery, result: TraceResult, weight: number): void => {
		const hop = decidingHop(result);
		const shown = escapeFlow(flow);
		const verdict = result.allowed ? say.yes : say.no;
		const refusal = flows.refused(escapeResult(result)).replace(/^(No\.|아니오[.:]) ?/, '');
		const why = result.allowed ? (hop ? say.deciding(text(hop.resource), hop.step, hop.rule) : say.open) : block.korean || !hop?.rule ? refusal : `${refusal} (${markdownCode(hop.rule)})`;
		const path = [query.from, ...result.path.filter((r) => r !== query.from && r !== query.to), ...(result.allowed ? [query.to] : [])];
		const front = draw({ trace: { path: [query.from, query.to], allowed: true } });
		// The deciding hop may be a resource the diagram does not draw (a security group, a route
		// table): then the end it guards is highlighted, or where a refused trace stopped.
		const drawnPath = path.filter((r) => drawnNames.has(r));
		const guardsEnd = result.allowed || (hop !== undefined && /inbound|ingress|published/.test(hop.step));
		const decisive = hop && drawnNames.has(hop.resource) ? hop.resource : guardsEnd ? query.to : drawnPath[drawnPath.length - 1];
		const back = draw({ trace: { path, decisive, allowed: result.allowed } });
		if (front.refusal !== undefined || back.refusal !== undefined) return;
		cards.push({
			kind: 'trace-drill',
			line: lineOf(flow.line, block),
			front: flows.canReach(shown),
			back: `**${verdict}**. ${why}`,
			key: `${name} drill ${flowKey(flow)}`,
			weight,
			diagram: { front: front.text, back: back.text, mask: null, answer: result.allowed ? say.yes : `${say.no}: ${result.summary}` },
		});
	};
	const declared = flowsOf(model);
	const asked = new Set<string>();
	for (const flow of declared) {
		const query = flowTraceQuery(flow);
		asked.add(`${flow.from}\u0000${flow.to}`);
		drill(flow, query, language.trace(model, query), 25);
	}
	// Telling pairs: each refusal reason once, and one allowed pair nobody declared.
	const endpoints = [...new Set([...(language.isEndpoint(model, 'internet') ? ['internet'] : []), ...language.resources(model).filter((r) => language.endpointTypes.has(r.type)).map((r) => r.name)])];
	const port = declared.find((f) => f.port !== undefined)?.port;
	const reasons = new Set<string>();
	let allowedTaken = false;
	let traced = 0;
	outer: for (const from of endpoints) {
		for (const to of endpoints) {
			if (from === to || asked.has(`${from}\u0000${to}`)) continue;
			if (traced++ >= MAX_SAMPLE_TRACES || (reasons.size >= MAX_REFUSAL_DRILLS && allowedTaken)) break outer;
			// Without a declared port to ask about, the question is about any traffic.
			const flow: Flow = { from, to, proto: port === undefined ? 'any' : 'tcp', line: block.openLine };
			if (port !== undefined) flow.port = port;
			const query = flowTraceQuery(flow);
			const result = language.trace(model, query);
			if (result.allowed) {
				if (allowedTaken) continue;
				allowedTaken = true;
				drill(flow, query, result, 12);
				continue;
			}
			const hop = decidingHop(result);
			const reason = hop?.step ?? result.summary;
			// A refusal before the first hop (an end that cannot be traced from) teaches nothing about the network.
			if (reasons.has(reason) || reasons.size >= MAX_REFUSAL_DRILLS || !hop || result.hops.length < 2) continue;
			reasons.add(reason);
			drill(flow, query, result, 15);
		}
	}
	return cards;
}
