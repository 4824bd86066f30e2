/**
 * The layout checker: measures a drawn diagram (the SVG in the page, as the user sees it) for the
 * invariants every topology diagram must keep:
 * - two boxes (groups) either nest entirely or do not touch;
 * - node shapes never overlap;
 * - no two labels overlap (edge labels, group titles), and no edge label covers a node;
 * - every group title lies inside its box;
 * - the availability zones of one VPC stand side by side (their columns do not overlap).
 * Self-contained (it runs through page.evaluate and is bundled by scripts/layout-corpus.mjs):
 * no imports, plain DOM.
 */

export interface LayoutDefect {
	kind: 'boxes' | 'shapes' | 'labels' | 'title' | 'zones';
	what: string;
}

export interface LayoutReport {
	boxes: number;
	nodes: number;
	labels: number;
	zones: number;
	defects: LayoutDefect[];
}

/** Checks the diagram SVG found by `selector` (the first match). */
export function checkLayout(selector: string): LayoutReport {
	const svg = document.querySelector<SVGSVGElement>(selector);
	const report: LayoutReport = { boxes: 0, nodes: 0, labels: 0, zones: 0, defects: [] };
	if (!svg) {
		report.defects.push({ kind: 'shapes', what: `no SVG at ${selector}` });
		return report;
	}
	type R = { x: number; y: number; w: number; h: number; name: string };
	const TOL = 1;
	const rectOf = (el: Element, name: string): R | null => {
		const b = el.getBoundingClientRect();
		return b.width > 0 || b.height > 0 ? { x: b.left, y: b.top, w: b.width, h: b.height, name } : null;
	};
	// Sizes in the SVG's own units, whatever the zoom.
	const scale = (() => {
		const vb = svg.viewBox.baseVal;
		const b = svg.getBoundingClientRect();
		return vb && vb.width > 0 && b.width > 0 ? vb.width / b.width : 1;
	})();
	const overlap = (a: R, b: R): number => {
		const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
		const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
		return w > TOL / scale && h > TOL / scale ? w * h : 0;
	};
	const touches = (a: R, b: R): boolean => {
		const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
		const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
		return w >= -0.5 / scale && h >= -0.5 / scale;
	};
	const contains = (outer: R, inner: R): boolean => {
		const t = TOL / scale;
		return inner.x >= outer.x - t && inner.y >= outer.y - t && inner.x + inner.w <= outer.x + outer.w + t && inner.y + inner.h <= outer.y + outer.h + t;
	};
	const svgId = svg.id;
	const bare = (id: string): string => (svgId && id.startsWith(`${svgId}-`) ? id.slice(svgId.length + 1) : id);
	const nameOf = (el: Element): string => el.getAttribute('data-node-id') ?? bare(el.id);

	const boxes: R[] = [];
	const titles: { title: R; box: R }[] = [];
	for (const cluster of Array.from(svg.querySelectorAll('g.cluster'))) {
		const rect = cluster.querySelector(':scope > rect');
		const box = rect && rectOf(rect, nameOf(cluster));
		if (!box) continue;
		boxes.push(box);
		const label = cluster.querySelector(':scope > .cluster-label');
		const text = label?.textContent?.trim() ?? '';
		const title = label && text ? rectOf(label.querySelector('foreignObject > div, foreignObject span, text') ?? label, `title of ${box.name}`) : null;
		if (title) titles.push({ title, box });
	}
	const nodes: R[] = [];
	for (const node of Array.from(svg.querySelectorAll('g.node, g.icon-shape'))) {
		const r = rectOf(node, nameOf(node));
		if (r) nodes.push(r);
	}
	const edgeLabels: R[] = [];
	for (const label of Array.from(svg.querySelectorAll('.edgeLabels > .edgeLabel, g.edgeLabel'))) {
		if (!(label.textContent ?? '').trim()) continue;
		const inner = label.querySelector('foreignObject > div, foreignObject span, text') ?? label;
		const r = rectOf(inner, `label "${(label.textContent ?? '').trim()}"`);
		if (r && !edgeLabels.some((e) => e.x === r.x && e.y === r.y)) edgeLabels.push(r);
	}
	report.boxes = boxes.length;
	report.nodes = nodes.length;
	report.labels = edgeLabels.length + titles.length;

	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i];
			const b = boxes[j];
			if (contains(a, b) || contains(b, a)) continue;
			if (touches(a, b) && overlap(a, b) > 0) report.defects.push({ kind: 'boxes', what: `${a.name} and ${b.name} overlap without nesting` });
		}
	}
	for (let i = 0; i < nodes.length; i++) {
		for (let j = i + 1; j < nodes.length; j++) {
			const a = nodes[i];
			const b = nodes[j];
			if (overlap(a, b) > 0) report.defects.push({ kind: 'shapes', what: `${a.name} and ${b.name} overlap` });
		}
	}
	// Nodes and boxes: a node is inside a box or clear of it (a box edge through a node hides it).
	for (const n of nodes) {
		for (const b of boxes) {
			if (contains(b, n) || overlap(b, n) === 0) continue;
			// A gateway drawn on a box's top edge on purpose: the edge crosses it, no other side does.
			const t = TOL / scale;
			if (n.x >= b.x - t && n.x + n.w <= b.x + b.w + t && n.y < b.y && n.y + n.h > b.y && n.y + n.h <= b.y + b.h) continue;
			report.defects.push({ kind: 'boxes', what: `${n.name} sits across the border of ${b.name}` });
		}
	}
	const labels: R[] = [...edgeLabels, ...titles.map((t) => t.title)];
	for (let i = 0; i < labels.length; i++) {
		for (let j = i + 1; j < labels.length; j++) {
			const a = labels[i];
			const b = labels[j];
			if (overlap(a, b) > 0) report.defects.push({ kind: 'labels', what: `${a.name} and ${b.name} overlap` });
		}
	}
	for (const l of edgeLabels) {
		for (const n of nodes) if (overlap(l, n) > 0) report.defects.push({ kind: 'labels', what: `${l.name} covers ${n.name}` });
	}
	for (const t of titles) {
		if (!contains(t.box, t.title)) report.defects.push({ kind: 'title', what: `${t.title.name} runs out of its box` });
		for (const n of nodes) if (overlap(t.title, n) > 0) report.defects.push({ kind: 'labels', what: `${t.title.name} is under ${n.name}` });
	}
	// Zones (`z_<n>` groups) of one parent: side by side, their columns apart.
	const zones = Array.from(svg.querySelectorAll('g.cluster'))
		.filter((c) => /^z_\d+$/.test(bare(c.id)))
		.map((c) => rectOf(c.querySelector(':scope > rect') ?? c, bare(c.id)))
		.filter((r): r is R => r !== null);
	report.zones = zones.length;
	for (let i = 0; i < zones.length; i++) {
		for (let j = i + 1; j < zones.length; j++) {
			const a = zones[i];
			const b = zones[j];
			const parentA = boxes.filter((p) => p.name !== a.name && contains(p, a) && !zones.includes(p));
			const sameParent = parentA.some((p) => contains(p, b));
			const xApart = a.x + a.w <= b.x + TOL / scale || b.x + b.w <= a.x + TOL / scale;
			if (sameParent && !xApart) report.defects.push({ kind: 'zones', what: `${a.name} and ${b.name} are stacked, not side by side` });
		}
	}
	return report;
}
