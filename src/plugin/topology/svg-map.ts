/**
 * Maps the elements of a flowchart SVG that Mermaid produced back to our resources, and marks
 * each drawn resource's element with `data-node-id="<resource name>"` (a public hook: exactly one
 * element per resource).
 *
 * Mermaid's element ids changed between the versions we support. For `mermaid.render('g1', text)`:
 *   11.4.1   node `flowchart-<id>-<n>`,      cluster `<id>`,      edge `L_<from>_<to>_<n>`
 *   11.17.x  node `g1-flowchart-<id>-<n>`,   cluster `g1-<id>`,   edge `g1-L_<from>_<to>_<n>`
 * (and in both, a subgraph with nothing in it becomes a `g.node` with the cluster's id).
 * An icon node (`id@{ icon: ... }`) is a `g.icon-shape` instead of a `g.node`, with the same id.
 * So ids are read with the render id prefix made optional, and nothing else is assumed.
 */

/** A drawn resource as the Mermaid generator reports it. */
export interface MappedNode {
	mermaidId: string;
	resource: string;
	shape: 'node' | 'cluster';
}

/** An edge as the Mermaid generator reports it, in the order it was written (resource names). */
export interface MappedEdge {
	from: string;
	to: string;
	label: string;
}

export interface SvgMap {
	/** Resource name -> its element (a `g.node` or `g.cluster`). */
	nodes: Map<string, Element>;
	/** For each edge of the generator's list (same index): its path and label elements, when found. */
	edges: { from: string; to: string; path: Element | null; label: Element | null }[];
	/** Resources the generator drew but the SVG does not show (should stay empty). */
	missing: string[];
}

/** Elements Mermaid draws a flowchart node as: shapes are `g.node`, icon shapes `g.icon-shape`. */
const NODE_ELEMENTS = 'g.node, g.icon-shape';

/** Removes Mermaid's `<renderId>-` prefix (11.17 and later) from an element id. */
export function stripRenderPrefix(id: string, renderId: string): string {
	const prefix = `${renderId}-`;
	return id.startsWith(prefix) ? id.slice(prefix.length) : id;
}

/** The Mermaid node id of a `g.node` element id, or null: `[<renderId>-]flowchart-<id>-<n>`. */
export function nodeIdOfElementId(elementId: string, renderId: string): string | null {
	const m = /^flowchart-(.+)-\d+$/.exec(stripRenderPrefix(elementId, renderId));
	return m ? (m[1] ?? null) : null;
}

/** Whether an edge element id `[<renderId>-]L_<from>_<to>_<n>` belongs to the edge between these Mermaid ids. */
export function edgeIdMatches(elementId: string, renderId: string, fromId: string, toId: string): boolean {
	const bare = stripRenderPrefix(elementId, renderId);
	const prefix = `L_${fromId}_${toId}_`;
	return bare.startsWith(prefix) && /^\d+$/.test(bare.slice(prefix.length));
}

/**
 * Finds every drawn resource's element, sets `data-node-id` on it (and removes the attribute from
 * anything else, so each name appears once), and pairs edges with their paths and labels.
 */
export function mapSvg(svg: Element, renderId: string, nodes: readonly MappedNode[], edges: readonly MappedEdge[]): SvgMap {
	for (const el of Array.from(svg.querySelectorAll('[data-node-id]'))) el.removeAttribute('data-node-id');

	const nodeElements = new Map<string, Element>();
	// A subgraph with nothing inside is drawn as a `g.node` with the subgraph's bare id.
	const clusterElements = new Map<string, Element>();
	for (const el of Array.from(svg.querySelectorAll(NODE_ELEMENTS))) {
		const id = nodeIdOfElementId(el.id, renderId);
		if (id !== null && !nodeElements.has(id)) nodeElements.set(id, el);
		const bare = stripRenderPrefix(el.id, renderId);
		if (id === null && bare !== '' && !clusterElements.has(bare)) clusterElements.set(bare, el);
	}
	for (const el of Array.from(svg.querySelectorAll('g.cluster'))) {
		const id = stripRenderPrefix(el.id, renderId);
		if (id !== '') clusterElements.set(id, el);
	}

	const result: SvgMap = { nodes: new Map(), edges: [], missing: [] };
	const idToResource = new Map<string, string>();
	for (const node of nodes) {
		idToResource.set(node.mermaidId, node.resource);
		if (result.nodes.has(node.resource)) continue;
		const el = node.shape === 'cluster' ? (clusterElements.get(node.mermaidId) ?? nodeElements.get(node.mermaidId)) : (nodeElements.get(node.mermaidId) ?? clusterElements.get(node.mermaidId));
		if (!el) {
			result.missing.push(node.resource);
			continue;
		}
		el.setAttribute('data-node-id', node.resource);
		result.nodes.set(node.resource, el);
	}

	const resourceToId = new Map<string, string>();
	for (const [id, resource] of idToResource) if (!resourceToId.has(resource)) resourceToId.set(resource, id);
	const paths = [...new Set(svg.querySelectorAll('.edgePaths > path, path.flowchart-link'))];
	const labels = Array.from(svg.querySelectorAll('.edgeLabels > .edgeLabel'));
	const pathIndex = new Map(paths.map((p, i) => [p, i]));
	// Paths by their id without the trailing `_<n>`, in order: what edgeIdMatches accepts, found
	// by lookup rather than by a scan per edge (a diagram can have hundreds of edges).
	const pathsByPair = new Map<string, Element[]>();
	for (const p of paths) {
		const bare = stripRenderPrefix(p.id, renderId);
		const m = /^(L_.+)_\d+$/.exec(bare);
		if (!m) continue;
		const list = pathsByPair.get(m[1]);
		if (list) list.push(p);
		else pathsByPair.set(m[1], [p]);
	}
	const used = new Set<Element>();
	edges.forEach((edge, index) => {
		const fromId = resourceToId.get(edge.from) ?? edge.from;
		const toId = resourceToId.get(edge.to) ?? edge.to;
		// Mermaid writes edges in the order they were declared; the id confirms the pairing.
		let path: Element | null = paths[index] ?? null;
		if (!path || used.has(path) || !edgeIdMatches(path.id, renderId, fromId, toId)) {
			const byId = pathsByPair.get(`L_${fromId}_${toId}`)?.find((p) => !used.has(p)) ?? null;
			// An edge drawn from a helper node (not a resource) has no id to confirm; when the SVG
			// has exactly one path per edge, the order alone is reliable.
			path = byId ?? (paths.length === edges.length && path && !used.has(path) ? path : null);
		}
		if (path) used.add(path);
		const label = path && paths.length === labels.length ? (labels[pathIndex.get(path) ?? -1] ?? null) : null;
		result.edges.push({ from: edge.from, to: edge.to, path, label });
	});
	return result;
}
