/** @jest-environment jsdom */
import { readFileSync } from 'fs';
import * as path from 'path';
import { installDomHelpers } from '../../stand-in/dom';
import { edgeIdMatches, mapSvg, nodeIdOfElementId, stripRenderPrefix, type MappedEdge, type MappedNode } from '../../../src/plugin/topology/svg-map';
import { parseSvg } from '../../../src/plugin/topology/safe-svg';

beforeAll(() => installDomHelpers(window));

// Real output of mermaid.render('g1', ...) with each supported version
// (test/browser/topology-capture-fixtures.mjs writes them).
const FIXTURES = {
	'11.4.1': 'flowchart-11.4.svg',
	'11.17': 'flowchart-latest.svg',
};

const NODES: MappedNode[] = [
	{ mermaidId: 'internet', resource: 'internet', shape: 'node' },
	{ mermaidId: 'n_main_2d_vpc', resource: 'main-vpc', shape: 'cluster' },
	{ mermaidId: 'n_public_2d_a', resource: 'public-a', shape: 'cluster' },
	{ mermaidId: 'n_private_2d_a', resource: 'private-a', shape: 'cluster' },
	{ mermaidId: 'n_web', resource: 'web', shape: 'node' },
	{ mermaidId: 'n_db', resource: 'db', shape: 'node' },
	// An empty subgraph: Mermaid draws it as a g.node with the bare id.
	{ mermaidId: 'n_empty', resource: 'empty-c', shape: 'cluster' },
];
const EDGES: MappedEdge[] = [
	{ from: 'internet', to: 'web', label: 'tcp 443' },
	{ from: 'web', to: 'db', label: '' },
	{ from: 'web', to: 'db', label: '' },
];

function load(file: string): SVGSVGElement {
	const text = readFileSync(path.join(__dirname, 'fixtures', file), 'utf8');
	const svg = parseSvg(text, document);
	if (!svg) throw new Error(`fixture ${file} did not parse`);
	document.body.appendChild(svg);
	return svg;
}

describe.each(Object.entries(FIXTURES))('mapping a Mermaid %s flowchart', (_version, file) => {
	test('marks exactly one element per resource, nodes on g.node and subgraphs on g.cluster', () => {
		const svg = load(file);
		const map = mapSvg(svg, 'g1', NODES, EDGES);
		expect(map.missing).toEqual([]);
		for (const node of NODES) {
			const marked = svg.querySelectorAll(`[data-node-id="${node.resource}"]`);
			expect(marked).toHaveLength(1);
			expect(marked[0]?.classList.contains(node.resource === 'empty-c' ? 'node' : node.shape)).toBe(true);
			expect(map.nodes.get(node.resource)).toBe(marked[0]);
		}
		expect(svg.querySelectorAll('[data-node-id]')).toHaveLength(NODES.length);
		expect(svg.querySelector('[data-node-id="web"]')?.textContent).toContain('web');
		expect(svg.querySelector('[data-node-id="public-a"]')?.textContent).toContain('public-a');
		svg.remove();
	});

	test('pairs every edge with its own path and label, repeated edges included', () => {
		const svg = load(file);
		const map = mapSvg(svg, 'g1', NODES, EDGES);
		expect(map.edges).toHaveLength(3);
		const paths = map.edges.map((e) => e.path);
		expect(paths.every((p) => p !== null)).toBe(true);
		expect(new Set(paths).size).toBe(3);
		expect(stripRenderPrefix(paths[0]!.id, 'g1')).toMatch(/^L_internet_n_web_\d+$/);
		expect(stripRenderPrefix(paths[1]!.id, 'g1')).toMatch(/^L_n_web_n_db_\d+$/);
		expect(map.edges[0]?.label?.textContent).toContain('tcp 443');
		svg.remove();
	});

	test('an edge drawn from a helper node (no resource id to confirm) keeps its place in the order', () => {
		const svg = load(file);
		const edges = [{ from: 'host', to: 'web', label: 'tcp 443' }, ...EDGES.slice(1)];
		const map = mapSvg(svg, 'g1', NODES, edges);
		expect(stripRenderPrefix(map.edges[0].path!.id, 'g1')).toMatch(/^L_internet_n_web_\d+$/);
		svg.remove();
	});

	test('mapping again (a re-render from cache) keeps one marker per resource', () => {
		const svg = load(file);
		mapSvg(svg, 'g1', NODES, EDGES);
		const renamed = NODES.map((n) => (n.resource === 'web' ? { ...n, resource: 'web-2' } : n));
		mapSvg(svg, 'g1', renamed, EDGES);
		expect(svg.querySelectorAll('[data-node-id="web"]')).toHaveLength(0);
		expect(svg.querySelectorAll('[data-node-id="web-2"]')).toHaveLength(1);
		svg.remove();
	});

	test('a resource the SVG does not draw is reported missing, not guessed', () => {
		const svg = load(file);
		const map = mapSvg(svg, 'g1', [...NODES, { mermaidId: 'n_ghost', resource: 'ghost', shape: 'node' }], EDGES);
		expect(map.missing).toEqual(['ghost']);
		expect(svg.querySelector('[data-node-id="ghost"]')).toBeNull();
		svg.remove();
	});
});

describe('element id rules', () => {
	test('node ids with and without the render id prefix', () => {
		expect(nodeIdOfElementId('flowchart-n_web-1', 'g1')).toBe('n_web');
		expect(nodeIdOfElementId('g1-flowchart-n_web-1', 'g1')).toBe('n_web');
		expect(nodeIdOfElementId('cn-7-flowchart-n_a-b-12', 'cn-7')).toBe('n_a-b');
		expect(nodeIdOfElementId('g1-n_public_2d_a', 'g1')).toBeNull();
	});
	test('edge ids belong to their own pair only', () => {
		expect(edgeIdMatches('L_n_web_n_db_0', 'g1', 'n_web', 'n_db')).toBe(true);
		expect(edgeIdMatches('g1-L_n_web_n_db_2', 'g1', 'n_web', 'n_db')).toBe(true);
		expect(edgeIdMatches('g1-L_n_web_n_db_2', 'g1', 'n_db', 'n_web')).toBe(false);
		expect(edgeIdMatches('L_n_web_n_db_x_0', 'g1', 'n_web', 'n_db')).toBe(false);
	});
});
