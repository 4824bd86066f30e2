/** Topology cards of a `vpc` block: is each subnet public or private, and what lets each declared flow through. */
import { markdownCode, markdownText as text } from '../../markdown/escape';
import { ENGLISH_FLOWS, escapeFlow, escapeResult, flowKey, flowsOf, flowTraceQuery, KOREAN_FLOWS, lineOf, type CardBlock, type Flow, type FlowPhrases, type TopologyCard } from '../shared/cards';
import type { TraceResult } from '../shared/trace-types';
import { isNetwork } from './network';
import { networkCards } from './network-cards';
import { internetRouteOf, routeTableOf, type VpcModel } from './model';

interface VpcPhrases {
	subnetQuestion(vpc: string, subnet: string): string;
	publicVia(table: string, destination: string, gateway: string): string;
	privateViaNat(table: string, destination: string, nat: string): string;
	privateNoRoute(table: string): string;
	privateNoTable(): string;
	whichSgRule(flow: Flow): string;
	sgRule(group: string, rule: string): string;
	whichNat(flow: Flow): string;
	viaNat(nat: string, table: string, route: string): string;
}

const ENGLISH: VpcPhrases = {
	subnetQuestion: (vpc, subnet) => `In VPC ${vpc}, is subnet ${subnet} public or private?`,
	publicVia: (table, destination, gateway) => `Public: its route table ${table} sends ${destination} to ${gateway}, the internet gateway.`,
	privateViaNat: (table, destination, nat) => `Private: its route table ${table} sends ${destination} to ${nat}, a NAT gateway.`,
	privateNoRoute: (table) => `Private: its route table ${table} has no route to the internet.`,
	privateNoTable: () => 'Private: it has no route table, only the local route.',
	whichSgRule: (flow) => `Which security group rule lets ${flow.from} reach ${flow.to}${ENGLISH_FLOWS.on(flow)}?`,
	sgRule: (group, rule) => `${group}, inbound: ${markdownCode(rule)}`,
	whichNat: (flow) => `Through which NAT gateway does ${flow.from} reach ${flow.to}${ENGLISH_FLOWS.on(flow)}?`,
	viaNat: (nat, table, route) => (route ? `${nat}: route table ${table} has ${markdownCode(route)}.` : nat),
};

const KOREAN: VpcPhrases = {
	subnetQuestion: (vpc, subnet) => `VPC ${vpc} 의 서브넷 ${subnet}: 퍼블릭인가, 프라이빗인가?`,
	publicVia: (table, destination, gateway) => `퍼블릭: 라우팅 테이블 ${table} 에 ${destination} → ${gateway} (인터넷 게이트웨이) 경로가 있다.`,
	privateViaNat: (table, destination, nat) => `프라이빗: 라우팅 테이블 ${table} 의 ${destination} 경로는 ${nat} (NAT 게이트웨이) 로 간다.`,
	privateNoRoute: (table) => `프라이빗: 라우팅 테이블 ${table} 에 인터넷으로 가는 경로가 없다.`,
	privateNoTable: () => '프라이빗: 라우팅 테이블이 없어 local 경로만 있다.',
	whichSgRule: (flow) => `${KOREAN_FLOWS.arrow(flow)} 연결을 허용하는 보안 그룹 규칙은?`,
	sgRule: (group, rule) => `${group} 의 인바운드 규칙 ${markdownCode(rule)}`,
	whichNat: (flow) => `${KOREAN_FLOWS.arrow(flow)} 트래픽이 거치는 NAT 게이트웨이는?`,
	viaNat: (nat, table, route) => (route ? `${nat}: 라우팅 테이블 ${table} 의 ${markdownCode(route)}` : nat),
};

export function vpcCards(model: VpcModel, block: CardBlock, trace: (model: VpcModel, query: ReturnType<typeof flowTraceQuery>) => TraceResult): TopologyCard[] {
	const say = block.korean ? KOREAN : ENGLISH;
	const flows: FlowPhrases = block.korean ? KOREAN_FLOWS : ENGLISH_FLOWS;
	const name = model.name || `#${block.block}`;
	const cards: TopologyCard[] = [];
	const at = (line: number) => lineOf(line, block);
	// Every VPC of the block (one, in a block without `vpcs:`).
	for (const vpc of model.network.vpcs) {
		const vpcName = vpc === model ? name : vpc.name;
		for (const subnet of vpc.subnets.values()) {
			const table = routeTableOf(vpc, subnet);
			const igwRoute = internetRouteOf(vpc, subnet);
			const natRoute = table?.routes.find((r) => vpc.natGateways.has(r.target));
			const back = igwRoute
				? say.publicVia(text(table?.name ?? ''), text(igwRoute.destination.text), text(igwRoute.target))
				: natRoute
					? say.privateViaNat(text(table?.name ?? ''), text(natRoute.destination.text), text(natRoute.target))
					: table
						? say.privateNoRoute(text(table.name))
						: say.privateNoTable();
			cards.push({ line: at(subnet.pos.line), front: say.subnetQuestion(text(vpcName), text(subnet.name)), back, key: `vpc ${vpcName} subnet ${subnet.name}` });
		}
	}
	for (const flow of flowsOf(model)) {
		const result = trace(model, flowTraceQuery(flow));
		const key = `vpc ${name} flow ${flowKey(flow)}`;
		const shown = escapeFlow(flow);
		if (!result.allowed) {
			cards.push({ line: at(flow.line), front: flows.canReach(shown), back: flows.refused(escapeResult(result)), key });
			continue;
		}
		const sgHop = result.hops.find((h) => h.step === 'security group inbound' && h.rule);
		const natHop = result.hops.find((h) => h.step === 'nat gateway');
		if (sgHop?.rule) {
			cards.push({ line: at(flow.line), front: say.whichSgRule(shown), back: say.sgRule(text(sgHop.resource), sgHop.rule), key });
		} else if (natHop) {
			const routeHop = result.hops.find((h) => h.step === 'route table' && h.rule);
			cards.push({ line: at(flow.line), front: say.whichNat(shown), back: say.viaNat(text(natHop.resource), text(routeHop?.resource ?? ''), routeHop?.rule ?? ''), key });
		}
	}
	if (isNetwork(model.network)) cards.push(...networkCards(model.network, name, block));
	return cards;
}
