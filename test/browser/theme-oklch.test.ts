/**
 * Issue 11, item 3: Obsidian 1.13 writes its colours in OKLCH, and themes derive theirs with
 * color-mix() and relative colours. The demo's `?theme=oklch` defines every variable the diagram
 * reads that way (test/stand-in/demo.css); the diagram must take its colours from them instead
 * of falling back to the default palette.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openDemo, pageErrors, type DemoPage } from './demo-page';
import { createNote, diagramsOf, noteWith, TEST_VPC } from './topology-fixtures';

let browser: Browser;
let demo: DemoPage;
beforeAll(async () => {
	browser = await launchBrowser();
	demo = await openDemo(browser, 'theme=oklch');
	await createNote(demo.page, 'Tests/oklch.md', noteWith('vpc', TEST_VPC));
});
afterAll(async () => {
	await demo?.context.close();
	await browser?.close();
});

type Rgb = [number, number, number];

/** A theme variable as sRGB bytes, worked out in the page by painting it (independent of the plugin). */
async function themeColour(variable: string): Promise<{ written: string; rgb: Rgb }> {
	return demo.page.evaluate((name) => {
		const written = getComputedStyle(document.body).getPropertyValue(name).trim();
		const canvas = document.createElement('canvas');
		canvas.width = canvas.height = 1;
		const ctx = canvas.getContext('2d')!;
		ctx.fillStyle = written;
		ctx.fillRect(0, 0, 1, 1);
		const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
		return { written, rgb: [r, g, b] as [number, number, number] };
	}, variable);
}

function rgbOf(css: string): Rgb {
	const [r = -1, g = -1, b = -1] = (css.match(/[\d.]+/g) ?? []).map(Number);
	return [r, g, b];
}

function close(a: Rgb, b: Rgb): boolean {
	return a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= 2);
}

describe('a theme written in OKLCH', () => {
	test('the theme variables really are oklch() / color-mix() / relative colours, not rgb or hex', async () => {
		for (const name of ['--background-primary', '--background-primary-alt', '--text-normal', '--color-blue']) {
			const { written } = await themeColour(name);
			expect(written).toMatch(/^(oklch|color-mix)\(/);
		}
	});

	test("the VPC's fill and the labels' colour follow the theme, not the default palette", async () => {
		const sel = diagramsOf('Tests/oklch.md');
		const drawn = await demo.page.evaluate((s) => {
			const rect = document.querySelector(`${s} [data-node-id="test-vpc"] rect`);
			const label = document.querySelector(`${s} [data-node-id="web-a"] .nodeLabel, ${s} [data-node-id="web-a"] text`);
			return { fill: rect ? getComputedStyle(rect).fill : '', text: label ? getComputedStyle(label).color : '' };
		}, sel);
		const vpc = await themeColour('--background-primary-alt');
		const text = await themeColour('--text-normal');
		// The default dark palette would give #242424 and #dadada.
		expect(rgbOf(drawn.fill)).not.toEqual([36, 36, 36]);
		expect(close(rgbOf(drawn.fill), vpc.rgb)).toBe(true);
		expect(rgbOf(drawn.text)).not.toEqual([218, 218, 218]);
		expect(close(rgbOf(drawn.text), text.rgb)).toBe(true);
		expect(await pageErrors(demo)).toEqual([]);
	});
});
