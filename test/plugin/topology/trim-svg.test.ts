/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropMermaidData, roundPathData, roundPaths } from '../../../src/plugin/topology/trim-svg';
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

test('path numbers keep three decimals at most: within a thousandth of a unit of the original, commands and exponents unchanged', () => {
	const d = 'M-31.4 -31.5 C-17.52174913782153 -31.5, -3.643498275643058 -31.5, 31.4 -31.5 L790.617,103L790.617,155 l1.23456789e-7 2';
	const rounded = roundPathData(d);
	expect(rounded).toBe('M-31.4 -31.5 C-17.521 -31.5, -3.643 -31.5, 31.4 -31.5 L790.617,103L790.617,155 l1.234e-7 2');
	const numbers = (s: string): number[] => (s.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
	const before = numbers(d);
	const after = numbers(rounded);
	expect(after).toHaveLength(before.length);
	after.forEach((v, i) => expect(Math.abs(v - before[i])).toBeLessThan(0.001));
});

test.each(['flowchart-11.4.svg', 'flowchart-latest.svg'])('rounds the paths of a Mermaid flowchart and nothing else (%s)', (name) => {
	const svg = parseSvg(readFileSync(join(__dirname, 'fixtures', name), 'utf8'), document)!;
	const others = (): string[] => [svg, ...Array.from(svg.querySelectorAll('*'))].flatMap((el) => el.getAttributeNames().filter((a) => a !== 'd').map((a) => `${a}=${el.getAttribute(a) ?? ''}`));
	const before = others();
	const paths = Array.from(svg.querySelectorAll('path[d]')).map((p) => p.getAttribute('d') ?? '');
	roundPaths(svg);
	expect(others()).toEqual(before);
	expect(Array.from(svg.querySelectorAll('path[d]')).map((p) => p.getAttribute('d'))).toEqual(paths.map(roundPathData));
});
