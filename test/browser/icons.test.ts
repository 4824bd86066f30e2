/**
 * Icons (issue 15) on the demo page with real Mermaid, newest and 11.4.1: every drawn resource of
 * the example vault carries its icon (found by the icon's own class in the SVG), well-known
 * images show their logos, groups follow AWS's conventions, every interaction still works on
 * icon nodes, a theme switch redraws the icons in the new theme's colours, a Mermaid that
 * Obsidian initialised (its theme, its settings) still draws them, copied Mermaid text renders
 * the same with the pack, and the setting turns it all off.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { analyzeNote, toMermaid } from '../../src/core/topology';
import { launchBrowser, openDemo, pageErrors, type DemoPage } from './demo-page';
import { createNote, diagramsOf, noteWith, TEST_CONTAINERS, TEST_VPC, waitForDiagrams } from './topology-fixtures';

const VAULT = path.resolve(__dirname, '../../example-vault');
/** The test VPC in a region, so the Region group is drawn around it. */
const REGION_VPC = `region: ap-northeast-2\n${TEST_VPC}`;

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

/** The icon class a drawn resource must carry, by its type (and, for instances and services, by what it is). */
const ICON_FOR_TYPE: Record<string, RegExp> = {
	internet: /^cloudnotes-icon-internet$/,
	'internet-gateway': /^cloudnotes-icon-internet-gateway$/,
	'nat-gateway': /^cloudnotes-icon-nat-gateway$/,
	'load-balancer': /^cloudnotes-icon-(network-)?load-balancer$/,
	instance: /^cloudnotes-icon-(ec2-instance|bastion|database)$/,
	service: /^cloudnotes-(icon-container|icon-database|logo-[a-z0-9-]+)$/,
	network: /^cloudnotes-icon-network$/,
	volume: /^cloudnotes-icon-volume$/,
	// Groups: the icon in their corner.
	vpc: /^cloudnotes-icon-vpc$/,
	subnet: /^cloudnotes-icon-(public|private)-subnet$/,
	host: /^cloudnotes-icon-container-host$/,
	// Kubernetes: the community icons, by kind.
	workload: /^cloudnotes-icon-k8s-(pod|deployment|statefulset|daemonset|replicaset|job|cronjob)$/,
	ingress: /^cloudnotes-icon-k8s-ingress$/,
	namespace: /^cloudnotes-icon-k8s-namespace$/,
	'kubernetes:service': /^cloudnotes-icon-k8s-service$/,
	// What joins VPCs (several VPCs in one network).
	'vpc-peering': /^cloudnotes-icon-vpc-peering$/,
	'transit-gateway': /^cloudnotes-icon-transit-gateway$/,
	'gateway-endpoint': /^cloudnotes-icon-gateway-endpoint$/,
	'interface-endpoint': /^cloudnotes-icon-interface-endpoint$/,
	'vpn-gateway': /^cloudnotes-icon-vpn-gateway$/,
	'on-premises': /^cloudnotes-icon-on-premises$/,
	'aws-service': /^cloudnotes-icon-aws-service$/,
};

/** For every [data-node-id] of the diagrams under `sel`: its type and the icon classes inside it. */
async function iconsOf(demo: DemoPage, sel: string): Promise<{ id: string; type: string; icons: string[]; iconShape: boolean }[][]> {
	return demo.page.evaluate((s) => [...document.querySelectorAll(s)].map((d) => [...d.querySelectorAll('[data-node-id]')].map((el) => ({
		id: el.getAttribute('data-node-id') ?? '',
		type: el.getAttribute('data-type') ?? '',
		// A group's own icon is its direct child; a node's is anywhere inside it.
		icons: [...(el.classList.contains('cluster') ? el.querySelectorAll(':scope > .cloudnotes-group-icon > g') : el.querySelectorAll('.cloudnotes-icon, .cloudnotes-logo'))]
			.flatMap((g) => [...g.classList])
			.filter((c) => /^cloudnotes-(icon|logo)-/.test(c)),
		iconShape: el.classList.contains('icon-shape'),
	}))), sel);
}

async function setIcons(demo: DemoPage, on: boolean): Promise<void> {
	await demo.page.evaluate(async (value) => {
		const plugin = (window as any).__demo.plugin;
		plugin.settings.diagrams.icons = value;
		await plugin.saveSettings();
	}, on);
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const ICON_LANGUAGES = new Set(['vpc', 'containers', 'cloudformation', 'terraform', 'kubernetes']);
const GROUP_TYPES = ['vpc', 'subnet', 'host', 'namespace'];

describe.each([
	['newest Mermaid 11', ''],
	['Mermaid 11.4.1', 'mermaid=11.4'],
])('icons with %s', (_label, query) => {
	let demo: DemoPage;
	beforeAll(async () => {
		demo = await openDemo(browser, query);
	});
	afterAll(async () => {
		await demo?.context.close();
	});

	test('every drawn resource of the example vault has its icon, and each resource still has exactly one [data-node-id]', async () => {
		const notes = exampleNotes().map((n) => ({ ...n, blocks: analyzeNote(n.text) })).filter((n) => n.blocks.length > 0);
		expect(notes.length).toBeGreaterThan(0);
		const seenTypes = new Set<string>();
		for (const note of notes) {
			await waitForDiagrams(demo.page, note.path, note.blocks.length);
			const diagrams = await iconsOf(demo, diagramsOf(note.path));
			note.blocks.forEach((block, i) => {
				const shown = diagrams[i] ?? [];
				const drawn = block.analysis.resources.filter((r) => r.drawn);
				expect(shown.map((n) => n.id).sort()).toEqual(drawn.map((r) => r.name).sort());
				// Icons are drawn for every language (cloudformation and terraform through the vpc diagram).
				expect(ICON_LANGUAGES).toContain(block.kind);
				for (const node of shown) {
					const own = `${block.kind}:${node.type}`;
					seenTypes.add(own in ICON_FOR_TYPE ? own : node.type);
					const rule = ICON_FOR_TYPE[own] ?? ICON_FOR_TYPE[node.type];
					// An empty subnet is drawn by Mermaid as a plain box, not a group: no corner to put an icon in.
					if (node.type === 'subnet' && !node.icons.length) continue;
					expect({ id: node.id, type: node.type, ok: !!rule && node.icons.some((c) => rule.test(c)) }).toEqual({ id: node.id, type: node.type, ok: true });
					if (!GROUP_TYPES.includes(node.type)) expect(node.iconShape).toBe(true);
				}
			});
		}
		// The example vault draws every kind of resource we have an icon for.
		for (const type of Object.keys(ICON_FOR_TYPE)) expect(seenTypes).toContain(type);
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('well-known images show their logos; others the container or database icon', async () => {
		await createNote(demo.page, 'Icons/containers.md', noteWith('containers', TEST_CONTAINERS));
		await createNote(
			demo.page,
			'Icons/logos.md',
			noteWith('containers', 'services:\n  proxy:\n    image: nginx:1.27-alpine\n  db:\n    image: bitnami/postgresql:16\n  cache:\n    image: docker.io/library/redis@sha256:0123abcd\n  app:\n    image: ghcr.io/acme/shop-api:2.1\n  broker:\n    image: rabbitmq:3-management'),
		);
		const [nodes] = await iconsOf(demo, diagramsOf('Icons/logos.md'));
		const byId = new Map((nodes ?? []).map((n) => [n.id, n.icons]));
		expect(byId.get('proxy')).toContain('cloudnotes-logo-nginx');
		expect(byId.get('db')).toContain('cloudnotes-logo-postgresql');
		expect(byId.get('cache')).toContain('cloudnotes-logo-redis');
		expect(byId.get('broker')).toContain('cloudnotes-logo-rabbitmq');
		expect(byId.get('app')).toContain('cloudnotes-icon-container');
		// The logo is drawn, not a placeholder: its paths are inside the node.
		const logoPaths = await demo.page.locator(`${diagramsOf('Icons/logos.md')} [data-node-id="proxy"] .cloudnotes-logo-nginx path`).count();
		expect(logoPaths).toBeGreaterThan(0);
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('kubernetes kinds are drawn with the Kubernetes community icons, isolated workloads carry the network-policy badge', async () => {
		const note = '클라우드/Kubernetes 네트워크 정책.md';
		const sel = diagramsOf(note);
		await waitForDiagrams(demo.page, note, analyzeNote(readFileSync(path.join(VAULT, note), 'utf8')).length);
		// The note's second block is the whole shop (the first is a small recipe).
		const seen = await demo.page.evaluate((s) => {
			const svg = document.querySelectorAll<SVGSVGElement>(`${s} svg.cloudnotes-svg`)[1];
			if (!svg) return { nodes: [], namespaceIcons: 0 };
			// In the diagram's own units (the view may be zoomed to fit).
			const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
			const nodes = [...svg.querySelectorAll('[data-node-id].icon-shape')].map((node) => {
				const icon = node.querySelector('.cloudnotes-icon[class*="cloudnotes-icon-k8s-"]');
				// The heptagon is drawn (not Mermaid's placeholder), at the icon's size, on no tile.
				const heptagon = icon?.querySelector('path[fill="#326ce5"]');
				const box = heptagon?.getBoundingClientRect();
				const tile = node.querySelector(':scope > g > path, :scope > path');
				return {
					id: node.getAttribute('data-node-id'),
					icon: [...(icon?.classList ?? [])].find((c) => c.startsWith('cloudnotes-icon-k8s-')) ?? null,
					heptagonWidth: Math.round((box?.width ?? 0) / scale),
					tileFill: tile ? getComputedStyle(tile).fill : null,
					badge: node.querySelector('.cloudnotes-badge-icon title')?.textContent ?? null,
				};
			});
			const namespaceIcons = [...svg.querySelectorAll('g.cluster > .cloudnotes-group-icon .cloudnotes-icon-k8s-namespace')].length;
			return { nodes, namespaceIcons };
		}, sel);
		const k8s = seen.nodes.filter((n) => n.icon !== null);
		expect(k8s.length).toBeGreaterThan(3);
		for (const n of k8s) {
			expect(n.heptagonWidth).toBeGreaterThan(30);
			expect(n.tileFill).toBe('none');
		}
		expect(k8s.map((n) => n.icon)).toEqual(expect.arrayContaining(['cloudnotes-icon-k8s-deployment', 'cloudnotes-icon-k8s-service', 'cloudnotes-icon-k8s-ingress']));
		expect(seen.namespaceIcons).toBeGreaterThan(0);
		// `default-deny` selects every pod of shop; `api-ingress` only the api.
		const badges = k8s.filter((n) => n.badge !== null);
		expect(badges.length).toBeGreaterThan(0);
		for (const n of badges) expect(n.badge).toMatch(/^network policies: .*default-deny/);
		expect(badges.some((n) => /api-ingress/.test(n.badge ?? ''))).toBe(true);
		expect(k8s.filter((n) => n.icon !== 'cloudnotes-icon-k8s-deployment' && n.icon !== 'cloudnotes-icon-k8s-statefulset' && n.icon !== 'cloudnotes-icon-k8s-pod' && n.icon !== 'cloudnotes-icon-k8s-daemonset').every((n) => n.badge === null)).toBe(true);
		const diagram = demo.page.locator(sel).nth(1);
		await diagram.locator('button[data-action="legend"]').click();
		const entries = await diagram.locator('.cloudnotes-legend li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-icon')));
		expect(entries).toEqual(expect.arrayContaining(['k8s-namespace', 'k8s-service', 'k8s-ingress', 'k8s-deployment', 'k8s-network-policy']));
		await diagram.locator('button[data-action="legend"]').click();
		await diagram.locator('svg.cloudnotes-svg').screenshot({ path: path.join(tmpdir(), `cloudnotes-icons-kubernetes${query ? '-11.4' : ''}.png`) });
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('a Compose port bound to 127.0.0.1 points from the host machine icon', async () => {
		await createNote(demo.page, 'Icons/localhost.md', noteWith('containers', 'services:\n  admin:\n    image: adminer\n    ports: ["127.0.0.1:8080:8080"]'));
		const sel = diagramsOf('Icons/localhost.md');
		await demo.page.waitForFunction((s) => !!document.querySelector(`${s} svg.cloudnotes-svg`), sel);
		const icons = await demo.page.evaluate((s) => [...document.querySelectorAll(`${s} g.icon-shape`)].filter((g) => /z_localhost/.test(g.id)).map((g) => !!g.querySelector('.cloudnotes-icon-container-host')), sel);
		expect(icons).toEqual([true]);
	});

	test('AWS groups: Region > VPC > zone > subnet, public green and private blue borders, labels in the corner, and a legend', async () => {
		await createNote(demo.page, 'Icons/vpc.md', noteWith('vpc', REGION_VPC));
		const sel = diagramsOf('Icons/vpc.md');
		const groups = await demo.page.evaluate((s) => {
			const svg = document.querySelector(`${s} svg.cloudnotes-svg`)!;
			const info = (el: Element | null) => {
				const rect = el?.querySelector(':scope > rect');
				const label = el?.querySelector(':scope > .cluster-label');
				const x = Number(rect?.getAttribute('x'));
				const lx = Number(/translate\(\s*(-?[\d.]+)/.exec(label?.getAttribute('transform') ?? '')?.[1]);
				return { stroke: rect ? getComputedStyle(rect).stroke : '', dash: rect ? getComputedStyle(rect).strokeDasharray : '', labelOffset: lx - x, width: Number(rect?.getAttribute('width')) };
			};
			const region = [...svg.querySelectorAll('g.cluster')].find((g) => /(^|-)z_region$/.test(g.id)) ?? null;
			return {
				region: info(region),
				regionHoldsVpc: !!region?.parentElement?.querySelector('[data-node-id="test-vpc"]'),
				vpc: info(svg.querySelector('[data-node-id="test-vpc"]')),
				publicSubnet: info(svg.querySelector('[data-node-id="public-a"]')),
				privateSubnet: info(svg.querySelector('[data-node-id="app-a"]')),
			};
		}, sel);
		const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
		const [pr, pg, pb] = rgb(groups.publicSubnet.stroke);
		expect(pg).toBeGreaterThan(Math.max(pr ?? 0, pb ?? 0));
		const [vr, vg, vb] = rgb(groups.privateSubnet.stroke);
		expect(vb).toBeGreaterThan(Math.max(vr ?? 0, vg ?? 0));
		expect(groups.region.dash).not.toBe('none');
		expect(groups.vpc.dash).toBe('none');
		expect(groups.publicSubnet.dash).toBe('none');
		// Labels start near the left border (after the corner icon), not centred.
		for (const g of [groups.region, groups.vpc, groups.publicSubnet]) expect(g.labelOffset).toBeLessThan(40);
		// Holders of security groups carry the shield badge, naming their groups.
		expect(await demo.page.textContent(`${sel} [data-node-id="web-a"] .cloudnotes-badge-icon title`)).toBe('security groups: web-sg');
		expect(await demo.page.locator(`${sel} [data-node-id="igw"] .cloudnotes-badge-icon`).count()).toBe(0);
		// The legend is hidden until its button is pressed, and names what the diagram uses.
		const legend = `${sel} .cloudnotes-legend`;
		expect(await demo.page.isVisible(legend)).toBe(false);
		await demo.page.click(`${sel} button[data-action="legend"]`);
		expect(await demo.page.isVisible(legend)).toBe(true);
		const entries = await demo.page.locator(`${legend} li`).evaluateAll((lis) => lis.map((li) => li.getAttribute('data-icon')));
		expect(entries).toEqual(expect.arrayContaining(['region', 'vpc', 'public-subnet', 'private-subnet', 'internet-gateway', 'nat-gateway', 'load-balancer', 'ec2-instance', 'database', 'security-group']));
		await demo.page.click(`${sel} button[data-action="legend"]`);
		expect(await demo.page.isVisible(legend)).toBe(false);
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('hover, click, keyboard and trace highlighting work on icon nodes', async () => {
		const sel = diagramsOf('Icons/vpc.md');
		const web = `${sel} [data-node-id="web-a"]`;
		expect(await demo.page.getAttribute(web, 'class')).toContain('icon-shape');
		await demo.page.hover(web);
		await demo.page.waitForFunction((s) => document.querySelector(s)?.classList.contains('is-hovering'), sel);
		await demo.page.click(web);
		expect(await demo.page.textContent(`${sel} .cloudnotes-details`)).toContain('web-a');
		await demo.page.mouse.move(1, 1);
		await demo.page.focus(`${sel} [data-node-id="db"]`);
		await demo.page.keyboard.press('Enter');
		expect(await demo.page.textContent(`${sel} .cloudnotes-details`)).toContain('db');
		await demo.page.locator(`${sel} select[data-trace="from"]`).selectOption('web-a');
		await demo.page.locator(`${sel} select[data-trace="to"]`).selectOption('db');
		await demo.page.locator(`${sel} input[data-trace="port"]`).fill('5432');
		await demo.page.locator(`${sel} button[data-trace="run"]`).click();
		await demo.page.waitForFunction((s) => document.querySelector(`${s} [data-node-id="db"]`)?.classList.contains('is-highlighted'), sel);
		expect(await demo.page.getAttribute(`${sel} [data-node-id="web-a"]`, 'class')).toContain('is-highlighted');
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('a theme switch redraws the icons in the new theme colours', async () => {
		const sel = diagramsOf('Icons/vpc.md');
		const tile = () =>
			demo.page.evaluate((s) => {
				const node = document.querySelector(`${s} [data-node-id="web-a"]`);
				const path = node?.querySelector(':scope > g > path');
				const glyph = node?.querySelector('.cloudnotes-icon-ec2-instance')?.closest('g[style]');
				return { fill: path ? getComputedStyle(path).fill : '', glyph: glyph ? getComputedStyle(glyph).color : '' };
			}, sel);
		const light = await tile();
		expect(light.fill).not.toBe('');
		await demo.page.evaluate(() => (window as any).__demo.setTheme('dark'));
		await demo.page.waitForFunction((s) => document.querySelector(s)?.getAttribute('data-cache') === 'miss' && !!document.querySelector(`${s} [data-node-id="web-a"].icon-shape`), sel);
		await demo.page.waitForFunction(([s, before]) => {
			const path = document.querySelector(`${s} [data-node-id="web-a"] > g > path`);
			return !!path && getComputedStyle(path).fill !== before;
		}, [sel, light.fill] as const);
		const dark = await tile();
		expect(dark.fill).not.toBe(light.fill);
		expect(dark.glyph).not.toBe(light.glyph);
		expect(await demo.page.locator(`${sel} [data-node-id="web-a"] .cloudnotes-icon-ec2-instance`).count()).toBe(1);
		await demo.page.evaluate(() => (window as any).__demo.setTheme('light'));
		await demo.page.waitForFunction(([s, before]) => {
			const path = document.querySelector(`${s} [data-node-id="web-a"] > g > path`);
			return !!path && getComputedStyle(path).fill === before;
		}, [sel, light.fill] as const);
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('copied Mermaid text says it needs the pack and renders the same icons with it registered', async () => {
		// The text copy-mermaid copies for the test VPC with icons on (the export path calls the core so).
		const model = analyzeNote(noteWith('vpc', REGION_VPC))[0].analysis.model!;
		const copied = toMermaid(model, { icons: true }).text;
		expect(copied.split('\n')[1]).toMatch(/^%% Icons: .*cloudnotes/);
		const rendered = await demo.page.evaluate(async (t) => {
			const { svg } = await (window as any).mermaid.render('cn-copied-check', t);
			const doc = new DOMParser().parseFromString(svg, 'text/html');
			return [...doc.querySelectorAll('.cloudnotes-icon')].map((g) => [...g.classList].find((c) => c.startsWith('cloudnotes-icon-'))).sort();
		}, copied);
		// Node icons come from Mermaid in both; the security group shields are the plugin's decor on top.
		const inPlugin = await demo.page.evaluate(
			(s) => [...document.querySelectorAll(`${s} .icon-shape .cloudnotes-icon`)].filter((g) => !g.closest('.cloudnotes-badge-icon')).map((g) => [...g.classList].find((c) => c.startsWith('cloudnotes-icon-'))).sort(),
			diagramsOf('Icons/vpc.md'),
		);
		expect(rendered).toEqual(inPlugin);
		expect(rendered.length).toBeGreaterThan(5);
	});

	test('a Mermaid that Obsidian initialised (its own theme and settings) still draws our icons', async () => {
		await demo.page.evaluate(() => {
			// What Obsidian does to its Mermaid at start-up and on a theme change: initialize with its theme.
			(window as any).mermaid.initialize({ startOnLoad: false, theme: 'dark', securityLevel: 'strict', fontFamily: 'sans-serif', flowchart: { htmlLabels: true, useMaxWidth: false } });
		});
		await setIcons(demo, false);
		await demo.page.waitForFunction((s) => document.querySelector(`${s} [data-node-id="web-a"]`)?.classList.contains('node'), diagramsOf('Icons/vpc.md'));
		await setIcons(demo, true);
		await demo.page.waitForFunction((s) => !!document.querySelector(`${s} [data-node-id="web-a"] .cloudnotes-icon-ec2-instance`), diagramsOf('Icons/vpc.md'));
		const [nodes] = await iconsOf(demo, diagramsOf('Icons/logos.md'));
		expect(new Map((nodes ?? []).map((n) => [n.id, n.icons])).get('proxy')).toContain('cloudnotes-logo-nginx');
		expect(await pageErrors(demo)).toEqual([]);
	});

	test('setting Icons off draws today\'s diagrams: no icon shapes, no group icons, no legend', async () => {
		await setIcons(demo, false);
		const sel = diagramsOf('Icons/vpc.md');
		await demo.page.waitForFunction((s) => document.querySelector(`${s} [data-node-id="web-a"]`)?.classList.contains('node'), sel);
		const counts = await demo.page.evaluate((s) => ({
			iconShapes: document.querySelectorAll(`${s} .icon-shape`).length,
			icons: document.querySelectorAll(`${s} .cloudnotes-icon, ${s} .cloudnotes-logo, ${s} .cloudnotes-group-icon`).length,
			legend: document.querySelectorAll(`${s} button[data-action="legend"]`).length,
			nodes: document.querySelectorAll(`${s} [data-node-id]`).length,
		}), sel);
		expect(counts).toEqual({ iconShapes: 0, icons: 0, legend: 0, nodes: expect.any(Number) });
		expect(counts.nodes).toBeGreaterThan(5);
		await setIcons(demo, true);
		await demo.page.waitForFunction((s) => !!document.querySelector(`${s} [data-node-id="web-a"].icon-shape`), sel);
		expect(await pageErrors(demo)).toEqual([]);
	});
});

describe('icons on a Mermaid that Obsidian initialised before the plugin loaded', () => {
	test.each([
		['newest Mermaid 11', ''],
		['Mermaid 11.4.1', 'mermaid=11.4'],
	])('%s: initialised with a dark theme before our first render, it still draws every icon', async (_label, query) => {
		const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
		// Obsidian initialises its Mermaid as the app starts, long before a plugin renders anything:
		// initialise the global Mermaid the moment its script defines it.
		await context.addInitScript(() => {
			let held: any;
			Object.defineProperty(window, 'mermaid', {
				configurable: true,
				get: () => held,
				set: (m) => {
					held = m;
					m.initialize({ startOnLoad: false, theme: 'dark', securityLevel: 'strict', flowchart: { htmlLabels: true, useMaxWidth: false } });
				},
			});
		});
		const demo = await openDemo(browser, query, context);
		try {
			// The page's Mermaid really is the initialised one.
			// (The site config: each of our diagrams carries its own frontmatter config, which Mermaid applies per render.)
			expect(await demo.page.evaluate(() => (window as any).mermaid.mermaidAPI.getSiteConfig().theme)).toBe('dark');
			await createNote(demo.page, 'Icons/early.md', noteWith('vpc', REGION_VPC));
			const [nodes] = await iconsOf(demo, diagramsOf('Icons/early.md'));
			const web = (nodes ?? []).find((n) => n.id === 'web-a');
			expect(web?.icons).toContain('cloudnotes-icon-ec2-instance');
			expect((nodes ?? []).filter((n) => n.iconShape).length).toBeGreaterThan(5);
			expect(await pageErrors(demo)).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
