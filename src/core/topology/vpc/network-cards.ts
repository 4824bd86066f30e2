/**
 * Cards a network of VPCs implies: peering is not transitive (two peerings through one VPC), how
 * private subnets reach a service through a gateway endpoint, and what each transit gateway route
 * table associates, learns and drops. Keys name the resources, so a card keeps its history while
 * the block around it changes.
 */
import { markdownCode, markdownText as text } from '../../markdown/escape';
import { lineOf, type CardBlock, type TopologyCard } from '../shared/cards';
import type { Network } from './model';
import { peerOf } from './network';

const ENGLISH = {
	transitive: (a: string, b: string, c: string, p: string, q: string) => `${a} peers with ${b} (${p}), and ${b} with ${c} (${q}). Can ${a} reach ${c} through ${b}?`,
	notTransitive: (a: string, c: string) => `No: VPC peering is not transitive. Peer ${a} with ${c} directly, or join them through a transit gateway.`,
	endpoint: (service: string, tables: string) => `How do the subnets using ${tables} reach ${service} without a NAT gateway?`,
	viaEndpoint: (endpoint: string) => `Through gateway endpoint ${endpoint}: it adds the service's prefix-list route to those route tables.`,
	tgwTable: (tgw: string, table: string) => `Transit gateway ${tgw}, route table ${table}: whose traffic does it route, and where to?`,
	tgwAnswer: (assoc: string, prop: string, routes: string) => `Associated: ${assoc}. Learns by propagation: ${prop}.${routes ? ` Static: ${routes}.` : ''}`,
	none: 'none',
};

const KOREAN: typeof ENGLISH = {
	transitive: (a, b, c, p, q) => `${a} 는 ${b} 와 (${p}), ${b} 는 ${c} 와 (${q}) 피어링되어 있다. ${a} 는 ${b} 를 거쳐 ${c} 에 닿을 수 있는가?`,
	notTransitive: (a, c) => `아니다: VPC 피어링은 전이되지 않는다. ${a} 와 ${c} 를 직접 피어링하거나 트랜짓 게이트웨이로 잇는다.`,
	endpoint: (service, tables) => `${tables} 를 쓰는 서브넷은 NAT 게이트웨이 없이 어떻게 ${service} 에 닿는가?`,
	viaEndpoint: (endpoint) => `게이트웨이 엔드포인트 ${endpoint} 를 거친다: 그 라우팅 테이블에 서비스의 프리픽스 리스트 경로를 넣는다.`,
	tgwTable: (tgw, table) => `트랜짓 게이트웨이 ${tgw} 의 라우팅 테이블 ${table}: 누구의 트래픽을 어디로 보내는가?`,
	tgwAnswer: (assoc, prop, routes) => `연결(association): ${assoc}. 전파(propagation)로 배움: ${prop}.${routes ? ` 정적 경로: ${routes}.` : ''}`,
	none: '없음',
};

export function networkCards(network: Network, name: string, block: CardBlock): TopologyCard[] {
	const say = block.korean ? KOREAN : ENGLISH;
	const cards: TopologyCard[] = [];
	const peerings = [...network.peerings.values()].filter((p) => p.status === 'active');
	const direct = (a: string, c: string): boolean => peerings.some((p) => peerOf(p, a) === c);
	for (const p of peerings) {
		for (const q of peerings) {
			if (p === q) continue;
			for (const middle of p.vpcs.map((v) => v.name)) {
				const a = peerOf(p, middle);
				const c = peerOf(q, middle);
				if (!a || !c || a === c || a > c || direct(a, c)) continue;
				cards.push({
					line: lineOf(p.pos.line, block),
					front: say.transitive(text(a), text(middle), text(c), text(p.name), text(q.name)),
					back: say.notTransitive(text(a), text(c)),
					key: `vpc ${name} peering-transit ${a} ${middle} ${c}`,
				});
			}
		}
	}
	for (const e of network.endpoints.values()) {
		if (e.type !== 'gateway' || e.routeTables.length === 0) continue;
		cards.push({ line: lineOf(e.pos.line, block), front: say.endpoint(text(e.service), text(e.routeTables.map((r) => r.name).join(', '))), back: say.viaEndpoint(text(e.name)), key: `vpc ${name} endpoint ${e.name}` });
	}
	for (const tgw of network.transitGateways.values()) {
		for (const table of tgw.routeTables.values()) {
			const list = (refs: { name: string }[]): string => (refs.length ? text(refs.map((r) => r.name).join(', ')) : say.none);
			const routes = table.routes.map((r) => markdownCode(`${r.destination.text} -> ${r.target}`)).join(', ');
			cards.push({ line: lineOf(table.pos.line, block), front: say.tgwTable(text(tgw.name), text(table.name)), back: say.tgwAnswer(list(table.associations), list(table.propagations), routes), key: `vpc ${name} tgw-table ${tgw.name} ${table.name}` });
		}
	}
	return cards;
}
