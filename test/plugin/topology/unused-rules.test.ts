/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSvg } from '../../../src/plugin/topology/safe-svg';
import { dropUnusedRules, withoutUnusedRules } from '../../../src/plugin/topology/unused-rules';

const classes = new Set(['node', 'label', 'edgeLabel']);

describe('withoutUnusedRules', () => {
	test('drops rules whose every selector needs a class the drawing lacks, keeps the rest as written', () => {
		const css = '#d .node rect,#d .node circle{fill:#f6f6f6;}#d .cnIconCompute>*{fill:red!important;}#d .cnIconCompute span{color:red;}#d .error-icon,#d .label text{fill:#222;}#d p{margin:0;}';
		expect(withoutUnusedRules(css, classes)).toBe('#d .node rect,#d .node circle{fill:#f6f6f6;}#d .error-icon,#d .label text{fill:#222;}#d p{margin:0;}');
	});

	test('keeps what it cannot be sure of: our own classes, attribute selectors, functional pseudo-classes, at-rules', () => {
		const css = [
			'#d .cloudnotes-badge circle{fill:red;}',
			'#d .node.is-selected{stroke:blue;}',
			'#d [data-look="neo"].swimlane rect{fill:none;}',
			'#d :not(.absent){opacity:1;}',
			'#d :is(.absent, .node) rect{fill:none;}',
			'@keyframes dash{to{stroke-dashoffset:0;}}',
			'@media (prefers-color-scheme: dark){#d .absent{fill:black;}}',
			'#d .label{font-family:"a.b {c}";}',
		].join('');
		expect(withoutUnusedRules(css, classes)).toBe(css);
	});

	test('leaves CSS it cannot split alone', () => {
		expect(withoutUnusedRules('#d .absent{fill:red;', classes)).toBe('#d .absent{fill:red;');
		expect(withoutUnusedRules('#d .absent{fill:red;}}', classes)).toBe('#d .absent{fill:red;}}');
	});
});

describe('dropUnusedRules', () => {
	test.each(['flowchart-11.4.svg', 'flowchart-latest.svg'])('on a Mermaid flowchart (%s): every element keeps the rules that match it', (name) => {
		const svg = parseSvg(readFileSync(join(__dirname, 'fixtures', name), 'utf8'), document)!;
		const style = svg.querySelector('style')!;
		const before = style.textContent ?? '';
		const rulesMatching = (css: string): string[] => {
			// The stylesheet as the browser reads it (jsdom's CSS parser), tried on the drawing rule by rule.
			const el = document.head.appendChild(document.createElement('style'));
			el.textContent = css;
			const rules = Array.from(el.sheet!.cssRules)
				.filter((r): r is CSSStyleRule => 'selectorText' in r)
				.filter((r) => svg.matches(r.selectorText) || svg.querySelector(r.selectorText) !== null)
				.map((r) => r.cssText);
			el.remove();
			return rules;
		};
		dropUnusedRules(svg);
		const after = style.textContent ?? '';
		expect(after.length).toBeLessThan(before.length);
		expect(rulesMatching(after)).toEqual(rulesMatching(before));
	});
});
