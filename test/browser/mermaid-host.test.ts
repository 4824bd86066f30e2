/**
 * Issue 11, item 6: Mermaid as Obsidian hands it over. Obsidian initialises its shared Mermaid
 * with its own settings (dark theme, `securityLevel: 'loose'`, SVG labels) and loadMermaid() can
 * fail or stay pending. The demo plays both (`?mermaidInit=obsidian`, `?mermaidLoad=reject|pending`).
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openDemo, pageErrors } from './demo-page';
import { createNote, diagramsOf, noteWith, TEST_VPC } from './topology-fixtures';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Luminance 0..1 of `rgb(...)`. */
function luminanceOf(color: string): number {
	const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
	return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

describe.each([
	['the default Mermaid', ''],
	['a Mermaid initialised as Obsidian does', 'mermaidInit=obsidian'],
	['Mermaid 11.4.1 initialised as Obsidian does', 'mermaid=11.4&mermaidInit=obsidian'],
])('labels with %s', (_label, query) => {
	test('node, subnet and edge labels are HTML labels in the theme text colour, readable on the light theme', async () => {
		const demo = await openDemo(browser, query);
		try {
			await createNote(demo.page, 'Tests/labels.md', noteWith('vpc', TEST_VPC));
			const sel = diagramsOf('Tests/labels.md');
			const labels = await demo.page.evaluate((s) => {
				const colour = (el: Element | null) => (el ? (el.closest('foreignObject') ? getComputedStyle(el).color : getComputedStyle(el).fill) : '');
				const d = document.querySelector(s)!;
				return {
					state: d.getAttribute('data-state'),
					foreignObjects: d.querySelectorAll('[data-node-id] foreignObject').length,
					node: colour(d.querySelector('[data-node-id="web-a"] .nodeLabel, [data-node-id="web-a"] text')),
					subnet: colour(d.querySelector('.cluster-label .nodeLabel, .cluster-label text')),
				};
			}, sel);
			expect(labels.state).toBe('ok');
			expect(labels.foreignObjects).toBeGreaterThan(0);
			// The light theme's text is #222222; Obsidian's dark Mermaid theme would paint near white.
			expect(luminanceOf(labels.node)).toBeLessThan(0.3);
			expect(luminanceOf(labels.subnet)).toBeLessThan(0.3);
			expect(await pageErrors(demo)).toEqual([]);
		} finally {
			await demo.context.close();
		}
	});
});

describe.each([
	['rejects', 'reject', /could not load Mermaid/],
	['stays pending', 'pending', /has not loaded yet/],
])('when loadMermaid() %s', (_label, mode, message) => {
	test('the block says what to do, lint and trace keep working, and Retry draws once Mermaid comes', async () => {
		const demo = await openDemo(browser, `mermaidLoad=${mode}`);
		try {
			await createNote(demo.page, 'Tests/no-mermaid.md', noteWith('vpc', TEST_VPC));
			const sel = diagramsOf('Tests/no-mermaid.md');
			expect(await demo.page.getAttribute(sel, 'data-state')).toBe('failed');
			expect(await demo.page.textContent(`${sel} .cloudnotes-no-mermaid`)).toMatch(message);
			expect(await demo.page.locator(`${sel} .cloudnotes-lint`).count()).toBe(1);
			await demo.page.click(`${sel} .cloudnotes-flow-button[data-flow="web-a -> db tcp/5432"]`);
			expect(await demo.page.getAttribute(`${sel} .cloudnotes-trace`, 'data-verdict')).toBe('allowed');
			// Mermaid becomes available (the person allowed it); Retry draws the diagram.
			await demo.page.evaluate(() => delete (window as any).__standInMermaidLoad);
			await demo.page.click(`${sel} button[data-action="retry"]`);
			await demo.page.waitForFunction((s) => document.querySelector(s)?.getAttribute('data-state') === 'ok', sel, { timeout: 20_000 });
			expect(await demo.page.locator(`${sel} [data-node-id="web-a"]`).count()).toBe(1);
			expect(await pageErrors(demo)).toEqual([]);
		} finally {
			await demo.context.close();
		}
	});
});
