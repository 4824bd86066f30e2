/**
 * Opens the demo page (built by `npm run test:browser` before jest runs) in headless Chromium.
 * One browser per test file; each test gets a fresh page and fresh localStorage unless told.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { existsSync } from 'fs';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

export const DEMO_DIR = path.resolve(__dirname, '../../demo');

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface DemoPage {
	page: Page;
	context: BrowserContext;
	/** Page errors, console errors and processor failures seen so far. */
	errors: string[];
}

/** Opens demo/index.html with query parameters (mermaid=11.4, theme=dark, lang=ko) and waits until the plugin is enabled. */
export async function openDemo(browser: Browser, query = '', context?: BrowserContext): Promise<DemoPage> {
	const indexHtml = path.join(DEMO_DIR, 'index.html');
	if (!existsSync(indexHtml)) throw new Error('demo/index.html is missing: run `npm run test:browser`, which builds it');
	const ctx = context ?? (await browser.newContext({ viewport: { width: 1400, height: 1000 } }));
	const page = await ctx.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console: ${m.text()}`);
	});
	await page.goto(pathToFileURL(indexHtml).href + (query ? `?${query}` : ''));
	await page.waitForFunction(() => (window as any).__demoReady === true, null, { timeout: 30_000 });
	const demoErrors = await page.evaluate(() => [...(window as any).__demoErrors, ...(window as any).__processorErrors, ...(window as any).__demo.errors]);
	errors.push(...demoErrors);
	return { page, context: ctx, errors };
}

/** Every error the page has recorded since it opened (page, console, processors, harness). */
export async function pageErrors(demo: DemoPage): Promise<string[]> {
	const inPage = await demo.page.evaluate(() => [...(window as any).__demoErrors, ...(window as any).__processorErrors, ...(window as any).__demo.errors]);
	return [...new Set([...demo.errors, ...inPage])];
}
