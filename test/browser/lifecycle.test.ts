/**
 * Issue 8's lifecycle promise, on the demo page with the built main.js: enable, use (diagrams,
 * review, views), disable — three times. Afterwards nothing is left behind (listeners, intervals,
 * render children, processors, commands, views, DOM) and everything still works.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDemo, pageErrors } from './demo-page';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const counts = (page: Page) => page.evaluate(() => (window as any).__demo.counts() as Record<string, number>);

async function settledDiagrams(page: Page): Promise<number> {
	await page.waitForFunction(() => {
		const all = document.querySelectorAll('.cloudnotes-diagram');
		return all.length > 0 && [...all].every((d) => d.getAttribute('data-state') !== 'loading');
	}, null, { timeout: 60_000 });
	return page.locator('.cloudnotes-diagram').count();
}

/** Uses every feature once: diagrams (hover, click), the review modal, the statistics and preview views. */
async function useEverything(page: Page): Promise<void> {
	await settledDiagrams(page);
	const node = page.locator('.cloudnotes-diagram [data-node-id]').first();
	await node.hover();
	await node.click();
	await page.waitForFunction(() => document.querySelector('.cloudnotes-status[data-due]') !== null, null, { timeout: 60_000 });
	await page.locator('button[data-command-id="review-due"]').click();
	await page.locator('.cloudnotes-review').waitFor();
	await page.keyboard.press('Escape');
	await page.locator('.cloudnotes-review').waitFor({ state: 'detached' });
	await page.locator('button[data-command-id="open-statistics"]').click();
	await page.locator('.cloudnotes-stats').waitFor();
	await page.locator('button[data-command-id="open-topology-preview"]').click();
	await page.waitForFunction(() => (window as any).__demo.counts().openViews >= 2);
}

test('enable, use and disable three times leaves nothing behind, and the plugin still works', async () => {
	const demo = await openDemo(browser);
	const { page } = demo;
	await settledDiagrams(page);
	await page.evaluate(() => (window as any).__demo.disable());
	const baseline = await counts(page);
	expect(baseline.processorsVpc).toBe(0);
	expect(baseline.commands).toBe(0);
	expect(await page.locator('.cloudnotes-diagram').count()).toBe(0);

	for (let cycle = 1; cycle <= 3; cycle++) {
		await page.evaluate(() => (window as any).__demo.enable());
		await useEverything(page);
		const enabled = await counts(page);
		// One processor per language, whatever the number of cycles: no duplicates.
		expect({ cycle, vpc: enabled.processorsVpc, containers: enabled.processorsContainers }).toEqual({ cycle, vpc: 1, containers: 1 });
		expect(enabled.renderChildren).toBeGreaterThan(0);
		await page.evaluate(() => (window as any).__demo.disable());
		// Render children are swept when their elements leave the page.
		await page.waitForFunction(() => (window as any).__demo.counts().renderChildren === 0, null, { timeout: 10_000 }).catch(() => undefined);
		expect({ cycle, ...(await counts(page)) }).toEqual({ cycle, ...baseline });
		expect(await page.locator('.cloudnotes-diagram, .cloudnotes-review, .cloudnotes-stats, .cloudnotes-status').count()).toBe(0);
	}

	await page.evaluate(() => (window as any).__demo.enable());
	expect(await settledDiagrams(page)).toBeGreaterThan(0);
	expect(await page.locator('.cloudnotes-diagram[data-state="ok"]').count()).toBeGreaterThan(0);
	await page.waitForFunction(() => document.querySelector('.cloudnotes-status[data-due]') !== null, null, { timeout: 60_000 });
	await page.locator('button[data-command-id="review-due"]').click();
	await page.locator('.cloudnotes-review .cloudnotes-review-front').waitFor();
	expect(await pageErrors(demo)).toEqual([]);
	await demo.context.close();
});
