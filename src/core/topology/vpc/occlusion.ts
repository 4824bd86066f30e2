/** Facts of a `vpc` block worth hiding in its diagram: whether each subnet is public, each CIDR. */
import { markdownCode, markdownText as text } from '../../markdown/escape';
import type { CardBlock } from '../shared/cards';
import type { OcclusionFact } from '../shared/occlusion-fact';
import { internetRouteOf, isPublicSubnet, routeTableOf, type VpcModel } from './model';

interface Phrases {
	exposure(subnet: string): string;
	cidr(what: string): string;
	subnet(name: string): string;
	vpc(name: string): string;
	viaGateway(table: string, route: string): string;
	viaNat(table: string, route: string): string;
	noRoute(table: string | null): string;
	cidrWhy(what: string): string;
	public: string;
	private: string;
}

const ENGLISH: Phrases = {
	exposure: (subnet) => `The diagram hides whether subnet ${subnet} is public or private. Which is it?`,
	cidr: (what) => `What is the CIDR block of ${what}, hidden in the diagram?`,
	subnet: (name) => `subnet ${name}`,
	vpc: (name) => `VPC ${name}`,
	viaGateway: (table, route) => `its route table ${table} has ${markdownCode(route)}, to the internet gateway.`,
	viaNat: (table, route) => `its route table ${table} has ${markdownCode(route)}, out through a NAT gateway only.`,
	noRoute: (table) => (table ? `its route table ${table} has no route to the internet.` : 'it has no route table, only the local route.'),
	cidrWhy: (what) => `The address range of ${what}.`,
	public: 'public',
	private: 'private',
};

const KOREAN: Phrases = {
	exposure: (subnet) => `다이어그램에서 가린 것: 서브넷 ${subnet} 은 퍼블릭인가, 프라이빗인가?`,
	cidr: (what) => `다이어그램에서 가린 ${what} 의 CIDR 블록은?`,
	subnet: (name) => `서브넷 ${name}`,
	vpc: (name) => `VPC ${name}`,
	viaGateway: (table, route) => `라우팅 테이블 ${table} 에 ${markdownCode(route)} (인터넷 게이트웨이) 경로가 있다.`,
	viaNat: (table, route) => `라우팅 테이블 ${table} 의 ${markdownCode(route)} 경로는 NAT 게이트웨이로만 나간다.`,
	noRoute: (table) => (table ? `라우팅 테이블 ${table} 에 인터넷 경로가 없다.` : '라우팅 테이블이 없어 local 경로만 있다.'),
	cidrWhy: (what) => `${what} 의 주소 범위.`,
	public: '퍼블릭',
	private: '프라이빗',
};

export function vpcOcclusionFacts(model: VpcModel, block: CardBlock): OcclusionFact[] {
	const say = block.korean ? KOREAN : ENGLISH;
	const facts: OcclusionFact[] = [];
	for (const subnet of model.subnets.values()) {
		const pub = isPublicSubnet(model, subnet);
		const table = routeTableOf(model, subnet);
		const igwRoute = internetRouteOf(model, subnet);
		const natRoute = table?.routes.find((r) => model.natGateways.has(r.target));
		const explanation = igwRoute
			? say.viaGateway(text(table?.name ?? ''), `${igwRoute.destination.text} -> ${igwRoute.target}`)
			: natRoute
				? say.viaNat(text(table?.name ?? ''), `${natRoute.destination.text} -> ${natRoute.target}`)
				: say.noRoute(table ? text(table.name) : null);
		// Its routes are drawn as edges to the gateways, so those go with the word.
		facts.push({ element: subnet.name, fact: 'exposure', line: subnet.pos.line, question: say.exposure(text(subnet.name)), answer: pub ? say.public : say.private, explanation, hide: ['public', 'private'], detach: true, weight: 30 });
		if (subnet.cidr) {
			const what = say.subnet(text(subnet.name));
			facts.push({ element: subnet.name, fact: 'cidr', line: subnet.pos.line, question: say.cidr(what), answer: subnet.cidr.text, explanation: say.cidrWhy(what), scrub: [subnet.cidr.text], weight: 20 });
		}
	}
	if (model.name && model.cidr) {
		const what = say.vpc(text(model.name));
		facts.push({ element: model.name, fact: 'cidr', line: 1, question: say.cidr(what), answer: model.cidr.text, explanation: say.cidrWhy(what), scrub: [model.cidr.text], weight: 10 });
	}
	return facts;
}
