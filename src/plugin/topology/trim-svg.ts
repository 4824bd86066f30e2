/**
 * What a drawn diagram keeps of Mermaid's output that nothing needs, trimmed: text the page must
 * parse again each time the diagram is read back from the render cache file, for no pixel.
 *
 * - Bookkeeping attributes. Mermaid 11 writes each edge's points as base64 JSON (`data-points`),
 *   its id again (`data-id`, also on its label), `data-edge`, `data-et`, and `data-look` on every
 *   node and group. Nothing reads them once the SVG is drawn: no style of Mermaid's, ours or
 *   Obsidian's selects on them but Mermaid's "neo" look, which we never draw, and our hooks are
 *   `data-node-id` and the ids. On a 100-resource VPC diagram they were 15% of the SVG's text.
 * - Path digits. Mermaid writes coordinates with all of a double's digits
 *   (`31.455228474983077`), most of them in the hand-drawn outlines of icon tiles; a thousandth of
 *   a unit is far below a pixel at any zoom the view allows (8x).
 */

const BOOKKEEPING = ['data-points', 'data-id', 'data-edge', 'data-et', 'data-look'];

export function dropMermaidData(svg: Element): void {
	for (const el of Array.from(svg.querySelectorAll(BOOKKEEPING.map((name) => `[${name}]`).join(',')))) {
		for (const name of BOOKKEEPING) el.removeAttribute(name);
	}
}

/** Path data with every number cut to three decimals (exponents kept). */
export function roundPathData(d: string): string {
	return d.replace(/(\d\.\d{3})\d+/g, '$1');
}

export function roundPaths(svg: Element): void {
	for (const path of Array.from(svg.querySelectorAll('path[d]'))) {
		const d = path.getAttribute('d') ?? '';
		const rounded = roundPathData(d);
		if (rounded !== d) path.setAttribute('d', rounded);
	}
}
