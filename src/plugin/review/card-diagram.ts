/**
 * The diagram of an occlusion card or trace drill in the review: the Mermaid text the extractor
 * made (the front's has the fact replaced at the source, so nothing here needs hiding), drawn
 * with Obsidian's Mermaid in the theme's colours, pannable and zoomable (a phone's 390 px is too
 * narrow for a VPC), and a tap on it reveals the back like Space does.
 *
 * Stable hooks: `.cloudnotes-card-diagram` with `data-side="front|back"`.
 */
import { Component, loadMermaid } from 'obsidian';
import { t } from '../i18n';
import { MermaidRenderer, withDiagramConfig } from '../topology/mermaid-renderer';
import { parseViewBox, PanZoom } from '../topology/pan-zoom';
import { parseSvg } from '../topology/safe-svg';
import { readDocumentPalette } from '../topology/theme-colors';

let shared: MermaidRenderer | null = null;

function renderer(): MermaidRenderer {
	shared ??= new MermaidRenderer(() => loadMermaid(), () => activeDocument);
	return shared;
}

/** Draws `text` into `el`; listeners belong to `owner` (the card's component). */
export async function renderCardDiagram(text: string, el: HTMLElement, owner: Component, side: 'front' | 'back', onTap?: () => void): Promise<void> {
	const wrap = el.createDiv({ cls: 'cloudnotes-card-diagram', attr: { 'data-side': side } });
	const viewport = wrap.createDiv({ cls: 'cloudnotes-viewport cloudnotes-card-viewport', attr: { 'data-ignore-swipe': 'true' } });
	try {
		const out = await renderer().render(withDiagramConfig(text, readDocumentPalette(activeDocument)));
		const svg = parseSvg(out.svg, activeDocument);
		if (!svg) throw new Error('Mermaid returned something that is not an SVG');
		const content = parseViewBox(svg.getAttribute('viewBox')) ?? { x: 0, y: 0, width: 400, height: 300 };
		svg.removeAttribute('style');
		svg.removeAttribute('height');
		svg.setAttribute('width', '100%');
		svg.setAttribute('focusable', 'false');
		svg.classList.add('cloudnotes-svg');
		viewport.appendChild(svg);
		const panZoom = new PanZoom(owner, svg, viewport, content);
		const tools = wrap.createDiv({ cls: 'cloudnotes-toolbar cloudnotes-card-tools' });
		const tool = (label: string, glyph: string, action: () => void): void => {
			const b = tools.createEl('button', { cls: 'cloudnotes-tool clickable-icon', text: glyph, attr: { 'aria-label': label, title: label, type: 'button' } });
			owner.registerDomEvent(b, 'click', action);
		};
		tool(t('diagram.zoom-in'), '+', () => panZoom.zoomIn());
		tool(t('diagram.zoom-out'), '−', () => panZoom.zoomOut());
		tool(t('diagram.fit'), '⤢', () => panZoom.fit());
		// PanZoom swallows the click that ends a drag, so only a tap reveals.
		if (onTap) owner.registerDomEvent(viewport, 'click', () => onTap());
	} catch (error) {
		wrap.empty();
		wrap.createDiv({ cls: 'cloudnotes-review-render-error', text: t('review.renderFailed', { reason: error instanceof Error ? error.message : String(error) }) });
	}
}
