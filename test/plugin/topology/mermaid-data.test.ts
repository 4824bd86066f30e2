/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropMermaidData } from '../../../src/plugin/topology/mermaid-data';
import { parseSvg } from '../../../src/plugin/topology/safe-svg';

test.each(['flowchart-11.4.svg', 'flowchart-latest.svg'])('drops only Mermaid\'s bookkeeping attributes (%s)', (name) => {
	const svg = parseSvg(readFileSync(join(__dirname, 'fixtures', name), 'utf8'), document)!;
	const attributes = (): string[] => [svg, ...Array.from(svg.querySelectorAll('*'))].flatMap((el) => el.getAttributeNames().map((a) => `${el.localName}${el.id ? `#${el.id}` : ''} ${a}=${el.getAttribute(a) ?? ''}`));
	const before = attributes();
	expect(before.some((a) => / data-(points|look)=/.test(a))).toBe(true);
	dropMermaidData(svg);
	const after = attributes();
	expect(after).toEqual(before.filter((a) => !/ data-(points|id|edge|et|look)=/.test(a)));
});
