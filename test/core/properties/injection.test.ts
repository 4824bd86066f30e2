/**
 * Injection, by example: the payloads people (or a shared vault) could put in a name, a role, a
 * rule or a Compose field. The Mermaid text must show each as text, in the exact form escapeLabel
 * gives it (every character Mermaid or HTML reads specially as a `#...;` entity, line breaks and
 * control characters as spaces), and still read as one node per resource.
 */
import { analyzeTopology, escapeLabel, mermaidIdFor, toMermaid, type MermaidDiagram } from '../../../src/core/topology';
import { expectSafeMermaid, readMermaid, shownAs } from './mermaid-grammar';

const PAYLOADS = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'javascript:alert(1)',
	'%%{init: {"securityLevel":"loose"}}%%',
	'click web call alert()',
	'"]; B[x',
	'&lt;b&gt;',
	'`**md**`',
	'line\nbreak',
	'a|b{c}(d);e\\f#g',
] as const;

/** The payload as a YAML double-quoted scalar (JSON strings are YAML). */
const q = (text: string): string => JSON.stringify(text);

function vpcWith(p: string): string {
	return [
		`name: ${q(p + ' vpc')}`,
		'cidr: 10.0.0.0/16',
		`internet-gateway: ${q(p + ' igw')}`,
		'subnets:',
		`  ${q(p + ' subnet')}: { cidr: 10.0.1.0/24, zone: ${q(p + ' zone')}, route-table: ${q(p + ' rt')} }`,
		'route-tables:',
		`  ${q(p + ' rt')}: { 0.0.0.0/0: ${q(p + ' igw')} }`,
		'instances:',
		`  ${q(p)}: { subnet: ${q(p + ' subnet')}, public-ip: true, role: ${q(p + ' role')}, security-groups: [${q(p + ' sg')}] }`,
		'security-groups:',
		`  ${q(p + ' sg')}: { inbound: [{ proto: tcp, ports: 443, from: 0.0.0.0/0, description: ${q(p + ' comment')} }, ${q('tcp 22 from ' + p)}] }`,
	].join('\n');
}

function containersWith(p: string): string {
	return [
		`host: { name: ${q(p + ' host')}, os: ${q(p + ' os')} }`,
		'services:',
		`  ${q(p)}:`,
		`    image: ${q(p + ':1.0')}`,
		'    ports: ["8080:80"]',
		`    networks: [${q(p + ' net')}]`,
		`    volumes: [${q(p + ' vol')}:/data]`,
		`    depends_on: [${q(p + ' db')}]`,
		`  ${q(p + ' db')}:`,
		'    image: postgres:16',
		`    networks: [${q(p + ' net')}]`,
		'networks:',
		`  ${q(p + ' net')}: { internal: true }`,
		'volumes:',
		`  ${q(p + ' vol')}: {}`,
	].join('\n');
}

function diagramOf(kind: 'vpc' | 'containers', source: string, icons = false): MermaidDiagram {
	const analysis = analyzeTopology(kind, source, 1);
	if (!analysis.model) throw new Error('no model');
	const diagram = toMermaid(analysis.model, { icons });
	if (diagram.refusal) throw new Error(diagram.refusal);
	return diagram;
}

describe('injection payloads in names, roles, rules and Compose fields render as text', () => {
	it.each(PAYLOADS.map((p) => [p]))('vpc: %j', (p) => {
		const diagram = diagramOf('vpc', vpcWith(p));
		expectSafeMermaid(diagram.text);
		const read = readMermaid(diagram.text);
		// One node per resource: the VPC, gateway, subnet, instance, plus `internet`.
		expect(diagram.nodes.map((n) => n.resource).sort()).toEqual(['internet', p, `${p} igw`, `${p} subnet`, `${p} vpc`].sort());
		expect(read.definitions.filter((d) => d.id.startsWith('r_'))).toHaveLength(5);
		const instance = read.definitions.find((d) => d.id === mermaidIdFor(p));
		// Name and role, each exactly as escapeLabel writes it, and shown as the same text.
		expect(diagram.text).toContain(`${mermaidIdFor(p)}["${escapeLabel(p)}<br/>${escapeLabel(`${p} role`)}"]`);
		expect(instance?.label).toEqual([shownAs(p), shownAs(`${p} role`)]);
		expect(read.definitions.find((d) => d.id.startsWith('z_'))?.label).toEqual([shownAs(`${p} zone`)]);
	});

	it.each(PAYLOADS.map((p) => [p]))('containers: %j', (p) => {
		const diagram = diagramOf('containers', containersWith(p));
		expectSafeMermaid(diagram.text);
		const read = readMermaid(diagram.text);
		expect(diagram.nodes.map((n) => n.resource).sort()).toEqual(['internet', p, `${p} db`, `${p} host`, `${p} net`, `${p} vol`].sort());
		expect(read.definitions.filter((d) => d.id.startsWith('r_'))).toHaveLength(6);
		expect(diagram.text).toContain(`${mermaidIdFor(p)}["${escapeLabel(p)}<br/>${escapeLabel(`${p}:1.0`)}"]`);
		expect(read.definitions.find((d) => d.id === mermaidIdFor(`${p} host`))?.label).toEqual([shownAs(`${p} host · ${p} os`, 80)]);
		expect(read.edges.length).toBeGreaterThanOrEqual(4);
	});

	it.each(PAYLOADS.map((p) => [p]))('with icons on, icon shapes keep every label inside its quotes: %j', (p) => {
		for (const [kind, source] of [['vpc', vpcWith(p)], ['containers', containersWith(p)]] as const) {
			const plain = diagramOf(kind, source);
			const diagram = diagramOf(kind, source, true);
			expectSafeMermaid(diagram.text);
			const read = readMermaid(diagram.text);
			expect(diagram.text).toMatch(/@\{ icon: "cloudnotes:/);
			// The same resources, the same labels, whichever way they are drawn.
			expect(diagram.nodes.map((n) => n.resource)).toEqual(plain.nodes.map((n) => n.resource));
			expect(read.definitions.map((d) => d.label)).toEqual(readMermaid(plain.text).definitions.map((d) => d.label));
		}
	});

	it('escapeLabel writes each special character as the entity Mermaid decodes back to it', () => {
		// The exact rule, so a change to it is a decision, not an accident.
		expect(escapeLabel('<script>alert(1)</script>')).toBe('#lt;script#gt;alert#40;1#41;#lt;/script#gt;');
		expect(escapeLabel('<img src=x onerror=alert(1)>')).toBe('#lt;img src=x onerror=alert#40;1#41;#gt;');
		expect(escapeLabel('%%{init: {"securityLevel":"loose"}}%%')).toBe('#37;#37;#123;init: #123;#quot;securityLevel#quot;:#quot;loose#quot;#125;#125;#37;#37;');
		expect(escapeLabel('"]; B[x')).toBe('#quot;#93;#59; B#91;x');
		expect(escapeLabel('&lt;b&gt;')).toBe('#amp;lt#59;b#amp;gt#59;');
		expect(escapeLabel('`**md**`')).toBe('#96;**md**#96;');
		expect(escapeLabel('line\nbreak\r\u0000\u2028x')).toBe('line break   x');
		expect(escapeLabel('a|b{c}(d);e\\f#g')).toBe('a#124;b#123;c#125;#40;d#41;#59;e#92;f#35;g');
		// `javascript:` stays as text: without a `click` line or a Markdown string it is no link.
		expect(escapeLabel('javascript:alert(1)')).toBe('javascript:alert#40;1#41;');
	});

	it('a `click` payload never starts a line, even as a whole name', () => {
		const diagram = diagramOf('containers', 'services:\n  "click web call alert()":\n    image: nginx:1.27\n');
		expect(diagram.text.split('\n').filter((l) => /^\s*click/.test(l))).toEqual([]);
		expect(diagram.text).toContain(`${mermaidIdFor('click web call alert()')}["click web call alert#40;#41;<br/>nginx:1.27"]`);
	});
});
