/**
 * The cloud layout: where every box, node, edge and edge label of a topology diagram goes, as an
 * architect draws it (AWS's reference architectures): region > VPC > availability zones as
 * side-by-side columns > subnets in tier rows aligned across the zones (public, then private
 * application, then data); the internet above, the internet gateway on the VPC's top edge, load
 * balancers in a band above the zones they serve, resources outside every subnet on the VPC's
 * bottom edge. Several VPCs (peered, behind a transit gateway) stand side by side.
 *
 * Pure geometry: the caller (the Mermaid layout adapter in the plugin, which measures what Mermaid
 * draws) gives the tree of drawn items with their measured sizes, the edges with their label
 * sizes, and a placement per item that the language's diagram writer derived from its model
 * (`Placement`). Deterministic: the same input always gives the same picture.
 *
 * Edges never cut through boxes: each zone column has a gutter on its right; an edge leaves its
 * end sideways into that gutter, travels along gutters and the lanes above and below the zones,
 * and enters the other end from its gutter. Labels go where they cover no node, title or label.
 */

/** How a writer asks for an item to be placed (items without one are stacked in their parent). */
export type Placement =
	| { role: 'region' }
	/** A VPC; `order`: its place left to right, the block's order (Mermaid hands groups over in no order we can rely on). */
	| { role: 'network'; order: number }
	/** `order`: the column, left to right. */
	| { role: 'zone'; order: number }
	/** `tier`: row of the zones' grid (0 public, 1 private application, 2 data ...); `order` within a cell or as a column of its own. */
	| { role: 'subnet'; tier: number; order: number }
	/** Above everything (the internet). */
	| { role: 'outside' }
	/** On the VPC's top edge (the internet gateway). */
	| { role: 'gateway' }
	/** In the band above the zones, centred over the subnets it serves (a load balancer). */
	| { role: 'spanning'; subnets: string[] }
	/** On the VPC's bottom edge (resources outside every subnet, endpoints). */
	| { role: 'edge' };

/** What the writer hands the layout beside its Mermaid text: placements by Mermaid id. */
export interface LayoutPlan {
	placements: Record<string, Placement>;
	/** Room kept before each group's title (its corner icon, when drawn with icons). */
	titleInset: number;
}

export interface LayoutItem {
	id: string;
	parent: string | null;
	group: boolean;
	/** Measured size of a node; of a group's title. */
	width: number;
	height: number;
}

export interface LayoutEdgeIn {
	id: string;
	from: string;
	to: string;
	labelWidth: number;
	labelHeight: number;
}

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface Point {
	x: number;
	y: number;
}

export interface LayoutResult {
	/** Top-left rectangles of every item (a group's box; a node's shape). */
	rects: Map<string, Rect>;
	/** A group's title rectangle (top-left inside its box). */
	titles: Map<string, Rect>;
	edges: Map<string, { points: Point[]; label: Point | null }>;
	width: number;
	height: number;
}

const PAD = 14;
const GAP = 18;
const TITLE_GAP = 8;
/** Room between parallel edges in one gutter or lane. */
const LANE = 6;
const MAX_LANES = 6;

interface Box {
	item: LayoutItem;
	children: Box[];
	place: Placement | undefined;
	/** Size once measured (groups: computed). */
	w: number;
	h: number;
	/** Position relative to the parent's top-left, then absolute. */
	x: number;
	y: number;
	/** Index of the zone column it sits in (inside a VPC), for routing. */
	column: { vpc: Box; index: number } | null;
	/** How far something of it sticks out above its top (a gateway on a VPC's top edge). */
	over: number;
}

interface VpcGrid {
	box: Box;
	/** Gutter x (absolute, left edge) of each column. */
	gutterX: number[];
	/** Lane between the band above the zones and the zones; lane below the zones. */
	laneTop: number;
	laneBottom: number;
	/** y just below the gateway row (for gateway -> band edges). */
	bandLane: number;
	/** Lanes used so far in each gutter and lane, so parallel edges do not overlap. */
	used: Map<string, number>;
}

export function layoutCloud(items: readonly LayoutItem[], edgesIn: readonly LayoutEdgeIn[], plan: LayoutPlan): LayoutResult {
	const boxes = new Map<string, Box>();
	for (const item of items) boxes.set(item.id, { item, children: [], place: plan.placements[item.id], w: item.width, h: item.height, x: 0, y: 0, column: null, over: 0 });
	const roots: Box[] = [];
	for (const box of boxes.values()) {
		const parent = box.item.parent !== null ? boxes.get(box.item.parent) : undefined;
		if (parent) parent.children.push(box);
		else roots.push(box);
	}
	const labelMax = edgesIn.reduce((m, e) => Math.max(m, e.labelWidth), 0);
	const gutter = Math.max(28, labelMax + 2 * LANE + 16);
	const laneGap = Math.max(GAP * 2, edgesIn.reduce((m, e) => Math.max(m, e.labelHeight), 0) + 2 * GAP);
	const grids: VpcGrid[] = [];
	const inset = plan.titleInset;
	// With icons, a node may carry a badge that sticks out above its tile (diagram-decor.ts, 0.4 of
	// 18 px): the room under a title keeps it clear (a two-line title on Mermaid 11.4.1 touched one).
	const badgeRoom = inset > 0 ? 8 : 0;
	const titleOf = (b: Box): { w: number; h: number } => ({ w: b.item.width + inset, h: Math.max(b.item.height, inset > 0 ? 20 : 0) + badgeRoom });

	/** Lays out a group's content, giving it its size; children positions are relative. */
	function measure(box: Box): void {
		if (!box.item.group) return;
		for (const child of box.children) measure(child);
		const role = box.place?.role;
		if (role === 'network') measureVpc(box);
		else if (role === 'subnet' || role === 'zone') stack(box, 'column');
		else stack(box, role === 'region' ? 'row' : 'column');
	}

	/** Children in one column (or row), under the title. */
	function stack(box: Box, along: 'column' | 'row'): void {
		inBlockOrder(box.children);
		const title = titleOf(box);
		let x = PAD;
		let y = PAD + title.h + TITLE_GAP;
		let w = title.w + 2 * PAD;
		let h = y + PAD;
		const widest = box.children.reduce((m, c) => Math.max(m, c.w), 0);
		for (const child of box.children) {
			if (along === 'row') y = Math.max(y, PAD + title.h + TITLE_GAP + child.over);
		}
		for (const child of box.children) {
			if (along === 'column') {
				y += child.over;
				child.x = PAD + (widest - child.w) / 2;
				child.y = y;
				y += child.h + GAP;
				w = Math.max(w, widest + 2 * PAD);
				h = y - GAP + PAD;
			} else {
				child.x = x;
				child.y = y;
				x += child.w + GAP;
				w = Math.max(w, x - GAP + PAD);
				h = Math.max(h, y + child.h + PAD);
			}
		}
		if (along === 'column') for (const child of box.children) child.x = (w - child.w) / 2;
		box.w = w;
		box.h = h;
	}

	function measureVpc(vpc: Box): void {
		const title = titleOf(vpc);
		const columns: { zone: Box | null; subnets: Box[] }[] = [];
		const gateways: Box[] = [];
		const spanning: Box[] = [];
		const edge: Box[] = [];
		for (const child of vpc.children) {
			const role = child.place?.role;
			if (role === 'zone') columns.push({ zone: child, subnets: child.children.filter((c) => c.place?.role === 'subnet') });
			else if (role === 'subnet') columns.push({ zone: null, subnets: [child] });
			else if (role === 'gateway') gateways.push(child);
			else if (role === 'spanning') spanning.push(child);
			else edge.push(child);
		}
		const orderOf = (b: Box | null): number => (b?.place?.role === 'zone' || b?.place?.role === 'subnet' ? b.place.order : 0);
		columns.sort((p, q) => orderOf(p.zone ?? p.subnets[0] ?? null) - orderOf(q.zone ?? q.subnets[0] ?? null));
		for (const col of columns) col.subnets.sort((p, q) => orderOf(p) - orderOf(q));
		const tiers = [...new Set(columns.flatMap((c) => c.subnets.map((s) => tierOf(s))))].sort((a, b) => a - b);
		// Cell (column, tier): the column's subnets of that tier, stacked.
		const cellHeight = (c: number, t: number): number => {
			const list = columns[c]?.subnets.filter((s) => tierOf(s) === t) ?? [];
			return list.reduce((sum, s) => sum + s.h, 0) + Math.max(0, list.length - 1) * GAP;
		};
		const rowHeight = tiers.map((t) => columns.reduce((m, _, c) => Math.max(m, cellHeight(c, t)), 0));
		const zoneTitleH = columns.reduce((m, c) => Math.max(m, c.zone ? titleOf(c.zone).h : 0), 0);
		const innerTop = columns.some((c) => c.zone) ? PAD + zoneTitleH + TITLE_GAP : 0;
		const colWidth = columns.map((c) => {
			const widest = c.subnets.reduce((m, s) => Math.max(m, s.w), 0);
			return c.zone ? Math.max(widest + 2 * PAD, titleOf(c.zone).w + 2 * PAD) : widest;
		});
		// Vertical bands of the VPC: title (with the gateway on the edge), band of load balancers, zones, edge row.
		const gatewayH = gateways.reduce((m, g) => Math.max(m, g.h), 0);
		let y = PAD + Math.max(title.h, gatewayH / 2) + TITLE_GAP;
		const bandLane = y + GAP / 2;
		if (spanning.length > 0) y += GAP;
		const bandTop = y;
		const bandH = spanning.reduce((m, s) => Math.max(m, s.h), 0);
		if (spanning.length > 0) y += bandH;
		const laneTopRel = y + laneGap / 2;
		y += laneGap;
		const zonesTop = y;
		const zonesH = columns.length ? innerTop + rowHeight.reduce((s, r) => s + r, 0) + Math.max(0, tiers.length - 1) * GAP + (columns.some((c) => c.zone) ? PAD : 0) : 0;
		y += zonesH;
		const laneBottomRel = y + laneGap / 2;
		y += laneGap;
		const edgeH = edge.reduce((m, e) => Math.max(m, e.h), 0);
		const edgeTop = y;
		if (edge.length > 0) y += edgeH + PAD;
		// Columns left to right, each followed by its gutter.
		let x = PAD;
		const colX: number[] = [];
		const gutters: number[] = [];
		columns.forEach((_, c) => {
			colX.push(x);
			x += colWidth[c] ?? 0;
			gutters.push(x);
			x += gutter;
		});
		let width = Math.max(x - gutter + gutter + PAD, title.w + 2 * PAD + (gateways.length ? gateways.reduce((s, g) => s + g.w + GAP, 0) : 0));
		// Place subnets in their cells (relative to the VPC for now; zones get relative offsets after).
		columns.forEach((col, c) => {
			const cx = colX[c] ?? 0;
			const cw = colWidth[c] ?? 0;
			if (col.zone) {
				col.zone.x = cx;
				col.zone.y = zonesTop;
				col.zone.w = cw;
				col.zone.h = zonesH;
			}
			let rowTop = zonesTop + innerTop;
			tiers.forEach((t, r) => {
				const list = col.subnets.filter((s) => tierOf(s) === t);
				let sy = rowTop;
				for (const s of list) {
					// A subnet alone in its cell takes the row's height, so the grid lines up.
					if (list.length === 1) s.h = rowHeight[r] ?? s.h;
					const sw = col.zone ? cw - 2 * PAD : cw;
					s.w = sw;
					restack(s);
					s.x = col.zone ? PAD : cx;
					s.y = col.zone ? sy - zonesTop : sy;
					sy += s.h + GAP;
				}
				rowTop += (rowHeight[r] ?? 0) + GAP;
			});
		});
		// Band: each spanning node over the middle of the columns of its subnets, no two touching.
		const subnetColumn = new Map<string, number>();
		columns.forEach((col, c) => col.subnets.forEach((s) => subnetColumn.set(s.item.id, c)));
		const wanted = spanning.map((s) => {
			const cols = (s.place?.role === 'spanning' ? s.place.subnets : []).map((id) => subnetColumn.get(id)).filter((c): c is number => c !== undefined);
			const left = cols.length ? Math.min(...cols.map((c) => colX[c] ?? 0)) : PAD;
			const right = cols.length ? Math.max(...cols.map((c) => (colX[c] ?? 0) + (colWidth[c] ?? 0))) : width - PAD;
			return { s, cx: (left + right) / 2 };
		});
		wanted.sort((a, b) => a.cx - b.cx);
		let minX = PAD;
		for (const { s, cx } of wanted) {
			s.x = Math.max(minX, cx - s.w / 2);
			s.y = bandTop + (bandH - s.h) / 2;
			minX = s.x + s.w + GAP;
		}
		width = Math.max(width, minX - GAP + PAD);
		let ex = PAD;
		for (const e of edge) {
			e.x = ex;
			e.y = edgeTop + (edgeH - e.h) / 2;
			ex += e.w + GAP;
		}
		width = Math.max(width, ex - GAP + PAD);
		// Gateways on the top edge, right of the title, centred over the band when there is room.
		let gx = Math.max(PAD + title.w + GAP, width / 2 - gateways.reduce((s, g) => s + g.w + GAP, -GAP) / 2);
		for (const g of gateways) {
			g.x = gx;
			g.y = -g.h / 2;
			gx += g.w + GAP;
		}
		width = Math.max(width, gx - GAP + PAD);
		vpc.w = width;
		vpc.over = gatewayH / 2;
		vpc.h = y + (edge.length ? 0 : PAD - laneGap / 2);
		const grid: VpcGrid = { box: vpc, gutterX: gutters, laneTop: laneTopRel, laneBottom: Math.min(laneBottomRel, vpc.h - 4), bandLane, used: new Map() };
		grids.push(grid);
		columns.forEach((col, c) => {
			const mark = (b: Box): void => {
				b.column = { vpc, index: c };
				b.children.forEach(mark);
			};
			col.subnets.forEach(mark);
			if (col.zone) col.zone.column = { vpc, index: c };
		});
	}

	/** A subnet resized to its cell: its nodes stay centred under its title. */
	function restack(s: Box): void {
		const title = titleOf(s);
		const top = PAD + title.h + TITLE_GAP;
		const content = s.children.reduce((sum, c) => sum + c.h + GAP, -GAP);
		let y = top + Math.max(0, (s.h - top - PAD - Math.max(0, content)) / 2);
		for (const c of s.children) {
			c.x = (s.w - c.w) / 2;
			c.y = y;
			y += c.h + GAP;
		}
	}

	function tierOf(b: Box): number {
		return b.place?.role === 'subnet' ? b.place.tier : 0;
	}

	for (const root of roots) measure(root);

	// Top level: what is outside above, the regions and VPCs side by side, anything else to the right.
	const outside = roots.filter((r) => r.place?.role === 'outside');
	const main = inBlockOrder(roots.filter((r) => r.place?.role !== 'outside' && r.item.group));
	const rest = roots.filter((r) => r.place?.role !== 'outside' && !r.item.group);
	const outsideH = outside.reduce((m, o) => Math.max(m, o.h), 0);
	let y = main.reduce((m, b) => Math.max(m, b.over), 0);
	if (outside.length > 0) y += outsideH + laneGap;
	let x = 0;
	let mainH = 0;
	for (const m of main) {
		m.x = x;
		m.y = y;
		x += m.w + gutter;
		mainH = Math.max(mainH, m.h);
	}
	let rx = x;
	let ry = y;
	const restW = rest.reduce((m, r) => Math.max(m, r.w), 0);
	for (const r of rest) {
		r.x = rx + (restW - r.w) / 2;
		r.y = ry;
		ry += r.h + GAP * 2;
	}
	if (rest.length > 0) rx += restW;
	const total = { width: Math.max(rx, x - (main.length ? gutter : 0)), height: Math.max(y + mainH, ry) };

	// Absolute positions.
	const rects = new Map<string, Rect>();
	const titles = new Map<string, Rect>();
	const place = (b: Box, ox: number, oy: number): void => {
		b.x += ox;
		b.y += oy;
		rects.set(b.item.id, { x: b.x, y: b.y, width: b.w, height: b.h });
		if (b.item.group) titles.set(b.item.id, { x: b.x + PAD / 2 + inset, y: b.y + PAD / 2, width: b.item.width, height: b.item.height });
		for (const c of b.children) place(c, b.x, b.y);
	};
	for (const r of roots) place(r, 0, 0);
	for (const g of grids) {
		g.gutterX = g.gutterX.map((gx) => gx + g.box.x);
		g.laneTop += g.box.y;
		g.laneBottom += g.box.y;
		g.bandLane += g.box.y;
	}
	// The internet above the gateway it connects to (else above the middle).
	const gatewayXs = [...boxes.values()].filter((b) => b.place?.role === 'gateway').map((b) => b.x + b.w / 2);
	let ox = gatewayXs.length ? (gatewayXs[0] ?? 0) - outside.reduce((s, o) => s + o.w + GAP, -GAP) / 2 : 0;
	ox = Math.max(0, ox);
	for (const o of outside) {
		o.x = ox;
		o.y = (outsideH - o.h) / 2;
		rects.set(o.item.id, { x: o.x, y: o.y, width: o.w, height: o.h });
		ox += o.w + GAP;
	}
	total.width = Math.max(total.width, ox - GAP);

	const edges = routeEdges(edgesIn, boxes, grids, rects, titles, gutter);
	return { rects, titles, edges, width: total.width, height: total.height };
}

/** The VPCs among `boxes` sorted into the block's order, in place; the rest keep their places. */
function inBlockOrder(boxes: Box[]): Box[] {
	const vpcAt = boxes.map((b, i) => (b.place?.role === 'network' ? i : -1)).filter((i) => i >= 0);
	const sorted = vpcAt.map((i) => boxes[i]).sort((p, q) => (p.place?.role === 'network' && q.place?.role === 'network' ? p.place.order - q.place.order : 0));
	vpcAt.forEach((at, k) => {
		boxes[at] = sorted[k];
	});
	return boxes;
}

function gridOf(b: Box, grids: VpcGrid[]): VpcGrid | null {
	if (b.column) return grids.find((g) => g.box === b.column?.vpc) ?? null;
	return null;
}

/** The VPC grid a node at VPC level (gateway, band, edge row) belongs to. */
function ownerGrid(b: Box, boxes: Map<string, Box>, grids: VpcGrid[]): VpcGrid | null {
	let parent = b.item.parent !== null ? boxes.get(b.item.parent) : undefined;
	while (parent) {
		const found = grids.find((g) => g.box === parent);
		if (found) return found;
		parent = parent.item.parent !== null ? boxes.get(parent.item.parent) : undefined;
	}
	return null;
}

function lane(grid: VpcGrid, key: string): number {
	const n = grid.used.get(key) ?? 0;
	grid.used.set(key, n + 1);
	return (n % MAX_LANES) * LANE;
}

function routeEdges(edgesIn: readonly LayoutEdgeIn[], boxes: Map<string, Box>, grids: VpcGrid[], rects: Map<string, Rect>, titles: Map<string, Rect>, gutter: number): Map<string, { points: Point[]; label: Point | null }> {
	const out = new Map<string, { points: Point[]; label: Point | null }>();
	// Obstacles for labels: every node, every title; placed labels join them.
	const obstacles: Rect[] = [...titles.values()];
	for (const b of boxes.values()) if (!b.item.group) obstacles.push(rects.get(b.item.id) ?? { x: 0, y: 0, width: 0, height: 0 });
	for (const e of edgesIn) {
		const a = boxes.get(e.from);
		const b = boxes.get(e.to);
		if (!a || !b) continue;
		const points = route(a, b, boxes, grids, titles, gutter);
		let label: Point | null = null;
		if (e.labelWidth > 0) {
			label = placeLabel(points, e.labelWidth, e.labelHeight, obstacles);
			obstacles.push({ x: label.x - e.labelWidth / 2 - 2, y: label.y - e.labelHeight / 2 - 2, width: e.labelWidth + 4, height: e.labelHeight + 4 });
		}
		out.set(e.id, { points: simplify(points), label });
	}
	return out;
}

/** Where an end joins its gutter: its right side, at its middle (a group: at its title's height). */
function sidePort(b: Box, titles: Map<string, Rect>): Point {
	const t = titles.get(b.item.id);
	return { x: b.x + b.w, y: t ? t.y + t.height / 2 : b.y + b.h / 2 };
}

function route(a: Box, b: Box, boxes: Map<string, Box>, grids: VpcGrid[], titles: Map<string, Rect>, gutter: number): Point[] {
	const ga = gridOf(a, grids);
	const gb = gridOf(b, grids);
	const center = (x: Box): Point => ({ x: x.x + x.w / 2, y: x.y + x.h / 2 });
	if (ga && gb && ga === gb) {
		const pa = sidePort(a, titles);
		const pb = sidePort(b, titles);
		const ca = a.column?.index ?? 0;
		const cb = b.column?.index ?? 0;
		const xa = (ga.gutterX[ca] ?? 0) + 8 + lane(ga, `g${ca}`);
		if (ca === cb) return [pa, { x: xa, y: pa.y }, { x: xa, y: pb.y }, pb];
		const xb = (ga.gutterX[cb] ?? 0) + 8 + lane(ga, `g${cb}`);
		const ly = ga.laneTop + lane(ga, 'top') - LANE * 2;
		return [pa, { x: xa, y: pa.y }, { x: xa, y: ly }, { x: xb, y: ly }, { x: xb, y: pb.y }, pb];
	}
	// One end in a column, the other at VPC level or outside: along the gutter to the lane, then across.
	if (ga || gb) {
		const inCol = ga ? a : b;
		const other = ga ? b : a;
		const grid = (ga ?? gb) as VpcGrid;
		const p = sidePort(inCol, titles);
		const c = inCol.column?.index ?? 0;
		const gx = (grid.gutterX[c] ?? 0) + 8 + lane(grid, `g${c}`);
		const o = center(other);
		const below = o.y > grid.laneBottom - 2;
		const ly = below ? grid.laneBottom + lane(grid, 'bottom') - LANE * 2 : grid.laneTop + lane(grid, 'top') - LANE * 2;
		const rect = { x: other.x, y: other.y, width: other.w, height: other.h };
		let end: Point[];
		if (other.place?.role === 'gateway' && !below) {
			// Routes to the gateway: along the zones' top lane to the last gutter, up past the band, across to it.
			const bus = (grid.gutterX[grid.gutterX.length - 1] ?? gx) + 8 + lane(grid, 'bus');
			end = [{ x: bus, y: ly }, { x: bus, y: grid.bandLane }, { x: o.x, y: grid.bandLane }, { x: o.x, y: rect.y + rect.height }];
		} else if ( inside(o.x, grid.box.x, grid.box.x + grid.box.w) && ownerGrid(other, boxes, grids) === grid) {
			// At VPC level: straight up (or down) into it.
			end = [{ x: o.x, y: ly }, { x: o.x, y: below ? rect.y : rect.y + rect.height }];
		} else {
			// Outside the VPC: out along the lane, then in from the side facing it.
			const right = o.x > grid.box.x + grid.box.w;
			const sx = right ? rect.x : rect.x + rect.width;
			const exitX = right ? grid.box.x + grid.box.w + gutter / 2 : grid.box.x - gutter / 2;
			if (other.place?.role === 'outside') end = [{ x: exitX, y: ly }, { x: exitX, y: rect.y + rect.height + 10 }, { x: o.x, y: rect.y + rect.height + 10 }, { x: o.x, y: rect.y + rect.height }];
			else end = [{ x: exitX, y: ly }, { x: exitX, y: o.y }, { x: sx, y: o.y }];
		}
		const path = [p, { x: gx, y: p.y }, { x: gx, y: ly }, ...end];
		return ga ? path : path.reverse();
	}
	// Neither in a column: an elbow between facing sides, through the lane under the gateways when in one VPC.
	const ca = center(a);
	const cb = center(b);
	const down = cb.y >= ca.y;
	const from = { x: ca.x, y: down ? a.y + a.h : a.y };
	const to = { x: cb.x, y: down ? b.y : b.y + b.h };
	if (Math.abs(from.x - to.x) < 1) return [from, to];
	if (Math.abs(ca.y - cb.y) < Math.max(a.h, b.h) / 2) {
		// Side by side: from facing sides.
		const right = cb.x > ca.x;
		const s = { x: right ? a.x + a.w : a.x, y: ca.y };
		const t = { x: right ? b.x : b.x + b.w, y: cb.y };
		const mx = (s.x + t.x) / 2;
		return [s, { x: mx, y: s.y }, { x: mx, y: t.y }, t];
	}
	const grid = ownerGrid(a, boxes, grids) ?? ownerGrid(b, boxes, grids);
	const my = grid && a.place?.role === 'gateway' ? grid.bandLane : (from.y + to.y) / 2;
	return [from, { x: from.x, y: my }, { x: to.x, y: my }, to];
}

function inside(v: number, lo: number, hi: number): boolean {
	return v >= lo && v <= hi;
}

/** Drops repeated and collinear points (they would make corners Mermaid rounds oddly). */
function simplify(points: Point[]): Point[] {
	const out: Point[] = [];
	for (const p of points) {
		const last = out[out.length - 1];
		if (last && Math.abs(last.x - p.x) < 0.5 && Math.abs(last.y - p.y) < 0.5) continue;
		const prev = out[out.length - 2];
		if (prev && last && ((Math.abs(prev.x - last.x) < 0.5 && Math.abs(last.x - p.x) < 0.5) || (Math.abs(prev.y - last.y) < 0.5 && Math.abs(last.y - p.y) < 0.5))) out.pop();
		out.push(p);
	}
	return out;
}

function overlaps(a: Rect, b: Rect): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The first spot along the route (segment middles first, then sliding) where the label covers nothing. */
function placeLabel(points: Point[], w: number, h: number, obstacles: Rect[]): Point {
	const segments: [Point, Point][] = [];
	for (let i = 1; i < points.length; i++) segments.push([points[i - 1], points[i]]);
	// Longest segments first: they have the most room.
	const order = segments.map((s, i) => ({ s, i, len: Math.hypot(s[1].x - s[0].x, s[1].y - s[0].y) })).sort((p, q) => q.len - p.len || p.i - q.i);
	const free = (c: Point): boolean => !obstacles.some((o) => overlaps(o, { x: c.x - w / 2 - 2, y: c.y - h / 2 - 2, width: w + 4, height: h + 4 }));
	for (const fraction of [0.5, 0.3, 0.7, 0.15, 0.85, 0.05, 0.95]) {
		for (const { s } of order) {
			const c = { x: s[0].x + (s[1].x - s[0].x) * fraction, y: s[0].y + (s[1].y - s[0].y) * fraction };
			if (free(c)) return c;
		}
	}
	// Beside the segments (a label next to a crowded line).
	for (const { s } of order) {
		const c = { x: (s[0].x + s[1].x) / 2, y: (s[0].y + s[1].y) / 2 };
		const vertical = Math.abs(s[0].x - s[1].x) < 0.5;
		for (const d of [1, -1, 2, -2, 3, -3]) {
			const shifted = vertical ? { x: c.x + d * (w / 2 + 4), y: c.y } : { x: c.x, y: c.y + d * (h / 2 + 4) };
			if (free(shifted)) return shifted;
		}
	}
	const first = order[0]?.s;
	return first ? { x: (first[0].x + first[1].x) / 2, y: (first[0].y + first[1].y) / 2 } : { x: 0, y: 0 };
}
