/**
 * The published page's script (`client.js`, loaded with `defer` on pages with our blocks): it
 * gives the site's Mermaid diagram what the plugin has in Obsidian, from the same core. Hover a
 * resource to light its links, click (or Enter) for its details, and ask "Can it reach?" with
 * the path lit hop by hop. No framework; every text goes in through textContent.
 *
 * The site renders `<pre class="mermaid">` itself, in its own order (Digital Garden loads Mermaid
 * as an async module). So each block waits for its SVG to appear; when the site's Mermaid has not
 * drawn it by a few seconds after load, the script loads Mermaid from the address the site uses
 * and draws it itself.
 */
import { publishBlock } from '../../core/publish/published-block';
import { toMermaid, trace, type ResourceInfo, type TopologyModel, type TraceQuery, type TraceResult } from '../../core/topology';
import type { LayoutPlan } from '../../core/topology/shared/cloud-layout';
import { dropPlan, ensureCloudLayout, expectPlan, withCloudLayout } from '../../plugin/topology/cloud-layout-loader';
import { neighbourhood, traceHighlight, type Highlight } from '../../plugin/topology/highlight';
import { parseSvg } from '../../plugin/topology/safe-svg';
import { mapSvg, type SvgMap } from '../../plugin/topology/svg-map';

/** The address Digital Garden's template imports Mermaid 11 from (src/site/_includes/components/pageheader.njk). */
const SITE_MERMAID = 'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs';
/** How long after the page's load the site's Mermaid gets before we draw the block ourselves. */
const SITE_RENDER_GRACE_MS = 3000;

const KOREAN = (document.documentElement.lang || navigator.language || '').toLowerCase().startsWith('ko');
const TEXT = KOREAN
	? { canReach: '연결 확인', from: '출발', to: '도착', port: '포트', proto: '프로토콜', check: '확인', allowed: '허용', refused: '거부', details: '상세', close: '닫기' }
	: { canReach: 'Can it reach?', from: 'From', to: 'To', port: 'Port', proto: 'Protocol', check: 'Check', allowed: 'Allowed', refused: 'Refused', details: 'Details', close: 'Close' };

interface MermaidLike {
	render(id: string, text: string): Promise<{ svg: string }>;
}

let ownMermaid: Promise<MermaidLike> | null = null;
function loadMermaid(): Promise<MermaidLike> {
	const global = (window as unknown as { mermaid?: MermaidLike }).mermaid;
	if (global) return Promise.resolve(global);
	ownMermaid ??= (import(/* webpackIgnore: true */ SITE_MERMAID) as Promise<{ default: MermaidLike }>).then((m) => m.default);
	return ownMermaid;
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

/**
 * Draws the block with our cloud layout on the site's Mermaid (registered on it by name), in place
 * of what the site drew with dagre from the same text: the published page shows the plugin's picture.
 */
async function drawWithLayout(wrapper: HTMLElement, pre: HTMLElement, text: string, index: number, plan: LayoutPlan): Promise<SVGSVGElement> {
	const mermaid = await loadMermaid();
	const id = `cloudnotes-garden-${index}`;
	const cloud = ensureCloudLayout(mermaid);
	if (cloud) expectPlan(id, plan);
	let svg: string;
	try {
		svg = (await mermaid.render(id, cloud ? withCloudLayout(text) : text)).svg;
	} finally {
		dropPlan(id);
	}
	const parsed = parseSvg(svg, document);
	if (!parsed) throw new Error('Mermaid returned no SVG');
	const holder = el('div', 'cloudnotes-garden-diagram');
	holder.appendChild(parsed);
	(wrapper.querySelector(':scope > .cloudnotes-garden-diagram') ?? pre).replaceWith(holder);
	return parsed;
}

/** Waits for an `<svg>` inside the block's diagram; draws it ourselves when the site does not. */
function diagramSvg(wrapper: HTMLElement, pre: HTMLElement, text: string, index: number): Promise<SVGSVGElement> {
	// Mermaid lays the diagram out in a temporary element inside the <pre> and then replaces the
	// <pre>'s content with the finished SVG: only an SVG right under the diagram element is done.
	const found = (): SVGSVGElement | null => wrapper.querySelector(':scope > .cloudnotes-garden-diagram > svg');
	return new Promise((resolve, reject) => {
		const now = found();
		if (now) return resolve(now);
		const observer = new MutationObserver(() => {
			const svg = found();
			if (svg) {
				observer.disconnect();
				resolve(svg);
			}
		});
		observer.observe(wrapper, { childList: true, subtree: true });
		const drawOurselves = (): void => {
			if (found() || pre.getAttribute('data-processed') === 'true') return;
			observer.disconnect();
			loadMermaid()
				.then((mermaid) => mermaid.render(`cloudnotes-garden-${index}`, text))
				.then(({ svg }) => {
					if (found()) return resolve(found() as SVGSVGElement);
					const parsed = parseSvg(svg, document);
					if (!parsed) throw new Error('Mermaid returned no SVG');
					const holder = el('div', 'cloudnotes-garden-diagram');
					holder.appendChild(parsed);
					pre.replaceWith(holder);
					resolve(found() as SVGSVGElement);
				})
				.catch(reject);
		};
		const later = (): void => void window.setTimeout(drawOurselves, SITE_RENDER_GRACE_MS);
		if (document.readyState === 'complete') later();
		else window.addEventListener('load', later, { once: true });
	});
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

async function enhance(wrapper: HTMLElement, index: number): Promise<void> {
	const pre = wrapper.querySelector<HTMLElement>('pre.mermaid');
	const kind = wrapper.getAttribute('data-kind') ?? '';
	const source = wrapper.getAttribute('data-source') ?? '';
	const firstLine = Number(wrapper.getAttribute('data-first-line') ?? '1') || 1;
	const direction = wrapper.getAttribute('data-direction');
	if (!pre) return;
	const published = publishBlock(kind, source, firstLine, direction === 'TB' || direction === 'LR' ? { direction } : {});
	const model: TopologyModel | null = published.analysis.model;
	if (!model || published.mermaid === null) return;
	const diagram = toMermaid(model, direction === 'TB' || direction === 'LR' ? { direction } : {});
	const svg = diagram.layout ? await drawWithLayout(wrapper, pre, published.mermaid, index, diagram.layout) : await diagramSvg(wrapper, pre, published.mermaid, index);
	const map = mapSvg(svg, svg.id, diagram.nodes, diagram.edges);
	svg.classList.add('cloudnotes-svg');
	wrapper.setAttribute('data-interactive', 'true');
	const drawn = new Set(map.nodes.keys());
	const resources = new Map(published.analysis.resources.map((r) => [r.name, r]));
	let pinned: Highlight | null = null;
	const details = el('div', 'cloudnotes-garden-details-slot');
	const show = (resource: string): void => {
		const info = resources.get(resource);
		details.replaceChildren(...(info ? [detailsPanel(info)] : []));
		wrapper.setAttribute('data-selected', resource);
	};
	for (const [resource, node] of map.nodes) {
		node.classList.add('cloudnotes-node');
		node.setAttribute('tabindex', '0');
		node.setAttribute('role', 'button');
		node.setAttribute('aria-label', resource);
		node.addEventListener('mouseenter', () => applyHighlight(wrapper, map, neighbourhood(resource, diagram.edges), 'hover'));
		node.addEventListener('mouseleave', () => applyHighlight(wrapper, map, pinned, 'trace'));
		node.addEventListener('focus', () => applyHighlight(wrapper, map, neighbourhood(resource, diagram.edges), 'hover'));
		node.addEventListener('blur', () => applyHighlight(wrapper, map, pinned, 'trace'));
		node.addEventListener('click', () => show(resource));
		node.addEventListener('keydown', (event) => {
			if ((event as KeyboardEvent).key === 'Enter' || (event as KeyboardEvent).key === ' ') {
				event.preventDefault();
				show(resource);
			}
		});
	}
	const panel = tracePanel(
		published.analysis.endpoints,
		(query) => trace(model, query),
		(result) => {
			pinned = result ? traceHighlight(result, diagram.edges, drawn) : null;
			wrapper.classList.toggle('is-trace-refused', result !== null && !result.allowed);
			applyHighlight(wrapper, map, pinned, 'trace');
		},
	);
	const lint = wrapper.querySelector('.cloudnotes-garden-lint');
	wrapper.insertBefore(details, lint);
	wrapper.insertBefore(panel, lint);
}

function start(): void {
	document.querySelectorAll<HTMLElement>('.cloudnotes-garden[data-state="ok"]').forEach((wrapper, index) => {
		enhance(wrapper, index).catch((e: unknown) => {
			wrapper.setAttribute('data-interactive', 'failed');
			console.warn('[cloudnotes] could not make the diagram interactive:', e);
		});
	});
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
