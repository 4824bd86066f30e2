/**
 * NetworkPolicy semantics, one case per rule of the specification
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/), traced through
 * the `kubernetes` block language.
 */
import { trace, type TraceQuery } from '../../../src/core/topology';
import { codes, kubernetes } from './fixtures';

/** Pods in two namespaces: prod (labelled env=prod) and dev; `web`, `api`, `db` in prod, `tool` in dev. */
const PODS = `
apiVersion: v1
kind: Namespace
metadata: { name: prod, labels: { env: prod } }
---
apiVersion: v1
kind: Namespace
metadata: { name: dev, labels: { env: dev } }
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: prod, labels: { app: web, tier: front } }
spec: { containers: [{ name: web, image: "nginx:1.27", ports: [{ containerPort: 80, name: http }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: api, namespace: prod, labels: { app: api, tier: back } }
spec: { containers: [{ name: api, image: "api:1.0", ports: [{ containerPort: 8080, name: http }, { containerPort: 9090, name: metrics }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: db, namespace: prod, labels: { app: db, tier: data } }
spec: { containers: [{ name: db, image: "postgres:16", ports: [{ containerPort: 5432 }, { containerPort: 5433, protocol: UDP }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: tool, namespace: dev, labels: { app: web } }
spec: { containers: [{ name: tool, image: "alpine:3.20" }] }
`;

function block(policies: string): ReturnType<typeof kubernetes> {
	return kubernetes(`${PODS}\n---\n${policies.trim()}`);
}

function can(policies: string, query: TraceQuery): boolean {
	const analysis = block(policies);
	expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	if (!analysis.model) throw new Error('no model');
	return trace(analysis.model, query).allowed;
}

const policy = (name: string, spec: string): string => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: ${name}, namespace: prod }\nspec: ${spec}`;

describe('NetworkPolicy semantics in trace', () => {
	it('a pod no policy selects is open in both directions', () => {
		expect(can(policy('only-db', '{ podSelector: { matchLabels: { app: db } }, ingress: [] }'), { from: 'prod/web', to: 'prod/api', port: 8080 })).toBe(true);
		expect(can('', { from: 'dev/tool', to: 'prod/db', port: 5432 })).toBe(true);
	});

	it('a selected pod with no ingress rules admits nothing (default deny), from any namespace', () => {
		const deny = policy('deny', '{ podSelector: {}, policyTypes: [Ingress] }');
		expect(can(deny, { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(false);
		expect(can(deny, { from: 'dev/tool', to: 'prod/db', port: 5432 })).toBe(false);
	});

	it('an empty rule (`- {}`) admits everything', () => {
		expect(can(policy('all', '{ podSelector: {}, ingress: [{}] }'), { from: 'dev/tool', to: 'prod/db', port: 5432 })).toBe(true);
	});

	it('policies are ORed: a deny-all and an allow for one pod allow that pod', () => {
		const both = `${policy('deny', '{ podSelector: {}, ingress: [] }')}\n---\n${policy('allow-web', '{ podSelector: { matchLabels: { app: db } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }] }] }')}`;
		expect(can(both, { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(true);
		expect(can(both, { from: 'prod/api', to: 'prod/db', port: 5432 })).toBe(false);
	});

	it('rules of one policy are ORed', () => {
		const p = policy('db', '{ podSelector: { matchLabels: { app: db } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }] }, { from: [{ podSelector: { matchLabels: { app: api } } }] }] }');
		expect(can(p, { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(true);
		expect(can(p, { from: 'prod/api', to: 'prod/db', port: 5432 })).toBe(true);
	});

	it('a podSelector alone means pods of the policy’s own namespace', () => {
		const p = policy('db', '{ podSelector: { matchLabels: { app: db } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: web } } }] }] }');
		expect(can(p, { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(true);
		// dev/tool has app=web too, but lives in another namespace.
		expect(can(p, { from: 'dev/tool', to: 'prod/db', port: 5432 })).toBe(false);
	});

	it('a namespaceSelector alone admits every pod of the matching namespaces', () => {
		const p = policy('db', '{ podSelector: { matchLabels: { app: db } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: dev } } }] }] }');
		expect(can(p, { from: 'dev/tool', to: 'prod/db', port: 5432 })).toBe(true);
		expect(can(p, { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(false);
	});

	it('namespaceSelector and podSelector in one peer are ANDed; in two peers ORed', () => {
		const and = policy('db', '{ podSelector: { matchLabels: { app: db } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: dev } }, podSelector: { matchLabels: { app: api } } }] }] }');
		expect(can(and, { from: 'dev/tool', to: 'prod/db', port: 5432 })).toBe(false);
		expect(can(and, { from: 'prod/api', to: 'prod/db', port: 5432 })).toBe(false);
		const or = policy('db', '{ podSelector: { matchLabels: { app: db } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: dev } } }, { podSelector: { matchLabels: { app: api } } }] }] }');
		expect(can(or, { from: 'dev/tool', to: 'prod/db', port: 5432 })).toBe(true);
		expect(can(or, { from: 'prod/api', to: 'prod/db', port: 5432 })).toBe(true);
		expect(can(or, { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(false);
	});

	it('matchExpressions: In, NotIn, Exists, DoesNotExist', () => {
		const expr = (e: string): string => policy('db', `{ podSelector: { matchLabels: { app: db } }, ingress: [{ from: [{ podSelector: { matchExpressions: [${e}] } }] }] }`);
		expect(can(expr('{ key: tier, operator: In, values: [front] }'), { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(true);
		expect(can(expr('{ key: tier, operator: In, values: [front] }'), { from: 'prod/api', to: 'prod/db', port: 5432 })).toBe(false);
		expect(can(expr('{ key: tier, operator: NotIn, values: [front] }'), { from: 'prod/api', to: 'prod/db', port: 5432 })).toBe(true);
		expect(can(expr('{ key: tier, operator: Exists }'), { from: 'prod/api', to: 'prod/db', port: 5432 })).toBe(true);
		expect(can(expr('{ key: tier, operator: DoesNotExist }'), { from: 'prod/api', to: 'prod/db', port: 5432 })).toBe(false);
	});

	it('ipBlock with except matches addresses outside the cluster, never pods', () => {
		const p = policy('egress', '{ podSelector: { matchLabels: { app: api } }, policyTypes: [Egress], egress: [{ to: [{ ipBlock: { cidr: 10.0.0.0/8, except: [10.1.0.0/16] } }] }] }');
		expect(can(p, { from: 'prod/api', to: '10.2.3.4', port: 443 })).toBe(true);
		expect(can(p, { from: 'prod/api', to: '10.1.3.4', port: 443 })).toBe(false);
		expect(can(p, { from: 'prod/api', to: 'prod/db', port: 5432 })).toBe(false);
		expect(can(p, { from: 'prod/api', to: 'internet', port: 443 })).toBe(false);
		const world = policy('egress', '{ podSelector: { matchLabels: { app: api } }, policyTypes: [Egress], egress: [{ to: [{ ipBlock: { cidr: 0.0.0.0/0, except: [10.0.0.0/8] } }] }] }');
		expect(can(world, { from: 'prod/api', to: 'internet', port: 443 })).toBe(true);
	});

	it('ports: the protocol must match (TCP by default)', () => {
		const p = policy('db', '{ podSelector: { matchLabels: { app: db } }, ingress: [{ ports: [{ protocol: UDP, port: 5433 }] }] }');
		expect(can(p, { from: 'prod/web', to: 'prod/db', port: 5433, proto: 'udp' })).toBe(true);
		expect(can(p, { from: 'prod/web', to: 'prod/db', port: 5433, proto: 'tcp' })).toBe(false);
		const tcp = policy('db', '{ podSelector: { matchLabels: { app: db } }, ingress: [{ ports: [{ port: 5432 }] }] }');
		expect(can(tcp, { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(true);
		expect(can(tcp, { from: 'prod/web', to: 'prod/db', port: 5433, proto: 'udp' })).toBe(false);
	});

	it('a named port means the destination container port of that name', () => {
		const p = policy('api', '{ podSelector: { matchLabels: { app: api } }, ingress: [{ ports: [{ port: metrics }] }] }');
		expect(can(p, { from: 'prod/web', to: 'prod/api', port: 9090 })).toBe(true);
		expect(can(p, { from: 'prod/web', to: 'prod/api', port: 8080 })).toBe(false);
	});

	it('endPort makes a range, both ends included', () => {
		const p = policy('api', '{ podSelector: { matchLabels: { app: api } }, ingress: [{ ports: [{ port: 8000, endPort: 8080 }] }] }');
		expect(can(p, { from: 'prod/web', to: 'prod/api', port: 8080 })).toBe(true);
		expect(can(p, { from: 'prod/web', to: 'prod/api', port: 8000 })).toBe(true);
		expect(can(p, { from: 'prod/web', to: 'prod/api', port: 9090 })).toBe(false);
	});

	it('egress: Egress is implied by egress rules; policyTypes [Ingress] ignores them; an empty egress list isolates only when listed', () => {
		const implied = policy('web-out', '{ podSelector: { matchLabels: { app: web } }, egress: [{ to: [{ podSelector: { matchLabels: { app: api } } }] }] }');
		expect(can(implied, { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(false);
		expect(can(implied, { from: 'prod/web', to: 'prod/api', port: 8080 })).toBe(true);
		const ingressOnly = policy('web-out', '{ podSelector: { matchLabels: { app: web } }, policyTypes: [Ingress], ingress: [{}], egress: [{ to: [{ podSelector: { matchLabels: { app: api } } }] }] }');
		expect(can(ingressOnly, { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(true);
		// `egress: []` has no rules, so Egress is not implied: web stays open outwards.
		expect(can(policy('x', '{ podSelector: { matchLabels: { app: web } }, egress: [] }'), { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(true);
		expect(can(policy('x', '{ podSelector: {}, policyTypes: [Egress] }'), { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(false);
	});

	it('both ends must allow: the source’s egress and the destination’s ingress', () => {
		const egressAllows = `${policy('web-out', '{ podSelector: { matchLabels: { app: web } }, policyTypes: [Egress], egress: [{}] }')}\n---\n${policy('db-in', '{ podSelector: { matchLabels: { app: db } }, ingress: [] }')}`;
		expect(can(egressAllows, { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(false);
		const ingressAllows = `${policy('web-out', '{ podSelector: { matchLabels: { app: web } }, policyTypes: [Egress] }')}\n---\n${policy('db-in', '{ podSelector: { matchLabels: { app: db } }, ingress: [{}] }')}`;
		expect(can(ingressAllows, { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(false);
	});

	it('replies are allowed: a destination isolated for egress still answers', () => {
		expect(can(policy('db-out', '{ podSelector: { matchLabels: { app: db } }, policyTypes: [Egress] }'), { from: 'prod/web', to: 'prod/db', port: 5432 })).toBe(true);
	});

	it('each hop names the deciding policy and rule in words', () => {
		const analysis = block(policy('db-from-web', '{ podSelector: { matchLabels: { app: db } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: api } } }] }, { from: [{ podSelector: { matchLabels: { app: web } } }], ports: [{ port: 5432 }] }] }'));
		if (!analysis.model) throw new Error('no model');
		const ok = trace(analysis.model, { from: 'prod/web', to: 'prod/db', port: 5432 });
		const hop = ok.hops.find((h) => h.step === 'ingress');
		expect(hop?.rule).toBe('db-from-web ingress rule 2');
		expect(hop?.reason).toContain('from pods app=web of namespace prod, on TCP 5432');
		const no = trace(analysis.model, { from: 'dev/tool', to: 'prod/db', port: 5432 });
		expect(no.allowed).toBe(false);
		expect(no.summary).toContain('isolated for ingress by NetworkPolicy db-from-web');
		expect(no.hops[no.blockedAt ?? -1]?.resource).toBe('prod/db');
	});

	it('reports policy mistakes at their line: ipBlock mixed with a selector, endPort on a named port', () => {
		const analysis = block(policy('bad', '{ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: 10.0.0.0/8 }, podSelector: {} }], ports: [{ port: http, endPort: 90 }] }] }'));
		expect(codes(analysis)).toEqual(expect.arrayContaining(['invalid-rule']));
		const line = PODS.trim().split('\n').length + 2 + 4;
		expect(analysis.diagnostics.filter((d) => d.code === 'invalid-rule').map((d) => d.line)).toEqual([line, line]);
	});
});
