/**
 * The published page's script (`client.js`, loaded with `defer` on pages with our blocks): it
 * draws each block's diagram and gives it what the plugin has in Obsidian, from the same core.
 * Hover a resource to light its links, click (or Enter) for its details, and ask "Can it reach?"
 * with the path lit hop by hop. No framework; every text goes in through textContent.
 *
 * The diagram is drawn here, not by the site's `<pre class="mermaid">` pass, because it must carry
 * what the site's pass cannot: the site's theme colours (read from the Obsidian variables the
 * garden's theme defines on <body>, light or dark, as the plugin reads Obsidian's) and our icons
 * (registered on the site's Mermaid). It uses the site's own Mermaid: the template imports Mermaid
 * 11 as an ES module from SITE_MERMAID, and importing the same address gives the same instance.
 * When the body's theme class changes, the diagrams are drawn again in the new colours.
 */
import { publishBlock } from '../../core/publish/published-block';
import { toMermaid, trace, type MermaidDiagram, type ResourceInfo, type TopologyModel, type TraceQuery, type TraceResult } from '../../core/topology';
import { dropPlan, ensureCloudLayout, expectPlan, withCloudLayout } from '../../plugin/topology/cloud-layout-loader';
import { decorateDiagram } from '../../plugin/topology/diagram-decor';
import { neighbourhood, traceHighlight, type Highlight } from '../../plugin/topology/highlight';
import { ensureIconPack } from '../../plugin/topology/icon-registration';
import { withDiagramConfig } from '../../plugin/topology/mermaid-renderer';
import { parseSvg } from '../../plugin/topology/safe-svg';
import { mapSvg, type SvgMap } from '../../plugin/topology/svg-map';
import { canvasColorResolver, diagramColorsFrom, readDocumentPalette, themeKey, type ThemePalette } from '../../plugin/topology/theme-colors';

/** The address Digital Garden's template imports Mermaid 11 from (src/site/_includes/components/pageheader.njk). */
const SITE_MERMAID = 'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs';

const KOREAN = (document.documentElement.lang || navigator.language || '').toLowerCase().startsWith('ko');
const TEXT = KOREAN
	? { canReach: '연결 확인', from: '출발', to: '도착', port: '포트', proto: '프로토콜', check: '확인', allowed: '허용', refused: '거부', details: '상세', close: '닫기' }
	: { canReach: 'Can it reach?', from: 'From', to: 'To', port: 'Port', proto: 'Protocol', check: 'Check', allowed: 'Allowed', refused: 'Refused', details: 'Details', close: 'Close' };

interface MermaidLike {
	render(id: string, text: string): Promise<{ svg: string }>;
}

let siteMermaid: Promise<MermaidLike> | null = null;
function loadMermaid(): Promise<MermaidLike> {
	const global = (window as unknown as { mermaid?: MermaidLike }).mermaid;
	if (global) return Promise.resolve(global);
	siteMermaid ??= (import(/* webpackIgnore: true */ SITE_MERMAID) as Promise<{ default: MermaidLike }>).then((m) => m.default);
	return siteMermaid;
}

const resolveColor = canvasColorResolver(() => document.createElement('canvas'));
function sitePalette(): ThemePalette {
	return readDocumentPalette(document, resolveColor);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
	const e = document.createElement(tag);
	e.className = cls;
	if (text !== undefined) e.textContent = text;
	return e;
}

const STATE_CLASSES = ['is-highlighted', 'is-dimmed', 'is-blocked', 'is-focus'];

function applyHighlight(wrapper: HTMLElement, map: SvgMap, highlight: Highlight | null, mode: 'hover' | 'trace'): void {
	wrapper.classList.toggle('cloudnotes-has-highlight', highlight !== null);
	wrapper.classList.toggle('cloudnotes-has-trace', highlight !== null && mode === 'trace');
	for (const [resource, node] of map.nodes) {
		node.classList.remove(...STATE_CLASSES);
		if (!highlight) continue;
		node.classList.add(highlight.nodes.has(resource) ? 'is-highlighted' : 'is-dimmed');
		if (highlight.blocked === resource) node.classList.add('is-blocked');
		if (highlight.focus === resource) node.classList.add('is-focus');
	}
	map.edges.forEach((edge, index) => {
		for (const part of [edge.path, edge.label]) {
			if (!part) continue;
			part.classList.remove(...STATE_CLASSES);
			if (highlight) part.classList.add(highlight.edges.has(index) ? 'is-highlighted' : 'is-dimmed');
		}
	});
}

let renders = 0;
/** The block's diagram in the site's colours, with our icons, drawn by the site's Mermaid. */
async function drawDiagram(model: TopologyModel, direction: 'TB' | 'LR' | null, palette: ThemePalette): Promise<{ svg: SVGSVGElement; diagram: MermaidDiagram }> {
	const mermaid = await loadMermaid();
	const icons = ensureIconPack(mermaid);
	const diagram = toMermaid(model, { colors: diagramColorsFrom(palette), icons, ...(direction ? { direction } : {}) });
	const id = `cloudnotes-garden-${++renders}`;
	// Our cloud layout, registered on the site's Mermaid by name, for diagrams that carry a plan.
	const plan = diagram.layout ?? null;
	const cloud = plan !== null && ensureCloudLayout(mermaid);
	if (cloud) expectPlan(id, plan);
	let text: string;
	try {
		const configured = withDiagramConfig(diagram.text, palette);
		text = (await mermaid.render(id, cloud ? withCloudLayout(configured) : configured)).svg;
	} finally {
		if (cloud) dropPlan(id);
	}
	const svg = parseSvg(text, document);
	if (!svg) throw new Error('Mermaid returned no SVG');
	if (diagram.decor) decorateDiagram(svg, id, diagram.decor, { badge: palette.red, background: palette.background });
	return { svg, diagram };
}

function detailsPanel(resource: ResourceInfo): HTMLElement {
	const panel = el('div', 'cloudnotes-garden-details');
	panel.setAttribute('role', 'region');
	panel.setAttribute('aria-label', `${TEXT.details}: ${resource.name}`);
	panel.appendChild(el('strong', 'cloudnotes-garden-details-name', resource.name));
	panel.appendChild(el('span', 'cloudnotes-garden-details-type', ` ${resource.type}`));
	const list = el('dl', 'cloudnotes-garden-details-list');
	for (const detail of resource.details) {
		list.appendChild(el('dt', '', detail.label));
		list.appendChild(el('dd', '', detail.value));
	}
	panel.appendChild(list);
	return panel;
}

function tracePanel(endpoints: readonly string[], run: (query: TraceQuery) => TraceResult, show: (result: TraceResult | null) => void): HTMLElement {
	const form = el('form', 'cloudnotes-garden-trace');
	form.appendChild(el('strong', '', TEXT.canReach));
	const select = (label: string, names: readonly string[], cls: string): HTMLSelectElement => {
		const wrap = el('label', 'cloudnotes-garden-field', `${label} `);
		const s = el('select', cls);
		for (const name of names) {
			const option = el('option', '', name);
			option.value = name;
			s.appendChild(option);
		}
		wrap.appendChild(s);
		form.appendChild(wrap);
		return s;
	};
	const from = select(TEXT.from, endpoints, 'cloudnotes-garden-from');
	const to = select(TEXT.to, endpoints, 'cloudnotes-garden-to');
	if (endpoints.length > 1) to.value = endpoints[endpoints.length - 1] ?? '';
	const portLabel = el('label', 'cloudnotes-garden-field', `${TEXT.port} `);
	const port = el('input', 'cloudnotes-garden-port');
	port.type = 'number';
	port.min = '0';
	port.max = '65535';
	portLabel.appendChild(port);
	form.appendChild(portLabel);
	const proto = select(TEXT.proto, ['tcp', 'udp', 'icmp', 'all'], 'cloudnotes-garden-proto');
	const button = el('button', 'cloudnotes-garden-check', TEXT.check);
	button.type = 'submit';
	form.appendChild(button);
	const result = el('div', 'cloudnotes-garden-trace-result');
	result.setAttribute('aria-live', 'polite');
	form.appendChild(result);
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const query: TraceQuery = { from: from.value, to: to.value, proto: proto.value as TraceQuery['proto'] };
		if (port.value !== '') query.port = Number(port.value);
		const verdict = run(query);
		result.replaceChildren();
		result.setAttribute('data-allowed', verdict.allowed ? 'true' : 'false');
		result.appendChild(el('strong', 'cloudnotes-garden-verdict', verdict.allowed ? TEXT.allowed : TEXT.refused));
		result.appendChild(el('span', '', ` ${verdict.summary}`));
		const hops = el('ol', 'cloudnotes-garden-hops');
		for (const hop of verdict.hops) {
			const item = el('li', 'cloudnotes-garden-hop', `${hop.resource} · ${hop.step}: ${hop.reason}${hop.rule ? ` [${hop.rule}]` : ''}`);
			item.setAttribute('data-allowed', hop.allowed ? 'true' : 'false');
			hops.appendChild(item);
		}
		result.appendChild(hops);
		show(verdict);
	});
	return form;
}

async function enhance(wrapper: HTMLElement): Promise<void> {
	const holder = wrapper.querySelector<HTMLElement>(':scope > .cloudnotes-garden-diagram');
	const kind = wrapper.getAttribute('data-kind') ?? '';
	const source = wrapper.getAttribute('data-source') ?? '';
	const firstLine = Number(wrapper.getAttribute('data-first-line') ?? '1') || 1;
	const attr = wrapper.getAttribute('data-direction');
	const direction = attr === 'TB' || attr === 'LR' ? attr : null;
	if (!holder) return;
	const published = publishBlock(kind, source, firstLine, direction ? { direction } : {});
	const model: TopologyModel | null = published.analysis.model;
	if (!model || published.mermaid === null) return;
	const resources = new Map(published.analysis.resources.map((r) => [r.name, r]));
	let map: SvgMap | null = null;
	let edges: MermaidDiagram['edges'] = [];
	let pinned: Highlight | null = null;
	const details = el('div', 'cloudnotes-garden-details-slot');
	const show = (resource: string): void => {
		const info = resources.get(resource);
		details.replaceChildren(...(info ? [detailsPanel(info)] : []));
		wrapper.setAttribute('data-selected', resource);
	};
	const highlight = (h: Highlight | null, mode: 'hover' | 'trace'): void => {
		if (map) applyHighlight(wrapper, map, h, mode);
	};

	let drawnTheme = '';
	/** Draws (or draws again, in new colours) the diagram and wires its nodes. */
	const draw = async (): Promise<void> => {
		const palette = sitePalette();
		drawnTheme = themeKey(palette);
		const { svg, diagram } = await drawDiagram(model, direction, palette);
		svg.classList.add('cloudnotes-svg');
		holder.replaceChildren(svg);
		holder.removeAttribute('data-pending');
		wrapper.setAttribute('data-theme', palette.dark ? 'dark' : 'light');
		edges = diagram.edges;
		map = mapSvg(svg, svg.id, diagram.nodes, diagram.edges);
		for (const [resource, node] of map.nodes) {
			node.classList.add('cloudnotes-node');
			node.setAttribute('tabindex', '0');
			node.setAttribute('role', 'button');
			node.setAttribute('aria-label', resource);
			node.addEventListener('mouseenter', () => highlight(neighbourhood(resource, edges), 'hover'));
			node.addEventListener('mouseleave', () => highlight(pinned, 'trace'));
			node.addEventListener('focus', () => highlight(neighbourhood(resource, edges), 'hover'));
			node.addEventListener('blur', () => highlight(pinned, 'trace'));
			node.addEventListener('click', () => show(resource));
			node.addEventListener('keydown', (event) => {
				if ((event as KeyboardEvent).key === 'Enter' || (event as KeyboardEvent).key === ' ') {
					event.preventDefault();
					show(resource);
				}
			});
		}
		highlight(pinned, 'trace');
	};
	await draw();
	wrapper.setAttribute('data-interactive', 'true');

	const panel = tracePanel(
		published.analysis.endpoints,
		(query) => trace(model, query),
		(result) => {
			pinned = result && map ? traceHighlight(result, edges, new Set(map.nodes.keys())) : null;
			wrapper.classList.toggle('is-trace-refused', result !== null && !result.allowed);
			highlight(pinned, 'trace');
		},
	);
	const lint = wrapper.querySelector('.cloudnotes-garden-lint');
	wrapper.insertBefore(details, lint);
	wrapper.insertBefore(panel, lint);

	// A theme switch (the body's class, or a style the site changes) redraws in the new colours.
	let redrawing: Promise<void> = Promise.resolve();
	new MutationObserver(() => {
		if (themeKey(sitePalette()) === drawnTheme) return;
		redrawing = redrawing.then(draw).catch((e: unknown) => console.warn('[cloudnotes] could not redraw the diagram:', e));
	}).observe(document.body, { attributes: true, attributeFilter: ['class', 'style'] });
}

function start(): void {
	document.querySelectorAll<HTMLElement>('.cloudnotes-garden[data-state="ok"]').forEach((wrapper) => {
		enhance(wrapper).catch((e: unknown) => {
			wrapper.setAttribute('data-interactive', 'failed');
			console.warn('[cloudnotes] could not make the diagram interactive:', e);
		});
	});
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
