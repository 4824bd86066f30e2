/**
 * What every language's topology cards share: declared flows traced, card lines in the note, and
 * the phrases for "can A reach B?" in English and Korean. Facts come from the checked model and
 * the tracer, never from the block's wording. Names are escaped as Markdown text (escapeFlow,
 * escapeResult, markdownText) before they reach a phrase, so a hostile name cannot become HTML or
 * a link at review time.
 *
 * Identity keys name the block (its `name:`, or its position among the note's blocks) and the
 * resources asked about, never the wording, so switching the note's language keeps the ids.
 */
import { markdownCode, markdownText } from '../../markdown/escape';
import { declaredFlows } from './flows';
import type { FlowSpec } from './flow-model';
import type { TraceQuery, TraceResult } from './trace-types';

/** One card a block implies; `line` is the 0-based note line it is about. */
export interface TopologyCard {
	line: number;
	front: string;
	back: string;
	key: string;
}

/** The block the cards come from: its number among the note's blocks, its fence line (1-based), the note's language. */
export interface CardBlock {
	block: number;
	openLine: number;
	korean: boolean;
}

export interface Flow {
	from: string;
	to: string;
	proto: string;
	port?: number;
	line: number;
}

export function flowsOf(model: { flows: readonly FlowSpec[] }): Flow[] {
	return declaredFlows(model).map((f) => {
		const flow: Flow = { from: f.from, to: f.to, proto: f.proto, line: f.line };
		if (f.port !== undefined) flow.port = f.port;
		return flow;
	});
}

export function flowTraceQuery(flow: Flow): TraceQuery {
	const query: TraceQuery = { from: flow.from, to: flow.to };
	if (flow.proto === 'tcp' || flow.proto === 'udp' || flow.proto === 'icmp' || flow.proto === 'all') query.proto = flow.proto;
	if (flow.port !== undefined) query.port = flow.port;
	return query;
}

export function flowKey(flow: Flow): string {
	return `${flow.from} -> ${flow.to} ${flow.proto}${flow.port === undefined ? '' : '/' + String(flow.port)}`;
}

/** 0-based note line of a model position (1-based), falling back to the block's fence. */
export function lineOf(line: number, block: CardBlock): number {
	return line >= block.openLine ? line - 1 : block.openLine - 1;
}

function traffic(flow: Flow): string {
	if (flow.proto === 'any') return '';
	return flow.port === undefined ? flow.proto : `${flow.proto} ${flow.port}`;
}

export const escapeFlow = (f: Flow): Flow => ({ ...f, from: markdownText(f.from), to: markdownText(f.to) });
export const escapeResult = (result: TraceResult): TraceResult => ({
	...result,
	summary: markdownText(result.summary),
	hops: result.hops.map((h) => ({ ...h, resource: markdownText(h.resource) })),
});

/** The phrases every language's cards use; user-typed values arrive escaped. */
export interface FlowPhrases {
	canReach(flow: Flow): string;
	refused(result: TraceResult): string;
	/** ` on tcp 443`, or nothing when the flow names no traffic. */
	on(flow: Flow): string;
	/** `a → b (tcp 443)`: Korean questions name the traffic with arrows. */
	arrow(flow: Flow): string;
}

const on = (flow: Flow): string => (traffic(flow) ? ` on ${traffic(flow)}` : '');
const arrow = (flow: Flow): string => `${flow.from} → ${flow.to}${traffic(flow) ? ` (${traffic(flow)})` : ''}`;

export const ENGLISH_FLOWS: FlowPhrases = {
	canReach: (flow) => `Can ${flow.from} reach ${flow.to}${on(flow)}?`,
	refused: (result) => `No. ${result.summary}`,
	on,
	arrow,
};

const STEP_WORDS: [RegExp, string][] = [
	[/security group/g, '보안 그룹'],
	[/internet gateway/g, '인터넷 게이트웨이'],
	[/nat gateway/g, 'NAT 게이트웨이'],
	[/load balancer/g, '로드 밸런서'],
	[/route table/g, '라우팅 테이블'],
	[/published ports?/g, '포트 공개'],
	[/host network/g, '호스트 네트워크'],
	[/\bnacl\b/g, 'NACL'],
	[/\binbound\b/g, '인바운드'],
	[/\boutbound\b/g, '아웃바운드'],
	[/\(reply\)/g, '(응답)'],
	[/\bnetwork\b/g, '네트워크'],
	[/\bservice\b/g, '서비스'],
	[/\bdestination\b/g, '목적지'],
	[/\bhost\b/g, '호스트'],
];

export function koreanStep(step: string): string {
	let out = step;
	for (const [pattern, word] of STEP_WORDS) out = out.replace(pattern, word);
	return out;
}

/**
 * Korean text never puts a particle whose form depends on the word before it (은/는, 을/를, 으로/로)
 * right after a resource name, whose reading we cannot know: names are followed by invariant ones
 * (의, 에, 에서) or by a Korean noun that carries the particle, and questions name the traffic
 * with arrows.
 */
export const KOREAN_FLOWS: FlowPhrases = {
	canReach: (flow) => `${arrow(flow)} 연결이 되는가?`,
	refused: (result) => {
		const hop = result.blockedAt === undefined ? undefined : result.hops[result.blockedAt];
		if (!hop) return `아니오. ${result.summary}`;
		return `아니오: ${hop.resource} 의 ${koreanStep(hop.step)} 에서 막힌다${hop.rule ? ` (${markdownCode(hop.rule)})` : ''}.`;
	},
	on,
	arrow,
};
