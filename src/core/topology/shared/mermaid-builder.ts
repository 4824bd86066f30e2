/**
 * What every topology diagram is drawn with: the Mermaid flowchart builder. Only classic syntax
 * (quoted labels, `[( )]`, `(( ))`, `[/ /]`, `{{ }}`) so Mermaid 11.4 and 11.17 both read it. Every
 * drawn resource is exactly one node or subgraph whose id is mermaidIdFor(name); helper subgraphs
 * (zones) use `z_` ids, which can never collide with the `r_` ids of resources. A diagram too big
 * for Mermaid's text cap with those ids is written with short ones, hashes of the same names
 * (`h1k2z9c`); `nodes` always says which id is which.
 *
 * With icons on, a resource that has an icon is written in the newer shape syntax instead,
 * `id@{ icon: "cloudnotes:<icon>", form: "square", label: "..." }`, which Mermaid reads since 11.3
 * (Obsidian's oldest supported Mermaid is 11.4.1); the text then says in a comment that it needs
 * our icon pack. Icons off writes exactly the classic text.
 */

import type { LayoutPlan, Placement } from './cloud-layout';
import { currentEmphasis, MASK_TEXT, type DiagramEmphasis } from './diagram-emphasis';
import { ICON_PACK_COMMENT, iconRef } from './icons';
import { escapeLabel, mermaidIdFor, safeColor, shortIds } from './mermaid-text';

export interface DiagramColors {
	publicSubnet?: string;
	privateSubnet?: string;
	vpc?: string;
	zone?: string;
	gateway?: string;
	node?: string;
	text?: string;
	line?: string;
	database?: string;
	internet?: string;
	host?: string;
	network?: string;
	volume?: string;
	/** Icon tiles by AWS category (compute orange, networking purple, ...) and the glyph drawn on them. */
	compute?: string;
	networking?: string;
	data?: string;
	storage?: string;
	security?: string;
	general?: string;
	glyph?: string;
	/** The tile behind a logo (logos bring their own colours). */
	logoTile?: string;
	/** Group borders in AWS's conventions: Region, VPC, Availability Zone, public and private subnets. */
	regionBorder?: string;
	vpcBorder?: string;
	zoneBorder?: string;
	publicBorder?: string;
	privateBorder?: string;
}

/** Icon tile colours: which DiagramColors key paints an icon's tile. */
export type IconCategory = 'compute' | 'networking' | 'data' | 'storage' | 'security' | 'general' | 'logo' | 'bare';

/** An icon for a node: a pack icon id (ours, or `logo-<name>`) and its category. */
export interface NodeIcon {
	id: string;
	category: IconCategory;
}

/** Where the plugin adds what Mermaid's text cannot say: icons in groups' corners, badges on nodes. */
export interface DiagramDecor {
	/** Every group (subgraph), its label moved to the top-left corner after its icon (null: label only). */
	groups: { mermaidId: string; icon: string | null }[];
	/** A node and a small icon badge on its corner (e.g. a security group's shield), with what it stands for. */
	badges: { mermaidId: string; icon: string; title: string }[];
}

export interface MermaidDiagram {
	text: string;
	/** Every drawn resource; `icon` is the pack icon it is drawn with (icons on). */
	nodes: { mermaidId: string; resource: string; shape: 'node' | 'cluster'; icon?: string }[];
	/** In the order they appear in the text (Mermaid numbers edges in order). */
	edges: { from: string; to: string; label: string }[];
	/** Why no text was produced (too large), for the plugin to show instead of a diagram. */
	refusal?: string;
	/** Set when the diagram was drawn with icons: what the plugin adds to Mermaid's SVG. */
	decor?: DiagramDecor;
	/** Set when the writer placed its items for the cloud layout (cloud-layout.ts); else Mermaid's dagre lays it out. */
	layout?: LayoutPlan;
}


/** Mermaid's own defaults (maxTextSize, maxEdges); we stay under them or refuse. */
export const MERMAID_CAPS = { maxTextSize: 50_000, maxEdges: 500 } as const;
/** Edges beyond the structural ones (security group references) stop here, to stay readable. */

export const DEFAULT_COLORS: Required<DiagramColors> = {
	publicSubnet: '#e6f4ea',
	privateSubnet: '#e8eef8',
	vpc: '#fafafa',
	zone: '#ffffff',
	gateway: '#fff3d6',
	node: '#ffffff',
	text: '#1f2328',
	line: '#6b7280',
	database: '#f1e8fb',
	internet: '#e0f2fe',
	host: '#fafafa',
	network: '#fff3d6',
	volume: '#f1e8fb',
	compute: '#ed7100',
	networking: '#8c4fff',
	data: '#2e73b8',
	storage: '#3f8624',
	security: '#dd344c',
	general: '#545b64',
	glyph: '#ffffff',
	logoTile: '#ffffff',
	regionBorder: '#00a4a6',
	vpcBorder: '#8c4fff',
	zoneBorder: '#00a4a6',
	publicBorder: '#7aa116',
	privateBorder: '#147eba',
};

const ICON_CLASSES: Record<IconCategory, string> = {
	compute: 'cnIconCompute',
	networking: 'cnIconNetworking',
	data: 'cnIconData',
	storage: 'cnIconStorage',
	security: 'cnIconSecurity',
	general: 'cnIconGeneral',
	logo: 'cnIconLogo',
	bare: 'cnIconBare',
};

/**
 * Mermaid's icon forms by category: AWS-style glyphs on a square tile, logos on a rounded one,
 * `bare` icons on none (icons that bring their own shape, such as the Kubernetes heptagons).
 */
const ICON_FORMS: Record<IconCategory, string | null> = { compute: 'square', networking: 'square', data: 'square', storage: 'square', security: 'square', general: 'square', logo: 'rounded', bare: null };

export type Shape = 'box' | 'cylinder' | 'circle' | 'hexagon' | 'parallelogram';
const SHAPES: Record<Shape, [string, string]> = {
	box: ['[', ']'],
	cylinder: ['[(', ')]'],
	circle: ['((', '))'],
	hexagon: ['{{', '}}'],
	parallelogram: ['[/', '/]'],
};

/**
 * A card's emphasis: fixed colours with dark text, legible on a light or a dark page alike, and
 * unlike any resource's fill. A masked element loses the colour that would give its fact away
 * (a public subnet's green).
 */
type EmphasisClass = 'cnMask' | 'cnReveal' | 'cnTrace' | 'cnRefused';
const EMPHASIS_STYLES: Record<EmphasisClass, string> = {
	cnMask: 'fill:#fde68a,stroke:#b45309,color:#1f2328,stroke-width:3px,stroke-dasharray:6 3',
	cnReveal: 'fill:#bbf7d0,stroke:#15803d,color:#1f2328,stroke-width:3px',
	cnTrace: 'fill:#dbeafe,stroke:#2563eb,color:#1f2328,stroke-width:2px',
	cnRefused: 'fill:#fecaca,stroke:#b91c1c,color:#1f2328,stroke-width:3px',
};
const TRACED_EDGE = 'stroke:#2563eb,stroke-width:3px';

/** `text` with each of `secrets` (raw text), as a whole word, replaced by the placeholder. */
function scrubbedRaw(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) if (secret) out = out.replace(wordPattern(secret), MASK_TEXT);
	return out;
}

/** The same inside an escaped label: secrets are matched in their escaped form. */
function scrubbed(label: string, secrets: readonly string[]): string {
	let out = label;
	for (const secret of secrets) if (secret) out = out.replace(wordPattern(escapeLabel(secret)), escapeLabel(MASK_TEXT));
	return out;
}

function wordPattern(text: string): RegExp {
	return new RegExp(`(?<![\\w-])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g');
}

/** Where an id goes in the text while a diagram is built: NUL, its number, SOH (no label or colour can hold these). */
// eslint-disable-next-line no-control-regex -- the control characters are the point: no text can hold them
const ID_TOKEN = /\u0000(\d+)\u0001/g;

export class Builder {
	readonly lines: string[];
	/** Drawn resources, with the number of their id token. */
	private readonly drawn: { token: number; resource: string; shape: 'node' | 'cluster'; icon?: string }[] = [];
	private readonly groupIcons: { token: number; icon: string | null }[] = [];
	private readonly badges: { token: number; icon: string; title: string }[] = [];
	private readonly placements: { token: number; placement: Placement }[] = [];
	private iconCount = 0;
	private readonly edgeList: { from: string; to: string; fromId: string; toId: string; label: string; arrow: string }[] = [];
	private readonly edgeIndex = new Map<string, number>();
	private readonly classes = new Map<string, string[]>();
	private readonly styles: string[] = [];
	private depth = 1;
	private readonly colors: Required<DiagramColors>;
	/** Readable ids in order of first use; the text holds tokens until finish() picks the ids. */
	private readonly readableIds: string[] = [];
	private readonly tokens = new Map<string, number>();
	/** A card's mask, reveal or trace (diagram-emphasis.ts), in force when this diagram was started. */
	private readonly emphasis: DiagramEmphasis | null = currentEmphasis();
	/** Resources of the groups open now, innermost last (null for helper groups). */
	private readonly openGroups: (string | null)[] = [];
	/** The masked element and everything drawn inside it. */
	private readonly masked = new Set<string>();

	/** `icons`: draw nodes that have an icon as icon shapes (our pack must be registered to render them). */
	constructor(
		direction: 'TB' | 'LR',
		colors: DiagramColors | undefined,
		readonly icons = false,
	) {
		this.lines = [`flowchart ${direction}`];
		const merged = { ...DEFAULT_COLORS };
		for (const key of Object.keys(DEFAULT_COLORS) as (keyof DiagramColors)[]) {
			const safe = safeColor(colors?.[key]);
			if (safe) merged[key] = safe;
		}
		this.colors = merged;
	}

	private tokenNumber(readableId: string): number {
		let k = this.tokens.get(readableId);
		if (k === undefined) {
			k = this.readableIds.length;
			this.tokens.set(readableId, k);
			this.readableIds.push(readableId);
		}
		return k;
	}

	private idToken(readableId: string): string {
		return `\u0000${this.tokenNumber(readableId)}\u0001`;
	}

	private push(line: string): void {
		this.lines.push('\t'.repeat(this.depth) + line);
	}

	/** A node; with icons on and an `icon` given, an icon shape (label under the tile) instead of `shape`. */
	node(resource: string | null, readableId: string, shape: Shape, rawLabel: string, cls: string, icon?: NodeIcon): void {
		const id = this.idToken(readableId);
		const label = this.emphasised(resource, rawLabel);
		this.noteMasked(resource);
		const drawIcon = this.icons && icon !== undefined;
		if (drawIcon) {
			const form = ICON_FORMS[icon.category];
			this.push(`${id}@{ icon: "${iconRef(icon.id)}",${form ? ` form: "${form}",` : ''} label: "${label}" }`);
			this.iconCount++;
		} else {
			const [open, close] = SHAPES[shape];
			this.push(`${id}${open}"${label}"${close}`);
		}
		if (resource !== null) this.drawn.push({ token: this.tokenNumber(readableId), resource, shape: 'node', ...(drawIcon ? { icon: icon.id } : {}) });
		const klass = this.emphasisClass(resource) ?? (drawIcon ? ICON_CLASSES[icon.category] : cls);
		const list = this.classes.get(klass) ?? [];
		list.push(id);
		this.classes.set(klass, list);
	}

	/** A group; with icons on, `icon` is drawn in its corner by the plugin (see DiagramDecor). */
	open(resource: string | null, readableId: string, rawLabel: string, style: string, icon?: string): void {
		const id = this.idToken(readableId);
		const label = this.emphasised(resource, rawLabel);
		this.noteMasked(resource);
		this.openGroups.push(resource);
		this.push(`subgraph ${id}["${label}"]`);
		this.depth++;
		if (resource !== null) this.drawn.push({ token: this.tokenNumber(readableId), resource, shape: 'cluster', ...(this.icons && icon ? { icon } : {}) });
		if (this.icons) this.groupIcons.push({ token: this.tokenNumber(readableId), icon: icon ?? null });
		const emphasis = this.emphasisClass(resource);
		this.styles.push(`style ${id} ${emphasis ? EMPHASIS_STYLES[emphasis] : style}`);
	}

	/** Where the cloud layout puts an item (a diagram with any placement is drawn with the cloud layout). */
	place(readableId: string, placement: Placement): void {
		this.placements.push({ token: this.tokenNumber(readableId), placement });
	}

	/** A small icon on a node's corner (icons on only), e.g. the shield of its security groups. */
	badge(readableId: string, icon: string, title: string): void {
		if (this.icons) this.badges.push({ token: this.tokenNumber(readableId), icon, title });
	}

	/** A group in AWS's conventions: a fill, a coloured border, solid or dashed. */
	groupStyle(fill: keyof DiagramColors | 'none', border: keyof DiagramColors, dashed: boolean): string {
		return `fill:${fill === 'none' ? 'none' : this.colors[fill]},stroke:${this.colors[border]},color:${this.colors.text},stroke-width:${dashed ? '1px,stroke-dasharray:6 4' : '2px'}`;
	}

	close(): void {
		this.openGroups.pop();
		this.depth--;
		this.push('end');
	}

	/** Adds an edge; the same pair again merges its label instead of drawing twice. */
	edge(from: string, to: string, label: string, arrow = '-->', readableFrom = mermaidIdFor(from), readableTo = mermaidIdFor(to)): void {
		const fromId = this.idToken(readableFrom);
		const toId = this.idToken(readableTo);
		const key = `${fromId} ${toId}`;
		const existing = this.edgeIndex.get(key);
		if (existing !== undefined) {
			const edge = this.edgeList[existing];
			if (edge && label && !edge.label.split(', ').includes(label)) edge.label = edge.label ? `${edge.label}, ${label}` : label;
			return;
		}
		this.edgeIndex.set(key, this.edgeList.length);
		this.edgeList.push({ from, to, fromId, toId, label, arrow });
	}

	get edgeCount(): number {
		return this.edgeList.length;
	}

	color(key: keyof DiagramColors): string {
		return this.colors[key];
	}

	fill(key: keyof DiagramColors, extra = ''): string {
		return `fill:${this.colors[key]},stroke:${this.colors.line},color:${this.colors.text}${extra}`;
	}

	/** The label with what the mask hides replaced by the placeholder (labels arrive escaped). */
	private emphasised(resource: string | null, label: string): string {
		const mask = this.emphasis?.mask;
		if (!mask || mask.mode !== 'mask') return label;
		let out = scrubbed(label, mask.scrub);
		if (resource !== null && resource === mask.element) {
			out = scrubbed(out, mask.hide);
			// Links hidden and nothing in the label to blot: the placeholder says where to look.
			if (out === label && mask.detach) out = `${label}<br/>${escapeLabel(MASK_TEXT)}`;
		}
		return out;
	}

	private noteMasked(resource: string | null): void {
		const mask = this.emphasis?.mask;
		if (!mask || resource === null) return;
		if (resource === mask.element || this.openGroups.some((g) => g !== null && this.masked.has(g))) this.masked.add(resource);
	}

	private emphasisClass(resource: string | null): EmphasisClass | null {
		if (resource === null || !this.emphasis) return null;
		const { mask, trace } = this.emphasis;
		if (mask && resource === mask.element) return mask.mode === 'mask' ? 'cnMask' : 'cnReveal';
		if (trace?.decisive === resource) return trace.allowed ? 'cnReveal' : 'cnRefused';
		if (trace?.path.includes(resource)) return 'cnTrace';
		return null;
	}

	/** Edges as drawn: without those a mask detaches, labels scrubbed; and which ones the trace follows. */
	private drawnEdges(): { edges: Builder['edgeList']; traced: number[] } {
		const mask = this.emphasis?.mask;
		const hiding = mask?.mode === 'mask';
		const edges = hiding && mask.detach ? this.edgeList.filter((e) => !this.masked.has(e.from) && !this.masked.has(e.to)) : this.edgeList;
		const shown = hiding ? edges.map((e) => ({ ...e, label: scrubbedRaw(e.label, mask.scrub) })) : edges;
		const traced: number[] = [];
		const trace = this.emphasis?.trace;
		if (trace) {
			const drawn = new Set(this.drawn.map((d) => d.resource));
			const path = trace.path.filter((r) => drawn.has(r));
			// Both ends on the trace: its hops pass through groups (subnets) the edges do not name,
			// so neighbours on the path need not be neighbours in the list.
			shown.forEach((e, i) => {
				if (path.includes(e.from) && path.includes(e.to)) traced.push(i);
			});
		}
		return { edges: shown, traced };
	}

	finish(classDefs: Record<string, keyof DiagramColors>): MermaidDiagram {
		const edges: MermaidDiagram['edges'] = [];
		const drawnEdges = this.drawnEdges();
		for (const e of drawnEdges.edges) {
			const label = e.label ? `|"${escapeLabel(e.label, 60)}"|` : '';
			this.lines.push(`\t${e.fromId} ${e.arrow}${label} ${e.toId}`);
			edges.push({ from: e.from, to: e.to, label: e.label });
		}
		for (const [cls, key] of Object.entries(classDefs)) {
			const ids = this.classes.get(cls);
			if (!ids?.length) continue;
			this.lines.push(`\tclassDef ${cls} ${this.fill(key)}`);
			this.lines.push(`\tclass ${ids.join(',')} ${cls}`);
		}
		for (const [category, cls] of Object.entries(ICON_CLASSES) as [IconCategory, string][]) {
			const ids = this.classes.get(cls);
			if (!ids?.length) continue;
			// An icon shape paints its tile with `fill` and its glyph with `stroke`; `color` is the label's.
			// A bare icon (no form) would paint its bounding square with `fill`: none keeps it bare.
			const tile = category === 'bare' ? 'none' : this.colors[category === 'logo' ? 'logoTile' : category];
			this.lines.push(`\tclassDef ${cls} fill:${tile},stroke:${this.colors.glyph},color:${this.colors.text}`);
			this.lines.push(`\tclass ${ids.join(',')} ${cls}`);
		}
		for (const cls of Object.keys(EMPHASIS_STYLES) as EmphasisClass[]) {
			const ids = this.classes.get(cls);
			if (!ids?.length) continue;
			this.lines.push(`\tclassDef ${cls} ${EMPHASIS_STYLES[cls]}`);
			this.lines.push(`\tclass ${ids.join(',')} ${cls}`);
		}
		if (this.iconCount > 0) this.lines.splice(1, 0, ICON_PACK_COMMENT);
		for (const style of this.styles) this.lines.push(`\t${style}`);
		// Drawn by dagre (no placements): a curve through dagre's own points. Mermaid 11.17 keeps an
		// edge label where dagre kept room for it only when the drawn path passes through the edge's
		// middle point; off it (the default curve, basis, smooths it away) the label is moved to the
		// path's midpoint, onto other labels and titles. The cloud layout draws its own straight routes.
		const curve = this.placements.length === 0 ? 'interpolate catmullRom ' : '';
		if (edges.length > 0) this.lines.push(`\tlinkStyle default ${curve}stroke:${this.colors.line}`);
		if (drawnEdges.traced.length > 0) this.lines.push(`\tlinkStyle ${drawnEdges.traced.join(',')} ${TRACED_EDGE}`);
		const withTokens = this.lines.join('\n') + '\n';
		let ids = this.readableIds;
		let text = withTokens.replace(ID_TOKEN, (_, k: string) => ids[Number(k)]);
		if (text.length > MERMAID_CAPS.maxTextSize) {
			// Readable ids (`r_web_2d_a`) make most of a big diagram's text; short ones, still
			// derived from the names, let Mermaid draw blocks of a few hundred resources.
			ids = shortIds(this.readableIds);
			text = withTokens.replace(ID_TOKEN, (_, k: string) => ids[Number(k)]);
		}
		const nodes = this.drawn.map((d) => ({ mermaidId: ids[d.token], resource: d.resource, shape: d.shape, ...(d.icon ? { icon: d.icon } : {}) }));
		const placements: Record<string, Placement> = {};
		for (const p of this.placements) placements[ids[p.token] ?? ''] = p.placement;
		// The title's inset is the corner icon the decor draws before it (see diagram-decor.ts).
		const layout: LayoutPlan | undefined = this.placements.length ? { placements, titleInset: this.icons ? 32 : 0 } : undefined;
		if (!this.icons) return { text, nodes, edges, ...(layout ? { layout } : {}) };
		const decor: DiagramDecor = {
			groups: this.groupIcons.map((g) => ({ mermaidId: ids[g.token], icon: g.icon })),
			badges: this.badges.map((g) => ({ mermaidId: ids[g.token], icon: g.icon, title: g.title })),
		};
		return { text, nodes, edges, decor, ...(layout ? { layout } : {}) };
	}
}

/** Options of toMermaid: colours from the theme, and the flowchart direction (default: top to bottom for a VPC, left to right for containers). */
/** Options of toMermaid: colours from the theme, and the flowchart direction (each language has its default). */
export interface MermaidOptions {
	colors?: DiagramColors;
	direction?: 'TB' | 'LR';
	/** Also draw what is refused (languages with allow rules between resources, such as NetworkPolicies). */
	showDenied?: boolean;
	/** Draw resources as icons of our pack inside AWS-style groups (the text then needs the pack registered). */
	icons?: boolean;
}

/** Edges beyond the structural ones (references between resources) stop here, to stay readable. */
export const OPTIONAL_EDGE_BUDGET = 300;

/** A diagram Mermaid would refuse (over its text or edge caps) becomes a refusal the plugin shows. */
export function withinCaps(diagram: MermaidDiagram): MermaidDiagram {
	if (diagram.text.length > MERMAID_CAPS.maxTextSize || diagram.edges.length > MERMAID_CAPS.maxEdges) {
		return {
			text: '',
			nodes: [],
			edges: [],
			refusal: `The diagram would be ${diagram.text.length} characters and ${diagram.edges.length} edges, over Mermaid's limits; split the block.`,
		};
	}
	return diagram;
}

export const TOO_LARGE_REFUSAL: MermaidDiagram = { text: '', nodes: [], edges: [], refusal: 'This block is too large to draw; split it into smaller blocks.' };

