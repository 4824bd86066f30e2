/**
 * Mermaid's bookkeeping attributes, dropped from a drawn diagram. Mermaid 11 writes each edge's
 * points as base64 JSON (`data-points`), its id again (`data-id`, also on its label), `data-edge`,
 * `data-et`, and `data-look` on every node and group. Nothing reads them once the SVG is drawn:
 * no style of Mermaid's, ours or Obsidian's selects on them but Mermaid's "neo" look, which we never
 * draw, and our hooks are `data-node-id` and the ids. On a 100-resource VPC diagram they are 15% of
 * the SVG's text and of the time to parse it again when the diagram is read back from the render
 * cache file; the picture is the same without them.
 */

const BOOKKEEPING = ['data-points', 'data-id', 'data-edge', 'data-et', 'data-look'];

export function dropMermaidData(svg: Element): void {
	for (const el of Array.from(svg.querySelectorAll(BOOKKEEPING.map((name) => `[${name}]`).join(',')))) {
		for (const name of BOOKKEEPING) el.removeAttribute(name);
	}
}
