import { analyzeNote, toMermaid, trace } from '../../../src/core/topology';
import { DEFAULT_CARD_SETTINGS, extractNote } from '../../../src/core/cards';
import type { KubernetesModel } from '../../../src/core/topology/kubernetes/model';
import { codes, kubernetes } from './fixtures';
import { SHOP_K8S } from './kubernetes-fixture';

function modelOf(analysis: ReturnType<typeof kubernetes>): KubernetesModel {
	if (!analysis.model) throw new Error('no model');
	return analysis.model as KubernetesModel;
}

describe('kubernetes blocks: reading manifests', () => {
	it('reads the shop example cleanly: namespaces, workloads with replicas, Services, Ingress, policies, flows', () => {
		const analysis = kubernetes(SHOP_K8S);
		expect(analysis.diagnostics).toEqual([]);
		const model = modelOf(analysis);
		expect(model.workloads.map((w) => [w.resource, w.kind, w.replicas])).toEqual([
			['shop/frontend', 'Deployment', 3],
			['shop/api', 'Deployment', 2],
			['shop/db', 'StatefulSet', 1],
		]);
		expect(model.services.map((s) => s.resource)).toEqual(['svc/shop/frontend', 'svc/shop/api', 'svc/shop/db']);
		expect(model.services[2]?.headless).toBe(true);
		expect(model.policies.map((p) => [p.name, p.ingressIsolation, p.egressIsolation])).toEqual([
			['default-deny', true, true],
			['from-ingress', true, false],
			['frontend-to-api', true, true],
			['api-ingress', true, false],
			['api-to-db', true, true],
			['db-from-api', true, false],
		]);
		expect(model.flows.map((f) => f.text)).toEqual(['internet -> shop.example.com/api tcp/443', 'frontend -> api tcp/80', 'api -> db tcp/5432']);
		expect(analysis.endpoints).toEqual(['internet', 'shop/frontend', 'shop/api', 'shop/db', 'svc/shop/frontend', 'svc/shop/api', 'svc/shop/db', 'ingress/shop/shop']);
	});

	it('puts objects without a namespace in `default`, or in the namespace our Flows document names', () => {
		const pod = 'kind: Pod\nmetadata: { name: web, labels: { app: web } }\nspec: { containers: [{ name: web, image: "nginx:1.27" }] }';
		expect(modelOf(kubernetes(pod)).workloads[0]?.resource).toBe('default/web');
		expect(modelOf(kubernetes(`${pod}\n---\nkind: Flows\nnamespace: team-a\n`)).workloads[0]?.resource).toBe('team-a/web');
	});

	it('reads `kind: List`, DaemonSet, ReplicaSet, Job and CronJob pod templates', () => {
		const model = modelOf(
			kubernetes(`
			apiVersion: v1
			kind: List
			items:
			- kind: DaemonSet
			  metadata: { name: agent }
			  spec: { template: { metadata: { labels: { app: agent } }, spec: { containers: [{ name: a, image: "agent:1" }] } } }
			- kind: ReplicaSet
			  metadata: { name: rs }
			  spec: { replicas: 4, template: { metadata: { labels: { app: rs } }, spec: { containers: [{ name: a, image: "rs:1" }] } } }
			- kind: Job
			  metadata: { name: once }
			  spec: { template: { metadata: { labels: { app: once } }, spec: { containers: [{ name: a, image: "job:1" }] } } }
			- kind: CronJob
			  metadata: { name: nightly }
			  spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: { metadata: { labels: { app: nightly } }, spec: { containers: [{ name: a, image: "cron:1" }] } } } } }
			`),
		);
		expect(model.workloads.map((w) => [w.kind, w.replicas, w.labels.app])).toEqual([
			['DaemonSet', null, 'agent'],
			['ReplicaSet', 4, 'rs'],
			['Job', 1, 'once'],
			['CronJob', 1, 'nightly'],
		]);
	});

	it('gives every diagnostic its line in the note, across documents', () => {
		const text = ['kind: Pod', 'metadata: { name: a }', 'spec: { containers: [{ name: a, image: "a:1" }] }', '---', 'kind: Pod', 'metadata: { name: a }', 'spec: { containers: [{ name: a, image: "a:1" }] }', '---', 'kind: NetworkPolicy', 'metadata: { name: p }', 'spec:', '  podSelector: {}', '  ingres: []'].join('\n');
		const analysis = kubernetes(text, 20);
		expect(analysis.diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([
			[25, 19, 'duplicate-name'],
			[32, 3, 'unknown-field'],
		]);
	});

	it('reads a document that starts on its `---` line as YAML does, with exact positions', () => {
		const flow = kubernetes('kind: Pod\nmetadata: { name: a }\n--- # next\n--- { kind: Pod, metadata: { name: B } }\n...\n', 3);
		expect(modelOf(flow).workloads.map((w) => w.name)).toEqual(['a', 'B']);
		expect(flow.diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([[6, 36, 'invalid-value']]);
		// A block mapping cannot start on the marker's line: the yaml package says so, and so do we.
		const block = kubernetes('kind: Pod\nmetadata: { name: a }\n--- kind: Pod\nmetadata: { name: b }\n', 3);
		expect(block.diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([[5, 5, 'yaml-syntax']]);
	});

	it('reports a YAML error in one document at its line and still reads the others', () => {
		const analysis = kubernetes('kind: Pod\nmetadata: { name: a }\n---\nkind: Service\nmetadata: { name: s\n---\nkind: Pod\nmetadata: { name: b }\n', 5);
		const syntax = analysis.diagnostics.find((d) => d.code === 'yaml-syntax');
		expect(syntax?.line).toBeGreaterThanOrEqual(9);
		expect(syntax?.line).toBeLessThanOrEqual(10);
		expect(modelOf(analysis).workloads.map((w) => w.name)).toEqual(['a', 'b']);
	});
});

describe('kubernetes blocks: lint', () => {
	const base = (extra: string): string => `kind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        ports: [{ name: http, containerPort: 8080 }]\n---\n${extra}`;

	it('selector-matches-nothing for a Service and a policy whose selector no pod carries', () => {
		const analysis = kubernetes(base('kind: Service\nmetadata: { name: s }\nspec: { selector: { app: wbe }, ports: [{ port: 80 }] }\n---\nkind: NetworkPolicy\nmetadata: { name: p }\nspec: { podSelector: { matchLabels: { app: nope } } }'));
		expect(codes(analysis)).toEqual(['selector-matches-nothing', 'selector-matches-nothing']);
		expect(analysis.diagnostics[0]?.message).toContain('web (app=web)');
	});

	it('target-port-unknown for a named or numbered targetPort no selected container declares', () => {
		const analysis = kubernetes(base('kind: Service\nmetadata: { name: s }\nspec: { selector: { app: web }, ports: [{ port: 80, targetPort: htp }, { port: 81, targetPort: 9999 }, { port: 82, targetPort: http }] }'));
		expect(analysis.diagnostics.map((d) => [d.code, d.severity])).toEqual([
			['target-port-unknown', 'warning'],
			['target-port-unknown', 'warning'],
		]);
	});

	it('service-without-endpoints for a Service without selector, and one whose pods are scaled to 0', () => {
		expect(codes(kubernetes(base('kind: Service\nmetadata: { name: s }\nspec: { ports: [{ port: 80 }] }')))).toEqual(['service-without-endpoints']);
		const zero = base('kind: Service\nmetadata: { name: s }\nspec: { selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }').replace('spec:\n  template', 'spec:\n  replicas: 0\n  template');
		expect(codes(kubernetes(zero))).toEqual(['service-without-endpoints']);
	});

	it('policy-isolates-nothing for empty policyTypes and for a policy that allows everything', () => {
		expect(codes(kubernetes(base('kind: NetworkPolicy\nmetadata: { name: p }\nspec: { podSelector: {}, policyTypes: [] }')))).toEqual(['policy-isolates-nothing']);
		expect(codes(kubernetes(base('kind: NetworkPolicy\nmetadata: { name: p }\nspec: { podSelector: {}, ingress: [{}] }')))).toEqual(['policy-isolates-nothing']);
	});

	it('dns-egress-blocked when an egress policy leaves no way to kube-dns, not when it allows UDP 53', () => {
		expect(codes(kubernetes(base('kind: NetworkPolicy\nmetadata: { name: p }\nspec: { podSelector: {}, policyTypes: [Egress] }')))).toEqual(['dns-egress-blocked']);
		const dns = 'kind: NetworkPolicy\nmetadata: { name: p }\nspec: { podSelector: {}, policyTypes: [Egress], egress: [{ to: [{ namespaceSelector: {} }], ports: [{ port: 53, protocol: UDP }] }] }';
		expect(codes(kubernetes(base(dns)))).toEqual([]);
	});

	it('ingress-backend-unknown for a missing Service and a port the Service lacks', () => {
		const ing = 'kind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [{ port: 80, targetPort: http }] }\n---\nkind: Ingress\nmetadata: { name: i }\nspec:\n  rules:\n  - host: a.example.com\n    http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: wbe, port: { number: 80 } } } }, { path: /x, pathType: Prefix, backend: { service: { name: web, port: { number: 8080 } } } }] }';
		expect(codes(kubernetes(base(ing)))).toEqual(['ingress-backend-unknown', 'ingress-backend-unknown']);
	});

	it('image-latest-tag, host-port and host-network as warnings', () => {
		const analysis = kubernetes('kind: Pod\nmetadata: { name: a }\nspec:\n  hostNetwork: true\n  containers:\n  - name: a\n    image: nginx\n    ports: [{ containerPort: 80, hostPort: 80 }]');
		expect(analysis.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
			['host-network', 'warning', 4],
			['image-latest-tag', 'warning', 7],
			['host-port', 'warning', 8],
		]);
	});

	it('flow-blocked for a declared flow a policy refuses, with the deciding policy', () => {
		const analysis = kubernetes(SHOP_K8S.replace('- api -> db tcp/5432', '- frontend -> db tcp/5432'));
		expect(codes(analysis)).toEqual(['flow-blocked']);
		expect(analysis.diagnostics[0]?.message).toContain('isolated for egress by NetworkPolicy default-deny, frontend-to-api');
	});
});

describe('kubernetes blocks: trace through Services and Ingresses', () => {
	const model = modelOf(kubernetes(SHOP_K8S));

	it('resolves a Service to its selected pods and its named target port', () => {
		const result = trace(model, { from: 'frontend', to: 'api', port: 80 });
		expect(result.allowed).toBe(true);
		expect(result.hops.map((h) => [h.resource, h.step, h.rule])).toEqual([
			['shop/frontend', 'source', undefined],
			['svc/shop/api', 'service', 'port 80 -> http'],
			['shop/frontend', 'egress', 'frontend-to-api egress rule 1'],
			['shop/api', 'ingress', 'api-ingress ingress rule 1'],
			['svc/shop/api', 'destination', undefined],
		]);
		expect(result.hops[1]?.reason).toContain('to pod port 3000 of shop/api');
	});

	it('routes an Ingress host and path through the ingress controller to the backend pods', () => {
		const result = trace(model, { from: 'internet', to: 'shop.example.com/api/orders', port: 443 });
		expect(result.allowed).toBe(true);
		expect(result.path).toEqual(['ingress/shop/shop', 'svc/shop/api', 'shop/api']);
		expect(result.hops.find((h) => h.resource === 'shop/api')?.rule).toBe('from-ingress ingress rule 1');
	});

	it('refuses the internet to a ClusterIP Service or a pod, saying how to expose it', () => {
		expect(trace(model, { from: 'internet', to: 'svc/api', port: 80 }).summary).toContain('ClusterIP Service, reachable only inside the cluster');
		expect(trace(model, { from: 'internet', to: 'shop/api', port: 3000 }).summary).toContain('not reachable from outside the cluster');
	});

	it('says what it does not know instead of guessing', () => {
		expect(trace(model, { from: 'nope', to: 'api' }).summary).toContain('No workload, Service or Ingress host named `nope`');
		expect(trace(model, { from: 'svc/api', to: 'db', port: 5432 }).allowed).toBe(true);
	});
});

describe('kubernetes blocks: diagram and cards', () => {
	const model = modelOf(kubernetes(SHOP_K8S));

	it('draws namespaces as groups, workloads with replicas, Services to their pods, the Ingress from the internet, allowed edges', () => {
		const diagram = toMermaid(model);
		expect(diagram.nodes.map((n) => [n.resource, n.shape])).toEqual([
			['internet', 'node'],
			['namespace/shop', 'cluster'],
			['shop/frontend', 'node'],
			['shop/api', 'node'],
			['shop/db', 'node'],
			['svc/shop/frontend', 'node'],
			['svc/shop/api', 'node'],
			['svc/shop/db', 'node'],
			['ingress/shop/shop', 'node'],
		]);
		expect(diagram.text).toContain('shop/frontend<br/>Deployment × 3');
		expect(diagram.edges.map((e) => `${e.from} -> ${e.to}: ${e.label}`)).toEqual([
			'internet -> ingress/shop/shop: https',
			'ingress/shop/shop -> svc/shop/frontend: shop.example.com/',
			'ingress/shop/shop -> svc/shop/api: shop.example.com/api',
			'svc/shop/frontend -> shop/frontend: → 8080',
			'svc/shop/api -> shop/api: → 3000',
			'svc/shop/db -> shop/db: → 5432',
			'shop/frontend -> shop/api: 3000 (frontend-to-api + api-ingress)',
			'shop/api -> shop/db: 5432 (api-to-db + db-from-api)',
		]);
	});

	it('draws denied pairs crossed out only when asked', () => {
		const denied = toMermaid(model, { showDenied: true }).edges.filter((e) => e.label === 'denied');
		expect(denied.map((e) => `${e.from} -> ${e.to}`)).toContain('shop/frontend -> shop/db');
		expect(toMermaid(model).edges.some((e) => e.label === 'denied')).toBe(false);
	});

	it('asks which pods a Service selects, and whether a flow passes with the deciding policy', () => {
		const text = `## 쿠버네티스 네트워크\n\n\`\`\`kubernetes\n${SHOP_K8S}\`\`\`\n`;
		const settings = { ...DEFAULT_CARD_SETTINGS, sources: { heading: false, callout: false, quote: false, definition: false, topology: true, flashcard: false, cloze: false, occlusion: false, 'trace-drill': false } };
		const english = extractNote('k8s.md', text.replace('쿠버네티스 네트워크', 'Kubernetes network'), settings).cards;
		expect(english.find((c) => c.front === 'Which pods does Service api select?')?.back).toBe('shop/api (Deployment × 2) (selector `app=api`).');
		expect(english.find((c) => c.front === 'Can api reach db on tcp 5432?')?.back).toContain('api-to-db egress rule 1, db-from-api ingress rule 1');
		const korean = extractNote('k8s.md', text, settings).cards;
		expect(korean.some((c) => c.front === 'Service api 가 선택하는 파드는?')).toBe(true);
		expect(analyzeNote(text)[0]?.kind).toBe('kubernetes');
	});
});
