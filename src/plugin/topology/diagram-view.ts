/**
 * One rendered state of a topology block: the `.cloudnotes-diagram` wrapper with its toolbar, the
 * interactive SVG, and the details, trace and lint panels; or the error view of a broken block
 * (with the last good picture dimmed under it), or the message of a block too large to draw.
 * A Component: every listener is registered on it, so replacing or dropping the view releases
 * them all.
 */
import { Component, Menu } from 'obsidian';
import type { Diagnostic, ResourceInfo, TopologyAnalysis, TopologyKind, TraceQuery, TraceResult } from '../../core/topology';
import { isMessageKey, t } from '../i18n';
import { DetailsPanel } from './details-panel';
import type { DrawnDiagram } from './diagram-service';
import { applyHighlight, neighbourhood, traceHighlight, type Highlight } from './highlight';
import { renderLegend } from './legend';
import { addBadges, renderLintPanel } from './lint-panel';
import { fitViewBox, formatViewBox, PanZoom } from './pan-zoom';
import { mapSvg, type SvgMap } from './svg-map';
import { TracePanel } from './trace-panel';

export type ViewState =
	| { mode: 'ok'; analysis: TopologyAnalysis; drawn: DrawnDiagram }
	| { mode: 'broken'; analysis: TopologyAnalysis; errors: Diagnostic[]; stale: DrawnDiagram | undefined }
	| { mode: 'too-large'; analysis: TopologyAnalysis; message: string }
	| { mode: 'large'; analysis: TopologyAnalysis; message: string; draw: () => void }
	| { mode: 'failed'; analysis: TopologyAnalysis; message: string; retry?: () => void };

export interface ViewHost {
	kind: TopologyKind;
	sourcePath: string;
	showLint: boolean;
	openLine(line: number, column?: number): void;
	exportMenu(menu: Menu): void;
	/** Present when the block's language can also draw what is refused: the toolbar's toggle. */
	showDenied?: { on: boolean; toggle(): void };
}

export class DiagramView extends Component {
	readonly el: HTMLElement;
	map: SvgMap | null = null;
	panZoom: PanZoom | null = null;
	details: DetailsPanel | null = null;
	tracePanel: TracePanel | null = null;
	private traceLight: Highlight | null = null;
	private selected: string | null = null;

	constructor(
		private readonly host: ViewHost,
		readonly state: ViewState,
	) {
		super();
		const name = state.analysis.title;
		// Each language may name its diagrams (`diagram.label.vpc`); others get the generic label.
		const key = `diagram.label.${host.kind}`;
		const label = isMessageKey(key) ? t(key, { name }) : `${t('diagram.label')} ${name}`;
		this.el = createDiv({
			cls: 'cloudnotes-diagram',
			attr: { 'data-kind': host.kind, 'data-state': state.mode, role: 'group', 'aria-label': label.trim() },
		});
	}

	onload(): void {
		const { state } = this;
		if (state.mode === 'ok') this.buildDiagram(state.drawn, state.analysis);
		else if (state.mode === 'broken') this.buildBroken(state.errors, state.stale);
		else if (state.mode === 'large') {
			const box = this.el.createDiv({ cls: 'cloudnotes-limit cloudnotes-large', attr: { role: 'status' } });
			box.createSpan({ text: state.message });
			const draw = box.createEl('button', { cls: 'cloudnotes-draw-large mod-cta', text: t('diagram.draw-large'), attr: { type: 'button' } });
			this.registerDomEvent(draw, 'click', () => state.draw());
		} else if (state.mode === 'failed' && state.retry) {
			// Mermaid did not come: say what to do, keep the trace working, offer to try again.
			const box = this.el.createDiv({ cls: 'cloudnotes-render-failed cloudnotes-no-mermaid', attr: { role: 'status' } });
			box.createSpan({ text: state.message });
			const retry = state.retry;
			const button = box.createEl('button', { cls: 'cloudnotes-retry mod-cta', text: t('diagram.retry'), attr: { type: 'button', 'data-action': 'retry' } });
			this.registerDomEvent(button, 'click', () => {
				button.disabled = true;
				button.setText(t('diagram.rendering'));
				retry();
			});
			if (state.analysis.model) {
				const panels = this.el.createDiv({ cls: 'cloudnotes-panels' });
				this.tracePanel = new TracePanel(this, panels, state.analysis, () => undefined);
			}
		} else {
			this.el.createDiv({ cls: state.mode === 'too-large' ? 'cloudnotes-limit' : 'cloudnotes-render-failed', text: state.message, attr: { role: 'status' } });
		}
		if (state.mode !== 'broken' && this.host.showLint) renderLintPanel(this, this.el, state.analysis.diagnostics, (line, column) => this.host.openLine(line, column));
	}

	/**
	 * Called once the wrapper is in the document. Lint badges need the nodes' boxes, which need
	 * layout: they are placed in the next frame, when the browser lays the page out anyway, so a
	 * render never forces a layout of the whole note.
	 */
	attached(): void {
		if (!this.map || this.state.mode !== 'ok') return;
		const { analysis } = this.state;
		if (!analysis.diagnostics.some((d) => d.severity !== 'info' || analysis.resources.some((r) => r.drawn && r.line === d.line))) return;
		const map = this.map;
		const frame = window.requestAnimationFrame(() => {
			if (this.el.isConnected) addBadges(map, analysis.diagnostics, analysis.resources);
		});
		this.register(() => window.cancelAnimationFrame(frame));
	}

	private resource(name: string): ResourceInfo | undefined {
		return this.state.analysis.resources.find((r) => r.name === name);
	}

	private buildDiagram(drawn: DrawnDiagram, analysis: TopologyAnalysis): void {
		const toolbar = this.el.createDiv({ cls: 'cloudnotes-toolbar', attr: { role: 'toolbar', 'aria-label': t('diagram.toolbar') } });
		// data-ignore-swipe: on mobile, Obsidian opens the sidebars on a horizontal drag unless the
		// element says the drag is its own (panning the diagram).
		const viewport = this.el.createDiv({ cls: 'cloudnotes-viewport', attr: { title: t('diagram.hint'), 'data-ignore-swipe': 'true' } });
		const svg = drawn.takeFresh?.() ?? (drawn.svg.cloneNode(true) as SVGSVGElement);
		// Width follows the note; the height follows from the viewBox's aspect (CSS caps it).
		svg.setAttribute('width', '100%');
		svg.setAttribute('focusable', 'false');
		svg.classList.add('cloudnotes-svg');
		viewport.appendChild(svg);

		const map = mapSvg(svg, drawn.renderId, drawn.diagram.nodes, drawn.diagram.edges);
		this.map = map;
		for (const [name, el] of map.nodes) {
			const info = this.resource(name);
			el.classList.add('cloudnotes-node');
			el.setAttribute('tabindex', '0');
			el.setAttribute('role', 'button');
			el.setAttribute('aria-label', t('diagram.node-label', { type: info?.type ?? '', name }));
			if (info) el.setAttribute('data-type', info.type);
		}

		this.panZoom = new PanZoom(this, svg, viewport, drawn.content);
		const button = (label: string, glyph: string, action: string, onClick: (e: MouseEvent) => void): void => {
			const b = toolbar.createEl('button', { cls: 'cloudnotes-tool clickable-icon', text: glyph, attr: { 'aria-label': label, title: label, 'data-action': action, type: 'button' } });
			this.registerDomEvent(b, 'click', onClick);
		};
		button(t('diagram.zoom-in'), '+', 'zoom-in', () => this.panZoom?.zoomIn());
		button(t('diagram.zoom-out'), '−', 'zoom-out', () => this.panZoom?.zoomOut());
		button(t('diagram.fit'), '⤢', 'fit', () => this.panZoom?.fit());
		button(t('diagram.reset'), '1:1', 'reset', () => this.panZoom?.reset());
		const denied = this.host.showDenied;
		if (denied) {
			const label = t(denied.on ? 'diagram.hide-denied' : 'diagram.show-denied');
			const b = toolbar.createEl('button', { cls: 'cloudnotes-tool cloudnotes-tool-text clickable-icon', text: label, attr: { 'aria-label': label, title: label, 'aria-pressed': String(denied.on), 'data-action': 'show-denied', type: 'button' } });
			this.registerDomEvent(b, 'click', () => denied.toggle());
		}
		toolbar.createDiv({ cls: 'cloudnotes-toolbar-spacer' });
		if (drawn.diagram.decor) {
			// Drawn with icons: a legend says what each icon and group border means, on request.
			const legend = this.el.createDiv({ cls: 'cloudnotes-legend', attr: { role: 'region', 'aria-label': t('legend.title') } });
			legend.hide();
			renderLegend(legend, drawn.diagram);
			button(t('diagram.legend'), 'ⓘ', 'legend', (e) => {
				const show = !legend.isShown();
				legend.toggle(show);
				(e.currentTarget as HTMLElement | null)?.setAttribute('aria-pressed', String(show));
			});
		}
		button(t('diagram.more'), '⋯', 'export', (e) => {
			const menu = new Menu();
			this.host.exportMenu(menu);
			menu.showAtMouseEvent(e);
		});

		const panels = this.el.createDiv({ cls: 'cloudnotes-panels' });
		this.details = new DetailsPanel(this, panels, (line) => this.host.openLine(line));
		this.tracePanel = new TracePanel(this, panels, analysis, (result, query) => this.showTrace(result, query));

		// Hover and focus light a node's neighbourhood; leaving restores the trace (if any).
		const nodeOf = (target: EventTarget | null): string | null => {
			const el = target instanceof Element ? target.closest('[data-node-id]') : null;
			return el && svg.contains(el) ? el.getAttribute('data-node-id') : null;
		};
		let hovered: string | null = null;
		const hover = (name: string | null): void => {
			if (name === hovered) return;
			hovered = name;
			this.el.toggleClass('is-hovering', name !== null);
			if (name !== null) applyHighlight(this.el, map, neighbourhood(name, drawn.diagram.edges));
			else this.restoreHighlight();
		};
		this.registerDomEvent(viewport, 'pointerover', (e: PointerEvent) => hover(nodeOf(e.target)));
		this.registerDomEvent(viewport, 'pointerleave', () => hover(null));
		this.registerDomEvent(viewport, 'focusin', (e: FocusEvent) => hover(nodeOf(e.target)));
		this.registerDomEvent(viewport, 'focusout', (e: FocusEvent) => {
			if (!nodeOf(e.relatedTarget)) hover(null);
		});
		this.registerDomEvent(viewport, 'click', (e: MouseEvent) => {
			const name = nodeOf(e.target);
			if (name !== null) this.select(name);
		});
		this.registerDomEvent(viewport, 'keydown', (e: KeyboardEvent) => {
			if (e.key !== 'Enter' && e.key !== ' ') return;
			const name = nodeOf(e.target);
			if (name === null) return;
			e.preventDefault();
			this.select(name);
		});
	}

	/** Shows a resource's details and marks it selected. */
	select(name: string): void {
		if (!this.map) return;
		this.map.nodes.get(this.selected ?? '')?.classList.remove('is-selected');
		this.selected = name;
		this.map.nodes.get(name)?.classList.add('is-selected');
		this.details?.show(this.resource(name) ?? null);
	}

	private showTrace(result: TraceResult | null, query: TraceQuery | null): void {
		if (!this.map || this.state.mode !== 'ok') return;
		const drawnNames = new Set(this.map.nodes.keys());
		// The tracer's path lists what the packet passes; the endpoints themselves light up too.
		const path = result && query ? [...new Set([query.from, ...result.path, ...(result.allowed ? [query.to] : [])])] : [];
		this.traceLight = result ? traceHighlight({ ...result, path }, this.state.drawn.diagram.edges, drawnNames) : null;
		this.el.toggleClass('is-trace-refused', !!result && !result.allowed);
		this.restoreHighlight();
	}

	private restoreHighlight(): void {
		if (this.map) applyHighlight(this.el, this.map, this.traceLight, 'trace');
	}

	private buildBroken(errors: Diagnostic[], stale: DrawnDiagram | undefined): void {
		this.el.addClass('is-broken');
		const box = this.el.createDiv({ cls: 'cloudnotes-error', attr: { role: 'alert' } });
		box.createDiv({ cls: 'cloudnotes-error-title', text: t('error.title') });
		const list = box.createEl('ul', { cls: 'cloudnotes-error-list' });
		for (const d of errors) {
			const item = list.createEl('li', { attr: { 'data-line': String(d.line), 'data-column': String(d.column), 'data-code': d.code } });
			const button = item.createEl('button', {
				cls: 'cloudnotes-link-button',
				text: t('error.item', { line: d.line, column: d.column, message: d.message }),
				attr: { 'aria-label': `${t('error.where', { line: d.line, column: d.column, note: this.host.sourcePath })}: ${d.message}` },
			});
			this.registerDomEvent(button, 'click', () => this.host.openLine(d.line, d.column));
		}
		if (stale) {
			box.createDiv({ cls: 'cloudnotes-panel-hint', text: t('error.stale') });
			const viewport = this.el.createDiv({ cls: 'cloudnotes-viewport is-stale', attr: { 'aria-hidden': 'true' } });
			const svg = stale.svg.cloneNode(true) as SVGSVGElement;
			svg.setAttribute('width', '100%');
			svg.setAttribute('viewBox', formatViewBox(fitViewBox(stale.content)));
			svg.classList.add('cloudnotes-svg');
			// The picture is only a reminder: its nodes are not the block's resources any more.
			for (const el of Array.from(svg.querySelectorAll('[data-node-id]'))) el.removeAttribute('data-node-id');
			viewport.appendChild(svg);
		}
	}
}
