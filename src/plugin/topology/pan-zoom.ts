/**
 * Pan and zoom of a diagram by changing its SVG viewBox (no CSS transforms, no inline styles).
 * Drag to pan; Ctrl/Cmd + wheel or a two-finger pinch to zoom; a plain wheel scrolls the note as
 * usual. Pointer events cover mouse, pen and touch alike. Every listener is registered on the
 * owning component, so it goes when the block goes.
 */
import type { Component } from 'obsidian';

export interface ViewBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** How far one zoom step goes, and the bounds relative to the whole diagram. */
export const ZOOM_STEP = 1.25;
export const MIN_SCALE = 1 / 4;
export const MAX_SCALE = 8;
/** Pointer movement (px) below which a press is a click, not a drag. */
export const DRAG_THRESHOLD = 4;

export function parseViewBox(text: string | null): ViewBox | null {
	if (!text) return null;
	const n = text.trim().split(/[\s,]+/).map(Number);
	if (n.length !== 4 || n.some((v) => !Number.isFinite(v))) return null;
	const [x, y, width, height] = n as [number, number, number, number];
	return width > 0 && height > 0 ? { x, y, width, height } : null;
}

export function formatViewBox(vb: ViewBox): string {
	const r = (v: number): number => Math.round(v * 1000) / 1000;
	return `${r(vb.x)} ${r(vb.y)} ${r(vb.width)} ${r(vb.height)}`;
}

/**
 * Zooms by `factor` (> 1 zooms in) around a point given as fractions of the view (0.5, 0.5 is the
 * centre), so that point stays where it is. The scale stays within MIN_SCALE..MAX_SCALE of `content`.
 */
export function zoomViewBox(vb: ViewBox, factor: number, content: ViewBox, fx = 0.5, fy = 0.5): ViewBox {
	const minWidth = content.width / MAX_SCALE;
	const maxWidth = content.width / MIN_SCALE;
	const width = Math.max(minWidth, Math.min(maxWidth, vb.width / factor));
	const applied = vb.width / width;
	const height = vb.height / applied;
	const px = vb.x + vb.width * fx;
	const py = vb.y + vb.height * fy;
	return { x: px - width * fx, y: py - height * fy, width, height };
}

/** Moves the view by a pointer movement in screen pixels, given the drawn size of the SVG. */
export function panViewBox(vb: ViewBox, dxPx: number, dyPx: number, pxWidth: number, pxHeight: number): ViewBox {
	if (pxWidth <= 0 || pxHeight <= 0) return vb;
	// With preserveAspectRatio "meet" one user unit is the larger of the two ratios in pixels.
	const unitsPerPx = Math.max(vb.width / pxWidth, vb.height / pxHeight);
	return { ...vb, x: vb.x - dxPx * unitsPerPx, y: vb.y - dyPx * unitsPerPx };
}

/** The whole diagram, with a margin. */
export function fitViewBox(content: ViewBox, margin = 8): ViewBox {
	return { x: content.x - margin, y: content.y - margin, width: content.width + 2 * margin, height: content.height + 2 * margin };
}

/** One diagram unit per screen pixel, centred on the diagram (the "reset" view). */
export function actualSizeViewBox(content: ViewBox, pxWidth: number, pxHeight: number): ViewBox {
	if (pxWidth <= 0 || pxHeight <= 0) return fitViewBox(content);
	const cx = content.x + content.width / 2;
	const cy = content.y + content.height / 2;
	return { x: cx - pxWidth / 2, y: cy - pxHeight / 2, width: pxWidth, height: pxHeight };
}

interface PointerState {
	x: number;
	y: number;
}

export class PanZoom {
	private view: ViewBox;
	private readonly pointers = new Map<number, PointerState>();
	private dragged = false;
	private pinchDistance = 0;
	private start: PointerState | null = null;

	constructor(
		owner: Component,
		private readonly svg: SVGSVGElement,
		private readonly viewport: HTMLElement,
		private readonly content: ViewBox,
		private readonly onChange: (view: ViewBox) => void = () => undefined,
	) {
		this.view = fitViewBox(content);
		this.apply();
		owner.registerDomEvent(viewport, 'pointerdown', (e: PointerEvent) => this.onPointerDown(e));
		owner.registerDomEvent(viewport, 'pointermove', (e: PointerEvent) => this.onPointerMove(e));
		owner.registerDomEvent(viewport, 'pointerup', (e: PointerEvent) => this.onPointerUp(e));
		owner.registerDomEvent(viewport, 'pointercancel', (e: PointerEvent) => this.onPointerUp(e));
		owner.registerDomEvent(viewport, 'wheel', (e: WheelEvent) => this.onWheel(e), { passive: false });
		// A drag that ends over a node must not count as a click on it.
		owner.registerDomEvent(viewport, 'click', (e: MouseEvent) => {
			if (this.dragged) {
				e.stopPropagation();
				e.preventDefault();
				this.dragged = false;
			}
		}, { capture: true });
	}

	get viewBox(): ViewBox {
		return { ...this.view };
	}

	zoomIn(): void {
		this.set(zoomViewBox(this.view, ZOOM_STEP, this.content));
	}

	zoomOut(): void {
		this.set(zoomViewBox(this.view, 1 / ZOOM_STEP, this.content));
	}

	fit(): void {
		this.set(fitViewBox(this.content));
	}

	reset(): void {
		const rect = this.svg.getBoundingClientRect();
		this.set(actualSizeViewBox(this.content, rect.width, rect.height));
	}

	private set(view: ViewBox): void {
		this.view = view;
		this.apply();
		this.onChange(this.viewBox);
	}

	private apply(): void {
		this.svg.setAttribute('viewBox', formatViewBox(this.view));
		const fitted = fitViewBox(this.content);
		this.viewport.toggleClass('is-zoomed', Math.abs(this.view.width - fitted.width) > 0.5 || Math.abs(this.view.x - fitted.x) > 0.5 || Math.abs(this.view.y - fitted.y) > 0.5);
	}

	private onPointerDown(e: PointerEvent): void {
		if (e.button !== 0 && e.pointerType === 'mouse') return;
		this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
		this.dragged = false;
		this.start = { x: e.clientX, y: e.clientY };
		if (this.pointers.size === 2) this.pinchDistance = this.currentPinchDistance();
	}

	private onPointerMove(e: PointerEvent): void {
		const last = this.pointers.get(e.pointerId);
		if (!last) return;
		const now = { x: e.clientX, y: e.clientY };
		if (this.pointers.size >= 2) {
			this.pointers.set(e.pointerId, now);
			const distance = this.currentPinchDistance();
			if (this.pinchDistance > 0 && distance > 0) {
				const [fx, fy] = this.fractionAt(this.pinchCentre());
				this.set(zoomViewBox(this.view, distance / this.pinchDistance, this.content, fx, fy));
			}
			this.pinchDistance = distance;
			this.dragged = true;
			e.preventDefault();
			return;
		}
		if (!this.dragged && this.start && Math.hypot(now.x - this.start.x, now.y - this.start.y) < DRAG_THRESHOLD) return;
		if (!this.dragged) {
			this.dragged = true;
			this.viewport.addClass('is-panning');
			try {
				this.viewport.setPointerCapture(e.pointerId);
			} catch {
				// Not capturable (synthetic event): panning still follows the moves we get.
			}
		}
		const rect = this.svg.getBoundingClientRect();
		this.set(panViewBox(this.view, now.x - last.x, now.y - last.y, rect.width, rect.height));
		this.pointers.set(e.pointerId, now);
		e.preventDefault();
	}

	private onPointerUp(e: PointerEvent): void {
		this.pointers.delete(e.pointerId);
		if (this.pointers.size < 2) this.pinchDistance = 0;
		if (this.pointers.size === 0) {
			this.viewport.removeClass('is-panning');
			this.start = null;
		}
	}

	private onWheel(e: WheelEvent): void {
		// A plain wheel scrolls the note; only Ctrl/Cmd + wheel (and trackpad pinch, which the
		// browser reports as Ctrl + wheel) zooms the diagram.
		if (!e.ctrlKey && !e.metaKey) return;
		e.preventDefault();
		const [fx, fy] = this.fractionAt({ x: e.clientX, y: e.clientY });
		const factor = Math.pow(ZOOM_STEP, -Math.sign(e.deltaY) * Math.min(1, Math.abs(e.deltaY) / 50));
		this.set(zoomViewBox(this.view, factor, this.content, fx, fy));
	}

	private currentPinchDistance(): number {
		const [a, b] = [...this.pointers.values()];
		return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
	}

	private pinchCentre(): PointerState {
		const [a, b] = [...this.pointers.values()];
		return a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : { x: 0, y: 0 };
	}

	/** Where a screen point lies in the view, as fractions (for zooming around it). */
	private fractionAt(p: PointerState): [number, number] {
		const rect = this.svg.getBoundingClientRect();
		if (rect.width <= 0 || rect.height <= 0) return [0.5, 0.5];
		return [Math.max(0, Math.min(1, (p.x - rect.left) / rect.width)), Math.max(0, Math.min(1, (p.y - rect.top) / rect.height))];
	}
}
