import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { CardIndex, DEFAULT_CARD_SETTINGS, extractNote, type Card, type CardSettings } from '../../../src/core/cards';
import { MASK_TEXT } from '../../../src/core/topology/shared/diagram-emphasis';
import { note } from './helpers';

const shop = (extra: string[] = [], subnets = ['  app-a:    { cidr: 10.0.10.0/24, zone: ap-northeast-2a, route-table: private-a }']) => [
	'```vpc',
	'name: shop',
	'cidr: 10.0.0.0/16',
	'internet-gateway: igw',
	'subnets:',
	'  edge-a: { cidr: 10.0.1.0/24, zone: ap-northeast-2a, route-table: public-rt }',
	...subnets,
	'  db-a:     { cidr: 10.0.20.0/24, zone: ap-northeast-2a, route-table: db-rt }',
	'route-tables:',
	'  public-rt: { 0.0.0.0/0: igw }',
	'  private-a: { 0.0.0.0/0: nat-a }',
	'  db-rt: {}',
	'nat-gateways:',
	'  nat-a: { subnet: edge-a }',
	'instances:',
	'  web: { subnet: edge-a, security-groups: [web-sg], public-ip: true }',
	'  db:  { subnet: db-a, security-groups: [db-sg] }',
	...extra,
	'security-groups:',
	'  web-sg: { inbound: ["tcp 443 from 0.0.0.0/0"] }',
	'  db-sg:  { inbound: ["tcp 3306 from web-sg"] }',
	'flows:',
	'  - web -> db tcp/3306',
	'  - db -> web tcp/22',
	'```',
];

const diagramOnly = { ...DEFAULT_CARD_SETTINGS, sources: { ...DEFAULT_CARD_SETTINGS.sources, heading: false, topology: false }, topologyCap: 40 };
const cardsOf = (text: string, settings: CardSettings = diagramOnly): Card[] => extractNote('net.md', text, settings).cards;
const byFront = (cards: Card[], part: string): Card => {
	const card = cards.find((c) => c.front.includes(part));
	if (!card) throw new Error(`no card asking "${part}" in ${cards.map((c) => c.front).join(' | ')}`);
	return card;
};

describe('occlusion cards', () => {
	const cards = cardsOf(note('## Shop', ...shop()));

	it('hide a subnet CIDR in the Mermaid text itself, and reveal it on the back', () => {
		const card = byFront(cards, 'CIDR block of subnet app-a');
		expect(card.kind).toBe('occlusion');
		expect(card.id).toMatch(/^o-/);
		expect(card.diagram?.answer).toBe('10.0.10.0/24');
		expect(card.diagram?.mask).toBe('r_app_2d_a');
		expect(card.diagram?.front).not.toContain('10.0.10.0');
		expect(card.diagram?.front).toContain(MASK_TEXT);
		expect(card.diagram?.front).toMatch(/class r_app_2d_a cnMask|style r_app_2d_a fill:#fde68a/);
		expect(card.diagram?.back).toContain('10.0.10.0/24');
		expect(card.diagram?.back).toMatch(/style r_app_2d_a fill:#bbf7d0/);
		// Nothing else is hidden: the other subnets keep their CIDRs.
		expect(card.diagram?.front).toContain('10.0.20.0/24');
		expect(card.back).toContain('10.0.10.0/24');
	});

	it('hide whether a subnet is public: the word, its colour and the routes that tell it', () => {
		const card = byFront(cards, 'whether subnet app-a is public or private');
		expect(card.diagram?.answer).toBe('private');
		const front = card.diagram?.front ?? '';
		const label = /subgraph r_app_2d_a\["([^"]*)"\]/.exec(front)?.[1] ?? '';
		expect(label).toContain('10.0.10.0/24');
		expect(label).not.toMatch(/private|public/);
		expect(front).not.toMatch(/r_app_2d_a -->/);
		expect(card.diagram?.back).toMatch(/r_app_2d_a -->\|"0\.0\.0\.0\/0"\| r_nat_2d_a/);
	});

	it('skip a fact the element name gives away (a subnet named edge-a is asked; one named public-a would not be)', () => {
		const named = cardsOf(note('## Shop', ...shop().map((l) => l.replace(/edge-a/g, 'public-a'))));
		expect(named.some((c) => c.front.includes('whether subnet public-a'))).toBe(false);
		expect(named.some((c) => c.front.includes('CIDR block of subnet public-a'))).toBe(true);
	});
});

describe('trace drills', () => {
	const cards = cardsOf(note('## Shop', ...shop()));

	it('ask each declared flow and answer with the verdict, the deciding hop and rule, drawn on the diagram', () => {
		const allowed = byFront(cards, 'Can web reach db on tcp 3306?');
		expect(allowed.kind).toBe('trace-drill');
		expect(allowed.back).toBe('**Yes**. Deciding hop: db-sg, security group inbound (`tcp 3306 from web-sg`).');
		expect(allowed.diagram?.mask).toBeNull();
		expect(allowed.diagram?.back).toMatch(/class [^\n]*r_db[^\n]* cnReveal/);
		const refused = byFront(cards, 'Can db reach web on tcp 22?');
		expect(refused.back).toMatch(/^\*\*No\*\*\. Refused at /);
		expect(refused.diagram?.back).toMatch(/class r_web cnRefused/);
	});

	it('add a bounded sample of telling pairs, each refusal reason once', () => {
		const sampled = cards.filter((c) => c.kind === 'trace-drill' && !/web reach db|db reach web/.test(c.front));
		expect(sampled.length).toBeGreaterThan(0);
		expect(sampled.length).toBeLessThanOrEqual(5);
		const reasons = sampled.filter((c) => c.back.startsWith('**No**')).map((c) => /Refused at [^:]*/.exec(c.back)?.[0]);
		expect(new Set(reasons).size).toBe(reasons.length);
	});
});

describe('identity of diagram cards', () => {
	const ids = (cards: Card[]) => cards.filter((c) => c.kind === 'occlusion' || c.kind === 'trace-drill').map((c) => c.id);

	it('editing the block elsewhere keeps every id, so the review history stays', () => {
		const index = new CardIndex(diagramOnly);
		index.setNote('net.md', note('## Shop', ...shop()));
		const before = ids(index.inFile('net.md'));
		// A new instance, a line above the block, another subnet's CIDR changed.
		const edited = note('## Shop', 'Some prose above.', '', ...shop(['  cache: { subnet: db-a }']).map((l) => l.replace('10.0.20.0/24', '10.0.21.0/24')));
		const change = index.setNote('net.md', edited);
		const after = ids(index.inFile('net.md'));
		const cidrOfApp = byFront(index.inFile('net.md'), 'CIDR block of subnet app-a').id;
		expect(before).toContain(cidrOfApp);
		for (const id of ids(cardsOf(note('## Shop', ...shop())))) if (!/db-a/.test(index.byId(id)?.front ?? 'db-a')) expect(after).toContain(id);
		expect(change.removed.filter((id) => before.includes(id) && !/db-a/.test(id))).toEqual([]);
	});

	it('the same block in a Korean note keeps the ids', () => {
		const english = ids(cardsOf(note('## Shop', ...shop())));
		const korean = ids(cardsOf(note('## Shop 상점', ...shop()).replace('## Shop 상점', '## Shop')));
		expect(korean).toEqual(english);
	});

	it('deleting a subnet retires its cards and only those', () => {
		const index = new CardIndex(diagramOnly);
		index.setNote('net.md', note('## Shop', ...shop()));
		const appCards = index.inFile('net.md').filter((c) => c.front.includes('subnet app-a'));
		expect(appCards.length).toBe(2);
		const without = shop([], []).filter((l) => !l.includes('private-a'));
		const change = index.setNote('net.md', note('## Shop', ...without));
		for (const card of appCards) expect(change.removed).toContain(card.id);
		expect(change.removed.every((id) => appCards.some((c) => c.id === id) || !index.inFile('net.md').some((c) => c.id === id))).toBe(true);
		expect(index.byId(byFront(index.inFile('net.md'), 'CIDR block of subnet db-a').id)).toBeDefined();
	});
});

describe('per-block control', () => {
	it('a fence option chooses the kinds and the cap, the same in every language', () => {
		const only = cardsOf(note('## Shop', ...shop()).replace('```vpc', '```vpc cards=occlusion cards-max=2'), DEFAULT_CARD_SETTINGS);
		expect(only.filter((c) => c.kind !== 'heading').map((c) => c.kind)).toEqual(['occlusion', 'occlusion']);
		expect(cardsOf(note('## Shop', ...shop()).replace('```vpc', '```vpc cards=none'), DEFAULT_CARD_SETTINGS).filter((c) => c.kind !== 'heading')).toEqual([]);
		// A block may turn on a kind the settings turn off.
		const off = { ...DEFAULT_CARD_SETTINGS, sources: { ...DEFAULT_CARD_SETTINGS.sources, occlusion: false, 'trace-drill': false, topology: false } };
		expect(cardsOf(note('## Shop', ...shop()), off).filter((c) => c.kind !== 'heading')).toEqual([]);
		expect(cardsOf(note('## Shop', ...shop()).replace('```vpc', '```vpc cards=trace-drill'), off).every((c) => c.kind === 'trace-drill' || c.kind === 'heading')).toBe(true);
	});

	it('the default cap takes the kinds in turn, the most instructive facts first', () => {
		const cards = cardsOf(note('## Shop', ...shop()), DEFAULT_CARD_SETTINGS).filter((c) => c.kind !== 'heading');
		expect(cards.length).toBe(12);
		const kinds = new Set(cards.map((c) => c.kind));
		expect([...kinds].sort()).toEqual(['occlusion', 'topology', 'trace-drill']);
		// Exposure (weight 30) before CIDRs (20): all three subnets' exposure cards made the cut... but named subnets only.
		expect(cards.filter((c) => c.kind === 'occlusion').map((c) => c.front).some((f) => f.includes('public or private'))).toBe(true);
	});
});

describe('every topology block of the example vault', () => {
	const folder = path.join(__dirname, '../../../example-vault/클라우드');
	for (const file of readdirSync(folder).filter((f) => f.endsWith('.md'))) {
		const text = readFileSync(path.join(folder, file), 'utf8');
		if (!/```(vpc|containers|cloudformation|kubernetes|k8s)/.test(text)) continue;
		it(`${file}: occlusion cards and trace drills, no fact left in its front`, () => {
			const cards = extractNote(file, text, { ...DEFAULT_CARD_SETTINGS, topologyCap: 100 }).cards;
			const occlusion = cards.filter((c) => c.kind === 'occlusion');
			expect(occlusion.length).toBeGreaterThan(0);
			expect(cards.some((c) => c.kind === 'trace-drill')).toBe(true);
			for (const card of occlusion) {
				expect(card.diagram?.front).toContain(MASK_TEXT);
				const front = card.diagram?.front ?? '';
				const answer = card.diagram?.answer ?? '';
				if (['public', 'private', '퍼블릭', '프라이빗'].includes(answer) || !front.includes(answer)) continue;
				// A fact told by links (a service's networks, a Service's pods) names resources drawn anyway: then no link of the masked element is drawn.
				const mask = card.diagram?.mask ?? '';
				expect(front.split('\n').filter((l) => l.includes(mask) && /(--|-\.|==)/.test(l))).toEqual([]);
			}
		});
	}
});
