/**
 * Public examples and the outcomes they state, in manifests written here (small, our own):
 * - the Kubernetes documentation's NetworkPolicy page
 *   (https://kubernetes.io/docs/concepts/services-networking/network-policies/): its
 *   `test-network-policy`, the default policies, `endPort`, and the namespaceSelector/podSelector
 *   AND-or-OR example;
 * - a few recipes of ahmetb/kubernetes-network-policy-recipes (the whole collection is a corpus
 *   run: scripts/corpus/k8s-recipes.mjs).
 */
import { trace, type TraceQuery } from '../../../src/core/topology';
import { codes, kubernetes } from './fixtures';

const pod = (name: string, namespace: string, labels: string, ports = '[{ containerPort: 80 }]'): string =>
	`kind: Pod\nmetadata: { name: ${name}, namespace: ${namespace}, labels: ${labels} }\nspec: { containers: [{ name: c, image: "example:1.0", ports: ${ports} }] }`;
const ns = (name: string, labels = '{}'): string => `kind: Namespace\nmetadata: { name: ${name}, labels: ${labels} }`;

function verdicts(docs: string[], queries: TraceQuery[]): boolean[] {
	const analysis = kubernetes(docs.join('\n---\n'));
	expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	if (!analysis.model) throw new Error('no model');
	const model = analysis.model;
	return queries.map((q) => trace(model, q).allowed);
}

describe('the Kubernetes documentation’s NetworkPolicy examples', () => {
	const TEST_NETWORK_POLICY = `kind: NetworkPolicy
metadata: { name: test-network-policy, namespace: default }
spec:
  podSelector: { matchLabels: { role: db } }
  policyTypes: [Ingress, Egress]
  ingress:
  - from:
    - ipBlock: { cidr: 172.17.0.0/16, except: [172.17.1.0/24] }
    - namespaceSelector: { matchLabels: { project: myproject } }
    - podSelector: { matchLabels: { role: frontend } }
    ports: [{ protocol: TCP, port: 6379 }]
  egress:
  - to: [{ ipBlock: { cidr: 10.0.0.0/24 } }]
    ports: [{ protocol: TCP, port: 5978 }]`;
	const PODS = [
		ns('default'),
		ns('myproject', '{ project: myproject }'),
		pod('db', 'default', '{ role: db }', '[{ containerPort: 6379 }]'),
		pod('frontend', 'default', '{ role: frontend }'),
		pod('other', 'default', '{ role: other }'),
		pod('anything', 'myproject', '{ app: x }'),
	];

	it('test-network-policy: role=db admits TCP 6379 from role=frontend, from namespace project=myproject, from 172.17.0.0/16 except 172.17.1.0/24; egress only to 10.0.0.0/24 on TCP 5978', () => {
		expect(
			verdicts(
				[...PODS, TEST_NETWORK_POLICY],
				[
					{ from: 'frontend', to: 'db', port: 6379 },
					{ from: 'myproject/anything', to: 'default/db', port: 6379 },
					{ from: 'other', to: 'db', port: 6379 },
					{ from: 'frontend', to: 'db', port: 5432 },
					{ from: 'db', to: '10.0.0.7', port: 5978 },
					{ from: 'db', to: '10.0.1.7', port: 5978 },
					{ from: 'db', to: '10.0.0.7', port: 443 },
					{ from: 'db', to: 'frontend', port: 80 },
				],
			),
		).toEqual([true, true, false, false, true, false, false, false]);
	});

	it('the ipBlock of test-network-policy admits outside addresses in 172.17.0.0/16 but not 172.17.1.0/24 (through a LoadBalancer)', () => {
		const lb = 'kind: Service\nmetadata: { name: db, namespace: default }\nspec: { type: LoadBalancer, selector: { role: db }, ports: [{ port: 6379 }] }';
		expect(verdicts([...PODS, TEST_NETWORK_POLICY, lb], [{ from: '172.17.2.9', to: 'svc/db', port: 6379 }, { from: '172.17.1.9', to: 'svc/db', port: 6379 }, { from: 'internet', to: 'svc/db', port: 6379 }])).toEqual([true, false, false]);
	});

	it('default deny all ingress, allow all ingress, default deny all egress, allow all egress', () => {
		const q = [{ from: 'frontend', to: 'db', port: 6379 }];
		expect(verdicts([...PODS, 'kind: NetworkPolicy\nmetadata: { name: default-deny-ingress }\nspec: { podSelector: {}, policyTypes: [Ingress] }'], q)).toEqual([false]);
		expect(verdicts([...PODS, 'kind: NetworkPolicy\nmetadata: { name: allow-all-ingress }\nspec: { podSelector: {}, ingress: [{}], policyTypes: [Ingress] }'], q)).toEqual([true]);
		expect(verdicts([...PODS, 'kind: NetworkPolicy\nmetadata: { name: default-deny-egress }\nspec: { podSelector: {}, policyTypes: [Egress] }'], q)).toEqual([false]);
		expect(verdicts([...PODS, 'kind: NetworkPolicy\nmetadata: { name: allow-all-egress }\nspec: { podSelector: {}, egress: [{}], policyTypes: [Egress] }'], q)).toEqual([true]);
	});

	it('endPort: egress to 10.0.0.0/24 on TCP 32000-32768 only', () => {
		const p = 'kind: NetworkPolicy\nmetadata: { name: multi-port-egress, namespace: default }\nspec:\n  podSelector: { matchLabels: { role: db } }\n  policyTypes: [Egress]\n  egress:\n  - to: [{ ipBlock: { cidr: 10.0.0.0/24 } }]\n    ports: [{ protocol: TCP, port: 32000, endPort: 32768 }]';
		expect(verdicts([...PODS, p], [{ from: 'db', to: '10.0.0.3', port: 32000 }, { from: 'db', to: '10.0.0.3', port: 32768 }, { from: 'db', to: '10.0.0.3', port: 32769 }])).toEqual([true, true, false]);
	});

	it('namespaceSelector and podSelector: one element (AND) versus two (OR)', () => {
		const docs = [ns('alice-ns', '{ user: alice }'), ns('bob-ns', '{ user: bob }'), pod('db', 'default', '{ role: db }'), pod('client', 'alice-ns', '{ role: client }'), pod('other', 'alice-ns', '{ role: other }'), pod('client', 'bob-ns', '{ role: client }')];
		const and = 'kind: NetworkPolicy\nmetadata: { name: p }\nspec:\n  podSelector: { matchLabels: { role: db } }\n  ingress:\n  - from:\n    - namespaceSelector: { matchLabels: { user: alice } }\n      podSelector: { matchLabels: { role: client } }';
		const or = and.replace('      podSelector', '    - podSelector');
		const queries = [{ from: 'alice-ns/client', to: 'default/db', port: 80 }, { from: 'alice-ns/other', to: 'default/db', port: 80 }, { from: 'bob-ns/client', to: 'default/db', port: 80 }];
		expect(verdicts([...docs, and], queries)).toEqual([true, false, false]);
		// OR: every pod of alice's namespaces, and role=client pods of the policy's own namespace (default).
		expect(verdicts([...docs, or], queries)).toEqual([true, true, false]);
	});
});

describe('network-policy recipes (ahmetb/kubernetes-network-policy-recipes), stated outcomes', () => {
	it('02a: an empty ingress rule on app=web overrides a deny-all applied alongside', () => {
		const docs = [pod('web', 'default', '{ app: web }'), pod('test', 'default', '{ run: test }'), 'kind: NetworkPolicy\nmetadata: { name: web-deny-all }\nspec: { podSelector: { matchLabels: { app: web } }, ingress: [] }'];
		expect(verdicts(docs, [{ from: 'test', to: 'web', port: 80 }])).toEqual([false]);
		expect(verdicts([...docs, 'kind: NetworkPolicy\nmetadata: { name: web-allow-all }\nspec: { podSelector: { matchLabels: { app: web } }, ingress: [{}] }'], [{ from: 'test', to: 'web', port: 80 }])).toEqual([true]);
	});

	it('04: a policy selecting every pod of default with `from: podSelector: {}` admits only pods of default', () => {
		const docs = [ns('foo'), pod('web', 'default', '{ app: web }'), pod('a', 'default', '{ run: a }'), pod('b', 'foo', '{ run: b }'), 'kind: NetworkPolicy\nmetadata: { name: deny-from-other-namespaces }\nspec: { podSelector: { matchLabels: {} }, ingress: [{ from: [{ podSelector: {} }] }] }'];
		expect(verdicts(docs, [{ from: 'default/a', to: 'default/web', port: 80 }, { from: 'foo/b', to: 'default/web', port: 80 }])).toEqual([true, false]);
	});

	it('09: role=monitoring reaches pod port 5000 (Service port 5001) but not 8000 (Service port 8001)', () => {
		const docs = [
			pod('apiserver', 'default', '{ app: apiserver }', '[{ containerPort: 8000 }, { containerPort: 5000 }]'),
			pod('mon', 'default', '{ role: monitoring }'),
			'kind: Service\nmetadata: { name: apiserver }\nspec: { selector: { app: apiserver }, ports: [{ port: 8001, targetPort: 8000 }, { port: 5001, targetPort: 5000 }] }',
			'kind: NetworkPolicy\nmetadata: { name: api-allow-5000 }\nspec: { podSelector: { matchLabels: { app: apiserver } }, ingress: [{ ports: [{ port: 5000 }], from: [{ podSelector: { matchLabels: { role: monitoring } } }] }] }',
		];
		expect(verdicts(docs, [{ from: 'mon', to: 'svc/apiserver', port: 5001 }, { from: 'mon', to: 'svc/apiserver', port: 8001 }])).toEqual([true, false]);
	});

	it('12: an egress deny-all for the namespace blocks DNS too, and lint says so', () => {
		const docs = [pod('web', 'default', '{ app: web }'), 'kind: NetworkPolicy\nmetadata: { name: default-deny-all-egress }\nspec: { policyTypes: [Egress], podSelector: {}, egress: [] }'];
		expect(codes(kubernetes(docs.join('\n---\n')))).toEqual(['dns-egress-blocked']);
	});
});
