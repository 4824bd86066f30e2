/**
 * Small SVG charts for the statistics view: a bar chart and a stacked bar. They draw with
 * createSvg only (no HTML strings) and colour through CSS classes, so every theme's variables
 * apply. Each bar carries its value in `data-value` and a <title> for screen readers and hover.
 */

export interface Bar {
	/** Short label under the bar (may be '' to leave a gap in the axis labels). */
	label: string;
	value: number;
	/** Accessible description, e.g. "12 cards due on 3 May". */
	title: string;
}

export interface BarChartOptions {
	/** CSS class naming the chart, e.g. 'cloudnotes-chart-forecast'. */
	cls: string;
	/** Accessible name of the whole chart. */
	label: string;
	/** Class of every bar (colour); defaults to 'cloudnotes-bar'. */
	barCls?: string;
}

/** About the width of a sidebar, so text in the chart shows near its CSS size where the view usually sits. */
const WIDTH = 300;
const HEIGHT = 110;
const AXIS = 14;
const TOP = 12;

/** A vertical bar chart scaled to its largest value; zero bars are drawn as a hairline. */
export function drawBarChart(parent: HTMLElement, bars: Bar[], options: BarChartOptions): SVGSVGElement {
	const svg = parent.createSvg('svg', {
		cls: ['cloudnotes-chart', options.cls],
		attr: { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': options.label },
	});
	const max = Math.max(1, ...bars.map((b) => b.value));
	const slot = WIDTH / Math.max(1, bars.length);
	const gap = Math.min(4, slot * 0.2);
	const plot = HEIGHT - AXIS - TOP;
	svg.createSvg('line', { cls: 'cloudnotes-chart-axis', attr: { x1: 0, y1: HEIGHT - AXIS, x2: WIDTH, y2: HEIGHT - AXIS } });
	bars.forEach((bar, i) => {
		const h = bar.value > 0 ? Math.max(2, (bar.value / max) * plot) : 1;
		const x = i * slot + gap / 2;
		const rect = svg.createSvg('rect', {
			cls: [options.barCls ?? 'cloudnotes-bar', bar.value > 0 ? 'has-value' : 'is-zero'],
			attr: { x: round(x), y: round(HEIGHT - AXIS - h), width: round(slot - gap), height: round(h), 'data-value': bar.value },
		});
		rect.createSvg('title').textContent = bar.title;
		if (bar.value > 0 && slot >= 8) {
			const value = svg.createSvg('text', { cls: 'cloudnotes-chart-value', attr: { x: round(x + (slot - gap) / 2), y: round(HEIGHT - AXIS - h - 3), 'text-anchor': 'middle' } });
			value.textContent = String(bar.value);
		}
		if (bar.label) {
			// The first and last labels hang inwards so they are not cut at the chart's edges.
			const anchor = i === 0 ? 'start' : i === bars.length - 1 ? 'end' : 'middle';
			const at = anchor === 'start' ? x : anchor === 'end' ? x + slot - gap : x + (slot - gap) / 2;
			const label = svg.createSvg('text', { cls: 'cloudnotes-chart-label', attr: { x: round(at), y: HEIGHT - 3, 'text-anchor': anchor } });
			label.textContent = bar.label;
		}
	});
	return svg;
}

export interface Segment {
	key: string;
	value: number;
	title: string;
}

/** One horizontal bar split into segments by share (counts by state); each segment is `cloudnotes-segment-<key>`. */
export function drawStackedBar(parent: HTMLElement, segments: Segment[], options: { cls: string; label: string }): SVGSVGElement {
	const width = 600;
	const height = 28;
	const svg = parent.createSvg('svg', {
		cls: ['cloudnotes-chart', options.cls],
		attr: { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': options.label, preserveAspectRatio: 'none' },
	});
	const total = segments.reduce((sum, s) => sum + s.value, 0);
	if (total === 0) {
		svg.createSvg('rect', { cls: 'cloudnotes-segment-empty', attr: { x: 0, y: 0, width, height, rx: 4, 'data-value': 0 } });
		return svg;
	}
	let x = 0;
	for (const segment of segments) {
		if (segment.value <= 0) continue;
		const w = (segment.value / total) * width;
		const rect = svg.createSvg('rect', {
			cls: ['cloudnotes-segment', `cloudnotes-segment-${segment.key}`],
			attr: { x: round(x), y: 0, width: round(w), height, 'data-value': segment.value },
		});
		rect.createSvg('title').textContent = segment.title;
		x += w;
	}
	return svg;
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}
