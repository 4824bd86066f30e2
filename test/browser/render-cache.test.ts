/**
 * The render cache file (disk-render-cache.ts) on the demo page with real Mermaid: a drawn diagram
 * comes back after a restart of the plugin without Mermaid drawing it again, the same picture and
 * interactive; a changed block, a changed theme or changed settings draw afresh.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openDemo, pageErrors, type DemoPage } from './demo-page';
import { createNote, diagramsOf, modifyNote, noteWith, TEST_CONTAINERS, TEST_VPC, waitForDiagrams } from './topology-fixtures';

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

/** The test VPC under another name: each test draws its own block (an equal block elsewhere would be a memory hit). */
function vpcNamed(name: string): string {
	return TEST_VPC.replace('name: test-vpc', `name: ${name}`);
}

/** Disables and enables the plugin (a restart: a fresh main.js, nothing in memory) and waits for the note. */
async function restart(path: string): Promise<void> {
	await demo.page.evaluate(async () => {
		const harness = (window as any).__demo;
		await harness.disable();
		// The unload writes the cache file (an async adapter write): let it land.
		await new Promise((r) => setTimeout(r, 100));
		await harness.enable();
	});
	await waitForDiagrams(demo.page, path, 1);
}

async function drawing(path: string): Promise<{ cache: string | null; mermaidMs: number; svg: string; nodes: number }> {
	return demo.page.evaluate((sel) => {
		const d = document.querySelector(sel) as HTMLElement;
		const svg = d.querySelector('.cloudnotes-viewport svg');
		return { cache: d.getAttribute('data-cache'), mermaidMs: Number(d.getAttribute('data-mermaid-ms')), svg: svg ? svg.outerHTML : '', nodes: d.querySelectorAll('[data-node-id]').length };
	}, diagramsOf(path));
}

async function mermaidRenders(): Promise<number> {
	return demo.page.evaluate(() => (window as any).__renderCount as number);
}

test('a drawn diagram survives a restart: read back from the cache file, the same SVG, still interactive, Mermaid not called', async () => {
	const path = 'Tests/render-cache.md';
	await createNote(demo.page, path, noteWith('vpc', vpcNamed('restart-case')));
	const before = await drawing(path);
	expect(before.cache).toBe('miss');
	expect(before.nodes).toBeGreaterThan(3);

	// Count mermaid.render calls from here on (the restarted plugin takes the same global Mermaid).
	await demo.page.evaluate(() => {
		const m = (window as any).mermaid;
		const original = m.render;
		(window as any).__renderCount = 0;
		m.render = function (...args: unknown[]) {
			(window as any).__renderCount++;
			return original.apply(this, args);
		};
	});
	await restart(path);
	const after = await drawing(path);
	expect(after.cache).toBe('disk');
	expect(after.mermaidMs).toBe(0);
	expect(after.nodes).toBe(before.nodes);
	expect(after.svg).toBe(before.svg);
	expect(await mermaidRenders()).toBe(0);
	const file = await demo.page.evaluate(async () => {
		const app = (window as any).app;
		const listed = await app.vault.adapter.list(`${app.vault.configDir}/plugins/cloudnotes`);
		return listed.files.filter((f: string) => /render-cache-[a-z0-9]+\.json$/.test(f));
	});
	expect(file).toHaveLength(1);

	expect(await pageErrors(demo)).toEqual([]);
});

test.each([
	['the newest Mermaid', ''],
	['Mermaid 11.4.1', 'mermaid=11.4'],
])('with %s, labels laid out as blocks (cheaper for the page) sit exactly where Mermaid\'s table cells put them', async (_label, query) => {
	const page = query ? (await openDemo(browser, query)).page : demo.page;
	const path = 'Tests/render-cache-labels.md';
	await createNote(page, path, `${noteWith('vpc', vpcNamed('labels-case'))}\n${noteWith('containers', TEST_CONTAINERS)}`, 2);
	const diagrams = await page.evaluate((sel) => {
		// The text's paragraph; an edge without a label has an empty span.
		const boxOf = (div: Element): number[] => {
			const r = (div.querySelector('p') ?? div.firstElementChild ?? div).getBoundingClientRect();
			return [r.x, r.y, r.width, r.height];
		};
		return Array.from(document.querySelectorAll(sel)).map((d) => {
			const svg = d.querySelector('.cloudnotes-viewport svg')!;
			const marked = Array.from(svg.querySelectorAll('.cloudnotes-label-box'));
			const blocks = marked.map((div) => getComputedStyle(div).display);
			const asBlocks = marked.map(boxOf);
			// The same labels as Mermaid returned them: table cells.
			for (const div of marked) div.classList.remove('cloudnotes-label-box');
			const asCells = marked.map(boxOf);
			// Mermaid's display of each label, and whether it is laid out as a block.
			const cells = Array.from(svg.querySelectorAll('foreignObject > div')).map((div) => [getComputedStyle(div).display, marked.includes(div)] as const);
			for (const div of marked) div.classList.add('cloudnotes-label-box');
			return { cells, blocks, asBlocks, asCells };
		});
	}, diagramsOf(path));
	if (query) await page.context().close();
	expect(diagrams).toHaveLength(2);
	for (const d of diagrams) {
		// Every label Mermaid drew as a table cell is laid out as a block now; a wrapped one (Mermaid
		// 11.4 makes a group title over 200 px a table of that width) stays as Mermaid made it.
		expect(d.cells.filter(([, marked]) => marked).length).toBeGreaterThan(5);
		expect(d.cells.filter(([display, marked]) => marked !== (display === 'table-cell'))).toEqual([]);
		expect(d.blocks.every((c) => c === 'block')).toBe(true);
		expect(d.asBlocks).toHaveLength(d.asCells.length);
		d.asBlocks.forEach((box, i) => box.forEach((v, k) => expect(Math.abs(v - d.asCells[i][k])).toBeLessThan(0.01)));
	}
});

test('a changed block never shows the old picture: it is drawn afresh, also after a restart', async () => {
	const path = 'Tests/render-cache-edit.md';
	const source = vpcNamed('edit-case');
	await createNote(demo.page, path, noteWith('vpc', source));
	await restart(path);
	expect((await drawing(path)).cache).toBe('disk');
	const edited = source.replace('name: edit-case', 'name: edit-case-renamed');
	expect(edited).not.toBe(source);
	await modifyNote(demo.page, path, noteWith('vpc', edited));
	await demo.page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-cache') === 'miss', diagramsOf(path), { timeout: 30_000 });
	expect((await drawing(path)).svg).toContain('edit-case-renamed');
});

test('a changed theme or setting draws afresh, never the picture of the other one; each comes back after a restart', async () => {
	const path = 'Tests/render-cache-theme.md';
	await createNote(demo.page, path, noteWith('vpc', vpcNamed('theme-case')));
	await restart(path);
	const light = await drawing(path);
	expect(light.cache).toBe('disk');
	const redrawnAs = async (cache: string, not: string): Promise<Awaited<ReturnType<typeof drawing>>> => {
		await demo.page.waitForFunction(
			([sel, c, old]) => {
				const d = document.querySelector(sel);
				const svg = d?.querySelector('.cloudnotes-viewport svg');
				return d?.getAttribute('data-cache') === c && !!svg && svg.outerHTML !== old;
			},
			[diagramsOf(path), cache, not] as const,
			{ timeout: 30_000 },
		);
		return drawing(path);
	};
	await demo.page.evaluate(() => (window as any).__demo.setTheme('dark'));
	const dark = await redrawnAs('miss', light.svg);
	await restart(path);
	const darkAgain = await drawing(path);
	expect(darkAgain.cache).toBe('disk');
	expect(darkAgain.svg).toBe(dark.svg);
	// Back to light: the light picture, not the dark one.
	await demo.page.evaluate(() => (window as any).__demo.setTheme('light'));
	const lightAgain = await redrawnAs('disk', dark.svg);
	expect(lightAgain.svg).toBe(light.svg);
	// The direction setting is part of the key.
	const setDirection = (direction: string) =>
		demo.page.evaluate(async (d) => {
			const plugin = (window as any).__demo.plugin;
			plugin.settings.diagrams.direction = d;
			await plugin.saveSettings();
		}, direction);
	await setDirection('LR');
	await redrawnAs('miss', light.svg);
	await setDirection('auto');
});

test('a corrupt cache file is ignored: diagrams draw, and the file is rebuilt', async () => {
	const path = 'Tests/render-cache-corrupt.md';
	await createNote(demo.page, path, noteWith('vpc', vpcNamed('corrupt-case')));
	await demo.page.evaluate(async () => {
		const harness = (window as any).__demo;
		await harness.disable();
		await new Promise((r) => setTimeout(r, 100));
		const app = (window as any).app;
		const folder = `${app.vault.configDir}/plugins/cloudnotes`;
		const listed = await app.vault.adapter.list(folder);
		for (const f of listed.files) if (/render-cache-[a-z0-9]+\.json$/.test(f)) await app.vault.adapter.write(f, '{"format":1,"entries":[{"key":');
		await harness.enable();
	});
	await waitForDiagrams(demo.page, path, 1);
	expect((await drawing(path)).cache).toBe('miss');
	await restart(path);
	expect((await drawing(path)).cache).toBe('disk');
});
