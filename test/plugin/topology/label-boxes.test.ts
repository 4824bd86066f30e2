/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABEL_BOX_CLASS, markLabelBoxes } from '../../../src/plugin/topology/label-boxes';
import { parseSvg } from '../../../src/plugin/topology/safe-svg';

const fixture = (name: string): SVGSVGElement => parseSvg(readFileSync(join(__dirname, 'fixtures', name), 'utf8'), document)!;

/** A label as Mermaid 11 writes it, with the given div style and span content. */
function label(style: string, span: string): string {
	return `<foreignObject width="80" height="24"><div xmlns="http://www.w3.org/1999/xhtml" style="${style}"><span class="nodeLabel">${span}</span></div></foreignObject>`;
}

const CELL = 'display: table-cell; white-space: nowrap; line-height: 1.5; max-width: 200px; text-align: center;';

describe('markLabelBoxes', () => {
	test.each(['flowchart-11.4.svg', 'flowchart-latest.svg'])('marks every label of a Mermaid flowchart (%s)', (name) => {
		const svg = fixture(name);
		const divs = Array.from(svg.querySelectorAll('foreignObject > div'));
		expect(divs.length).toBeGreaterThan(5);
		markLabelBoxes(svg);
		expect(divs.filter((d) => d.classList.contains(LABEL_BOX_CLASS))).toEqual(divs);
		// Nothing else: the class only says "lay this label out as a block".
		expect(svg.querySelectorAll(`.${LABEL_BOX_CLASS}`)).toHaveLength(divs.length);
	});

	test('leaves labels of another shape as Mermaid made them', () => {
		const svg = parseSvg(
			`<svg xmlns="http://www.w3.org/2000/svg" id="d1">` +
				label(CELL, '<p>web</p>') +
				// A wrapped label: a table of fixed width, not a cell.
				label('display: table; white-space: break-spaces; line-height: 1.5; max-width: 200px; text-align: center; width: 200px;', '<p>a long label that wraps</p>') +
				// Bare text and a line break in the span: its line boxes are the span's own.
				label(CELL, 'web<br>instance') +
				label(CELL, '<p>web</p>tail') +
				`</svg>`,
			document,
		)!;
		markLabelBoxes(svg);
		const marked = Array.from(svg.querySelectorAll('foreignObject > div')).map((d) => d.classList.contains(LABEL_BOX_CLASS));
		expect(marked).toEqual([true, false, false, false]);
	});
});
