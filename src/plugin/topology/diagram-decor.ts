/**
 * What AWS-style diagrams show that Mermaid's flowchart text cannot say, added to the SVG Mermaid
 * returned (once, on the cached template, so every clone and every exported SVG has it):
 * - each group's label moved to its top-left corner, after the group's icon (Region flag, VPC
 *   cloud, subnet padlock, Docker host), as AWS's architecture diagrams place them (further along
 *   the top when an edge label lies in the corner);
 * - small badges on nodes (the shield of a holder of security groups), with a tooltip.
 * Everything is read from attributes Mermaid wrote (transforms, rect sizes, path starts), so it
 * needs no layout and works on the detached template. Icon bodies come from our own pack (static
 * data of the core), parsed as SVG, never as HTML.
 */
import type { DiagramDecor } from '../../core/topology/shared/mermaid-builder';
import { iconPack } from '../../core/topology/shared/icons';
import { nodeIdOfElementId, stripRenderPrefix } from './svg-map';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Size of a group's corner icon and its gap to the border and the label, in SVG units. */
const GROUP_ICON = 20;
const GAP = 6;
const BADGE = 18;

/** `translate(x, y)` (Mermaid writes `translate(x, y)` or `translate(x,y)`), or null. */
export function readTranslate(transform: string | null): { x: number; y: number } | null {
	const m = /translate\(\s*(-?[\d.e+-]+)[\s,]+(-?[\d.e+-]+)\s*\)/.exec(transform ?? '');
	if (!m) return null;
	const x = Number(m[1]);
	const y = Number(m[2]);
	return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}

function numberAttr(el: Element, name: string): number | null {
	const value = Number(el.getAttribute(name));
	return el.hasAttribute(name) && Number.isFinite(value) ? value : null;
}

/** The stroke colour a Mermaid `style` line gave an element, if any. */
function strokeOf(el: Element | null): string | null {
	const m = /(?:^|;)\s*stroke\s*:\s*([^;!]+)/.exec(el?.getAttribute('style') ?? '');
	return m ? (m[1] ?? '').trim() : null;
}

/** Parsed icon bodies by id: each body is parsed once, then cloned (a diagram repeats its icons). */
const parsedIcons = new Map<string, Element | null>();

function parsedIcon(id: string, body: string): Element | null {
	let root = parsedIcons.get(id);
	if (root === undefined) {
		const parsed = new DOMParser().parseFromString(`<svg xmlns="${SVG_NS}">${body}</svg>`, 'image/svg+xml');
		root = parsed.documentElement.localName === 'svg' && !parsed.querySelector('parsererror') ? parsed.documentElement : null;
		parsedIcons.set(id, root);
	}
	return root;
}

/** Our pack icon `id` as an SVG `<g>` scaled into a `size` square at (x, y), or null when the pack has no such icon. */
export function iconElement(doc: Document, id: string, x: number, y: number, size: number): SVGGElement | null {
	const pack = iconPack();
	const icon = pack.icons[id];
	const root = icon ? parsedIcon(id, icon.body) : null;
	if (!icon || !root) return null;
	const width = icon.width ?? pack.width;
	const height = icon.height ?? pack.height;
	const g = doc.createElementNS(SVG_NS, 'g');
	const scale = size / Math.max(width, height);
	g.setAttribute('transform', `translate(${x}, ${y}) scale(${scale.toFixed(4)})`);
	for (const child of Array.from(root.childNodes)) g.appendChild(doc.importNode(child, true));
	return g;
}

interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** Where each edge label is drawn (its foreignObject's box; SVG-text labels carry no size and are left out). */
function edgeLabelBoxes(svg: SVGSVGElement): Box[] {
	const out: Box[] = [];
	for (const label of Array.from(svg.querySelectorAll('.edgeLabels > .edgeLabel'))) {
		const at = readTranslate(label.getAttribute('transform'));
		const inner = label.querySelector(':scope > .label');
		const shift = readTranslate(inner?.getAttribute('transform') ?? null) ?? { x: 0, y: 0 };
		const object = inner?.querySelector(':scope > foreignObject');
		const w = object ? numberAttr(object, 'width') : null;
		const h = object ? numberAttr(object, 'height') : null;
		if (at && w && h) out.push({ x: at.x + shift.x, y: at.y + shift.y, w, h });
	}
	return out;
}

function overlapping(a: Box, b: Box): boolean {
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Moves each decorated group's label to its top-left corner and draws the group's icon before it.
 * Dagre keeps no room for a title: an edge label that crosses into the group can lie in its top
 * band (checked on the compose corpus). Then icon and title go to the first free spot along the
 * band: the corner, the middle, the right end (else the corner all the same).
 */
function decorateGroups(svg: SVGSVGElement, renderId: string, groups: DiagramDecor['groups']): void {
	const byId = new Map(groups.map((g) => [g.mermaidId, g.icon]));
	let labels: Box[] | null = null;
	for (const cluster of Array.from(svg.querySelectorAll('g.cluster'))) {
		const icon = byId.get(stripRenderPrefix(cluster.id, renderId));
		if (icon === undefined) continue;
		const rect = cluster.querySelector(':scope > rect');
		const label = cluster.querySelector(':scope > .cluster-label');
		const x = rect && numberAttr(rect, 'x');
		const y = rect && numberAttr(rect, 'y');
		const width = rect && numberAttr(rect, 'width');
		if (!rect || x === null || y === null) continue;
		const at = label ? readTranslate(label.getAttribute('transform')) : null;
		const hasIcon = icon !== null && iconPack().icons[icon] !== undefined;
		// Title's left edge from the unit's start; the unit starts GAP inside the box's left border.
		const titleLeft = hasIcon ? GAP + GROUP_ICON : GAP / 2;
		const object = label?.querySelector(':scope > foreignObject');
		const titleW = (object && numberAttr(object, 'width')) ?? 0;
		const titleH = (object && numberAttr(object, 'height')) ?? 0;
		const unitW = titleLeft + titleW;
		const unitH = Math.max(titleH, hasIcon ? GAP + GROUP_ICON : 0);
		let start = x + GAP;
		if (width !== null && titleW > 0 && at) {
			labels ??= edgeLabelBoxes(svg);
			const top = Math.min(at.y, y + GAP);
			const candidates = [x + GAP, x + (width - unitW) / 2, x + width - unitW - GAP * 1.5];
			const free = candidates.find((c) => c >= x && !(labels ?? []).some((l) => overlapping(l, { x: c, y: top, w: unitW, h: unitH })));
			start = free ?? start;
		}
		const g = hasIcon && icon !== null ? iconElement(svg.ownerDocument, icon, start, y + GAP, GROUP_ICON) : null;
		if (g) {
			g.classList.add('cloudnotes-group-icon');
			// The glyph takes the group's border colour (currentColor), as AWS colours group icons.
			const stroke = strokeOf(rect);
			if (stroke) g.setAttribute('color', stroke);
			cluster.insertBefore(g, label);
		}
		if (label && at) label.setAttribute('transform', `translate(${start + titleLeft}, ${at.y})`);
		cluster.classList.add('cloudnotes-group');
	}
}

/** A small badge icon on the top-right corner of each node's icon tile, with a tooltip. */
function decorateBadges(svg: SVGSVGElement, renderId: string, badges: DiagramDecor['badges'], colors: DecorColors): void {
	if (badges.length === 0) return;
	const byId = new Map(badges.map((b) => [b.mermaidId, b]));
	for (const node of Array.from(svg.querySelectorAll('g.icon-shape, g.node'))) {
		const id = nodeIdOfElementId(node.id, renderId);
		const badge = id === null ? undefined : byId.get(id);
		if (!badge) continue;
		// The tile is the first child: a <g transform="translate(0,dy)"> whose first path starts at its top-left corner.
		const tile = node.firstElementChild;
		const shift = readTranslate(tile?.getAttribute('transform') ?? null) ?? { x: 0, y: 0 };
		const start = /^\s*M\s*(-?[\d.]+)[\s,]+(-?[\d.]+)/.exec(tile?.querySelector('path')?.getAttribute('d') ?? '');
		if (!start) continue;
		const left = Number(start[1]) + shift.x;
		const top = Number(start[2]) + shift.y;
		const right = -left;
		const g = iconElement(svg.ownerDocument, badge.icon, right - BADGE * 0.6, top - BADGE * 0.4, BADGE);
		if (!g) continue;
		g.classList.add('cloudnotes-badge-icon');
		g.setAttribute('color', colors.badge);
		// A disc of the background behind the glyph keeps it readable over the tile's colour
		// (in the icon's own units: our glyphs are 48 wide, the Kubernetes icons 18).
		const pack = iconPack();
		const width = pack.icons[badge.icon]?.width ?? pack.width;
		const height = pack.icons[badge.icon]?.height ?? pack.height;
		const disc = svg.ownerDocument.createElementNS(SVG_NS, 'circle');
		disc.setAttribute('cx', String(width / 2));
		disc.setAttribute('cy', String(height / 2));
		disc.setAttribute('r', String((Math.max(width, height) / 2) * 0.96));
		disc.setAttribute('fill', colors.background);
		g.prepend(disc);
		const title = svg.ownerDocument.createElementNS(SVG_NS, 'title');
		title.textContent = badge.title;
		g.prepend(title);
		node.appendChild(g);
	}
}

/** Colours of the decor (plain values: an exported SVG has no CSS variables). */
export interface DecorColors {
	badge: string;
	background: string;
}

/**
 * Icon labels without the label background Mermaid gives them (its edge-label colour, which
 * comes from whatever theme Obsidian initialised Mermaid with): AWS diagrams write labels
 * straight on the group, in the colour the classDef gave them. Scoped by the render id, as
 * Mermaid scopes its own styles, and kept inside the SVG, so exports look the same.
 */
function iconLabelStyle(svg: SVGSVGElement, renderId: string): void {
	const style = svg.ownerDocument.createElementNS(SVG_NS, 'style');
	const scope = `#${renderId}`;
	style.textContent = `${scope} .icon-shape, ${scope} .icon-shape p { background-color: transparent; } ${scope} .icon-shape .label rect { fill: transparent; }`;
	svg.appendChild(style);
}

/** Adds the decor to a freshly rendered diagram SVG, in place. */
export function decorateDiagram(svg: SVGSVGElement, renderId: string, decor: DiagramDecor, colors: DecorColors): void {
	iconLabelStyle(svg, renderId);
	decorateGroups(svg, renderId, decor.groups);
	decorateBadges(svg, renderId, decor.badges, colors);
	svg.classList.add('cloudnotes-has-icons');
}
