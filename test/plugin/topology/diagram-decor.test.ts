/** @jest-environment jsdom */
import { decorateDiagram, readTranslate } from '../../../src/plugin/topology/diagram-decor';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A Docker host group as Mermaid 11 writes it (box at 326,8, 693 wide; its 85x24 title centred
 * on top), and one edge label whose centre is at (labelX, 52): a 200x48 port list crossing into
 * the host, as dagre placed it in awesome-compose's elasticsearch-logstash-kibana.
 */
function hostWithLabelAt(labelX: number): SVGSVGElement {
	const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
	const svg = doc.documentElement as unknown as SVGSVGElement;
	svg.setAttribute('id', 'd1');
	const fo = (w: number, h: number): string => `<foreignObject width="${w}" height="${h}"><div xmlns="http://www.w3.org/1999/xhtml"><p>text</p></div></foreignObject>`;
	const markup =
		`<g xmlns="${SVG_NS}" class="root"><g class="clusters"><g class="cluster" id="d1-r_host"><rect x="326.375" y="8" width="693.484375" height="372.6"/>` +
		`<g class="cluster-label" transform="translate(630.4296875, 8)">${fo(85.375, 24)}</g></g></g>` +
		`<g class="edgeLabels"><g class="edgeLabel" transform="translate(${labelX}, 52)"><g class="label" transform="translate(-100, -24)">${fo(200, 48)}</g></g></g></g>`;
	const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
	svg.appendChild(doc.importNode(parsed.documentElement, true));
	return svg;
}

function titleX(svg: SVGSVGElement): number {
	return readTranslate(svg.querySelector('.cluster-label')?.getAttribute('transform') ?? null)?.x ?? NaN;
}

const decorate = (svg: SVGSVGElement): void => decorateDiagram(svg, 'd1', { groups: [{ mermaidId: 'r_host', icon: 'container-host' }], badges: [] }, { badge: '#000', background: '#fff' });

describe('group titles of the decor', () => {
	it('go to the top-left corner, after the group icon, when nothing lies there', () => {
		const svg = hostWithLabelAt(900);
		decorate(svg);
		// Corner: 6 from the border for the icon, the title after the 20 px icon and a gap.
		expect(titleX(svg)).toBeCloseTo(326.375 + 6 + 6 + 20);
		expect(svg.querySelector('.cloudnotes-group-icon')?.getAttribute('transform')).toMatch(/^translate\(332\.375, 14\)/);
	});

	it('move along the top, icon with them, when an edge label lies in the corner', () => {
		const svg = hostWithLabelAt(451.375);
		decorate(svg);
		const x = titleX(svg);
		// Clear of the label (351..551 across, 28..76 down) and still inside the box.
		expect(x).toBeGreaterThan(551.375);
		expect(x + 85.375).toBeLessThan(326.375 + 693.484375);
		const icon = readTranslate(svg.querySelector('.cloudnotes-group-icon')?.getAttribute('transform') ?? null);
		expect(icon?.x).toBeCloseTo(x - 26);
	});
});
