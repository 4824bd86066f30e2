import { layoutCloud, type LayoutItem, type Rect } from '../../src/core/topology/shared/cloud-layout';
import { toMermaid } from '../../src/core/topology';
import { analyzeTopology } from '../../src/core/topology';

const inside = (outer: Rect, inner: Rect): boolean => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const apart = (a: Rect, b: Rect): boolean => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

const SHOP = `name: shop
cidr: 10.0.0.0/16
region: ap-northeast-2
internet-gateway: igw
subnets:
  public-a: { cidr: 10.0.1.0/24, zone: ap-northeast-2a, route-table: public }
  public-c: { cidr: 10.0.2.0/24, zone: ap-northeast-2c, route-table: public }
  app-a: { cidr: 10.0.11.0/24, zone: ap-northeast-2a }
  app-c: { cidr: 10.0.12.0/24, zone: ap-northeast-2c }
  db-c: { cidr: 10.0.22.0/24, zone: ap-northeast-2c }
route-tables:
  public:
    routes:
      - { destination: 0.0.0.0/0, target: igw }
instances:
  web-a: { subnet: app-a }
  web-c: { subnet: app-c }
  db: { subnet: db-c, role: database }
load-balancers:
  alb: { subnets: [public-a, public-c], targets: [web-a, web-c] }
`;

/** The shop drawn by the vpc writer, every node 80x40 and every title 120x18, laid out. */
function shop(): { rects: Map<string, Rect>; titles: Map<string, Rect>; ids: Map<string, string> } {
	const analysis = analyzeTopology('vpc', SHOP, 0);
	if (!analysis.model) throw new Error('no model');
	const diagram = toMermaid(analysis.model, {});
	const plan = diagram.layout;
	if (!plan) throw new Error('the vpc writer gives no placements');
	// The tree from the Mermaid text: subgraph ... end nesting.
	const items: LayoutItem[] = [];
	const stack: string[] = [];
	for (const line of diagram.text.split('\n')) {
		const t = line.trim();
		const open = /^subgraph (\S+?)\[/.exec(t);
		if (open?.[1]) {
			items.push({ id: open[1], parent: stack[stack.length - 1] ?? null, group: true, width: 120, height: 18 });
			stack.push(open[1]);
		} else if (t === 'end') stack.pop();
		else {
			const node = /^(\w+)(\[|\(|\{|@)/.exec(t);
			if (node?.[1] && !t.startsWith('classDef') && !t.startsWith('class ') && !t.startsWith('style')) items.push({ id: node[1], parent: stack[stack.length - 1] ?? null, group: false, width: 80, height: 40 });
		}
	}
	const ids = new Map(diagram.nodes.map((n) => [n.resource, n.mermaidId]));
	const layout = layoutCloud(items, diagram.edges.map((e, i) => ({ id: `e${i}`, from: ids.get(e.from) ?? '', to: ids.get(e.to) ?? '', labelWidth: e.label ? 60 : 0, labelHeight: e.label ? 16 : 0 })), plan);
	return { rects: layout.rects, titles: layout.titles, ids };
}

describe('cloud layout', () => {
	it('draws zones as columns in name order, each subnet inside its zone, tiers aligned across zones', () => {
		const { rects, ids } = shop();
		const r = (name: string): Rect => {
			const rect = rects.get(ids.get(name) ?? name);
			if (!rect) throw new Error(`no rect for ${name}`);
			return rect;
		};
		const zoneA = r('z_0');
		const zoneC = r('z_1');
		expect(zoneA.x + zoneA.width).toBeLessThan(zoneC.x);
		expect(zoneA.y).toBe(zoneC.y);
		for (const s of ['public-a', 'app-a']) expect(inside(zoneA, r(s))).toBe(true);
		for (const s of ['public-c', 'app-c', 'db-c']) expect(inside(zoneC, r(s))).toBe(true);
		expect(r('public-a').y).toBe(r('public-c').y);
		expect(r('app-a').y).toBe(r('app-c').y);
		expect(r('public-a').y).toBeLessThan(r('app-a').y);
		expect(r('app-c').y).toBeLessThan(r('db-c').y);
		// The gateway on the VPC's top edge, the internet above it, the load balancer above the zones.
		const vpc = r('shop');
		const igw = r('igw');
		expect(igw.y + igw.height / 2).toBeCloseTo(vpc.y);
		expect(r('internet').y + r('internet').height).toBeLessThan(igw.y);
		expect(r('alb').y + r('alb').height).toBeLessThan(zoneA.y);
	});

	it('keeps every title inside its box and never lets node shapes touch', () => {
		const { rects, titles } = shop();
		for (const [id, title] of titles) expect(inside(rects.get(id) as Rect, title)).toBe(true);
		const nodes = [...rects.entries()].filter(([id]) => !titles.has(id)).map(([, r]) => r);
		for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) expect(apart(nodes[i], nodes[j])).toBe(true);
	});

	it('draws several VPCs left to right in the block\'s order, whatever order Mermaid hands them over in', () => {
		const items: LayoutItem[] = ['data', 'shared', 'app'].flatMap((vpc) => [
			{ id: vpc, parent: null, group: true, width: 60, height: 18 },
			{ id: `${vpc}_node`, parent: vpc, group: false, width: 80, height: 40 },
		]);
		const order = { app: 0, shared: 1, data: 2 };
		const plan = { placements: Object.fromEntries(Object.entries(order).map(([id, o]) => [id, { role: 'network' as const, order: o }])), titleInset: 0 };
		const { rects } = layoutCloud(items, [], plan);
		const [app, shared, data] = ['app', 'shared', 'data'].map((id) => rects.get(id) as Rect);
		expect(app.x + app.width).toBeLessThanOrEqual(shared.x);
		expect(shared.x + shared.width).toBeLessThanOrEqual(data.x);
	});

	it('is deterministic: the same block gives the same picture', () => {
		expect([...shop().rects.entries()]).toEqual([...shop().rects.entries()]);
	});
});
