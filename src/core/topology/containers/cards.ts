/** Topology cards of a `containers` block: what lets each declared flow through, and which services cannot reach the internet. */
import { markdownCode, markdownText as text } from '../../markdown/escape';
import { ENGLISH_FLOWS, escapeFlow, escapeResult, flowKey, flowsOf, flowTraceQuery, KOREAN_FLOWS, lineOf, type CardBlock, type Flow, type FlowPhrases, type TopologyCard } from '../shared/cards';
import type { TraceResult } from '../shared/trace-types';
import { hasOutsideAccess, hostName, networksOf, type ContainersModel } from './model';

interface ContainersPhrases {
	whichNetwork(flow: Flow): string;
	sharedNetwork(network: string, to: string): string;
	whichPublish(flow: Flow): string;
	published(mapping: string, host: string, service: string): string;
	canGoOut(service: string): string;
	internalOnly(networks: string[]): string;
}

const ENGLISH: ContainersPhrases = {
	whichNetwork: (flow) => `Over which network does ${flow.from} reach ${flow.to}?`,
	sharedNetwork: (network, to) => `${network}: both services are on it, so ${to} resolves by name and every port is open.`,
	whichPublish: (flow) => `Which published port lets ${flow.from} reach ${flow.to}${ENGLISH_FLOWS.on(flow)}?`,
	published: (mapping, host, service) => `${markdownCode(mapping)}: host ${host} forwards it to ${service}.`,
	canGoOut: (service) => `Can service ${service} reach the internet?`,
	internalOnly: (networks) => `No: its network${networks.length > 1 ? 's' : ''} (${networks.join(', ')}) ${networks.length > 1 ? 'are' : 'is'} internal.`,
};

const KOREAN: ContainersPhrases = {
	whichNetwork: (flow) => `${KOREAN_FLOWS.arrow(flow)} 연결은 어느 네트워크를 거치는가?`,
	sharedNetwork: (network, to) => `${network}: 두 서비스가 모두 연결된 네트워크라서 서비스 이름(${to})으로 찾고 모든 포트로 통신한다.`,
	whichPublish: (flow) => `${KOREAN_FLOWS.arrow(flow)} 연결을 여는 포트 공개는?`,
	published: (mapping, host, service) => `${markdownCode(mapping)}: 호스트 ${host} 에서 서비스 ${service} 에 전달한다.`,
	canGoOut: (service) => `서비스 ${service} 에서 인터넷으로 나갈 수 있는가?`,
	internalOnly: (networks) => `아니오: 연결된 네트워크(${networks.join(', ')})가 모두 internal 이다.`,
};

export function containersCards(model: ContainersModel, block: CardBlock, trace: (model: ContainersModel, query: ReturnType<typeof flowTraceQuery>) => TraceResult): TopologyCard[] {
	const say = block.korean ? KOREAN : ENGLISH;
	const flows: FlowPhrases = block.korean ? KOREAN_FLOWS : ENGLISH_FLOWS;
	const name = `${hostName(model)} #${block.block}`;
	const cards: TopologyCard[] = [];
	const at = (line: number) => lineOf(line, block);
	for (const flow of flowsOf(model)) {
		const result = trace(model, flowTraceQuery(flow));
		const key = `containers ${name} flow ${flowKey(flow)}`;
		const shown = escapeFlow(flow);
		if (!result.allowed) {
			cards.push({ line: at(flow.line), front: flows.canReach(shown), back: flows.refused(escapeResult(result)), key });
			continue;
		}
		const networkHop = result.hops.find((h) => h.step === 'network');
		const portHop = result.hops.find((h) => h.step === 'published port' && h.rule);
		if (networkHop) {
			cards.push({ line: at(flow.line), front: say.whichNetwork(shown), back: say.sharedNetwork(text(networkHop.resource), shown.to), key });
		} else if (portHop?.rule) {
			cards.push({ line: at(flow.line), front: say.whichPublish(shown), back: say.published(portHop.rule, text(portHop.resource), shown.to), key });
		}
	}
	for (const service of model.services.values()) {
		const networks = networksOf(service);
		if (networks.length === 0 || hasOutsideAccess(model, service)) continue;
		cards.push({
			line: at(service.pos.line),
			front: say.canGoOut(text(service.name)),
			back: say.internalOnly(networks.map(text)),
			key: `containers ${name} outside ${service.name}`,
		});
	}
	return cards;
}
