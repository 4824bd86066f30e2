/**
 * The icon pack and how the generator uses it (issue 15): which logo an image gets, that every
 * icon the generators name is in the pack, that icons off writes exactly the classic text, and
 * that the bundled logos are what the build script picks.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyzeTopology, toMermaid } from '../../../src/core/topology';
import { ICON_PACK_COMMENT, iconPack, iconPackLoaders, logoForImage } from '../../../src/core/topology/shared/icons';
import { IMAGE_LOGOS } from '../../../src/core/topology/shared/icons/logos.generated';
import { fiveHundredResources } from './bench-500';
import { containers, modelOf, SHOP, vpc } from './fixtures';

const COMPOSE = `
services:
  proxy: { image: "nginx:1.27-alpine", ports: ["80:80"] }
  api: { image: ghcr.io/acme/api:2, depends_on: [db, cache] }
  db: { image: "bitnami/postgresql:16", volumes: ["pg:/var/lib/postgresql/data"] }
  cache: { image: "redis@sha256:0123" }
  search: { image: "cassandra:5" }
volumes:
  pg: {}
`;

describe('logoForImage', () => {
	it.each([
		['nginx:1.27-alpine', 'nginx'],
		['nginx', 'nginx'],
		['library/nginx:latest', 'nginx'],
		['docker.io/library/redis@sha256:0123abcd', 'redis'],
		['localhost:5000/redis:7', 'redis'],
		['bitnami/postgresql:16', 'postgresql'],
		['postgres:16.4-alpine', 'postgresql'],
		['postgis/postgis:16-3.4', 'postgresql'],
		['nginxinc/nginx-unprivileged:1.27', 'nginx'],
		['redis/redis-stack-server:7.2.0-v10', 'redis'],
		['MySQL:8', 'mysql'],
		['mongo:7', 'mongodb'],
	])('%s -> %s', (image, logo) => {
		expect(logoForImage(image)).toBe(logo);
	});

	it.each([['ghcr.io/acme/shop-api:2.1'], ['prom/node-exporter'], ['my-nginx-fork'], [''], ['adminer:4.8.1']])('%j has no logo', (image) => {
		expect(logoForImage(image)).toBeNull();
	});
});

describe('the icon pack', () => {
	it('has every icon the generators name, and every logo the image table names', () => {
		const pack = iconPack();
		for (const id of ['internet', 'internet-gateway', 'nat-gateway', 'route-table', 'ec2-instance', 'load-balancer', 'network-load-balancer', 'database', 'bastion', 'security-group', 'container-host', 'container', 'network', 'volume', 'vpc', 'region', 'public-subnet', 'private-subnet']) {
			expect(pack.icons[id]?.body).toContain(`cloudnotes-icon-${id}`);
		}
		for (const logo of new Set(Object.values(IMAGE_LOGOS))) expect(pack.icons[`logo-${logo}`]?.body).toContain(`cloudnotes-logo-${logo}`);
		// Mermaid's registerIconPacks argument: our own name and prefix.
		expect(iconPackLoaders()).toEqual([{ name: 'cloudnotes', icons: pack }]);
		expect(pack.prefix).toBe('cloudnotes');
	});

	it('draws our glyphs in currentColor only (the theme colours them), with nothing active inside', () => {
		for (const [id, icon] of Object.entries(iconPack().icons)) {
			expect(icon.body).not.toMatch(/<script|on[a-z]+=|href|<foreignObject/i);
			// Logos and the Kubernetes icons keep their own colours (see the next test).
			if (id.startsWith('logo-') || id.startsWith('k8s-')) continue;
			const colours = [...icon.body.matchAll(/(?:fill|stroke)="([^"]+)"/g)].map((m) => m[1]);
			expect(colours.every((c) => c === 'currentColor' || c === 'none')).toBe(true);
		}
	});

	it('carries a Kubernetes community icon for every kind the kubernetes language draws, in their blue and white, credited', () => {
		const pack = iconPack();
		const kinds = ['pod', 'deployment', 'statefulset', 'daemonset', 'replicaset', 'job', 'cronjob', 'service', 'ingress', 'namespace', 'network-policy'];
		for (const kind of kinds) {
			const icon = pack.icons[`k8s-${kind}`];
			expect(icon?.body).toContain(`cloudnotes-icon-k8s-${kind}`);
			// Each stands on the set's heptagon; colours are the set's own blue and white only.
			expect(icon?.body).toContain('fill="#326ce5"');
			const colours = new Set([...(icon?.body ?? '').matchAll(/(?:fill|stroke)="([^"]+)"/g)].map((m) => m[1]));
			for (const c of colours) expect(['#326ce5', '#fff', 'none']).toContain(c);
			expect(icon?.body.length).toBeLessThan(2200);
		}
		const generated = readFileSync(path.resolve(__dirname, '../../../src/core/topology/shared/icons/kubernetes.generated.ts'), 'utf8');
		expect(generated).toMatch(/The Kubernetes Authors, licensed CC-BY-4\.0/);
		expect(readFileSync(path.resolve(__dirname, '../../../docs/diagrams.md'), 'utf8')).toMatch(/Kubernetes Icons Set.*CC-BY-4\.0/s);
	});

	it('bundles exactly the logos scripts/build-logos.mjs picks from @iconify-json/logos (the generated file is up to date)', () => {
		const root = path.resolve(__dirname, '../../..');
		expect(() => execFileSync(process.execPath, [path.join(root, 'scripts/build-logos.mjs'), '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
	});
});

describe('toMermaid with icons', () => {
	it('draws every VPC resource that is a node as its icon, groups in AWS order with their icons, and says it needs the pack', () => {
		const a = vpc(SHOP);
		const d = toMermaid(modelOf(a), { icons: true });
		const icons = new Map(d.nodes.map((n) => [n.resource, n.icon]));
		expect(Object.fromEntries(icons)).toEqual({
			internet: 'internet',
			shop: 'vpc',
			igw: 'internet-gateway',
			alb: 'load-balancer',
			'public-a': 'public-subnet',
			'public-c': 'public-subnet',
			'app-a': 'private-subnet',
			'nat-a': 'nat-gateway',
			bastion: 'bastion',
			web: 'ec2-instance',
			db: 'database',
		});
		const lines = d.text.split('\n');
		expect(lines[1]).toBe(ICON_PACK_COMMENT);
		expect(d.text).toContain('r_web@{ icon: "cloudnotes:ec2-instance", form: "square", label: "web" }');
		// Region > VPC > zone > subnet.
		const order = ['subgraph z_region["Region ap-northeast-2"]', 'subgraph r_shop[', 'subgraph z_0[', 'subgraph r_public_2d_a['].map((s) => d.text.indexOf(s));
		expect(order.every((i) => i > 0)).toBe(true);
		expect([...order].sort((x, y) => x - y)).toEqual(order);
		// Public subnets solid green, private solid blue, Region and zones dashed.
		expect(d.text).toMatch(/style r_public_2d_a fill:#[0-9a-f]+,stroke:#7aa116,[^\n]*stroke-width:2px$/m);
		expect(d.text).toMatch(/style r_app_2d_a fill:#[0-9a-f]+,stroke:#147eba,[^\n]*stroke-width:2px$/m);
		expect(d.text).toMatch(/style z_region [^\n]*stroke-dasharray/);
		expect(d.decor?.groups.map((g) => g.icon)).toEqual(['region', 'vpc', null, 'public-subnet', 'private-subnet', null, 'public-subnet']);
		expect(d.decor?.badges.map((b) => b.mermaidId).sort()).toEqual(['r_alb', 'r_bastion', 'r_db', 'r_web']);
	});

	it('gives well-known images their logos and the rest the container or database icon', () => {
		const d = toMermaid(modelOf(containers(COMPOSE)), { icons: true });
		const icons = Object.fromEntries(d.nodes.map((n) => [n.resource, n.icon]));
		expect(icons).toMatchObject({ internet: 'internet', proxy: 'logo-nginx', api: 'container', db: 'logo-postgresql', cache: 'logo-redis', search: 'database', pg: 'volume', default: 'network' });
		expect(Object.values(icons).filter((i) => i === 'container-host')).toHaveLength(1);
		expect(d.text).toContain('r_proxy@{ icon: "cloudnotes:logo-nginx", form: "rounded", label: "proxy<br/>nginx:1.27-alpine" }');
	});

	it('icons off writes exactly the classic text: no icon shape, no comment, no decor', () => {
		for (const model of [modelOf(vpc(SHOP)), modelOf(containers(COMPOSE))]) {
			const plain = toMermaid(model);
			expect(toMermaid(model, { icons: false })).toEqual(plain);
			expect(plain.text).not.toContain('@{');
			expect(plain.text).not.toContain('%%');
			expect(plain.decor).toBeUndefined();
			expect(plain.nodes.some((n) => n.icon !== undefined)).toBe(false);
		}
	});

	it('a block that fits Mermaid\'s text cap only without icons is drawn without them rather than refused', () => {
		const model = analyzeTopology('vpc', fiveHundredResources(), 1).model!;
		const plain = toMermaid(model);
		expect(plain.refusal).toBeUndefined();
		const withIcons = toMermaid(model, { icons: true });
		expect(withIcons.refusal).toBeUndefined();
		expect(withIcons.text.length).toBeLessThanOrEqual(50_000);
	});
});
