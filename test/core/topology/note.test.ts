import * as fs from 'fs';
import * as path from 'path';
import { analyzeNote, declaredFlows, TOPOLOGY_LIMITS } from '../../../src/core/topology';
import { containers, modelOf, SHOP, vpc } from './fixtures';

describe('analyzeNote', () => {
	it('finds every topology block, numbers them, and reports at note lines', () => {
		const note = [
			'---',
			'dg-publish: true',
			'---',
			'# 1. VPC',
			'```vpc',
			'name: a',
			'cidr: 10.0.0.0/16',
			'```',
			'',
			'````markdown',
			'```vpc',
			'cidr: inside another fence, never read',
			'```',
			'````',
			'```containers',
			'services:',
			'  web: { image: nginx }',
			'```',
		].join('\n');
		const blocks = analyzeNote(note);
		expect(blocks.map((b) => [b.block, b.kind, b.openLine])).toEqual([
			[1, 'vpc', 5],
			[2, 'containers', 15],
		]);
		expect(blocks[0]?.analysis.diagnostics).toEqual([]);
		expect(blocks[1]?.analysis.diagnostics).toEqual([expect.objectContaining({ line: 17, column: 17, code: 'image-latest-tag' })]);
	});

	it('shifts columns for an indented fence and still reads an unclosed block', () => {
		const note = ['text', '  ```vpc', '  name: a', '  cidr: 10.0.0.0/99'].join('\n');
		const [block] = analyzeNote(note);
		expect(block?.analysis.diagnostics).toEqual([expect.objectContaining({ line: 4, column: 9, code: 'invalid-cidr' })]);
	});

	it('keeps the example vault lint-clean, and our two notes exercise several blocks each', () => {
		const root = path.resolve(__dirname, '../../../example-vault');
		const notes = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.md'));
		for (const note of notes) {
			for (const b of analyzeNote(fs.readFileSync(path.join(root, note), 'utf8'))) expect({ note, diagnostics: b.analysis.diagnostics }).toEqual({ note, diagnostics: [] });
		}
		for (const ours of ['클라우드/VPC 네트워크 설계.md', '클라우드/Docker 컨테이너 네트워크.md']) {
			const blocks = analyzeNote(fs.readFileSync(path.join(root, ours), 'utf8'));
			expect(blocks.length).toBeGreaterThanOrEqual(2);
			expect(blocks.every((b) => b.analysis.model !== null && b.analysis.model.flows.length > 0)).toBe(true);
		}
	});
});

describe('resources for the side panel', () => {
	it('explains a subnet: CIDR, zone, why it is public or private, its NACL rules', () => {
		const res = vpc(SHOP).resources;
		const details = (name: string) => Object.fromEntries(res.find((r) => r.name === name)?.details.map((d) => [d.label, d.value]) ?? []);
		expect(details('public-a')).toMatchObject({ CIDR: '10.0.1.0/24', Zone: 'ap-northeast-2a', Access: 'Public: 0.0.0.0/0 -> igw (internet gateway)', NACL: 'default (allows all traffic both ways)' });
		expect(details('app-a')).toMatchObject({ Access: 'Private, out through NAT: 0.0.0.0/0 -> nat-a (NAT gateway)', NACL: 'app-nacl', Routes: '10.0.0.0/16 -> local; 0.0.0.0/0 -> nat-a' });
		expect(details('app-a')['NACL inbound']).toBe('100 allow tcp 8080 from 10.0.0.0/16; 110 allow tcp 1024-65535 from 0.0.0.0/0; * deny all');
		expect(details('db')).toMatchObject({ 'Security groups': 'db-sg', 'db-sg inbound': 'tcp 3306 from web-sg', 'db-sg outbound': 'all to 10.0.0.0/16' });
		expect(details('web')).toMatchObject({ 'web-sg outbound': 'all traffic (default)', 'Behind load balancers': 'alb' });
	});

	it('marks what is drawn: not route tables, groups or NACLs', () => {
		const res = vpc(SHOP).resources;
		expect(res.filter((r) => !r.drawn).map((r) => r.type).sort()).toEqual(['nacl', 'route-table', 'route-table', 'security-group', 'security-group', 'security-group', 'security-group']);
		expect(res.find((r) => r.name === 'internet')).toMatchObject({ type: 'internet', drawn: true });
	});

	it('explains a service: image, published ports, networks, volumes', () => {
		const res = containers('services:\n  db:\n    image: postgres:16\n    ports: ["127.0.0.1:5432:5432"]\n    volumes: ["pg:/var/lib/postgresql/data", "./init:/init:ro"]\nvolumes:\n  pg: {}').resources;
		const db = Object.fromEntries(res.find((r) => r.name === 'db')?.details.map((d) => [d.label, d.value]) ?? []);
		expect(db).toMatchObject({
			Image: 'postgres:16',
			'Published ports': '127.0.0.1:5432 -> 5432/tcp',
			Networks: 'default',
			Volumes: 'pg -> /var/lib/postgresql/data; ./init -> /init (bind mount) (read-only)',
		});
		expect(res.find((r) => r.name === 'internet')).toBeUndefined();
	});

	it('qualifies a network or volume that shares a service name, so names stay unique', () => {
		const res = containers('services:\n  db: { image: "postgres:16", networks: [db], volumes: ["db:/data"] }\nnetworks:\n  db: {}\nvolumes:\n  db: {}').resources;
		expect(res.map((r) => r.name)).toEqual(['host', 'db', 'db (network)', 'db (volume)']);
	});
});

describe('declared flows', () => {
	it('lists flows with their protocol, port and note line', () => {
		const a = vpc(`${SHOP}flows:\n  - internet -> alb tcp/443\n  - web -> db\n  - { from: web, to: db, proto: tcp, port: 3306 }\n  - bastion -> web 22\n`, 10);
		expect(declaredFlows(modelOf(a))).toEqual([
			{ from: 'internet', to: 'alb', proto: 'tcp', port: 443, line: 39, text: 'internet -> alb tcp/443' },
			{ from: 'web', to: 'db', proto: 'any', line: 40, text: 'web -> db' },
			{ from: 'web', to: 'db', proto: 'tcp', port: 3306, line: 41, text: 'web -> db tcp/3306' },
			{ from: 'bastion', to: 'web', proto: 'tcp', port: 22, line: 42, text: 'bastion -> web 22' },
		]);
	});

	it('exposes the size guard', () => {
		expect(TOPOLOGY_LIMITS).toEqual({ maxResources: 1000, maxSourceChars: 200_000 });
	});
});
