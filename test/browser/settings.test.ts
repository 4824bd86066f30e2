/**
 * Settings in the built main.js (issue 11, item 7): on Obsidian 1.13 the tab is drawn from its
 * declarative definitions, and on any version a data.json that a sync brings changes what is on
 * screen at once (here: the lint results under the diagrams) and is not overwritten afterwards.
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

const DATA_KEY = 'cloudnotes-demo:adapter:.obsidian/plugins/cloudnotes/data.json';

async function diagramsWithLint(page: Page): Promise<number> {
	await page.waitForFunction(() => {
		const all = document.querySelectorAll('.cloudnotes-diagram');
		return all.length > 0 && [...all].every((d) => d.getAttribute('data-state') !== 'loading');
	}, null, { timeout: 60_000 });
	return page.locator('.cloudnotes-diagram .cloudnotes-lint').count();
}

function lintToggle(page: Page) {
	return page.locator('.demo-settings .setting-item', { hasText: 'Show lint results' }).locator('.checkbox-container');
}

test('on Obsidian 1.13 the settings tab is drawn from its definitions, and a change there reaches the diagrams', async () => {
	const demo = await openDemo(browser, 'api=1.13.0');
	const page = demo.page;
	expect(await diagramsWithLint(page)).toBeGreaterThan(0);
	await page.locator('.demo-settings summary').click();
	expect(await page.locator('.demo-settings .cloudnotes-settings .setting-group').count()).toBe(4);
	await lintToggle(page).click();
	await page.waitForFunction(() => document.querySelectorAll('.cloudnotes-diagram .cloudnotes-lint').length === 0, null, { timeout: 30_000 });
	const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), DATA_KEY);
	expect(saved.diagrams.showLint).toBe(false);
	expect(await pageErrors(demo)).toEqual([]);
	await demo.context.close();
});

test('a data.json synced from another device shows at once and survives the next local save', async () => {
	const demo = await openDemo(browser);
	const page = demo.page;
	expect(await diagramsWithLint(page)).toBeGreaterThan(0);
	await page.locator('.demo-settings summary').click();
	await expect(lintToggle(page).getAttribute('aria-checked')).resolves.toBe('true');

	// The phone turned lint results off; sync writes its data.json into the plugin folder.
	await page.evaluate(async () => {
		const adapter = (window as any).__demo.app.vault.adapter;
		const path = '.obsidian/plugins/cloudnotes/data.json';
		const data = (await adapter.exists(path)) ? JSON.parse(await adapter.read(path)) : {};
		data.diagrams = { ...(data.diagrams ?? {}), showLint: false };
		await adapter.write(path, JSON.stringify(data));
	});
	await page.waitForFunction(() => document.querySelectorAll('.cloudnotes-diagram .cloudnotes-lint').length === 0, null, { timeout: 30_000 });
	await expect(lintToggle(page).getAttribute('aria-checked')).resolves.toBe('false');

	// A local change afterwards keeps the phone's choice.
	await page.locator('.demo-settings .setting-item', { hasText: 'Due count in the status bar' }).locator('.checkbox-container').click();
	await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').showStatusBar === false, DATA_KEY, { timeout: 10_000 });
	const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), DATA_KEY);
	expect(saved.diagrams.showLint).toBe(false);
	expect(await pageErrors(demo)).toEqual([]);
	await demo.context.close();
});
