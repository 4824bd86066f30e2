/**
 * Occlusion cards and trace drills in the demo's review, with both Mermaid versions: the front
 * draws the block's diagram with the fact masked and the answer is nowhere in the page's source
 * (text, attributes, SVG, styles) until the back is shown; the back reveals and highlights it.
 * Also the phone width (390 px) with pan, zoom and tap to reveal, and the dark theme.
 */
import type { Browser, Page } from 'playwright-core';
import * as path from 'path';
import { launchBrowser, openDemo, pageErrors, type DemoPage } from './demo-page';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const NOTE_PATH = 'Occlusion test/Shop network.md';
const NOTE = [
	'```vpc cards=occlusion,trace-drill',
	'name: shop',
	'cidr: 10.0.0.0/16',
	'internet-gateway: igw',
	'subnets:',
	'  edge-a: { cidr: 10.0.1.0/24, zone: ap-northeast-2a, route-table: public-rt }',
	'  app-a:  { cidr: 10.0.10.0/24, zone: ap-northeast-2a, route-table: private-a }',
	'route-tables:',
	'  public-rt: { 0.0.0.0/0: igw }',
	'  private-a: { 0.0.0.0/0: nat-a }',
	'nat-gateways:',
	'  nat-a: { subnet: edge-a }',
	'instances:',
	'  web: { subnet: edge-a, security-groups: [web-sg], public-ip: true }',
	'  api: { subnet: app-a, security-groups: [api-sg] }',
	'security-groups:',
	'  web-sg: { inbound: ["tcp 443 from 0.0.0.0/0"] }',
	'  api-sg: { inbound: ["tcp 8080 from web-sg"] }',
	'flows:',
	'  - web -> api tcp/8080',
	'```',
].join('\n');

/** The page's whole source (every element, attribute, inline SVG and style) but the note's own rendering, where the user's text rightly holds every fact. */
async function pageSourceWithoutNote(page: Page): Promise<string> {
	return page.evaluate(() => {
		const root = document.documentElement.cloneNode(true) as HTMLElement;
		for (const note of Array.from(root.querySelectorAll('section.demo-note'))) note.remove();
		return root.outerHTML;
	});
}

async function openNoteReview(query: string, viewport?: { width: number; height: number }): Promise<DemoPage> {
	const context = viewport ? await browser.newContext({ viewport, deviceScaleFactor: 2 }) : undefined;
	const demo = await openDemo(browser, query, context);
	const { page } = demo;
	await page.evaluate(async ([p, text]) => {
		const app = (window as any).app;
		if (!app.vault.getAbstractFileByPath(p)) await app.vault.create(p, text);
	}, [NOTE_PATH, NOTE]);
	await page.waitForSelector(`section.demo-note[data-path="${NOTE_PATH}"] .demo-note-title`);
	// The index picks the new note up after its debounce: retry until its cards are there.
	for (let attempt = 0; attempt < 20; attempt++) {
		await page.click(`section.demo-note[data-path="${NOTE_PATH}"] .demo-note-title`);
		await page.click('button[data-command-id="review-current-note"]');
		await page.waitForSelector('.cloudnotes-review .cloudnotes-review-front, .cloudnotes-review .cloudnotes-review-empty');
		if ((await page.locator('.cloudnotes-review .cloudnotes-review-front').count()) > 0) return demo;
		await page.keyboard.press('Escape');
		await page.waitForTimeout(300);
	}
	throw new Error('the note made no cards');
}

/** Grades cards (Space, 3) until the front asks `question`; returns false when the note runs out. */
async function goTo(page: Page, question: string): Promise<void> {
	for (let i = 0; i < 20; i++) {
		const text = await page.locator('.cloudnotes-review-question').innerText();
		if (text.includes(question)) {
			await page.waitForSelector('.cloudnotes-review-front .cloudnotes-card-diagram svg');
			return;
		}
		const id = await page.locator('.cloudnotes-review-front').getAttribute('data-card-id');
		await page.keyboard.press('Space');
		await page.waitForSelector('.cloudnotes-review-back');
		await page.keyboard.press('3');
		await page.waitForFunction((old) => document.querySelector('.cloudnotes-review-front')?.getAttribute('data-card-id') !== old, id);
	}
	throw new Error(`no card asking "${question}"`);
}

describe.each([
	['Mermaid 11.17', ''],
	['Mermaid 11.4.1', 'mermaid=11.4'],
])('occlusion cards in the review (%s)', (_name, query) => {
	test('the front masks the CIDR at the source, the back reveals and highlights it', async () => {
		const demo = await openNoteReview(query);
		const { page } = demo;
		await goTo(page, 'CIDR block of subnet app-a');
		expect(await page.locator('.cloudnotes-review-front').getAttribute('data-kind')).toBe('occlusion');
		const front = await pageSourceWithoutNote(page);
		expect(front).toContain('▒▒▒▒ ?');
		for (const secret of ['10.0.10.0/24', '10.0.10.0', '10.0.10']) expect(front).not.toContain(secret);
		// The masked subnet is drawn in the mask's colour (a style in the SVG, not a CSS class hiding text).
		const masked = await page.locator('.cloudnotes-review-front .cloudnotes-card-diagram svg').evaluate((svg) => {
			const label = Array.from(svg.querySelectorAll('g.cluster')).find((g) => (g.textContent ?? '').includes('app-a'));
			const rect = label?.querySelector('rect');
			return { text: label?.textContent ?? '', fill: rect ? getComputedStyle(rect).fill : '' };
		});
		expect(masked.text).toContain('▒▒▒▒ ?');
		expect(masked.fill).toBe('rgb(253, 230, 138)');

		await page.keyboard.press('Space');
		await page.waitForSelector('.cloudnotes-review-back-diagram svg');
		const back = await page.locator('.cloudnotes-review').evaluate((el) => el.outerHTML);
		expect(back).toContain('10.0.10.0/24');
		expect(await page.locator('.cloudnotes-review-front .cloudnotes-card-diagram').count()).toBe(0);
		const revealed = await page.locator('.cloudnotes-review-back-diagram svg').evaluate((svg) => {
			const label = Array.from(svg.querySelectorAll('g.cluster')).find((g) => (g.textContent ?? '').includes('app-a'));
			const rect = label?.querySelector('rect');
			return { text: label?.textContent ?? '', fill: rect ? getComputedStyle(rect).fill : '' };
		});
		expect(revealed.text).toContain('10.0.10.0/24');
		expect(revealed.fill).toBe('rgb(187, 247, 208)');
		expect(await page.locator('.cloudnotes-review-back').innerText()).toContain('10.0.10.0/24');
		expect(await pageErrors(demo)).toEqual([]);
		await demo.context.close();
	});

	test('a trace drill asks the declared flow and draws the trace on the back', async () => {
		const demo = await openNoteReview(query);
		const { page } = demo;
		await goTo(page, 'Can web reach api on tcp 8080?');
		expect(await page.locator('.cloudnotes-review-front').getAttribute('data-kind')).toBe('trace-drill');
		expect(await page.locator('.cloudnotes-review').evaluate((el) => el.outerHTML)).not.toContain('Deciding hop');
		await page.keyboard.press('Space');
		await page.waitForSelector('.cloudnotes-review-back-diagram svg');
		expect(await page.locator('.cloudnotes-review-back').innerText()).toContain('Deciding hop: api-sg, security group inbound (tcp 8080 from web-sg)');
		// The admitting end in the highlight's green, the traced edge thickened.
		const drawn = await page.locator('.cloudnotes-review-back-diagram svg').evaluate((svg) => {
			const api = Array.from(svg.querySelectorAll('g.node')).find((g) => (g.textContent ?? '').trim() === 'api');
			const shape = api?.querySelector('rect, polygon, path');
			const widths = Array.from(svg.querySelectorAll('path.flowchart-link, .edgePaths path')).map((p) => getComputedStyle(p).strokeWidth);
			return { fill: shape ? getComputedStyle(shape).fill : '', thick: widths.filter((w) => w === '3px').length };
		});
		expect(drawn.fill).toBe('rgb(187, 247, 208)');
		expect(drawn.thick).toBeGreaterThanOrEqual(1);
		expect(await pageErrors(demo)).toEqual([]);
		await demo.context.close();
	});
});

describe('occlusion cards on a phone', () => {
	test.each([
		['light', 'mobile=1'],
		['dark', 'mobile=1&theme=dark'],
	])('390 px, %s: legible, pan and zoom, tap to reveal (screenshots)', async (theme, query) => {
		const demo = await openNoteReview(query, { width: 390, height: 844 });
		const { page } = demo;
		await goTo(page, 'CIDR block of subnet app-a');
		const viewport = page.locator('.cloudnotes-review-front .cloudnotes-card-viewport');
		const box = await viewport.boundingBox();
		expect(box?.width ?? 0).toBeLessThanOrEqual(390);
		expect(box?.width ?? 0).toBeGreaterThan(250);
		const svg = page.locator('.cloudnotes-review-front .cloudnotes-card-viewport svg');
		const before = await svg.getAttribute('viewBox');
		await page.click('.cloudnotes-card-tools button[aria-label="Zoom in"]');
		expect(await svg.getAttribute('viewBox')).not.toBe(before);
		const dir = path.join(__dirname, '../../docs/screenshots');
		await page.click('.cloudnotes-card-tools button[aria-label="Fit to view"]');
		await page.locator('.cloudnotes-review').screenshot({ path: path.join(dir, `occlusion-front${theme === 'dark' ? '-dark' : ''}.png`) });
		// A tap on the diagram reveals, as Space does.
		await viewport.click();
		await page.waitForSelector('.cloudnotes-review-back-diagram svg');
		expect(await page.locator('.cloudnotes-review-back').innerText()).toContain('10.0.10.0/24');
		await page.locator('.cloudnotes-review').screenshot({ path: path.join(dir, `occlusion-back${theme === 'dark' ? '-dark' : ''}.png`) });
		expect(await pageErrors(demo)).toEqual([]);
		await demo.context.close();
	});
});
