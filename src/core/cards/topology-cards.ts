/**
 * Topology cards: a few facts a `vpc` or `containers` block implies, asked as questions, so
 * studying the note also drills what the diagram means. Facts come from the checked model and
 * the tracer (never from the block's wording), in Korean when the note's headings are Korean.
 * Blocks with errors make no cards: a fact derived from a broken model could be wrong.
 *
 * Identity keys name the block (its `name:`, or its position among the note's blocks) and the
 * resources asked about, never the wording, so switching the note's language keeps the ids.
 */
import { findTopologyBlocks } from '../markdown/fences';
import { analyzeTopology, declaredFlows, trace, type ContainersModel, type NoteBlockAnalysis, type TraceResult, type VpcModel } from '../topology';
import { hasOutsideAccess, hostName, networksOf } from '../topology/containers/model';
import { internetRouteOf, routeTableOf } from '../topology/vpc/model';
import { markdownCode, markdownText } from '../markdown/escape';
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
		const key = [input.korean ? 'ko' : 'en', String(i), fenced.language, fenced.info, fenced.content].join('\u0000');
		let relative = blockCache.get(key);
		if (!relative) {
			relative = blockCards(fenced.language, fenced.content, i + 1, input.korean);
			if (blockCache.size >= MAX_CACHED_BLOCKS) blockCache.clear();
			blockCache.set(key, relative);
		}
		for (const draft of relative) drafts.push({ ...draft, line: draft.line + fenced.openLine });
	});
	return drafts;
};

/** The cards of one block, analysed as if its fence were the note's first line. */
function blockCards(kind: 'vpc' | 'containers', source: string, number: number, korean: boolean): CardDraft[] {
	const analysis = analyzeTopology(kind, source, 2);
	const model = analysis.model;
	if (!model || analysis.diagnostics.some((d) => d.severity === 'error')) return [];
	const block: NoteBlockAnalysis = { block: number, kind, openLine: 1, analysis };
	const say = escapingNames(korean ? KOREAN : ENGLISH);
	const found = model.kind === 'vpc' ? vpcCards(model, block, say) : containersCards(model, block, say);
	return found.slice(0, MAX_CARDS_PER_BLOCK);
}

interface Flow {
	from: string;
	to: string;
	proto: string;
	port?: number;
	line: number;
}

function vpcCards(model: VpcModel, block: NoteBlockAnalysis, say: Phrases): CardDraft[] {
	const name = model.name || `#${block.block}`;
	const drafts: CardDraft[] = [];
	const at = (line: number) => lineOf(line, block);
	for (const subnet of model.subnets.values()) {
		const table = routeTableOf(model, subnet);
		const igwRoute = internetRouteOf(model, subnet);
		const natRoute = table?.routes.find((r) => model.natGateways.has(r.target));
		const back = igwRoute
			? say.publicVia(table?.name ?? '', igwRoute.destination.text, igwRoute.target)
			: natRoute
				? say.privateViaNat(table?.name ?? '', natRoute.destination.text, natRoute.target)
				: table
					? say.privateNoRoute(table.name)
					: say.privateNoTable();
		drafts.push({ kind: 'topology', line: at(subnet.pos.line), front: say.subnetQuestion(name, subnet.name), back, key: `vpc ${name} subnet ${subnet.name}` });
	}
	for (const flow of flowsOf(model)) {
		const result = traceFlow(model, flow);
		const key = `vpc ${name} flow ${flowKey(flow)}`;
		if (!result.allowed) {
			drafts.push({ kind: 'topology', line: at(flow.line), front: say.canReach(flow), back: say.refused(result), key });
			continue;
		}
		const sgHop = result.hops.find((h) => h.step === 'security group inbound' && h.rule);
		const natHop = result.hops.find((h) => h.step === 'nat gateway');
		if (sgHop?.rule) {
			drafts.push({ kind: 'topology', line: at(flow.line), front: say.whichSgRule(flow), back: say.sgRule(sgHop.resource, sgHop.rule), key });
		} else if (natHop) {
			const routeHop = result.hops.find((h) => h.step === 'route table' && h.rule);
			drafts.push({ kind: 'topology', line: at(flow.line), front: say.whichNat(flow), back: say.viaNat(natHop.resource, routeHop?.resource ?? '', routeHop?.rule ?? ''), key });
		}
	}
	return drafts;
}

function containersCards(model: ContainersModel, block: NoteBlockAnalysis, say: Phrases): CardDraft[] {
	const host = hostName(model);
	const name = `${host} #${block.block}`;
	const drafts: CardDraft[] = [];
	const at = (line: number) => lineOf(line, block);
	for (const flow of flowsOf(model)) {
		const result = traceFlow(model, flow);
		const key = `containers ${name} flow ${flowKey(flow)}`;
		if (!result.allowed) {
			drafts.push({ kind: 'topology', line: at(flow.line), front: say.canReach(flow), back: say.refused(result), key });
			continue;
		}
		const networkHop = result.hops.find((h) => h.step === 'network');
		const portHop = result.hops.find((h) => h.step === 'published port' && h.rule);
		if (networkHop) {
			drafts.push({ kind: 'topology', line: at(flow.line), front: say.whichNetwork(flow), back: say.sharedNetwork(networkHop.resource, flow.to), key });
		} else if (portHop?.rule) {
			drafts.push({ kind: 'topology', line: at(flow.line), front: say.whichPublish(flow), back: say.published(portHop.rule, portHop.resource, flow.to), key });
		}
	}
	for (const service of model.services.values()) {
		const networks = networksOf(service);
		if (networks.length === 0 || hasOutsideAccess(model, service)) continue;
		drafts.push({
			kind: 'topology',
			line: at(service.pos.line),
			front: say.canGoOut(service.name),
			back: say.internalOnly(networks),
			key: `containers ${name} outside ${service.name}`,
		});
	}
	return drafts;
}

function flowsOf(model: VpcModel | ContainersModel): Flow[] {
	return declaredFlows(model).map((f) => {
		const flow: Flow = { from: f.from, to: f.to, proto: f.proto, line: f.line };
		if (f.port !== undefined) flow.port = f.port;
		return flow;
	});
}

function traceFlow(model: VpcModel | ContainersModel, flow: Flow): TraceResult {
	const query: Parameters<typeof trace>[1] = { from: flow.from, to: flow.to };
	if (flow.proto === 'tcp' || flow.proto === 'udp' || flow.proto === 'icmp' || flow.proto === 'all') query.proto = flow.proto;
	if (flow.port !== undefined) query.port = flow.port;
	return trace(model, query);
}

function flowKey(flow: Flow): string {
	return `${flow.from} -> ${flow.to} ${flow.proto}${flow.port === undefined ? '' : '/' + String(flow.port)}`;
}

/** 0-based note line of a model position (1-based), falling back to the block's fence. */
function lineOf(line: number, block: NoteBlockAnalysis): number {
	return line >= block.openLine ? line - 1 : block.openLine - 1;
}

function traffic(flow: Flow): string {
	if (flow.proto === 'any') return '';
	return flow.port === undefined ? flow.proto : `${flow.proto} ${flow.port}`;
}

interface Phrases {
	subnetQuestion(vpc: string, subnet: string): string;
	publicVia(table: string, destination: string, gateway: string): string;
	privateViaNat(table: string, destination: string, nat: string): string;
	privateNoRoute(table: string): string;
	privateNoTable(): string;
	canReach(flow: Flow): string;
	refused(result: TraceResult): string;
	whichSgRule(flow: Flow): string;
	sgRule(group: string, rule: string): string;
	whichNat(flow: Flow): string;
	viaNat(nat: string, table: string, route: string): string;
	whichNetwork(flow: Flow): string;
	sharedNetwork(network: string, to: string): string;
	whichPublish(flow: Flow): string;
	published(mapping: string, host: string, service: string): string;
	canGoOut(service: string): string;
	internalOnly(networks: string[]): string;
}

/**
 * The phrases with every user-typed value (names, CIDRs, summaries) escaped as Markdown text;
 * rules, routes and port mappings go into code spans by the phrases themselves.
 */
function escapingNames(say: Phrases): Phrases {
	const text = markdownText;
	const flow = (f: Flow): Flow => ({ ...f, from: text(f.from), to: text(f.to) });
	return {
		subnetQuestion: (vpc, subnet) => say.subnetQuestion(text(vpc), text(subnet)),
		publicVia: (table, destination, gateway) => say.publicVia(text(table), text(destination), text(gateway)),
		privateViaNat: (table, destination, nat) => say.privateViaNat(text(table), text(destination), text(nat)),
		privateNoRoute: (table) => say.privateNoRoute(text(table)),
		privateNoTable: () => say.privateNoTable(),
		canReach: (f) => say.canReach(flow(f)),
		refused: (result) => say.refused({ ...result, summary: text(result.summary), hops: result.hops.map((h) => ({ ...h, resource: text(h.resource) })) }),
		whichSgRule: (f) => say.whichSgRule(flow(f)),
		sgRule: (group, rule) => say.sgRule(text(group), rule),
		whichNat: (f) => say.whichNat(flow(f)),
		viaNat: (nat, table, route) => say.viaNat(text(nat), text(table), route),
		whichNetwork: (f) => say.whichNetwork(flow(f)),
		sharedNetwork: (network, to) => say.sharedNetwork(text(network), text(to)),
		whichPublish: (f) => say.whichPublish(flow(f)),
		published: (mapping, host, service) => say.published(mapping, text(host), text(service)),
		canGoOut: (service) => say.canGoOut(text(service)),
		internalOnly: (networks) => say.internalOnly(networks.map(text)),
	};
}

const on = (flow: Flow): string => (traffic(flow) ? ` on ${traffic(flow)}` : '');

const ENGLISH: Phrases = {
	subnetQuestion: (vpc, subnet) => `In VPC ${vpc}, is subnet ${subnet} public or private?`,
	publicVia: (table, destination, gateway) => `Public: its route table ${table} sends ${destination} to ${gateway}, the internet gateway.`,
	privateViaNat: (table, destination, nat) => `Private: its route table ${table} sends ${destination} to ${nat}, a NAT gateway.`,
	privateNoRoute: (table) => `Private: its route table ${table} has no route to the internet.`,
	privateNoTable: () => 'Private: it has no route table, only the local route.',
	canReach: (flow) => `Can ${flow.from} reach ${flow.to}${on(flow)}?`,
	refused: (result) => `No. ${result.summary}`,
	whichSgRule: (flow) => `Which security group rule lets ${flow.from} reach ${flow.to}${on(flow)}?`,
	sgRule: (group, rule) => `${group}, inbound: ${markdownCode(rule)}`,
	whichNat: (flow) => `Through which NAT gateway does ${flow.from} reach ${flow.to}${on(flow)}?`,
	viaNat: (nat, table, route) => (route ? `${nat}: route table ${table} has ${markdownCode(route)}.` : nat),
	whichNetwork: (flow) => `Over which network does ${flow.from} reach ${flow.to}?`,
	sharedNetwork: (network, to) => `${network}: both services are on it, so ${to} resolves by name and every port is open.`,
	whichPublish: (flow) => `Which published port lets ${flow.from} reach ${flow.to}${on(flow)}?`,
	published: (mapping, host, service) => `${markdownCode(mapping)}: host ${host} forwards it to ${service}.`,
	canGoOut: (service) => `Can service ${service} reach the internet?`,
	internalOnly: (networks) => `No: its network${networks.length > 1 ? 's' : ''} (${networks.join(', ')}) ${networks.length > 1 ? 'are' : 'is'} internal.`,
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

function koreanStep(step: string): string {
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
const flowKo = (flow: Flow): string => `${flow.from} → ${flow.to}${traffic(flow) ? ` (${traffic(flow)})` : ''}`;

const KOREAN: Phrases = {
	subnetQuestion: (vpc, subnet) => `VPC ${vpc} 의 서브넷 ${subnet}: 퍼블릭인가, 프라이빗인가?`,
	publicVia: (table, destination, gateway) => `퍼블릭: 라우팅 테이블 ${table} 에 ${destination} → ${gateway} (인터넷 게이트웨이) 경로가 있다.`,
	privateViaNat: (table, destination, nat) => `프라이빗: 라우팅 테이블 ${table} 의 ${destination} 경로는 ${nat} (NAT 게이트웨이) 로 간다.`,
	privateNoRoute: (table) => `프라이빗: 라우팅 테이블 ${table} 에 인터넷으로 가는 경로가 없다.`,
	privateNoTable: () => '프라이빗: 라우팅 테이블이 없어 local 경로만 있다.',
	canReach: (flow) => `${flowKo(flow)} 연결이 되는가?`,
	refused: (result) => {
		const hop = result.blockedAt === undefined ? undefined : result.hops[result.blockedAt];
		if (!hop) return `아니오. ${result.summary}`;
		return `아니오: ${hop.resource} 의 ${koreanStep(hop.step)} 에서 막힌다${hop.rule ? ` (${markdownCode(hop.rule)})` : ''}.`;
	},
	whichSgRule: (flow) => `${flowKo(flow)} 연결을 허용하는 보안 그룹 규칙은?`,
	sgRule: (group, rule) => `${group} 의 인바운드 규칙 ${markdownCode(rule)}`,
	whichNat: (flow) => `${flowKo(flow)} 트래픽이 거치는 NAT 게이트웨이는?`,
	viaNat: (nat, table, route) => (route ? `${nat}: 라우팅 테이블 ${table} 의 ${markdownCode(route)}` : nat),
	whichNetwork: (flow) => `${flowKo(flow)} 연결은 어느 네트워크를 거치는가?`,
	sharedNetwork: (network, to) => `${network}: 두 서비스가 모두 연결된 네트워크라서 서비스 이름(${to})으로 찾고 모든 포트로 통신한다.`,
	whichPublish: (flow) => `${flowKo(flow)} 연결을 여는 포트 공개는?`,
	published: (mapping, host, service) => `${markdownCode(mapping)}: 호스트 ${host} 에서 서비스 ${service} 에 전달한다.`,
	canGoOut: (service) => `서비스 ${service} 에서 인터넷으로 나갈 수 있는가?`,
	internalOnly: (networks) => `아니오: 연결된 네트워크(${networks.join(', ')})가 모두 internal 이다.`,
};
