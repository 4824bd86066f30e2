import type { Browser } from 'playwright-core';
import { launchBrowser, openDemo, pageErrors } from './demo-page';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('demo page', () => {
	test('loads main.js, enables the plugin without errors and renders every note', async () => {
		const demo = await openDemo(browser);
		expect(await pageErrors(demo)).toEqual([]);
		const notes = await demo.page.locator('section.demo-note').count();
		expect(notes).toBeGreaterThanOrEqual(3);
		expect(await demo.page.evaluate(() => (window as any).__demo.plugin !== null)).toBe(true);
		await demo.context.close();
	});

	test('offers every registered command as a button named by its id', async () => {
		const demo = await openDemo(browser);
		const ids = await demo.page.evaluate(() => Object.keys((window as any).app.commands.commands).map((id: string) => id.replace(/^cloudnotes:/, '')));
		for (const id of ids) expect(await demo.page.locator(`button[data-command-id="${id}"]`).count()).toBe(1);
		await demo.context.close();
	});
});
