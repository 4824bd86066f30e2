/**
 * Issue 11, item 5: the plugin on a phone. Chromium's mobile emulation (touch, 390x844) with the
 * stand-in playing Obsidian mobile (`?mobile=1`: Platform.isMobile, `.is-mobile`, and iOS's rule
 * that the clipboard takes a write only close to a tap). Panning, pinch zoom, details, the trace
 * panel, the review buttons, touch target sizes, Obsidian's swipe opt-out and the clipboard.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser, openDemo, pageErrors, type DemoPage } from './demo-page';
import { createNote, diagramsOf, noteWith, TEST_VPC } from './topology-fixtures';

let browser: Browser;
let demo: DemoPage;
let page: Page;
let cdp: CDPSession;
const PATH = 'Tests/phone.md';
const sel = diagramsOf(PATH);

beforeAll(async () => {
	browser = await launchBrowser();
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
	demo = await openDemo(browser, 'mobile=1', context);
	page = demo.page;
	cdp = await context.newCDPSession(page);
	await createNote(page, PATH, noteWith('vpc', TEST_VPC));
	await page.locator(`${sel} .cloudnotes-viewport`).scrollIntoViewIfNeeded();
});
afterAll(async () => {
	await demo?.context.close();
	await browser?.close();
});

type Point = { x: number; y: number };
const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[]) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });
const viewBox = async () => ((await page.getAttribute(`${sel} svg.cloudnotes-svg`, 'viewBox')) ?? '').split(' ').map(Number);

async function viewportCentre(): Promise<Point> {
	const box = (await page.locator(`${sel} .cloudnotes-viewport`).boundingBox())!;
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('on a phone', () => {
	test('the stand-in plays Obsidian mobile', async () => {
		expect(await page.evaluate(() => (window as any).CloudnotesStandIn.obsidian.Platform.isMobile)).toBe(true);
		expect(await page.evaluate(() => document.body.classList.contains('is-mobile'))).toBe(true);
		expect(await page.getAttribute(sel, 'data-state')).toBe('ok');
	});

	test("the diagram's viewport opts out of Obsidian's sidebar swipe", async () => {
		expect(await page.getAttribute(`${sel} .cloudnotes-viewport`, 'data-ignore-swipe')).toBe('true');
	});

	test('a one-finger horizontal drag pans the diagram', async () => {
		await page.click(`${sel} button[data-action="zoom-in"]`);
		const before = await viewBox();
		const c = await viewportCentre();
		await touch('touchStart', [c]);
		for (let i = 1; i <= 5; i++) await touch('touchMove', [{ x: c.x + i * 12, y: c.y }]);
		await touch('touchEnd', []);
		const after = await viewBox();
		expect(after[0]).toBeLessThan(before[0]);
		expect(after[2]).toBeCloseTo(before[2], 3);
	});

	test('a two-finger pinch zooms in', async () => {
		await page.click(`${sel} button[data-action="fit"]`);
		const before = await viewBox();
		const c = await viewportCentre();
		await touch('touchStart', [{ x: c.x - 20, y: c.y }, { x: c.x + 20, y: c.y }]);
		for (let i = 1; i <= 5; i++) await touch('touchMove', [{ x: c.x - 20 - i * 12, y: c.y }, { x: c.x + 20 + i * 12, y: c.y }]);
		await touch('touchEnd', []);
		const after = await viewBox();
		expect(after[2]).toBeLessThan(before[2] * 0.8);
		await page.click(`${sel} button[data-action="fit"]`);
	});

	test('tapping a node shows its details', async () => {
		const node = page.locator(`${sel} [data-node-id="web-a"]`);
		await node.scrollIntoViewIfNeeded();
		const box = (await node.boundingBox())!;
		await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
		await page.waitForFunction((s) => document.querySelector(`${s} .cloudnotes-details-name`)?.textContent === 'web-a', sel);
	});

	test('the trace panel works by touch: a declared flow, then a typed port', async () => {
		await page.locator(`${sel} .cloudnotes-flow-button[data-flow="web-a -> db tcp/5432"]`).tap();
		expect(await page.getAttribute(`${sel} .cloudnotes-trace`, 'data-verdict')).toBe('allowed');
		await page.locator(`${sel} input[data-trace="port"]`).tap();
		await page.keyboard.press('Control+A');
		await page.keyboard.type('22');
		expect(await page.inputValue(`${sel} input[data-trace="port"]`)).toBe('22');
		await page.locator(`${sel} button[data-trace="run"]`).tap();
		expect(await page.getAttribute(`${sel} .cloudnotes-trace`, 'data-verdict')).toBe('refused');
	});

	test('every control of the diagram is a touch target of at least 44 px', async () => {
		const small = await page.evaluate((s) => {
			const controls = [...document.querySelectorAll(`${s} button, ${s} select, ${s} input`)];
			return controls
				.map((el) => ({ el, r: el.getBoundingClientRect() }))
				.filter(({ r }) => r.width > 0 && r.height > 0)
				.filter(({ r }) => r.width < 44 || r.height < 44)
				.map(({ el, r }) => `${el.tagName.toLowerCase()}.${el.className} ${el.textContent?.trim().slice(0, 20)} ${Math.round(r.width)}x${Math.round(r.height)}`);
		}, sel);
		expect(small).toEqual([]);
		expect(await page.locator(`${sel} button`).count()).toBeGreaterThan(8);
	});

	test('copying the Mermaid text from the menu lands on the clipboard (copied at the tap)', async () => {
		await page.locator(`${sel} button[data-action="export"]`).tap();
		await page.locator('.menu .menu-item', { hasText: /mermaid/i }).first().tap();
		await page.waitForFunction(() => (window as any).CloudnotesStandIn.obsidian.standInClipboard.text.startsWith('---') || (window as any).CloudnotesStandIn.obsidian.standInClipboard.text.startsWith('flowchart'));
	});

	test('saving an SVG offers its link to copy with a new tap when the clipboard refuses the late write', async () => {
		await page.evaluate(() => ((window as any).CloudnotesStandIn.obsidian.standInClipboard.text = ''));
		await page.locator(`${sel} button[data-action="export"]`).tap();
		await page.locator('.menu .menu-item').nth(1).tap();
		const offered = page.locator('.notice .cloudnotes-offered-text');
		await offered.waitFor();
		const link = (await offered.textContent()) ?? '';
		expect(link).toMatch(/\.svg/);
		await page.locator('.notice .cloudnotes-copy-offered').tap();
		await page.waitForFunction((l) => (window as any).CloudnotesStandIn.obsidian.standInClipboard.text === l, link);
	});

	test('the review window works by touch, with grade buttons of at least 44 px', async () => {
		await page.locator('button[data-command-id="review-due"]').tap();
		await page.waitForSelector('.cloudnotes-review .cloudnotes-review-front');
		await page.locator('.cloudnotes-review-reveal').tap();
		await page.waitForSelector('button[data-rating]');
		const sizes = await page.$$eval('.cloudnotes-review button', (els) => els.filter((e) => e.getBoundingClientRect().width > 0).map((e) => [e.getBoundingClientRect().width, e.getBoundingClientRect().height]));
		expect(sizes.length).toBeGreaterThanOrEqual(6);
		for (const [w, h] of sizes) expect(Math.min(w, h)).toBeGreaterThanOrEqual(44);
		const before = await page.textContent('.cloudnotes-review-progress');
		await page.locator('button[data-rating="easy"]').tap();
		await page.waitForFunction((b) => document.querySelector('.cloudnotes-review-progress')?.textContent !== b, before);
		expect(await pageErrors(demo)).toEqual([]);
	});
});
