/**
 * The cloud layout (core/topology/shared/cloud-layout.ts) as a Mermaid layout: registered by name
 * with `registerLayoutLoaders` on the Mermaid we are given (Obsidian's, the garden's, the demo's),
 * chosen per diagram by `layout:` in the diagram's frontmatter config. Mermaid parses the text and
 * hands us its nodes, groups and edges with its own drawing helpers (the same on 11.4.1 and 11.17:
 * insertNode, insertCluster, insertEdgeLabel, insertEdge, positionEdgeLabel, insertMarkers), so
 * shapes, themes, labels and markers stay Mermaid's; only the positions are ours.
 *
 * The placements come from the diagram writer beside the text (MermaidDiagram.layout), handed over
 * by render id just before `mermaid.render`. A text without them (copied elsewhere) never names
 * this layout, so Mermaid draws it with dagre.
 */
import { layoutCloud, type LayoutItem, type LayoutPlan, type Point } from '../../core/topology/shared/cloud-layout';

export const CLOUD_LAYOUT = 'cloudnotes-cloud';

/** Plans waiting for their render, by render id (the SVG's id). */
const plans = new Map<string, LayoutPlan>();

export function expectPlan(renderId: string, plan: LayoutPlan): void {
	plans.set(renderId, plan);
}

export function dropPlan(renderId: string): void {
	plans.delete(renderId);
}

/** The diagram text naming our layout in its frontmatter config (added by withDiagramConfig first). */
export function withCloudLayout(text: string): string {
	if (!text.startsWith('---\n')) return `---\nconfig:\n  layout: ${CLOUD_LAYOUT}\n---\n${text}`;
	return text.replace(/^---\nconfig:\n/, `---\nconfig:\n  layout: ${CLOUD_LAYOUT}\n`);
}

/** The little of d3's selection that the layout uses (Mermaid hands us its d3 selections). */
interface Selection {
	attr(name: string): unknown;
	attr(name: string, value: string | number): Selection;
	insert(type: string): Selection;
	select(selector: string): Selection;
	remove(): void;
}

/** A node or group of Mermaid's layout data (fields the layout reads or sets). */
interface LayoutNode {
	id: string;
	parentId?: string;
	isGroup?: boolean;
	width?: number;
	height?: number;
	x?: number;
	y?: number;
	padding?: number;
}

interface LayoutEdge {
	id: string;
	start: string;
	end: string;
	label?: string;
	width?: number;
	height?: number;
	points?: Point[];
	x?: number;
	y?: number;
	fromCluster?: string;
	toCluster?: string;
}

/** Mermaid's own drawing helpers (`internalHelpers`), the same on 11.4.1 and 11.17. */
interface Helpers {
	insertNode(elem: Selection, node: LayoutNode, options: { config: unknown; dir: string }): Promise<Selection>;
	insertCluster(elem: Selection, node: LayoutNode): Promise<{ cluster: Selection; labelBBox?: { width: number; height: number } }>;
	insertEdgeLabel(elem: Selection, edge: LayoutEdge): Promise<unknown>;
	insertEdge(elem: Selection, edge: LayoutEdge, clusterDb: Map<string, unknown>, type: string, start: object, end: object, id: string, skipIntersect?: boolean): unknown;
	positionEdgeLabel(edge: LayoutEdge, paths: unknown): void;
	insertMarkers(elem: Selection, markers: string[], type: string, id: string): void;
}

interface LayoutData {
	nodes: LayoutNode[];
	edges: LayoutEdge[];
	config: unknown;
	direction: string;
	type: string;
	diagramId: string;
	markers: string[];
}

/** Draws a diagram with the cloud layout: measure what Mermaid draws, place it, then draw boxes and edges. */
async function render(data: LayoutData, svg: Selection, helpers: Helpers): Promise<void> {
	const renderId = String(svg.attr('id'));
	const plan = plans.get(renderId) ?? { placements: {}, titleInset: 0 };
	const element = svg.select('g');
	helpers.insertMarkers(element, data.markers, data.type, data.diagramId);
	const root = element.insert('g').attr('class', 'root');
	const clusters = root.insert('g').attr('class', 'clusters');
	const edgePaths = root.insert('g').attr('class', 'edgePaths');
	const edgeLabels = root.insert('g').attr('class', 'edgeLabels');
	const nodesLayer = root.insert('g').attr('class', 'nodes');

	// Measure: nodes are drawn once (Mermaid sets their size), titles in a scratch group. All at
	// once, as dagre does: Mermaid 11.17 batches the reads of a round (fastdom), one reflow for all.
	const drawn = new Map<string, Selection>();
	const scratch = clusters.insert('g');
	const items: LayoutItem[] = await Promise.all(
		data.nodes.map(async (node): Promise<LayoutItem> => {
			if (node.isGroup) {
				const probe = { ...node, x: 0, y: 0, width: 1, height: 1, padding: 0 };
				const { labelBBox } = await helpers.insertCluster(scratch, probe);
				return { id: node.id, parent: node.parentId ?? null, group: true, width: labelBBox?.width ?? 0, height: labelBBox?.height ?? 0 };
			}
			drawn.set(node.id, await helpers.insertNode(nodesLayer, node, { config: data.config, dir: data.direction }));
			return { id: node.id, parent: node.parentId ?? null, group: false, width: node.width ?? 0, height: node.height ?? 0 };
		}),
	);
	scratch.remove();
	await Promise.all(data.edges.map((edge) => helpers.insertEdgeLabel(edgeLabels, edge)));
	const known = new Set(items.map((i) => i.id));
	const layout = layoutCloud(
		items,
		data.edges.filter((e) => known.has(e.start) && known.has(e.end)).map((e) => ({ id: e.id, from: e.start, to: e.end, labelWidth: e.label ? (e.width ?? 0) : 0, labelHeight: e.label ? (e.height ?? 0) : 0 })),
		plan,
	);

	for (const node of data.nodes) {
		const rect = layout.rects.get(node.id);
		if (!rect || node.isGroup) continue;
		node.x = rect.x + rect.width / 2;
		node.y = rect.y + rect.height / 2;
		drawn.get(node.id)?.attr('transform', `translate(${node.x}, ${node.y})`);
	}
	// Groups outermost first, so inner boxes are drawn over outer ones.
	const depth = (n: LayoutNode): number => {
		let d = 0;
		for (let p = n.parentId; p; p = data.nodes.find((m) => m.id === p)?.parentId) d++;
		return d;
	};
	// Each box is inserted (synchronously, in this order) before any of them awaits its title.
	const groups = data.nodes.filter((n) => n.isGroup).sort((a, b) => depth(a) - depth(b));
	await Promise.all(
		groups.map(async (node) => {
			const rect = layout.rects.get(node.id);
			if (!rect) return;
			Object.assign(node, { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, width: rect.width, height: rect.height, padding: 0 });
			const { cluster } = await helpers.insertCluster(clusters, node);
			const title = layout.titles.get(node.id);
			if (title) cluster.select('.cluster-label').attr('transform', `translate(${title.x}, ${title.y})`);
		}),
	);
	for (const edge of data.edges) {
		const routed = layout.edges.get(edge.id);
		if (!routed) continue;
		edge.points = routed.points;
		delete edge.fromCluster;
		delete edge.toCluster;
		if (routed.label) {
			edge.x = routed.label.x;
			edge.y = routed.label.y;
		}
		const paths = helpers.insertEdge(edgePaths, edge, new Map(), data.type, {}, {}, data.diagramId, true);
		helpers.positionEdgeLabel(edge, paths);
	}
	plans.delete(renderId);
}

interface LayoutCapableMermaid {
	registerLayoutLoaders?: (loaders: { name: string; loader: () => Promise<{ render: typeof render }> }[]) => void;
}

const registered = new WeakSet<object>();

/** Registers the cloud layout on `mermaid` once; false on a Mermaid without layout loaders (then dagre draws). */
export function ensureCloudLayout(mermaid: object): boolean {
	if (registered.has(mermaid)) return true;
	const register = (mermaid as LayoutCapableMermaid).registerLayoutLoaders;
	if (typeof register !== 'function') return false;
	register.call(mermaid, [{ name: CLOUD_LAYOUT, loader: () => Promise.resolve({ render }) }]);
	registered.add(mermaid);
	return true;
}
