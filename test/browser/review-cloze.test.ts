/**
 * A cloze in the Spaced Repetition plugin's syntax, reviewed in the demo (Chromium, the built
 * main.js): the front shows the sentence with the asked part masked, the back reveals it.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openDemo, pageErrors } from './demo-page';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const PATH = 'Cloze test/NACL.md';
const NOTE = ['#flashcards', '', 'A ==NACL== is stateless and checks its rules in ==number order==.', ''].join('\n');

test('a cloze is masked on the front and revealed on the back', async () => {
	const demo = await openDemo(browser);
	const { page } = demo;
	await page.evaluate(async ([path, text]) => {
		const app = (window as any).app;
		if (!app.vault.getAbstractFileByPath(path)) await app.vault.create(path, text);
	}, [PATH, NOTE]);
	await page.waitForSelector('.cloudnotes-status[data-due]');
	await page.waitForSelector(`section.demo-note[data-path="${PATH}"] .demo-note-title`);
	await page.click(`section.demo-note[data-path="${PATH}"] .demo-note-title`);
	await page.click('button[data-command-id="review-current-note"]');
	await page.waitForSelector('.cloudnotes-review .cloudnotes-review-front[data-kind="cloze"] mark');

	// Two cards, one per cloze; the first asks for NACL.
	expect(await page.locator('.cloudnotes-review-progress').innerText()).toMatch(/\/ 2$/);
	const question = page.locator('.cloudnotes-review-question');
	expect(await question.innerText()).toBe('A [...] is stateless and checks its rules in number order.');
	expect(await question.locator('mark').innerText()).toBe('[...]');
	expect(await question.innerText()).not.toContain('NACL');

	await page.keyboard.press('Space');
	await page.waitForSelector('.cloudnotes-review-back[data-kind="cloze"] mark');
	const back = page.locator('.cloudnotes-review-back');
	expect(await back.locator('mark').innerText()).toBe('NACL');
	expect(await back.innerText()).toContain('A NACL is stateless and checks its rules in number order.');
	// The revealed part stands out (the theme's accent colour), not as a plain highlight.
	const colour = await back.locator('mark').evaluate((el) => getComputedStyle(el).color);
	const text = await back.evaluate((el) => getComputedStyle(el).color);
	expect(colour).not.toBe(text);
	await page.screenshot({ path: '/tmp/review-cloze.png' });
	expect(await pageErrors(demo)).toEqual([]);
	await page.close();
});
