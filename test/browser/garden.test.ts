/**
 * Publishing with Digital Garden (issue 16): a page built the way the garden builds it, opened in
 * Chromium with Mermaid 11 loaded the way the garden loads it. What a visitor sees and does.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { analyzeNote, mermaidIdFor } from '../../src/core/topology';
import { launchBrowser } from './demo-page';
import { gardenPage, installedGardenMarkdown, serveGarden, stripForSearch, templateFilters } from './garden-site';
import { TEST_CONTAINERS, TEST_VPC } from './topology-fixtures';

const ROOT = path.resolve(__dirname, '../..');
const MERMAID_11_4 = path.join(ROOT, 'node_modules', 'mermaid-11-4', 'dist');
const MERMAID_NEWEST = path.join(ROOT, 'node_modules', 'mermaid', 'dist');

const HOSTILE = `services:
  "<img src=x onerror=window.__pwned=1>":
    image: "nginx:1.27 #tag [[Secret|link]]"
    ports: ["8080:80"]
  "(evil:: x)":
    image: "redis:7"`;

const NOTE = [
	'# 네트워크 #study',
	'',
	'```vpc',
	TEST_VPC,
	'```',
	'',
	'```containers',
	TEST_CONTAINERS,
	'```',
	'',
	'```mermaid',
	'flowchart LR',
	'  a --> b',
	'```',
	'',
	'```js',
	'const x = 1; // #not-a-tag',
	'```',
	'',
	'```vpc',
	'name: broken',
	'cidr: 10.0.0.0/99',
	'```',
	'',
	'```containers',
	HOSTILE,
	'```',
	'',
].join('\n');

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function open(html: string, mermaidDir: string): Promise<{ page: Page; errors: string[] }> {
	const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await serveGarden(page, html, mermaidDir);
	return { page, errors };
}

async function waitInteractive(page: Page, count: number): Promise<void> {
	await page.waitForFunction((n) => document.querySelectorAll('.cloudnotes-garden[data-interactive="true"]').length === n, count, { timeout: 60_000 });
}

describe.each([
	['newest Mermaid 11', MERMAID_NEWEST],
	['Mermaid 11.4.1', MERMAID_11_4],
])('a published garden page (%s)', (_name, mermaidDir) => {
	it('draws each topology block with one element per resource, its lint and flows, and leaves other fences alone', async () => {
		const { page, errors } = await open(gardenPage(NOTE), mermaidDir);
		await waitInteractive(page, 3);
		const blocks = analyzeNote(NOTE);
		const expected = blocks.filter((b) => !b.analysis.diagnostics.some((d) => d.severity === 'error'));
		const seen = await page.evaluate(() =>
			[...document.querySelectorAll('.cloudnotes-garden[data-state="ok"]')].map((w) => ({
				kind: w.getAttribute('data-kind'),
				svg: w.querySelector('svg') !== null,
				nodes: [...w.querySelectorAll('svg [data-node-id]')].map((n) => n.getAttribute('data-node-id')),
				lint: w.querySelector('.cloudnotes-garden-lint')?.textContent ?? '',
				flows: [...w.querySelectorAll('.cloudnotes-garden-flow')].map((f) => `${f.getAttribute('data-allowed')} ${f.querySelector('code')?.textContent ?? ''}`),
			})),
		);
		expect(seen.map((s) => s.kind)).toEqual(expected.map((b) => b.kind));
		seen.forEach((s, i) => {
			const drawn = expected[i].analysis.resources.filter((r) => r.drawn).map((r) => r.name);
			expect(s.svg).toBe(true);
			expect([...s.nodes].sort()).toEqual([...drawn].sort());
		});
		expect(seen[0].flows).toEqual(['true internet -> alb tcp/443', 'true web-a -> db tcp/5432']);
		expect(seen[0].lint).toContain('No problems found.');

		// The site's own Mermaid block is drawn by the site; code stays code, its comment no tag.
		const others = await page.evaluate(() => ({
			siteMermaid: document.querySelectorAll('main > pre.mermaid svg').length,
			code: document.querySelector('pre > code.language-js')?.textContent ?? null,
		}));
		expect(others.siteMermaid).toBe(1);
		expect(others.code).toBe('const x = 1; // #not-a-tag\n');

		// The broken block publishes its source with the error under it.
		const broken = await page.evaluate(() => {
			const w = document.querySelector('.cloudnotes-garden[data-state="broken"]');
			return { source: w?.querySelector('pre code')?.textContent ?? '', codes: [...(w?.querySelectorAll('[data-code]') ?? [])].map((d) => d.getAttribute('data-code')) };
		});
		expect(broken.source).toBe('name: broken\ncidr: 10.0.0.0/99');
		expect(broken.codes).toContain('invalid-cidr');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('hovers, shows details on click and traces hop by hop, like the plugin', async () => {
		const { page, errors } = await open(gardenPage(NOTE), mermaidDir);
		await waitInteractive(page, 3);
		const vpc = page.locator('.cloudnotes-garden[data-kind="vpc"][data-state="ok"]');
		await vpc.locator('svg [data-node-id="db"]').hover();
		await page.waitForFunction(() => document.querySelector('.cloudnotes-garden.cloudnotes-has-highlight svg [data-node-id="alb"].is-dimmed') !== null);
		await vpc.locator('svg [data-node-id="db"]').click();
		await page.waitForSelector('.cloudnotes-garden-details');
		const details = await vpc.locator('.cloudnotes-garden-details').textContent();
		expect(details).toContain('db');
		expect(details).toContain('db-sg');
		// Keyboard: focus a node and press Enter.
		await vpc.locator('svg [data-node-id="alb"]').focus();
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.querySelector('.cloudnotes-garden[data-kind="vpc"]')?.getAttribute('data-selected') === 'alb');

		await vpc.locator('select.cloudnotes-garden-from').selectOption('internet');
		await vpc.locator('select.cloudnotes-garden-to').selectOption('db');
		await vpc.locator('input.cloudnotes-garden-port').fill('5432');
		await vpc.locator('button.cloudnotes-garden-check').click();
		const result = vpc.locator('.cloudnotes-garden-trace-result');
		await page.waitForFunction(() => document.querySelector('.cloudnotes-garden-trace-result')?.getAttribute('data-allowed') === 'false');
		expect(await result.locator('.cloudnotes-garden-hop').count()).toBeGreaterThan(0);
		expect(await page.evaluate(() => document.querySelectorAll('.cloudnotes-garden.cloudnotes-has-trace').length)).toBe(1);

		await vpc.locator('select.cloudnotes-garden-from').selectOption('web-a');
		await vpc.locator('button.cloudnotes-garden-check').click();
		await page.waitForFunction(() => document.querySelector('.cloudnotes-garden-trace-result')?.getAttribute('data-allowed') === 'true');
		expect(await page.evaluate(() => document.querySelectorAll('.cloudnotes-garden[data-kind="vpc"] svg .is-highlighted[data-node-id]').length)).toBeGreaterThanOrEqual(2);
		expect(errors).toEqual([]);
		await page.close();
	});
});

/** Relative luminance of a computed `rgb(...)` colour. */
function luminance(css: string): number {
	const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number).map((v) => v / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe.each([
	['newest Mermaid 11', MERMAID_NEWEST],
	['Mermaid 11.4.1', MERMAID_11_4],
])('a published garden page in the site\'s theme (%s)', (_name, mermaidDir) => {
	it('draws with our icons in the site\'s dark colours, and again in light ones when the site switches', async () => {
		const { page, errors } = await open(gardenPage(NOTE, { theme: 'dark' }), mermaidDir);
		await waitInteractive(page, 3);
		const look = () =>
			page.evaluate(() => {
				const vpc = document.querySelector('.cloudnotes-garden[data-kind="vpc"]')!;
				const group = vpc.querySelector('svg [data-node-id="test-vpc"] > rect') ?? vpc.querySelector('svg g.cluster rect');
				const label = vpc.querySelector('svg [data-node-id="web-a"] .label, svg [data-node-id="web-a"] foreignObject div');
				return {
					theme: vpc.getAttribute('data-theme'),
					groupFill: group ? getComputedStyle(group).fill : '',
					labelColor: label ? getComputedStyle(label).color : '',
					icons: [...vpc.querySelectorAll('svg .cloudnotes-icon')].map((g) => [...g.classList].find((c) => c.startsWith('cloudnotes-icon-'))),
					logos: [...document.querySelectorAll('.cloudnotes-garden[data-kind="containers"] svg .cloudnotes-logo')].length,
					groupIcons: vpc.querySelectorAll('svg .cloudnotes-group-icon').length,
				};
			});
		const dark = await look();
		expect(dark.theme).toBe('dark');
		expect(luminance(dark.groupFill)).toBeLessThan(0.2);
		expect(luminance(dark.labelColor)).toBeGreaterThan(0.5);
		expect(dark.icons).toEqual(expect.arrayContaining(['cloudnotes-icon-ec2-instance', 'cloudnotes-icon-internet-gateway', 'cloudnotes-icon-database']));
		expect(dark.groupIcons).toBeGreaterThan(0);
		expect(dark.logos).toBeGreaterThan(0);
		await page.locator('.cloudnotes-garden[data-kind="vpc"] .cloudnotes-garden-diagram').screenshot({ path: path.join(os.tmpdir(), `cloudnotes-garden-dark${mermaidDir === MERMAID_11_4 ? '-11.4' : ''}.png`) });

		await page.evaluate(() => document.body.classList.replace('theme-dark', 'theme-light'));
		await page.waitForFunction(() => document.querySelector('.cloudnotes-garden[data-kind="vpc"]')?.getAttribute('data-theme') === 'light');
		await page.waitForFunction(() => document.querySelector('.cloudnotes-garden[data-kind="vpc"] svg [data-node-id="web-a"]') !== null);
		const light = await look();
		expect(luminance(light.groupFill)).toBeGreaterThan(0.6);
		expect(luminance(light.labelColor)).toBeLessThan(0.2);
		expect(light.icons).toEqual(dark.icons);
		// Still interactive after the redraw.
		await page.hover('.cloudnotes-garden[data-kind="vpc"] svg [data-node-id="web-a"]');
		await page.waitForFunction(() => document.querySelector('.cloudnotes-garden[data-kind="vpc"] svg .is-dimmed') !== null);
		await page.locator('.cloudnotes-garden[data-kind="vpc"] .cloudnotes-garden-diagram').screenshot({ path: path.join(os.tmpdir(), `cloudnotes-garden-light${mermaidDir === MERMAID_11_4 ? '-11.4' : ''}.png`) });
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('what the garden keeps of a published block', () => {
	it('keeps diagrams out of the search text: the block\'s own source stays, no Mermaid text', () => {
		const { md } = installedGardenMarkdown();
		// (The note's own ```mermaid block is the author's text and stays, as the site writes it.)
		const text = stripForSearch(templateFilters(md.render(NOTE.replace(/```mermaid\n[\s\S]*?```\n/, ''))));
		for (const noise of ['flowchart', 'classDef', 'r_internet', 'linkStyle', '%%', '&#40;&#40;']) expect(text).not.toContain(noise);
		// The source is there (entities decode where the search shows it), and the checks' words.
		const decoded = text.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&quot;/g, '"').replace(/&amp;/g, '&');
		expect(decoded).toContain('internet-gateway: igw');
		expect(decoded).toContain('No problems found.');
	});

	it('numbers lint lines as the note does when Eleventy reports its front matter', () => {
		const frontMatter = ['---', '{"dg-publish":true,"permalink":"/net/"}', '---'];
		const brokenAt = [...frontMatter, ...NOTE.split('\n')].indexOf('cidr: 10.0.0.0/99') + 1;
		const { md } = installedGardenMarkdown();
		const html = (md as unknown as { render(s: string, env: unknown): string }).render(NOTE, { cloudnotesFrontMatterLines: frontMatter.length });
		expect(html).toContain(`line ${brokenAt}&#58;`);
	});
});

describe('a published garden page, hostile and odd cases', () => {
	it('runs no script from a hostile name, and the garden filters make no tag or link inside a block', async () => {
		const { page, errors } = await open(gardenPage(NOTE), MERMAID_NEWEST);
		await waitInteractive(page, 3);
		const found = await page.evaluate(() => ({
			pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
			imgs: document.querySelectorAll('.cloudnotes-garden img').length,
			tags: document.querySelectorAll('.cloudnotes-garden a.tag').length,
			links: document.querySelectorAll('.cloudnotes-garden a.internal-link').length,
			headingTag: document.querySelectorAll('h1 a.tag').length,
			names: [...document.querySelectorAll('.cloudnotes-garden[data-kind="containers"] svg [data-node-id]')].map((n) => n.getAttribute('data-node-id')),
		}));
		expect(found.pwned).toBeNull();
		expect(found.imgs).toBe(0);
		expect(found.tags).toBe(0);
		expect(found.links).toBe(0);
		// The filters do run on the page: the heading's #study became a tag.
		expect(found.headingTag).toBe(1);
		expect(found.names).toContain('<img src=x onerror=window.__pwned=1>');
		expect(found.names).toContain('(evil:: x)');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('draws the blocks itself when the site has not loaded Mermaid', async () => {
		const { page, errors } = await open(gardenPage(NOTE, { siteMermaid: false }), MERMAID_NEWEST);
		await waitInteractive(page, 3);
		expect(await page.evaluate(() => document.querySelectorAll('.cloudnotes-garden svg [data-node-id]').length)).toBeGreaterThan(10);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('cloudnotes render, for publishers that run no plugin', () => {
	it('turns an example-vault note into mermaid blocks that a garden page draws with every resource', async () => {
		const note = path.join(ROOT, 'example-vault', '클라우드', 'VPC 네트워크 설계.md');
		const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'render-')), 'note.md');
		execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'render', note, '--out', out]);
		const rendered = fs.readFileSync(out, 'utf8');
		const original = fs.readFileSync(note, 'utf8');
		const blocks = analyzeNote(original);
		expect(blocks.length).toBeGreaterThan(0);
		expect(analyzeNote(rendered)).toEqual([]);
		expect(rendered.match(/^```mermaid$/gm)?.length).toBe(blocks.length);
		// Everything else of the note is kept as written.
		expect(rendered.split('\n').filter((l) => l.startsWith('#'))).toEqual(original.split('\n').filter((l) => l.startsWith('#')));

		const body = rendered.replace(/^---\n[\s\S]*?\n---\n/, '');
		const { page, errors } = await open(gardenPage(body), MERMAID_NEWEST);
		// Mermaid lays out inside the <pre> first: a finished diagram is an <svg> right under it.
		await page.waitForFunction((n) => document.querySelectorAll('pre.mermaid > svg').length === n, blocks.length, { timeout: 60_000 });
		const ids = await page.evaluate(() =>
			[...document.querySelectorAll('pre.mermaid > svg')].map((svg) => [...svg.querySelectorAll('g.node, g.cluster')].map((n) => n.id.slice(svg.id.length + 1).replace(/^flowchart-(.+)-\d+$/, '$1'))),
		);
		blocks.forEach((b, i) => {
			const drawn = b.analysis.resources.filter((r) => r.drawn).map((r) => mermaidIdFor(r.name));
			expect(ids[i]).toEqual(expect.arrayContaining(drawn));
		});
		expect(errors).toEqual([]);
		await page.close();
	});
});
