/**
 * Issue 11, item 4: line numbers that stay true. Obsidian does not re-render an unchanged block
 * when lines above it change, and gives no section info in embeds and MarkdownRenderer.render.
 * The stand-in now does both (test/stand-in/markdown.ts); the plugin must read positions when it
 * needs them.
 */
import type { Browser } from 'playwright-core';
import { analyzeNote } from '../../src/core/topology';
import { launchBrowser, openDemo, pageErrors, type DemoPage } from './demo-page';
import { createNote, diagramsOf, modifyNote, noteWith, TEST_VPC } from './topology-fixtures';

/** TEST_VPC with a missing security group and an SSH-open one: lint results on known lines. */
const LINTED = TEST_VPC.replace('db: { subnet: db-a, security-groups: [db-sg], role: database }', 'db: { subnet: db-a, security-groups: [db-sg, missing-sg], role: database }');

let browser: Browser;
let demo: DemoPage;
beforeAll(async () => {
	browser = await launchBrowser();
	demo = await openDemo(browser);
});
afterAll(async () => {
	await demo?.context.close();
	await browser?.close();
});

const lintLines = (sel: string) => demo.page.evaluate((s) => [...document.querySelectorAll(`${s} .cloudnotes-lint-item`)].map((li) => Number(li.getAttribute('data-line'))), sel);
const revealed = (path: string) => demo.page.evaluate((p) => document.querySelector(`section.demo-note[data-path="${p}"]`)?.getAttribute('data-revealed-line') ?? null, path);

describe('positions read when needed', () => {
	test('lines added above a block that is not re-rendered: lint lines and "open at line" follow it', async () => {
		const path = 'Tests/moved.md';
		const before = noteWith('vpc', LINTED);
		await createNote(demo.page, path, before);
		const sel = diagramsOf(path);
		expect(await lintLines(sel)).toEqual(analyzeNote(before)[0].analysis.diagnostics.map((d) => d.line));
		// Mark the block's element: the stand-in keeps it (no processor run), as Obsidian does.
		await demo.page.evaluate((s) => document.querySelector(s)!.closest('.block-language-vpc')!.setAttribute('data-test-kept', 'yes'), sel);
		const after = `Three new lines\n\nabove the block\n${before}`;
		await modifyNote(demo.page, path, after);
		const expected = analyzeNote(after)[0].analysis.diagnostics;
		await demo.page.waitForFunction(([s, first]) => Number(document.querySelector(`${s} .cloudnotes-lint-item`)?.getAttribute('data-line')) === first, [sel, expected[0].line] as const, { timeout: 10_000 });
		expect(await demo.page.getAttribute(`section.demo-note[data-path="${path}"] .block-language-vpc`, 'data-test-kept')).toBe('yes');
		expect(await lintLines(sel)).toEqual(expected.map((d) => d.line));
		const missing = expected.find((d) => d.message.includes('missing-sg'))!;
		expect(after.split('\n')[missing.line - 1]).toContain('missing-sg');
		await demo.page.click(`${sel} .cloudnotes-lint-item[data-line="${missing.line}"] button`);
		await demo.page.waitForFunction(([p, line]) => document.querySelector(`section.demo-note[data-path="${p}"]`)?.getAttribute('data-revealed-line') === String(line - 1), [path, missing.line] as const);
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('a block in an embed (no section info) shows and opens the lines of the note it lives in', async () => {
		const inner = `Intro\n\nMore intro\n\n${noteWith('vpc', LINTED, 'Embedded')}`;
		await createNote(demo.page, 'Tests/embedded.md', inner);
		await createNote(demo.page, 'Tests/host.md', '# Host\n\n![[embedded]]\n');
		const sel = `section.demo-note[data-path="Tests/host.md"] .markdown-embed .cloudnotes-diagram`;
		const expected = analyzeNote(inner)[0].analysis.diagnostics;
		await demo.page.waitForFunction(([s, first]) => Number(document.querySelector(`${s} .cloudnotes-lint-item`)?.getAttribute('data-line')) === first, [sel, expected[0].line] as const, { timeout: 10_000 });
		expect(await lintLines(sel)).toEqual(expected.map((d) => d.line));
		const missing = expected.find((d) => d.message.includes('missing-sg'))!;
		await demo.page.click(`${sel} .cloudnotes-lint-item[data-line="${missing.line}"] button`);
		await demo.page.waitForFunction(([p, line]) => document.querySelector(`section.demo-note[data-path="${p}"]`)?.getAttribute('data-revealed-line') === String(line - 1), ['Tests/embedded.md', missing.line] as const);
		expect(await revealed('Tests/embedded.md')).toBe(String(missing.line - 1));
	});

	test('two blocks rendered without section info never share a last good picture', async () => {
		const state = await demo.page.evaluate(async ([good, broken]) => {
			const { MarkdownRenderer, Component } = (window as any).CloudnotesStandIn.obsidian;
			const app = (window as any).app;
			const owner = new Component();
			owner.load();
			const a = document.body.appendChild(document.createElement('div'));
			await MarkdownRenderer.render(app, '```vpc\n' + good + '\n```\n', a, 'Tests/fragments.md', owner);
			const start = Date.now();
			while (!a.querySelector('.cloudnotes-diagram[data-state="ok"]') && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 50));
			const b = document.body.appendChild(document.createElement('div'));
			await MarkdownRenderer.render(app, '```vpc\n' + broken + '\n```\n', b, 'Tests/fragments.md', owner);
			const d = b.querySelector('.cloudnotes-diagram');
			const result = { first: a.querySelector('.cloudnotes-diagram')?.getAttribute('data-state'), second: d?.getAttribute('data-state'), stale: !!d?.querySelector('.is-stale') };
			owner.unload();
			a.remove();
			b.remove();
			return result;
		}, [TEST_VPC, 'name: other\nsubnets: [\n'] as const);
		expect(state).toEqual({ first: 'ok', second: 'broken', stale: false });
	});
});
