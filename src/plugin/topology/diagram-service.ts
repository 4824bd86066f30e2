/**
 * What all topology diagrams of the plugin share: the Mermaid renderer, the render cache, the
 * theme palette, the last good picture of each block, and the list of live blocks to redraw when
 * the theme or the settings change. One instance per plugin load; dropped with the plugin.
 */
import type { App } from 'obsidian';
import { analyzeTopology, toMermaid, type MermaidDiagram, type TopologyAnalysis, type TopologyKind } from '../../core/topology';
import type { DiagramSettings } from '../settings';
import type { DiskRenderCache } from './disk-render-cache';
import { diskRenderKey } from './disk-render-cache';
import { DIAGRAM_RENDERER_VERSION, MermaidRenderer, withDiagramConfig } from './mermaid-renderer';
import { parseViewBox, type ViewBox } from './pan-zoom';
import { LruCache, renderCacheKey } from './render-cache';
import { decorateDiagram } from './diagram-decor';
import { markLabelBoxes } from './label-boxes';
import { dropMermaidData, roundPaths } from './trim-svg';
import { dropUnusedRules } from './unused-rules';
import { parseSvg } from './safe-svg';
import { diagramColorsFrom, readDocumentPalette, themeKey, type ThemePalette } from './theme-colors';

/** A drawn diagram, kept as a detached template; every block showing it gets a clone (or takeFresh). */
export interface DrawnDiagram {
	diagram: MermaidDiagram;
	svg: SVGSVGElement;
	renderId: string;
	content: ViewBox;
	/** Milliseconds Mermaid took (0 when it came from the cache). */
	mermaidMs: number;
	/** Read back from the render cache file (drawn before a restart), not drawn in this session. */
	fromDisk?: boolean;
	/**
	 * A copy of svg that nobody shows yet, handed out once so the first block need not clone it
	 * (set when the drawing came from the render cache file: the parse made that copy already).
	 */
	takeFresh?: () => SVGSVGElement | undefined;
}

/**
 * A drawing read back from the render cache file. The parsed element goes to the first block that
 * shows it; the template other blocks clone is parsed again from the text only if one asks, so a
 * restart pays for one parse and no deep clone of a large diagram.
 */
function diskDrawing(text: string, parsed: SVGSVGElement, doc: Document, fields: Omit<DrawnDiagram, 'svg' | 'takeFresh' | 'fromDisk'>): { shown: DrawnDiagram; stored: DrawnDiagram } {
	let fresh: SVGSVGElement | undefined = parsed;
	let template: SVGSVGElement | undefined;
	const make = (fromDisk: boolean): DrawnDiagram => ({
		...fields,
		fromDisk,
		get svg(): SVGSVGElement {
			// The text parsed once already, so it parses again; a clone of the first is the fallback.
			template ??= parseSvg(text, doc) ?? (parsed.cloneNode(true) as SVGSVGElement);
			return template;
		},
		takeFresh() {
			const out = fresh;
			fresh = undefined;
			return out;
		},
	});
	// Shown now as read from the file; kept in memory as a drawing of this session (a later hit reports 'hit').
	return { shown: make(true), stored: make(false) };
}

/** What the persisted render cache needs besides the file: the versions its keys include. */
export interface DiskCacheOptions {
	cache: DiskRenderCache;
	pluginVersion: string;
	mermaidVersion: string;
	/** Called when a drawing was added (the owner writes the file a little later). */
	changed?: () => void;
}

export interface RedrawTarget {
	redraw(): void;
}

export class DiagramService {
	readonly renderer: MermaidRenderer;
	private readonly drawings = new LruCache<DrawnDiagram>(64);
	private readonly analyses = new LruCache<TopologyAnalysis>(64);
	private readonly lastGood = new LruCache<DrawnDiagram>(128);
	private readonly live = new Set<RedrawTarget>();
	private palette: ThemePalette | null = null;

	constructor(
		readonly app: App,
		readonly settings: () => DiagramSettings,
		loadMermaid: () => Promise<unknown>,
		private readonly disk: DiskCacheOptions | null = null,
	) {
		this.renderer = new MermaidRenderer(loadMermaid, () => activeDocument);
		this.renderer.onAvailable = () => this.redrawAll();
	}

	/** Resolves once the render cache file has been read (at once without one). */
	diskReady(): Promise<void> {
		return this.disk ? this.disk.cache.load() : Promise.resolve();
	}

	/** The render cache file is still being read: a block may wait for it rather than draw. */
	get diskPending(): boolean {
		return this.disk !== null && !this.disk.cache.loaded;
	}

	/** Writes the render cache file if diagrams were drawn since the last write. */
	async saveDisk(): Promise<void> {
		await this.disk?.cache.save();
	}

	/** "Retry drawing" on a block without Mermaid: load it again and redraw every block waiting for it. */
	retryMermaid(): void {
		this.renderer.retry();
		this.redrawAll();
	}

	/** The current theme palette (read once, refreshed by themeChanged()). */
	currentPalette(): ThemePalette {
		this.palette ??= readDocumentPalette(activeDocument);
		return this.palette;
	}

	/** Called on workspace 'css-change': redraws live diagrams when a colour they use changed. */
	themeChanged(): void {
		const before = this.palette ? themeKey(this.palette) : null;
		this.palette = readDocumentPalette(activeDocument);
		if (before !== themeKey(this.palette)) this.redrawAll();
	}

	redrawAll(): void {
		for (const target of [...this.live]) target.redraw();
	}

	attach(target: RedrawTarget): void {
		this.live.add(target);
	}

	detach(target: RedrawTarget): void {
		this.live.delete(target);
	}

	get liveCount(): number {
		return this.live.size;
	}

	/** Parse + lint, cached by kind, position and text (positions are note lines). */
	analyze(kind: TopologyKind, source: string, firstLine: number, columnOffset = 0): TopologyAnalysis {
		const key = renderCacheKey({ kind, source, themeKey: '', options: `${firstLine}:${columnOffset}` });
		let analysis = this.analyses.get(key);
		if (!analysis) {
			analysis = analyzeTopology(kind, source, firstLine, columnOffset);
			this.analyses.set(key, analysis);
		}
		return analysis;
	}

	/**
	 * The cached drawing of a block in the current theme, if there is one: drawn in this session,
	 * or (given the analysis) read back from the render cache file.
	 */
	cached(kind: TopologyKind, source: string, showDenied = false, analysis?: TopologyAnalysis): DrawnDiagram | undefined {
		const key = this.keyFor(kind, source, showDenied);
		const hit = this.drawings.get(key);
		if (hit || !analysis?.model || !this.disk?.cache.loaded) return hit;
		const fromDisk = this.fromDisk(kind, source, showDenied, analysis);
		if (fromDisk) this.drawings.set(key, fromDisk.stored);
		return fromDisk?.shown;
	}

	private diagramFor(analysis: TopologyAnalysis, icons: boolean, showDenied: boolean): MermaidDiagram | null {
		if (!analysis.model) return null;
		const { direction } = this.settings();
		return toMermaid(analysis.model, { colors: diagramColorsFrom(this.currentPalette()), icons, ...(direction === 'auto' ? {} : { direction }), ...(showDenied ? { showDenied } : {}) });
	}

	/** The render cache file's key: the block, the Mermaid text asked for (icons as the settings want) and the versions. */
	private diskKeyFor(kind: TopologyKind, source: string, showDenied: boolean, requested: MermaidDiagram): string | null {
		if (!this.disk) return null;
		const { direction, icons } = this.settings();
		return diskRenderKey({
			kind,
			source,
			mermaidText: withDiagramConfig(requested.text, this.currentPalette()),
			themeKey: themeKey(this.currentPalette()),
			options: `${direction}:${icons ? 'icons' : 'plain'}${showDenied ? ' denied' : ''}`,
			pluginVersion: this.disk.pluginVersion,
			rendererVersion: String(DIAGRAM_RENDERER_VERSION),
			mermaidVersion: this.disk.mermaidVersion,
		});
	}

	/** The drawing in the render cache file: as shown now (marked fromDisk) and as kept in memory (one template shared). */
	private fromDisk(kind: TopologyKind, source: string, showDenied: boolean, analysis: TopologyAnalysis): { shown: DrawnDiagram; stored: DrawnDiagram } | undefined {
		const requested = this.diagramFor(analysis, this.settings().icons, showDenied);
		if (!requested || requested.refusal !== undefined || requested.text === '') return undefined;
		const key = this.diskKeyFor(kind, source, showDenied, requested);
		const entry = key === null ? undefined : this.disk?.cache.get(key);
		if (!entry) return undefined;
		// Drawn without icons (Mermaid lacked them): the nodes map as that drawing has them.
		const diagram = entry.icons === this.settings().icons ? requested : this.diagramFor(analysis, entry.icons, showDenied);
		const svg = diagram ? parseSvg(entry.svg, activeDocument) : null;
		if (!diagram || !svg) return undefined;
		const content = parseViewBox(svg.getAttribute('viewBox')) ?? { x: 0, y: 0, width: 400, height: 300 };
		return diskDrawing(entry.svg, svg, activeDocument, { diagram, renderId: entry.renderId, content, mermaidMs: 0 });
	}

	private keyFor(kind: TopologyKind, source: string, showDenied: boolean): string {
		const { direction, icons } = this.settings();
		return renderCacheKey({ kind, source, themeKey: themeKey(this.currentPalette()), options: `${direction}:${icons ? 'icons' : 'plain'}${showDenied ? ' denied' : ''}` });
	}

	/** Draws a block's diagram (or takes it from the cache). Rejects with Mermaid's message on failure. */
	async draw(kind: TopologyKind, source: string, analysis: TopologyAnalysis, showDenied = false): Promise<DrawnDiagram | { refusal: string }> {
		const key = this.keyFor(kind, source, showDenied);
		const hit = this.drawings.get(key);
		if (hit) return { ...hit, mermaidMs: 0 };
		if (!analysis.model) return { refusal: '' };
		if (this.disk) {
			await this.disk.cache.load();
			const fromDisk = this.fromDisk(kind, source, showDenied, analysis);
			if (fromDisk) {
				this.drawings.set(key, fromDisk.stored);
				return fromDisk.shown;
			}
		}
		// Icons need our pack on Obsidian's Mermaid (registered as it loads); without it, plain shapes.
		const icons = this.settings().icons && (await this.renderer.iconsSupported());
		const palette = this.currentPalette();
		const diagram = this.diagramFor(analysis, icons, showDenied);
		if (!diagram) return { refusal: '' };
		if (diagram.refusal !== undefined || diagram.text === '') return { refusal: diagram.refusal ?? '' };
		const out = await this.renderer.render(withDiagramConfig(diagram.text, this.currentPalette()), diagram.layout);
		const svg = parseSvg(out.svg, activeDocument);
		if (!svg) throw new Error('Mermaid returned something that is not an SVG');
		if (diagram.decor) decorateDiagram(svg, out.renderId, diagram.decor, { badge: palette.red, background: palette.background });
		markLabelBoxes(svg);
		dropUnusedRules(svg);
		dropMermaidData(svg);
		roundPaths(svg);
		// Sizing is ours (CSS and the viewBox), not Mermaid's inline max-width.
		svg.removeAttribute('style');
		svg.removeAttribute('width');
		svg.removeAttribute('height');
		const content = parseViewBox(svg.getAttribute('viewBox')) ?? { x: 0, y: 0, width: 400, height: 300 };
		const drawn: DrawnDiagram = { diagram, svg, renderId: out.renderId, content, mermaidMs: out.ms };
		this.drawings.set(key, drawn);
		if (this.disk) {
			const requested = icons === this.settings().icons ? diagram : this.diagramFor(analysis, this.settings().icons, showDenied);
			const diskKey = requested && this.diskKeyFor(kind, source, showDenied, requested);
			if (diskKey) {
				this.disk.cache.set(diskKey, svg.outerHTML, out.renderId, icons);
				this.disk.changed?.();
			}
		}
		return drawn;
	}

	rememberGood(blockKey: string, drawn: DrawnDiagram): void {
		this.lastGood.set(blockKey, drawn);
	}

	lastGoodFor(blockKey: string): DrawnDiagram | undefined {
		return this.lastGood.get(blockKey);
	}

	clear(): void {
		this.drawings.clear();
		this.analyses.clear();
		this.lastGood.clear();
		this.live.clear();
	}
}
