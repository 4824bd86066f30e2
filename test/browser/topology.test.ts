/**
 * Topology diagrams on the demo page with real Mermaid, once with the newest Mermaid 11 and once
 * with 11.4.1 (the oldest we promise): rendering, the public hooks, hover, details, trace, lint,
 * broken blocks, zoom, theme and injection.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { analyzeNote } from '../../src/core/topology';
import { launchBrowser, openDemo, pageErrors, type DemoPage } from './demo-page';
import { createNote, diagramsOf, modifyNote, noteWith, TEST_CONTAINERS, TEST_KUBERNETES, TEST_VPC, waitForDiagrams } from './topology-fixtures';

const VAULT = path.resolve(__dirname, '../../example-vault');

function exampleNotes(dir = VAULT): { path: string; text: string }[] {
	const out: { path: string; text: string }[] = [];
	for (const name of readdirSync(dir)) {
		if (name.startsWith('.')) continue;
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) out.push(...exampleNotes(full));
		else if (name.endsWith('.md')) out.push({ path: path.relative(VAULT, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') });
	}
	return out;
}

/** Luminance (0..1) of a CSS colour string as the browser reports it (`rgb(...)` or `#hex`). */
function luminanceOf(color: string): number {
	const hex = /^#([0-9a-f]{6})$/i.exec(color.trim());
	const rgb = hex ? [0, 2, 4].map((i) => parseInt((hex[1] ?? '').slice(i, i + 2), 16)) : (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
	const [r = 0, g = 0, b = 0] = rgb;
	return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe.each([
	['newest Mermaid 11', ''],
	['Mermaid 11.4.1', 'mermaid=11.4'],
	// Obsidian initialises its shared Mermaid before plugins draw (issue 11, item 6).
	['newest Mermaid 11 initialised as Obsidian does (dark theme, loose security, SVG labels)', 'mermaidInit=obsidian'],
])('topology diagrams with %s', (_label, query) => {
	let demo: DemoPage;
	beforeAll(async () => {
		demo = await openDemo(browser, query);
	});
	afterAll(async () => {
		await demo?.context.close();
	});

	test('every example block renders, and every drawn resource has exactly one [data-node-id]', async () => {
		const notes = exampleNotes().map((n) => ({ ...n, blocks: analyzeNote(n.text) })).filter((n) => n.blocks.length > 0);
		expect(notes.length).toBeGreaterThan(0);
		for (const note of notes) {
			await waitForDiagrams(demo.page, note.path, note.blocks.length);
			const rendered = await demo.page.evaluate((sel) => [...document.querySelectorAll(sel)].map((d) => ({
				kind: d.getAttribute('data-kind'),
				state: d.getAttribute('data-state'),
				ids: [...d.querySelectorAll('[data-node-id]')].map((e) => e.getAttribute('data-node-id')),
			})), diagramsOf(note.path));
			note.blocks.forEach((block, i) => {
				const shown = rendered[i];
				expect(shown?.kind).toBe(block.kind);
				expect(`${note.path} block ${block.block}: ${shown?.state}`).toBe(`${note.path} block ${block.block}: ok`);
				const drawn = block.analysis.resources.filter((r) => r.drawn).map((r) => r.name).sort();
				expect([...(shown?.ids ?? [])].sort()).toEqual(drawn);
			});
		}
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('a test VPC and a containers block render with one marker per resource', async () => {
		await createNote(demo.page, 'Tests/vpc.md', noteWith('vpc', TEST_VPC));
		await createNote(demo.page, 'Tests/containers.md', noteWith('containers', TEST_CONTAINERS));
		for (const [p, kind, text] of [['Tests/vpc.md', 'vpc', TEST_VPC], ['Tests/containers.md', 'containers', TEST_CONTAINERS]] as const) {
			const expected = analyzeNote(noteWith(kind, text))[0].analysis.resources.filter((r) => r.drawn).map((r) => r.name);
			expect(expected.length).toBeGreaterThan(5);
			const sel = diagramsOf(p);
			expect(await demo.page.getAttribute(sel, 'data-kind')).toBe(kind);
			for (const name of expected) expect(await demo.page.locator(`${sel} [data-node-id="${name}"]`).count()).toBe(1);
			expect(await demo.page.locator(`${sel} [data-node-id]`).count()).toBe(expected.length);
		}
	});

	test('a kubernetes block: namespaces, workloads, Services and the Ingress each have one marker; hover, details, trace, show denied', async () => {
		const p = 'Tests/kubernetes.md';
		await createNote(demo.page, p, noteWith('kubernetes', TEST_KUBERNETES));
		const sel = diagramsOf(p);
		expect(await demo.page.getAttribute(sel, 'data-kind')).toBe('kubernetes');
		const expected = analyzeNote(noteWith('kubernetes', TEST_KUBERNETES))[0].analysis.resources.filter((r) => r.drawn).map((r) => r.name);
		expect(expected).toEqual(expect.arrayContaining(['namespace/shop', 'shop/frontend', 'shop/api', 'shop/db', 'svc/shop/api', 'ingress/shop/shop', 'internet']));
		for (const name of expected) expect(await demo.page.locator(`${sel} [data-node-id="${name}"]`).count()).toBe(1);
		expect(await demo.page.locator(`${sel} [data-node-id]`).count()).toBe(expected.length);

		// Hover: the Service lights the workload it selects.
		await demo.page.hover(`${sel} [data-node-id="svc/shop/api"]`);
		await demo.page.waitForSelector(`${sel}.cloudnotes-has-highlight`);
		const lit = await demo.page.evaluate((s) => [...document.querySelectorAll(`${s} .cloudnotes-node.is-highlighted`)].map((e) => e.getAttribute('data-node-id')), sel);
		expect(lit).toEqual(expect.arrayContaining(['svc/shop/api', 'shop/api', 'ingress/shop/shop']));
		await demo.page.mouse.move(2, 2);

		// Keyboard: Enter on a workload shows its labels, ports and what isolates it.
		await demo.page.locator(`${sel} [data-node-id="shop/api"]`).focus();
		await demo.page.keyboard.press('Enter');
		const details = (await demo.page.textContent(`${sel} .cloudnotes-details`)) ?? '';
		expect(details).toContain('app=api');
		expect(details).toContain('http: 3000/TCP');
		expect(details).toMatch(/isolated by default-deny, from-ingress, api-ingress/);

		// Trace: frontend -> db is refused at frontend's egress, naming the policies.
		const tracePanel = `${sel} .cloudnotes-trace`;
		await demo.page.selectOption(`${tracePanel} select[data-trace="from"]`, 'shop/frontend');
		await demo.page.selectOption(`${tracePanel} select[data-trace="to"]`, 'shop/db');
		await demo.page.fill(`${tracePanel} input[data-trace="port"]`, '5432');
		await demo.page.selectOption(`${tracePanel} select[data-trace="proto"]`, 'tcp');
		await demo.page.click(`${tracePanel} button[data-trace="run"]`);
		await demo.page.waitForSelector(`${tracePanel} .cloudnotes-trace-verdict[data-verdict="refused"]`);
		expect(await demo.page.getAttribute(`${tracePanel} .cloudnotes-trace-blocked`, 'data-resource')).toBe('shop/frontend');
		expect((await demo.page.textContent(`${tracePanel} .cloudnotes-trace-summary`)) ?? '').toContain('default-deny, frontend-to-api');
		expect(await demo.page.locator(`${sel} [data-node-id="shop/frontend"].is-blocked`).count()).toBe(1);

		// A declared flow through the Ingress lights the path to the pods.
		await demo.page.click(`${tracePanel} button[data-flow="internet -> shop.example.com/api tcp/443"]`);
		await demo.page.waitForSelector(`${tracePanel} .cloudnotes-trace-verdict[data-verdict="allowed"]`);
		const path = await demo.page.evaluate((s) => [...document.querySelectorAll(`${s} .cloudnotes-node.is-highlighted`)].map((e) => e.getAttribute('data-node-id')), sel);
		expect(path).toEqual(expect.arrayContaining(['ingress/shop/shop', 'svc/shop/api', 'shop/api']));
		await demo.page.click(`${tracePanel} button[data-trace="clear"]`);

		// Show denied redraws with the refused pairs crossed out, and back.
		const edges = () => demo.page.locator(`${sel} .cloudnotes-viewport svg .flowchart-link`).count();
		const allowedOnly = await edges();
		await demo.page.click(`${sel} button[data-action="show-denied"]`);
		await demo.page.waitForSelector(`${sel} button[data-action="show-denied"][aria-pressed="true"]`);
		expect(await edges()).toBeGreaterThan(allowedOnly);
		await demo.page.click(`${sel} button[data-action="show-denied"]`);
		await demo.page.waitForSelector(`${sel} button[data-action="show-denied"][aria-pressed="false"]`);
		expect(await edges()).toBe(allowedOnly);
		// Other languages have no such toggle.
		expect(await demo.page.locator(`${diagramsOf('Tests/vpc.md')} button[data-action="show-denied"]`).count()).toBe(0);
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('hovering a node highlights its neighbours and dims the rest', async () => {
		const sel = diagramsOf('Tests/vpc.md');
		await demo.page.hover(`${sel} [data-node-id="alb"]`);
		await demo.page.waitForSelector(`${sel}.cloudnotes-has-highlight`);
		const state = await demo.page.evaluate((s) => {
			const cls = (n: string) => document.querySelector(`${s} [data-node-id="${n}"]`)?.getAttribute('class') ?? '';
			return { alb: cls('alb'), igw: cls('igw'), webA: cls('web-a'), webB: cls('web-b'), db: cls('db'), natA: cls('nat-a'), litEdges: document.querySelectorAll(`${s} .flowchart-link.is-highlighted`).length };
		}, sel);
		expect(state.alb).toContain('is-highlighted');
		expect(state.igw).toContain('is-highlighted');
		expect(state.webA).toContain('is-highlighted');
		expect(state.webB).toContain('is-highlighted');
		expect(state.db).toContain('is-dimmed');
		expect(state.natA).toContain('is-dimmed');
		expect(state.litEdges).toBeGreaterThanOrEqual(3);
		await demo.page.mouse.move(2, 2);
		await demo.page.waitForSelector(`${sel}:not(.cloudnotes-has-highlight)`);
	});

	test('clicking a subnet shows its CIDR and whether it is public or private', async () => {
		const sel = diagramsOf('Tests/vpc.md');
		const subnet = demo.page.locator(`${sel} [data-node-id="db-a"]`);
		const box = (await subnet.boundingBox())!;
		// The subnet's own area, clear of the node drawn inside it.
		await demo.page.mouse.click(box.x + 4, box.y + box.height - 4);
		const details = demo.page.locator(`${sel} .cloudnotes-details`);
		await expect(details.textContent()).resolves.toContain('10.0.20.0/24');
		const text = (await details.textContent()) ?? '';
		expect(text).toContain('db-a');
		expect(text).toMatch(/Private/);

		const pub = demo.page.locator(`${sel} [data-node-id="public-b"]`);
		await pub.focus();
		await demo.page.keyboard.press('Enter');
		const publicText = (await details.textContent()) ?? '';
		expect(publicText).toContain('10.0.2.0/24');
		expect(publicText).toMatch(/Public: 0\.0\.0\.0\/0 -> igw/);
	});

	test('nodes are reachable by Tab and carry labels; the toolbar buttons are labelled', async () => {
		const sel = diagramsOf('Tests/vpc.md');
		const info = await demo.page.evaluate((s) => {
			const nodes = [...document.querySelectorAll(`${s} [data-node-id]`)];
			return {
				focusable: nodes.every((n) => n.getAttribute('tabindex') === '0' && n.getAttribute('role') === 'button' && (n.getAttribute('aria-label') ?? '').includes(n.getAttribute('data-node-id') ?? '\u0000')),
				buttons: [...document.querySelectorAll(`${s} .cloudnotes-toolbar button`)].map((b) => b.getAttribute('aria-label')),
				wrapper: document.querySelector(s)?.getAttribute('aria-label'),
			};
		}, sel);
		expect(info.focusable).toBe(true);
		expect(info.buttons.every((l) => !!l && l.length > 2)).toBe(true);
		expect(info.wrapper).toContain('test-vpc');
	});

	test('a trace from the internet to the private database is refused and names the blocking resource', async () => {
		const sel = diagramsOf('Tests/vpc.md');
		const tracePanel = `${sel} .cloudnotes-trace`;
		await demo.page.selectOption(`${tracePanel} select[data-trace="from"]`, 'internet');
		await demo.page.selectOption(`${tracePanel} select[data-trace="to"]`, 'db');
		await demo.page.fill(`${tracePanel} input[data-trace="port"]`, '5432');
		await demo.page.selectOption(`${tracePanel} select[data-trace="proto"]`, 'tcp');
		await demo.page.click(`${tracePanel} button[data-trace="run"]`);
		await demo.page.waitForSelector(`${tracePanel} .cloudnotes-trace-verdict`);
		expect(await demo.page.getAttribute(`${tracePanel} .cloudnotes-trace-verdict`, 'data-verdict')).toBe('refused');
		const blocker = await demo.page.getAttribute(`${tracePanel} .cloudnotes-trace-blocked`, 'data-resource');
		expect(blocker).toBeTruthy();
		const summary = (await demo.page.textContent(`${tracePanel} .cloudnotes-trace-summary`)) ?? '';
		expect(summary).toContain(blocker!);
		expect((await demo.page.textContent(`${tracePanel} .cloudnotes-trace-blocked`)) ?? '').toContain(blocker!);
		// The refusing resource is marked in the drawing.
		expect(await demo.page.locator(`${sel} .cloudnotes-node.is-blocked`).count()).toBe(1);

		// A declared flow is one click, and an allowed one lights its path.
		await demo.page.click(`${tracePanel} button[data-flow="internet -> alb tcp/443"]`);
		await demo.page.waitForSelector(`${tracePanel} .cloudnotes-trace-verdict[data-verdict="allowed"]`);
		const lit = await demo.page.evaluate((s) => [...document.querySelectorAll(`${s} .cloudnotes-node.is-highlighted`)].map((e) => e.getAttribute('data-node-id')), sel);
		expect(lit).toEqual(expect.arrayContaining(['internet', 'alb']));
		expect(await demo.page.locator(`${sel} .cloudnotes-node.is-blocked`).count()).toBe(0);
		await demo.page.click(`${tracePanel} button[data-trace="clear"]`);
		expect(await demo.page.locator(`${sel}.cloudnotes-has-highlight`).count()).toBe(0);
	});

	test('zoom buttons change the view box; fit restores it', async () => {
		const sel = diagramsOf('Tests/vpc.md');
		const svg = `${sel} .cloudnotes-viewport > svg`;
		const fitted = await demo.page.getAttribute(svg, 'viewBox');
		await demo.page.click(`${sel} button[data-action="zoom-in"]`);
		const zoomedIn = await demo.page.getAttribute(svg, 'viewBox');
		expect(zoomedIn).not.toBe(fitted);
		const width = (vb: string | null) => Number((vb ?? '').split(' ')[2]);
		expect(width(zoomedIn)).toBeLessThan(width(fitted));
		await demo.page.click(`${sel} button[data-action="zoom-out"]`);
		await demo.page.click(`${sel} button[data-action="zoom-out"]`);
		expect(width(await demo.page.getAttribute(svg, 'viewBox'))).toBeGreaterThan(width(fitted));
		await demo.page.click(`${sel} button[data-action="fit"]`);
		expect(await demo.page.getAttribute(svg, 'viewBox')).toBe(fitted);
		await demo.page.click(`${sel} button[data-action="reset"]`);
		expect(await demo.page.getAttribute(svg, 'viewBox')).not.toBe(fitted);
		await demo.page.click(`${sel} button[data-action="fit"]`);
	});

	test('dragging pans; Ctrl + wheel zooms; a plain wheel leaves the diagram alone', async () => {
		const sel = diagramsOf('Tests/vpc.md');
		const svg = `${sel} .cloudnotes-viewport > svg`;
		await demo.page.locator(sel).scrollIntoViewIfNeeded();
		const before = await demo.page.getAttribute(svg, 'viewBox');
		const box = (await demo.page.locator(`${sel} .cloudnotes-viewport`).boundingBox())!;
		await demo.page.mouse.move(box.x + 20, box.y + 20);
		await demo.page.mouse.wheel(0, 200);
		expect(await demo.page.getAttribute(svg, 'viewBox')).toBe(before);
		await demo.page.mouse.move(box.x + 20, box.y + 20);
		await demo.page.mouse.down();
		await demo.page.mouse.move(box.x + 80, box.y + 50, { steps: 5 });
		await demo.page.mouse.up();
		const panned = await demo.page.getAttribute(svg, 'viewBox');
		expect(panned).not.toBe(before);
		expect(Number(panned!.split(' ')[0])).toBeLessThan(Number(before!.split(' ')[0]));
		await demo.page.keyboard.down('Control');
		await demo.page.mouse.wheel(0, -100);
		await demo.page.keyboard.up('Control');
		const zoomed = await demo.page.getAttribute(svg, 'viewBox');
		expect(Number(zoomed!.split(' ')[2])).toBeLessThan(Number(panned!.split(' ')[2]));
		await demo.page.click(`${sel} button[data-action="fit"]`);
	});

	test('lint results sit under the diagram, badge their nodes, and open the note at their line', async () => {
		const broken = TEST_VPC.replace('db: { subnet: db-a, security-groups: [db-sg], role: database }', 'db: { subnet: db-a, security-groups: [db-sg, missing-sg], role: database }\n  cache: { subnet: app-a, security-groups: [wide-sg] }').replace('security-groups:\n  alb-sg', 'security-groups:\n  wide-sg: { inbound: ["tcp 22 from 0.0.0.0/0"] }\n  alb-sg');
		await createNote(demo.page, 'Tests/lint.md', noteWith('vpc', broken));
		const sel = diagramsOf('Tests/lint.md');
		expect(await demo.page.getAttribute(sel, 'data-state')).toBe('ok');
		const items = await demo.page.evaluate((s) => [...document.querySelectorAll(`${s} .cloudnotes-lint .cloudnotes-lint-item`)].map((li) => ({ line: Number(li.getAttribute('data-line')), code: li.getAttribute('data-code'), text: li.textContent ?? '' })), sel);
		const expected = analyzeNote(noteWith('vpc', broken))[0].analysis.diagnostics;
		expect(items.map((i) => i.code)).toEqual(expected.map((d) => d.code));
		const missing = items.find((i) => i.text.includes('missing-sg'))!;
		expect(missing).toBeDefined();
		const noteLines = noteWith('vpc', broken).split('\n');
		expect(noteLines[missing.line - 1]).toContain('missing-sg');
		expect(await demo.page.locator(`${sel} [data-node-id="db"] .cloudnotes-badge`).count()).toBe(1);
		await demo.page.click(`${sel} .cloudnotes-lint-item[data-code="${missing.code}"] button`);
		await demo.page.waitForFunction((line) => document.querySelector('section.demo-note[data-path="Tests/lint.md"]')?.getAttribute('data-revealed-line') === String(line - 1), missing.line);
	});

	test('a broken block shows .cloudnotes-error with the note line, over the last good diagram', async () => {
		const p = 'Tests/broken.md';
		const good = noteWith('vpc', TEST_VPC, 'Broken later');
		await createNote(demo.page, p, good);
		expect(await demo.page.getAttribute(diagramsOf(p), 'data-state')).toBe('ok');
		// Line 7 of the note (`subnets:` is content line 4) gets an unclosed flow mapping.
		const lines = good.split('\n');
		const target = lines.findIndex((l) => l.startsWith('  public-a:'));
		lines[target] = '  public-a: { cidr: 10.0.1.0/24, zone: az-a';
		await modifyNote(demo.page, p, lines.join('\n'));
		await demo.page.waitForSelector(`${diagramsOf(p)} .cloudnotes-error`);
		const expected = analyzeNote(lines.join('\n'))[0].analysis.diagnostics.filter((d) => d.code === 'yaml-syntax');
		expect(expected.length).toBeGreaterThan(0);
		const shown = await demo.page.evaluate((s) => [...document.querySelectorAll(`${s} .cloudnotes-error li`)].map((li) => li.textContent ?? ''), diagramsOf(p));
		expect(shown[0]).toBe(`${expected[0].line}:${expected[0].column} ${expected[0].message}`);
		expect(expected[0].line).toBeGreaterThanOrEqual(target + 1);
		expect(await demo.page.locator(`${diagramsOf(p)} .cloudnotes-viewport.is-stale > svg`).count()).toBe(1);

		// A block broken from the start has no earlier picture to show.
		await createNote(demo.page, 'Tests/broken-new.md', noteWith('containers', 'services:\n  web: [oops\n'));
		const fresh = diagramsOf('Tests/broken-new.md');
		expect(await demo.page.locator(`${fresh} .cloudnotes-error`).count()).toBe(1);
		expect(await demo.page.locator(`${fresh} .cloudnotes-viewport`).count()).toBe(0);
		const firstItem = (await demo.page.textContent(`${fresh} .cloudnotes-error li`)) ?? '';
		expect(firstItem).toMatch(/^(4|5|6):\d+ /);
	});

	test('an unchanged block re-renders from the cache', async () => {
		const p = 'Tests/vpc.md';
		// Re-rendered afresh (as reopening the note does): saving an unchanged block does not
		// re-render it at all, in Obsidian and in the stand-in.
		await demo.page.evaluate((path) => (window as any).__demo.renderNote(path), p);
		await waitForDiagrams(demo.page, p, 1);
		expect(await demo.page.getAttribute(diagramsOf(p), 'data-cache')).toBe('hit');
		expect(Number(await demo.page.getAttribute(diagramsOf(p), 'data-mermaid-ms'))).toBe(0);
	});

	test('names with markup, directives and click statements render as text; no script runs', async () => {
		const hostile = `name: '<img src=x onerror="window.__pwned=1">'
cidr: 10.0.0.0/16
internet-gateway: 'igw"]; click igw call alert(1); x["'
subnets:
  '%%{init: {"securityLevel":"loose"}}%%': { cidr: 10.0.1.0/24, route-table: rt }
  'javascript:alert(1)': { cidr: 10.0.2.0/24 }
route-tables:
  rt: { 0.0.0.0/0: 'igw"]; click igw call alert(1); x["' }
instances:
  '<script>window.__pwned=2</script>': { subnet: 'javascript:alert(1)', security-groups: ['&lt;b&gt;'] }
security-groups:
  '&lt;b&gt;': { inbound: ['tcp 22 from 10.0.0.0/16'] }`;
		await createNote(demo.page, 'Tests/injection.md', noteWith('vpc', hostile));
		const sel = diagramsOf('Tests/injection.md');
		const result = await demo.page.evaluate((s) => {
			const root = document.querySelector(s)!;
			const all = [root, ...root.querySelectorAll('*')];
			return {
				state: root.getAttribute('data-state'),
				pwned: (window as any).__pwned ?? null,
				handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName}@${a.name}`)),
				scripts: root.querySelectorAll('script, iframe, img').length,
				jsLinks: all.filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? '')).length,
				ids: [...root.querySelectorAll('[data-node-id]')].map((e) => e.getAttribute('data-node-id')),
				text: root.querySelector('svg')?.textContent ?? '',
			};
		}, sel);
		expect(result.state).toBe('ok');
		expect(result.pwned).toBeNull();
		expect(result.handlers).toEqual([]);
		expect(result.scripts).toBe(0);
		expect(result.jsLinks).toBe(0);
		expect(result.ids).toEqual(expect.arrayContaining(['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=2</script>', 'javascript:alert(1)', '%%{init: {"securityLevel":"loose"}}%%']));
		expect(result.text).toContain('<script>window.__pwned=2</script>');
		// Clicking the node with the click statement in its name opens details, nothing else.
		await demo.page.locator(`${sel} [data-node-id="<script>window.__pwned=2</script>"]`).click();
		expect(await demo.page.textContent(`${sel} .cloudnotes-details`)).toContain('<script>window.__pwned=2</script>');
		expect(await demo.page.evaluate(() => (window as any).__pwned ?? null)).toBeNull();
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('the dark theme re-renders diagrams with dark colours', async () => {
		const sel = diagramsOf('Tests/vpc.md');
		const vpcFill = () => demo.page.evaluate((s) => {
			const cluster = document.querySelector(`${s} [data-node-id="test-vpc"]`);
			const rect = cluster?.querySelector('rect');
			return rect ? getComputedStyle(rect).fill : '';
		}, sel);
		const light = await vpcFill();
		expect(luminanceOf(light)).toBeGreaterThan(0.8);
		await demo.page.evaluate(() => (window as any).__demo.setTheme('dark'));
		await demo.page.waitForFunction((s) => {
			const rect = document.querySelector(`${s} [data-node-id="test-vpc"] rect`);
			return !!rect && getComputedStyle(rect).fill !== '' && document.querySelector(s)?.getAttribute('data-cache') === 'miss';
		}, sel);
		const dark = await vpcFill();
		expect(luminanceOf(dark)).toBeLessThan(0.3);
		const textColour = await demo.page.evaluate((s) => {
			const label = document.querySelector(`${s} [data-node-id="web-a"] .nodeLabel, ${s} [data-node-id="web-a"] text`);
			return label ? getComputedStyle(label).color : '';
		}, sel);
		expect(luminanceOf(textColour)).toBeGreaterThan(0.6);
		await demo.page.evaluate(() => (window as any).__demo.setTheme('light'));
		await demo.page.waitForFunction((s) => {
			const rect = document.querySelector(`${s} [data-node-id="test-vpc"] rect`);
			const channels = (rect ? getComputedStyle(rect).fill : '').match(/[\d.]+/g)?.slice(0, 3).map(Number) ?? [];
			return channels.length === 3 && channels.every((c) => c > 200);
		}, sel);
		expect(await pageErrors(demo)).toEqual([]);
	});
});
