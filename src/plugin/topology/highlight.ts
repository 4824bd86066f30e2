/**
 * What lights up in a diagram: a hovered node with its edges and neighbours, or the hops of a
 * trace (with the refusing resource marked). The choice of what to light is pure (tested without
 * a browser); applying it is a matter of classes on the mapped SVG elements.
 */
import type { SvgMap } from './svg-map';

export interface Highlight {
	/** Resources shown normally; everything else is dimmed. */
	nodes: Set<string>;
	/** Indexes into the generator's edge list. */
	edges: Set<number>;
	/** The resource that refused a trace, when it is drawn. */
	blocked: string | null;
	/** The node the highlight is about (hovered or selected). */
	focus: string | null;
}

export interface EdgeEnds {
	from: string;
	to: string;
}

/** A node, every edge touching it, and the nodes at the other ends. */
export function neighbourhood(resource: string, edges: readonly EdgeEnds[]): Highlight {
	const nodes = new Set([resource]);
	const lit = new Set<number>();
	edges.forEach((edge, i) => {
		if (edge.from === resource || edge.to === resource) {
			lit.add(i);
			nodes.add(edge.from);
			nodes.add(edge.to);
		}
	});
	return { nodes, edges: lit, blocked: null, focus: resource };
}

export interface TraceLike {
	allowed: boolean;
	path: readonly string[];
	hops: readonly { resource: string; allowed: boolean }[];
	blockedAt?: number;
}

/**
 * A trace's path in the diagram: the drawn resources it passes, the edges joining consecutive
 * drawn ones (either direction: a diagram edge may be drawn the other way), and where it was
 * refused. Resources the diagram does not draw (security groups, NACLs, route tables) are
 * skipped over, so `web -> web-sg -> db` lights the `web`-`db` edge.
 */
export function traceHighlight(trace: TraceLike, edges: readonly EdgeEnds[], drawn: ReadonlySet<string>): Highlight {
	const onPath = trace.path.filter((name) => drawn.has(name));
	const nodes = new Set(onPath);
	const lit = new Set<number>();
	// Each hop joins the next hop it has an edge with: a subnet (a box around nodes, with no edges
	// of its own) sits on the path between the gateway and the instance without breaking it.
	for (let i = 0; i + 1 < onPath.length; i++) {
		const a = onPath[i];
		for (let j = i + 1; j < onPath.length; j++) {
			const b = onPath[j];
			let joined = false;
			edges.forEach((edge, index) => {
				if ((edge.from === a && edge.to === b) || (edge.from === b && edge.to === a)) {
					lit.add(index);
					joined = true;
				}
			});
			if (joined) break;
		}
	}
	let blocked: string | null = null;
	if (!trace.allowed && trace.blockedAt !== undefined) {
		const name = trace.hops[trace.blockedAt]?.resource;
		if (name !== undefined && drawn.has(name)) blocked = name;
		else if (name !== undefined) {
			// The refusing resource is not drawn (a security group or NACL): mark the drawn
			// resource the trace had reached, i.e. the last drawn one on the path.
			blocked = onPath[onPath.length - 1] ?? null;
		}
		if (blocked !== null) nodes.add(blocked);
	}
	return { nodes, edges: lit, blocked, focus: null };
}

const STATE_CLASSES = ['is-highlighted', 'is-dimmed', 'is-blocked', 'is-focus'];

/** Applies a highlight to the mapped elements (null clears it). `mode` names the wrapper state. */
export function applyHighlight(wrapper: HTMLElement, map: SvgMap, highlight: Highlight | null, mode: 'hover' | 'trace' = 'hover'): void {
	wrapper.toggleClass('cloudnotes-has-highlight', highlight !== null);
	wrapper.toggleClass('cloudnotes-has-trace', highlight !== null && mode === 'trace');
	for (const [resource, el] of map.nodes) {
		el.classList.remove(...STATE_CLASSES);
		if (!highlight) continue;
		const lit = highlight.nodes.has(resource);
		el.classList.add(lit ? 'is-highlighted' : 'is-dimmed');
		if (highlight.blocked === resource) el.classList.add('is-blocked');
		if (highlight.focus === resource) el.classList.add('is-focus');
	}
	map.edges.forEach((edge, index) => {
		for (const el of [edge.path, edge.label]) {
			if (!el) continue;
			el.classList.remove(...STATE_CLASSES);
			if (highlight) el.classList.add(highlight.edges.has(index) ? 'is-highlighted' : 'is-dimmed');
		}
	});
}
