/** @jest-environment jsdom */
import { installDomHelpers } from '../../stand-in/dom';
import { isDangerousUrl, parseSvg } from '../../../src/plugin/topology/safe-svg';

beforeAll(() => installDomHelpers(window));

const HOSTILE = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" id="x" onload="alert(1)">
<script>window.__ran = true</script>
<g class="node" onclick="alert(2)" onmouseover="alert(3)"><text>ok</text></g>
<a href="javascript:alert(4)"><text>link</text></a>
<a xlink:href=" java&#9;script:alert(5)"><text>link2</text></a>
<a href="https://example.com"><text>fine</text></a>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(6)"/><iframe src="https://e"></iframe><span>label</span></div></foreignObject>
<set attributeName="href" to="javascript:alert(7)"/>
</svg>`;

describe('parseSvg', () => {
	test('keeps the drawing and text, drops scripts, handlers and javascript: links', () => {
		const svg = parseSvg(HOSTILE, document)!;
		expect(svg).not.toBeNull();
		expect(svg.ownerDocument).toBe(document);
		expect(svg.querySelector('script, iframe, set')).toBeNull();
		const all = [svg, ...Array.from(svg.querySelectorAll('*'))];
		for (const el of all) for (const attr of Array.from(el.attributes)) expect(attr.name.toLowerCase().startsWith('on')).toBe(false);
		const hrefs = all.map((el) => el.getAttribute('href') ?? el.getAttribute('xlink:href')).filter((h) => h !== null);
		expect(hrefs).toEqual(['https://example.com']);
		expect(svg.textContent).toContain('label');
		expect(svg.querySelector('.node')?.textContent).toBe('ok');
	});

	test('reads Mermaid\'s HTML-only syntax (a <br> in a label), still without scripts', () => {
		const svg = parseSvg('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div>a<br>b</div></foreignObject><script>x</script></svg>', document)!;
		expect(svg).not.toBeNull();
		expect(svg.textContent).toContain('ab');
		expect(svg.querySelector('script')).toBeNull();
	});

	test('returns null for something that is not an SVG', () => {
		expect(parseSvg('<div>nope</div>', document)).toBeNull();
	});

	test('dangerous URLs', () => {
		expect(isDangerousUrl('javascript:alert(1)')).toBe(true);
		expect(isDangerousUrl(' JaVa\nScRiPt:alert(1)')).toBe(true);
		expect(isDangerousUrl('data:text/html,<script>')).toBe(true);
		expect(isDangerousUrl('data:image/png;base64,AAAA')).toBe(false);
		expect(isDangerousUrl('#g1_flowchart-v2-pointEnd')).toBe(false);
		expect(isDangerousUrl('https://docs.aws.amazon.com')).toBe(false);
	});
});
