import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { analyzeTopology, mermaidIdFor, resourceForMermaidId, toMermaid, type MermaidDiagram } from '../../../src/core/topology';
import { escapeLabel, safeColor, shortIds } from '../../../src/core/topology/shared/mermaid-text';
import { containers, modelOf, SHOP, vpc } from './fixtures';
import { readMermaid } from '../properties/mermaid-grammar';

const EVIL = ['<img src=x onerror=alert(1)>', '"]; click a call alert()', '%%{init: {"theme":"dark"}}%%', 'javascript:alert(1)', 'a`b`', 'two\nlines', 'end', 'x|y', '#quot;'];

/** A VPC whose every name, zone and role is hostile text. */
function evilVpc(): string {
	const lines = ['name: "vpc <b>"', 'cidr: 10.0.0.0/16', 'internet-gateway: "igw ]]"', 'subnets:'];
	EVIL.forEach((e, i) => lines.push(`  ${JSON.stringify(`${e} s`)}: { cidr: 10.0.${i}.0/24, zone: ${JSON.stringify(`${e} z`)}, route-table: rt }`));
	lines.push('route-tables:', '  rt: { 0.0.0.0/0: "igw ]]" }', 'instances:');
	EVIL.forEach((e) => lines.push(`  ${JSON.stringify(e)}: { subnet: ${JSON.stringify(`${e} s`)}, public-ip: true, role: ${JSON.stringify(e)}, security-groups: [sg] }`));
	lines.push('security-groups:', '  sg: { inbound: ["tcp 443 from 0.0.0.0/0", "tcp 22 from sg"] }');
	return lines.join('\n');
}

function evilCompose(): string {
	const lines = [`host: { name: ${JSON.stringify(EVIL[2])}, os: ${JSON.stringify(EVIL[0])} }`, 'services:'];
	EVIL.forEach((e, i) => lines.push(`  ${JSON.stringify(e)}: { image: ${JSON.stringify(`${e}:1`)}, ports: ["${8000 + i}:80"], networks: [${JSON.stringify(`${e} n`)}], volumes: [${JSON.stringify(`v${i}:/data`)}] }`));
	lines.push('networks:', ...EVIL.map((e) => `  ${JSON.stringify(`${e} n`)}: {}`), 'volumes:', ...EVIL.map((_, i) => `  v${i}: {}`));
	return lines.join('\n');
}

/** Lines that define a node or subgraph with this id. */
function definitions(text: string, id: string): number {
	return text.split('\n').filter((l) => new RegExp(`^\\s*(subgraph )?${id}[\\[({]`).test(l)).length;
}

function checkOneElementPerResource(a: ReturnType<typeof vpc>, d: MermaidDiagram): void {
	const drawn = a.resources.filter((r) => r.drawn).map((r) => r.name);
	expect(d.nodes.map((n) => n.resource).sort()).toEqual([...drawn].sort());
	for (const node of d.nodes) {
		expect(node.mermaidId).toBe(mermaidIdFor(node.resource));
		expect(definitions(d.text, node.mermaidId)).toBe(1);
	}
	expect(new Set(d.nodes.map((n) => n.mermaidId)).size).toBe(d.nodes.length);
}

describe('Mermaid ids', () => {
	it('are reversible, [A-Za-z0-9_] only and prefixed so no id is a keyword', () => {
		for (const name of ['web', 'public-a', '웹서버', 'end', 'a_b', '__', '', '🚀', ...EVIL]) {
			const id = mermaidIdFor(name);
			expect(id).toMatch(/^r_[A-Za-z0-9_]*$/);
			expect(resourceForMermaidId(id)).toBe(name);
		}
		expect(mermaidIdFor('public-a')).toBe('r_public_2d_a');
	});

	it('round-trip any Unicode string and never collide (property)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (a, b) => {
				expect(resourceForMermaidId(mermaidIdFor(a))).toBe(a);
				if (a !== b) expect(mermaidIdFor(a)).not.toBe(mermaidIdFor(b));
			}),
		);
	});

	it('rejects ids that are not ours', () => {
		expect(resourceForMermaidId('z_0')).toBeNull();
		expect(resourceForMermaidId('flowchart-web-0')).toBeNull();
		expect(resourceForMermaidId('r_a_zz_')).toBeNull();
	});
});

describe('toMermaid for a VPC', () => {
	const a = vpc(SHOP);
	const d = toMermaid(modelOf(a));

	it('draws every drawn resource exactly once with its own id, zones with z_ ids outside `nodes`', () => {
		checkOneElementPerResource(a, d);
		expect(d.text).toMatch(/^flowchart TB\n/);
		expect(d.text).toContain('subgraph z_0["ap-northeast-2a"]');
		expect(d.nodes.some((n) => n.mermaidId.startsWith('z_'))).toBe(false);
		expect(d.nodes.find((n) => n.resource === 'public-a')?.shape).toBe('cluster');
		expect(d.nodes.find((n) => n.resource === 'db')?.shape).toBe('node');
	});

	it('nests VPC > zone > subnet and styles public and private subnets apart', () => {
		const lines = d.text.split('\n');
		const at = (s: string) => lines.findIndex((l) => l.includes(s));
		expect(at('subgraph r_shop[')).toBeLessThan(at('subgraph z_0['));
		expect(at('subgraph z_0[')).toBeLessThan(at('subgraph r_public_2d_a['));
		expect(lines[at('r_db[(')]?.match(/^\t+/)?.[0].length).toBe(4);
		const style = (id: string) => lines.find((l) => l.trim().startsWith(`style ${id} `)) ?? '';
		expect(style('r_public_2d_a')).not.toBe(style('r_app_2d_a').replace('r_app_2d_a', 'r_public_2d_a'));
		expect(d.text).toContain('r_db[("db<br/>database")]');
	});

	it('draws routes, the load balancer path and security group references as labelled edges, in text order', () => {
		expect(d.edges).toEqual([
			{ from: 'internet', to: 'igw', label: '' },
			{ from: 'public-a', to: 'igw', label: '0.0.0.0/0' },
			{ from: 'public-c', to: 'igw', label: '0.0.0.0/0' },
			{ from: 'app-a', to: 'nat-a', label: '0.0.0.0/0' },
			{ from: 'igw', to: 'alb', label: 'tcp 80,443' },
			{ from: 'alb', to: 'web', label: 'tcp 8080' },
			{ from: 'igw', to: 'bastion', label: 'tcp 22 from 203.0.113.0/24' },
			{ from: 'bastion', to: 'web', label: 'tcp 22' },
			{ from: 'web', to: 'db', label: 'tcp 3306' },
		]);
		const edgeLines = d.text.split('\n').filter((l) => /-->|<-->|---|-\.->/.test(l));
		expect(edgeLines).toHaveLength(d.edges.length);
		expect(edgeLines[1]?.trim()).toBe('r_public_2d_a -->|"0.0.0.0/0"| r_igw');
	});

	it('puts given colours into classDef/style lines, converting rgb() and dropping anything unsafe', () => {
		const colored = toMermaid(modelOf(a), { colors: { publicSubnet: 'rgb(10, 20, 30)', privateSubnet: 'red;click r_web call alert()', line: '#123456' } });
		expect(colored.text).toMatch(/style r_public_2d_a fill:#0a141e,stroke:#123456/);
		expect(colored.text).not.toContain('click');
		expect(colored.text).toMatch(/style r_app_2d_a fill:#e8eef8/);
		expect(safeColor('hsl(0, 100%, 50%)')).toBe('#ff0000');
		expect(safeColor('var(--x)')).toBeNull();
	});

	it('refuses to draw a block over the size limit', () => {
		const subnets = Array.from({ length: 1001 }, (_, i) => `  s${i}: { cidr: 10.0.${i % 256}.${Math.floor(i / 256) * 16}/28 }`).join('\n');
		const big = analyzeTopology('vpc', `name: big\ncidr: 10.0.0.0/16\nsubnets:\n${subnets}`, 1);
		const diagram = toMermaid(modelOf(big));
		expect(diagram.text).toBe('');
		expect(diagram.refusal).toMatch(/too large/);
	});
});

describe('label escaping', () => {
	it('turns every special character into a Mermaid entity and strips line breaks', () => {
		expect(escapeLabel('<a href="x">#1 & 50%</a>')).toBe('#lt;a href=#quot;x#quot;#gt;#35;1 #amp; 50#37;#lt;/a#gt;');
		expect(escapeLabel('a\nb\u2028c`d')).toBe('a b c#96;d');
	});

	it('leaves no way out of a label for hostile names (VPC and containers)', () => {
		for (const [kind, source] of [['vpc', evilVpc()], ['containers', evilCompose()]] as const) {
			const analysis = analyzeTopology(kind, source, 1);
			const diagram = toMermaid(modelOf(analysis));
			checkOneElementPerResource(analysis, diagram);
			expect(diagram.text).not.toMatch(/<img|%%|`|javascript:alert\(/);
			expect(diagram.text.split('\n').some((l) => /^\s*click\b/.test(l))).toBe(false);
			// Every quoted label closes on the same line: no name can add a statement.
			for (const line of diagram.text.split('\n')) expect((line.match(/"/g) ?? []).length % 2).toBe(0);
		}
	});
});

describe('toMermaid for containers', () => {
	const a = containers(`
	host: { name: app-server, os: Ubuntu 24.04 }
	services:
	  web: { image: "nginx:1.27", ports: ["8080:80", "127.0.0.1:9000:9000"], networks: [front], depends_on: [db] }
	  db: { image: "postgres:16", networks: [back], volumes: ["pg:/var/lib/postgresql/data"] }
	  worker: { image: "app:1", networks: [front, back] }
	networks:
	  front: {}
	  back: { internal: true }
	volumes:
	  pg: {}
	`);
	const d = toMermaid(modelOf(a));

	it('groups services, networks and volumes in the host subgraph, each once', () => {
		checkOneElementPerResource(a, d);
		expect(d.text).toMatch(/^flowchart LR\n/);
		expect(d.nodes.find((n) => n.resource === 'app-server')?.shape).toBe('cluster');
		expect(d.text).toContain('r_back{{"back<br/>internal network"}}');
		expect(d.text).toContain('r_pg[("pg<br/>volume")]');
	});

	it('draws published ports from the internet (or localhost), network links, mounts and dependencies', () => {
		expect(d.edges).toEqual([
			{ from: 'internet', to: 'web', label: '8080→80/tcp' },
			{ from: 'app-server', to: 'web', label: '9000→9000/tcp' },
			{ from: 'web', to: 'front', label: '' },
			{ from: 'db', to: 'back', label: '' },
			{ from: 'worker', to: 'front', label: '' },
			{ from: 'worker', to: 'back', label: '' },
			{ from: 'db', to: 'pg', label: '/var/lib/postgresql/data' },
			{ from: 'web', to: 'db', label: 'depends on' },
		]);
		expect(d.text).toContain('z_localhost -->|"9000→9000/tcp"| r_web');
	});
});

describe('Mermaid itself accepts the text', () => {
	// Real Mermaid (11.17 and the 11.4 alias) parses in Node with a jsdom window; layout needs a browser.
	const script = `
import { createRequire } from 'module';
const require = createRequire(process.cwd() + '/package.json');
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><body></body>');
globalThis.window = dom.window; globalThis.document = dom.window.document;
for (const k of ['Element', 'HTMLElement', 'SVGElement', 'DOMParser']) globalThis[k] = dom.window[k];
const fs = await import('fs');
const [pkg, file] = process.argv.slice(-2);
const { default: mermaid } = await import(process.cwd() + '/node_modules/' + pkg + '/dist/mermaid.core.mjs');
mermaid.initialize({ startOnLoad: false });
const failures = [];
for (const text of JSON.parse(fs.readFileSync(file, 'utf8'))) {
	try { await mermaid.parse(text); } catch (e) { failures.push(String(e && e.message || e).slice(0, 200)); }
}
console.log(JSON.stringify(failures));
`;
	const texts = [
		toMermaid(modelOf(vpc(SHOP))).text,
		toMermaid(modelOf(analyzeTopology('vpc', evilVpc(), 1))).text,
		toMermaid(modelOf(analyzeTopology('containers', evilCompose(), 1))).text,
		toMermaid(modelOf(vpc('name: 빈-vpc\ncidr: 10.0.0.0/16\nsubnets:\n  a: { cidr: 10.0.1.0/24 }'))).text,
	];
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cn-mermaid-')), 'texts.json');
	fs.writeFileSync(file, JSON.stringify(texts));

	it.each(['mermaid', 'mermaid-11-4'])('%s parses every generated diagram', (pkg) => {
		const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, '--', pkg, file], { cwd: path.resolve(__dirname, '../../..'), encoding: 'utf8' });
		expect(JSON.parse(out.trim().split('\n').pop() ?? '[]')).toEqual([]);
	});
});

describe('shortIds', () => {
	it('hashes each id, so the same name gives the same id, and a clash takes X and a count', () => {
		const [a, b] = shortIds(['r_web', 'r_db']);
		expect(a).toMatch(/^h[0-9a-z]+$/);
		expect(shortIds(['r_db', 'r_web'])).toEqual([b, a]);
		expect(shortIds(['r_web', 'r_web', 'r_web'])).toEqual([a, `${a}X2`, `${a}X3`]);
	});
});

describe('size', () => {
	it('keeps a 500-resource VPC under Mermaid\'s text and edge caps by dropping reference edges first', () => {
		const lines = ['name: big', 'cidr: 10.0.0.0/16', 'internet-gateway: igw', 'subnets:'];
		for (let i = 0; i < 100; i++) lines.push(`  s${i}: { cidr: 10.0.${i}.0/24, zone: az-${i % 3}, route-table: rt }`);
		lines.push('route-tables:', '  rt: { 0.0.0.0/0: igw }', 'instances:');
		for (let i = 0; i < 350; i++) lines.push(`  i${i}: { subnet: s${i % 100}, security-groups: [sg${i % 49}] }`);
		lines.push('security-groups:');
		for (let i = 0; i < 49; i++) lines.push(`  sg${i}: { inbound: ["tcp 443 from 0.0.0.0/0", "tcp 8080 from sg${(i + 1) % 49}"] }`);
		const a = analyzeTopology('vpc', lines.join('\n'), 1);
		expect(a.resources.length).toBeGreaterThan(500);
		const d = toMermaid(modelOf(a));
		expect(d.text.length).toBeGreaterThan(0);
		expect(d.text.length).toBeLessThan(50_000);
		expect(d.edges.length).toBeLessThanOrEqual(450);
		expect(d.edges.filter((e) => e.label === '0.0.0.0/0')).toHaveLength(100);
	});

	it('writes a block too big for Mermaid\'s text cap with readable ids again with short ones, each resource still drawn once', () => {
		const lines = ['name: long-names', 'cidr: 10.0.0.0/16', 'internet-gateway: igw', 'subnets:'];
		for (let i = 0; i < 40; i++) lines.push(`  private-application-subnet-${i}: { cidr: 10.0.${i}.0/24, zone: ap-northeast-2${'ac'[i % 2]}, route-table: rt }`);
		lines.push('route-tables:', '  rt: { 0.0.0.0/0: igw }', 'instances:');
		for (let i = 0; i < 300; i++) lines.push(`  payment-api-application-server-${i}: { subnet: private-application-subnet-${i % 40}, security-groups: [app-sg] }`);
		lines.push('security-groups:', '  app-sg: { inbound: ["tcp 443 from 0.0.0.0/0"] }');
		const a = analyzeTopology('vpc', lines.join('\n'), 1);
		const d = toMermaid(modelOf(a));
		expect(d.refusal).toBeUndefined();
		expect(d.text.length).toBeLessThan(50_000);
		const read = readMermaid(d.text);
		// Short ids: `h` and a base-36 hash of the name, none repeated.
		const ids = read.definitions.map((def) => def.id);
		expect(ids.every((id) => /^h[0-9a-z]+(X\d+)?$/.test(id))).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
		// The generator's node list still says which id is which resource, once per drawn resource.
		const byId = new Map(d.nodes.map((n) => [n.mermaidId, n.resource]));
		expect(d.nodes).toHaveLength(1 + 1 + 1 + 40 + 300); // internet, vpc, igw, subnets, instances
		expect(new Set(d.nodes.map((n) => n.resource)).size).toBe(d.nodes.length);
		for (const def of read.definitions) if (byId.has(def.id)) expect(def.label[0]).toContain(byId.get(def.id)!.split(' ')[0]);
		for (const edge of read.edges) expect(ids).toContain(edge.from);

		// Derived from the names: the same resource keeps its id when others come and go.
		const fewer = toMermaid(modelOf(analyzeTopology('vpc', lines.filter((l) => !l.includes('server-299:')).join('\n'), 1)));
		const idOf = (diagram: MermaidDiagram, name: string) => diagram.nodes.find((n) => n.resource === name)?.mermaidId;
		expect(idOf(fewer, 'payment-api-application-server-7')).toBe(idOf(d, 'payment-api-application-server-7'));

		// A small block keeps its readable ids.
		expect(toMermaid(modelOf(analyzeTopology('vpc', SHOP, 1))).text).toContain(mermaidIdFor('web'));
	});

	it('reports too-large for a block over the character limit, and checks it anyway', () => {
		const a = analyzeTopology('vpc', `name: v\ncidr: 10.0.0.0/8\n# ${'x'.repeat(200_001)}`, 1);
		expect(a.diagnostics.map((d) => d.code)).toEqual(['too-large', 'invalid-cidr']);
		expect(toMermaid(modelOf(a)).text).toBe('');
	});
});

describe('flowchart direction', () => {
	test('a VPC reads top to bottom and containers left to right unless the user picks a direction', () => {
		const shop = modelOf(vpc(SHOP));
		expect(toMermaid(shop).text.split('\n')[0]).toBe('flowchart TB');
		expect(toMermaid(shop, { direction: 'LR' }).text.split('\n')[0]).toBe('flowchart LR');
		const stack = modelOf(containers('services:\n  web: { image: nginx:1.27 }\n'));
		expect(toMermaid(stack).text.split('\n')[0]).toBe('flowchart LR');
		expect(toMermaid(stack, { direction: 'TB' }).text.split('\n')[0]).toBe('flowchart TB');
	});
});
