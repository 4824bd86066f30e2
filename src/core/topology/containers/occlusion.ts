/** Facts of a `containers` block worth hiding in its diagram: which networks a service is on, which port publishes it. */
import { markdownText as text } from '../../markdown/escape';
import type { CardBlock } from '../shared/cards';
import type { OcclusionFact } from '../shared/occlusion-fact';
import { drawnNetworks, portLabel } from './mermaid';
import { networksOf, type ContainersModel } from './model';

interface Phrases {
	networks(service: string): string;
	onNetworks(service: string): string;
	published(service: string): string;
	forwards(service: string): string;
}

const ENGLISH: Phrases = {
	networks: (service) => `The diagram hides the links of service ${service}. Which networks is it on?`,
	onNetworks: (service) => `Services on one of these networks reach ${service} by name, on any port.`,
	published: (service) => `Which port mapping publishes service ${service}? It is hidden in the diagram.`,
	forwards: (service) => `The host forwards that port to ${service}; nothing else of it is reachable from outside.`,
};

const KOREAN: Phrases = {
	networks: (service) => `다이어그램에서 서비스 ${service} 의 연결을 가렸다. 어느 네트워크에 연결되어 있는가?`,
	onNetworks: (service) => `이 네트워크의 서비스는 이름(${service})으로 모든 포트에 접근한다.`,
	published: (service) => `서비스 ${service} 를 공개하는 포트 매핑은? (다이어그램에서 가림)`,
	forwards: (service) => `호스트가 그 포트를 ${service} 에 전달한다; 나머지 포트는 외부에서 닿지 않는다.`,
};

export function containersOcclusionFacts(model: ContainersModel, block: CardBlock): OcclusionFact[] {
	const say = block.korean ? KOREAN : ENGLISH;
	const drawn = new Set(drawnNetworks(model));
	const facts: OcclusionFact[] = [];
	for (const service of model.services.values()) {
		const name = text(service.name);
		const networks = networksOf(service).filter((n) => drawn.has(n));
		if (networks.length > 0 && service.networkMode === null) {
			facts.push({ element: service.name, fact: 'networks', line: service.pos.line, question: say.networks(name), answer: networks.join(', '), explanation: say.onNetworks(name), detach: true, weight: 30 });
		}
		const mapping = service.networkMode === 'host' ? undefined : service.ports[0];
		if (mapping) {
			const label = portLabel(mapping);
			facts.push({ element: service.name, fact: `published ${mapping.containerPorts.from}/${mapping.proto}`, line: mapping.pos.line, question: say.published(name), answer: label, explanation: say.forwards(name), scrub: [label], weight: 20 });
		}
	}
	return facts;
}
