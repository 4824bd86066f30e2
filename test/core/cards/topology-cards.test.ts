import { DEFAULT_CARD_SETTINGS, extractNote, topologyCards } from '../../../src/core/cards';
import { note } from './helpers';

const shop = [
	'```vpc',
	'name: shop',
	'cidr: 10.0.0.0/16',
	'internet-gateway: igw',
	'subnets:',
	'  public-a: { cidr: 10.0.1.0/24, zone: ap-northeast-2a, route-table: public-rt }',
	'  app-a:    { cidr: 10.0.10.0/24, zone: ap-northeast-2a, route-table: private-a }',
	'  db-a:     { cidr: 10.0.20.0/24, zone: ap-northeast-2a, route-table: db-rt }',
	'route-tables:',
	'  public-rt: { 0.0.0.0/0: igw }',
	'  private-a: { 0.0.0.0/0: nat-a }',
	'  db-rt: {}',
	'nat-gateways:',
	'  nat-a: { subnet: public-a }',
	'instances:',
	'  web: { subnet: app-a, security-groups: [web-sg] }',
	'  db:  { subnet: db-a, security-groups: [db-sg] }',
	'security-groups:',
	'  web-sg: { inbound: [] }',
	'  db-sg:  { inbound: ["tcp 3306 from web-sg"] }',
	'flows:',
	'  - web -> db tcp/3306',
	'  - db -> web tcp/22',
	'```',
];

const topologyOnly = {
	...DEFAULT_CARD_SETTINGS,
	sources: { heading: false, callout: false, quote: false, definition: false, topology: true, flashcard: false, cloze: false, occlusion: false, 'trace-drill': false },
};

describe('topology cards', () => {
	it('ask whether each subnet is public or private, with the route that decides', () => {
		const { cards } = extractNote('net.md', note('## Three tiers', ...shop), topologyOnly);
		const subnets = cards.filter((c) => c.front.includes('public or private'));
		expect(subnets.map((c) => [c.front, c.back])).toEqual([
			['In VPC shop, is subnet public-a public or private?', 'Public: its route table public-rt sends 0.0.0.0/0 to igw, the internet gateway.'],
			['In VPC shop, is subnet app-a public or private?', 'Private: its route table private-a sends 0.0.0.0/0 to nat-a, a NAT gateway.'],
			['In VPC shop, is subnet db-a public or private?', 'Private: its route table db-rt has no route to the internet.'],
		]);
		expect(subnets.map((c) => c.line)).toEqual([7, 8, 9]);
		expect(subnets.every((c) => c.kind === 'topology' && c.context.join() === 'Three tiers')).toBe(true);
	});

	it('name the security group rule that lets a declared flow through, and why a blocked one fails', () => {
		const { cards } = extractNote('net.md', note('## Three tiers', ...shop), topologyOnly);
		expect(cards.find((c) => c.front === 'Which security group rule lets web reach db on tcp 3306?')?.back).toBe('db-sg, inbound: `tcp 3306 from web-sg`');
		const blocked = cards.find((c) => c.front === 'Can db reach web on tcp 22?');
		expect(blocked?.back).toMatch(/^No\. Refused at /);
		expect(blocked?.back).toContain('web-sg');
	});

	it('are written in Korean when the headings are, keeping the same ids', () => {
		const english = extractNote('net.md', note('## Three tiers', ...shop), topologyOnly).cards;
		const korean = extractNote('net.md', note('## Three tiers', ...shop).replace('## Three tiers', '## Three tiers 3계층'), topologyOnly).cards;
		expect(korean.find((c) => c.front.includes('app-a'))?.front).toBe('VPC shop 의 서브넷 app-a: 퍼블릭인가, 프라이빗인가?');
		expect(korean.find((c) => c.front.includes('app-a'))?.back).toBe('프라이빗: 라우팅 테이블 private-a 의 0.0.0.0/0 경로는 nat-a (NAT 게이트웨이) 로 간다.');
		expect(korean.find((c) => c.front.startsWith('db → web'))?.back).toMatch(/^아니오: web-sg 의 보안 그룹 인바운드 에서 막힌다/);
		const renamed = extractNote('net.md', note('## Three tiers', ...shop), topologyOnly).cards;
		expect(renamed.map((c) => c.id)).toEqual(english.map((c) => c.id));
		expect(new Set(english.map((c) => c.id)).size).toBe(english.length);
	});

	it('ask about the network two services share and services kept off the internet', () => {
		const text = note(
			'## Compose',
			'```containers',
			'host: { name: box }',
			'services:',
			'  web: { image: nginx, ports: ["8080:80"], networks: [front] }',
			'  api: { image: api, networks: [front, back] }',
			'  db:  { image: postgres, networks: [back] }',
			'networks:',
			'  front: {}',
			'  back: { internal: true }',
			'flows:',
			'  - internet -> web tcp/8080',
			'  - api -> db tcp/5432',
			'```',
		);
		const { cards } = extractNote('c.md', text, topologyOnly);
		expect(cards.map((c) => [c.line, c.front, c.back])).toEqual([
			[7, 'Can service db reach the internet?', 'No: its network (back) is internal.'],
			[12, 'Which published port lets internet reach web on tcp 8080?', '`8080:80`: host box forwards it to web.'],
			[13, 'Over which network does api reach db?', 'back: both services are on it, so db resolves by name and every port is open.'],
		]);
		// In Korean no name is followed by a particle whose form depends on how the name is read.
		const korean = extractNote('c.md', text.replace('## Compose', '## 컴포즈'), topologyOnly).cards;
		expect(korean.map((c) => c.back)).toEqual([
			'아니오: 연결된 네트워크(back)가 모두 internal 이다.',
			'`8080:80`: 호스트 box 에서 서비스 web 에 전달한다.',
			'back: 두 서비스가 모두 연결된 네트워크라서 서비스 이름(db)으로 찾고 모든 포트로 통신한다.',
		]);
	});

	it('make nothing from a block with errors, and nothing when the source is off or not injected', () => {
		const broken = note('## X', '```vpc', 'name: x', 'cidr: not-a-cidr', 'subnets:', '  a: { cidr: 10.0.0.0/24 }', '```');
		expect(topologyCards({ file: 'x.md', text: broken, korean: false })).toEqual([]);
		expect(extractNote('net.md', note('## Three tiers', ...shop), topologyOnly, { topologyCards: null }).cards).toEqual([]);
		const off = { ...DEFAULT_CARD_SETTINGS, sources: { ...DEFAULT_CARD_SETTINGS.sources, topology: false } };
		expect(extractNote('net.md', note('## Three tiers', ...shop), off).cards.filter((c) => c.kind === 'topology')).toEqual([]);
	});

	it('follow their block when lines are added above (the per-block cache keeps lines right)', () => {
		const before = extractNote('net.md', note('## Three tiers', ...shop), topologyOnly).cards;
		const after = extractNote('net.md', note('intro', '', '## Three tiers', ...shop), topologyOnly).cards;
		expect(after.map((c) => c.line)).toEqual(before.map((c) => c.line + 2));
		expect(after.map((c) => [c.id, c.front, c.back])).toEqual(before.map((c) => [c.id, c.front, c.back]));
	});

	it('keep the block itself on the heading card', () => {
		const { cards } = extractNote('net.md', note('## Three tiers', ...shop));
		expect(cards[0]?.kind).toBe('heading');
		expect(cards[0]?.back).toBe(shop.join('\n'));
	});
});
