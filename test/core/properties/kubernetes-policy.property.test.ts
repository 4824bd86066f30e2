/**
 * Random NetworkPolicies over a fixed set of pods: for every pair of pods and every port of the
 * block, trace's verdict equals a brute-force reading of the specification written here from the
 * generated objects (not from our parsed model), so the parser and the semantics are both checked.
 */
import fc from 'fast-check';
import { analyzeTopology, trace } from '../../../src/core/topology';
import type { KubernetesModel } from '../../../src/core/topology/kubernetes/model';
import { pairPackets, policyPairs } from '../../../src/core/topology/kubernetes/pairs';
import { runs, SEED } from './arbitraries';

type Labels = Record<string, string>;
interface Expr { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }
interface Selector { matchLabels?: Labels; matchExpressions?: Expr[] }
interface Peer { podSelector?: Selector; namespaceSelector?: Selector; ipBlock?: { cidr: string; except?: string[] } }
interface Port { protocol?: 'TCP' | 'UDP'; port?: number | string; endPort?: number }
interface Rule { peers?: Peer[]; ports?: Port[] }
interface Policy { namespace: string; podSelector: Selector; policyTypes?: ('Ingress' | 'Egress')[]; ingress?: Rule[]; egress?: Rule[] }

const NAMESPACES: Record<string, Labels> = { prod: { env: 'prod' }, dev: { env: 'dev' }, ops: {} };
const PODS: { name: string; namespace: string; labels: Labels; ports: { name: string; port: number; protocol: 'TCP' | 'UDP' }[] }[] = [
	{ name: 'web', namespace: 'prod', labels: { app: 'web', tier: 'front' }, ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
	{ name: 'api', namespace: 'prod', labels: { app: 'api', tier: 'back' }, ports: [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP' }] },
	{ name: 'db', namespace: 'prod', labels: { app: 'db' }, ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] },
	{ name: 'tool', namespace: 'dev', labels: { app: 'web' }, ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
	{ name: 'mon', namespace: 'ops', labels: { app: 'mon', tier: 'back' }, ports: [] },
];
const PACKETS: { port: number; proto: 'tcp' | 'udp' }[] = [
	{ port: 80, proto: 'tcp' },
	{ port: 8080, proto: 'tcp' },
	{ port: 5432, proto: 'tcp' },
	{ port: 53, proto: 'udp' },
	{ port: 8000, proto: 'tcp' },
];

const labelKey = fc.constantFrom('app', 'tier', 'env');
const labelValue = fc.constantFrom('web', 'api', 'db', 'front', 'back', 'prod', 'dev', 'mon');
const matchLabels = fc.dictionary(labelKey, labelValue, { maxKeys: 2 });
const expr: fc.Arbitrary<Expr> = fc.oneof(
	fc.record({ key: labelKey, operator: fc.constantFrom('In' as const, 'NotIn' as const), values: fc.array(labelValue, { minLength: 1, maxLength: 2 }) }),
	fc.record({ key: labelKey, operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const) }),
);
const selector: fc.Arbitrary<Selector> = fc.record({ matchLabels, matchExpressions: fc.array(expr, { maxLength: 1 }) }, { requiredKeys: [] });
const peer: fc.Arbitrary<Peer> = fc.oneof(
	{ weight: 4, arbitrary: fc.record({ podSelector: selector, namespaceSelector: selector }, { requiredKeys: [] }).filter((p) => Object.keys(p).length > 0) },
	{ weight: 1, arbitrary: fc.record({ ipBlock: fc.record({ cidr: fc.constantFrom('10.0.0.0/8', '0.0.0.0/0'), except: fc.array(fc.constantFrom('10.1.0.0/16'), { maxLength: 1 }) }) }) },
);
const port: fc.Arbitrary<Port> = fc.oneof(
	fc.record({ protocol: fc.constantFrom('TCP' as const, 'UDP' as const), port: fc.constantFrom(80, 8080, 5432, 53) }, { requiredKeys: [] }),
	fc.record({ protocol: fc.constantFrom('TCP' as const, 'UDP' as const), port: fc.constantFrom('http', 'pg', 'dns') }, { requiredKeys: ['port'] }),
	fc.record({ port: fc.constantFrom(80, 5000), endPort: fc.constantFrom(8080, 9000) }),
);
const rule: fc.Arbitrary<Rule> = fc.record({ peers: fc.array(peer, { maxLength: 2 }), ports: fc.array(port, { maxLength: 2 }) }, { requiredKeys: [] });
const policy: fc.Arbitrary<Policy> = fc.record(
	{
		namespace: fc.constantFrom('prod', 'dev', 'ops'),
		podSelector: selector,
		policyTypes: fc.subarray(['Ingress', 'Egress'] as ('Ingress' | 'Egress')[]),
		ingress: fc.array(rule, { maxLength: 2 }),
		egress: fc.array(rule, { maxLength: 2 }),
	},
	{ requiredKeys: ['namespace', 'podSelector'] },
);

// ------------------------------------------------------------ the specification, by brute force

function matches(sel: Selector, labels: Labels): boolean {
	for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
	for (const e of sel.matchExpressions ?? []) {
		const has = k(labels, e.key);
		if (e.operator === 'In' && !(has && (e.values ?? []).includes(labels[e.key] ?? ''))) return false;
		if (e.operator === 'NotIn' && has && (e.values ?? []).includes(labels[e.key] ?? '')) return false;
		if (e.operator === 'Exists' && !has) return false;
		if (e.operator === 'DoesNotExist' && has) return false;
	}
	return true;
}
const k = (labels: Labels, key: string): boolean => Object.prototype.hasOwnProperty.call(labels, key);

function types(p: Policy): string[] {
	if (p.policyTypes) return p.policyTypes;
	return (p.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

type Pod = (typeof PODS)[number];

function admits(p: Policy, rules: Rule[], other: Pod, dest: Pod, packet: (typeof PACKETS)[number]): boolean {
	return rules.some((r) => {
		const peerOk =
			(r.peers ?? []).length === 0 ||
			(r.peers ?? []).some((peer) => {
				if (peer.ipBlock) return false; // pods are not matched by ipBlock
				const nsLabels = { ...NAMESPACES[other.namespace], 'kubernetes.io/metadata.name': other.namespace };
				const nsOk = peer.namespaceSelector ? matches(peer.namespaceSelector, nsLabels) : other.namespace === p.namespace;
				const podOk = peer.podSelector ? matches(peer.podSelector, other.labels) : true;
				return nsOk && podOk;
			});
		const portOk =
			(r.ports ?? []).length === 0 ||
			(r.ports ?? []).some((port) => {
				const proto = port.protocol ?? 'TCP';
				if (proto.toLowerCase() !== packet.proto) return false;
				if (port.port === undefined) return true;
				if (typeof port.port === 'string') return dest.ports.some((c) => c.name === port.port && c.protocol === proto && c.port === packet.port);
				return port.endPort !== undefined ? port.port <= packet.port && packet.port <= port.endPort : port.port === packet.port;
			});
		return peerOk && portOk;
	});
}

function direction(policies: Policy[], pod: Pod, dir: 'Ingress' | 'Egress', other: Pod, dest: Pod, packet: (typeof PACKETS)[number]): boolean {
	const selecting = policies.filter((p) => p.namespace === pod.namespace && types(p).includes(dir) && matches(p.podSelector, pod.labels));
	if (selecting.length === 0) return true;
	return selecting.some((p) => admits(p, (dir === 'Ingress' ? p.ingress : p.egress) ?? [], other, dest, packet));
}

function expected(policies: Policy[], from: Pod, to: Pod, packet: (typeof PACKETS)[number]): boolean {
	return direction(policies, from, 'Egress', to, to, packet) && direction(policies, to, 'Ingress', from, to, packet);
}

// ------------------------------------------------------------ the block

function manifests(policies: Policy[]): string {
	const docs: unknown[] = [];
	for (const [name, labels] of Object.entries(NAMESPACES)) docs.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
	for (const pod of PODS) {
		docs.push({
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: { name: pod.name, namespace: pod.namespace, labels: pod.labels },
			spec: { containers: [{ name: pod.name, image: 'example:1.0', ports: pod.ports.map((p) => ({ name: p.name, containerPort: p.port, protocol: p.protocol })) }] },
		});
	}
	policies.forEach((p, i) => {
		const spec: Record<string, unknown> = { podSelector: p.podSelector };
		if (p.policyTypes) spec.policyTypes = p.policyTypes;
		const rules = (list: Rule[] | undefined, key: 'from' | 'to') => list?.map((r) => ({ ...(r.peers ? { [key]: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) }));
		if (p.ingress) spec.ingress = rules(p.ingress, 'from');
		if (p.egress) spec.egress = rules(p.egress, 'to');
		docs.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `p${i}`, namespace: p.namespace }, spec });
	});
	return docs.map((d) => JSON.stringify(d)).join('\n---\n');
}

describe(`NetworkPolicy trace against the specification (seed ${SEED})`, () => {
	const numRuns = Math.min(runs().numRuns ?? 1000, 1500);
	it(`trace equals a brute-force evaluation over every pod pair and port (${numRuns} random policy sets)`, () => {
		fc.assert(
			fc.property(fc.array(policy, { maxLength: 4 }), (policies) => {
				const analysis = analyzeTopology('kubernetes', manifests(policies), 1);
				const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
				expect(errors).toEqual([]);
				const model = analysis.model;
				if (!model) throw new Error('no model');
				for (const from of PODS) {
					for (const to of PODS) {
						if (from === to) continue;
						for (const packet of PACKETS) {
							const got = trace(model, { from: `${from.namespace}/${from.name}`, to: `pod/${to.namespace}/${to.name}`, port: packet.port, proto: packet.proto }).allowed;
							const want = expected(policies, from, to, packet);
							if (got !== want) throw new Error(`${from.name} -> ${to.name} ${packet.proto}/${packet.port}: trace ${got}, specification ${want}`);
						}
					}
				}
				// The diagram's edges (policyPairs, evaluated its own faster way) say what trace says.
				const k8s = model as KubernetesModel;
				const pairs = new Map(policyPairs(k8s).map((p) => [`${p.from.resource} ${p.to.resource}`, p]));
				for (const from of k8s.workloads) {
					for (const to of k8s.workloads) {
						if (from === to) continue;
						const pair = pairs.get(`${from.resource} ${to.resource}`);
						for (const packet of pairPackets(to)) {
							if (packet.port === null || packet.proto === 'SCTP' || packet.proto === null) continue;
							const drawn = pair ? pair.allowed.some((a) => a.packet.port === packet.port && a.packet.proto === packet.proto) : true;
							const traced = trace(model, { from: from.resource, to: to.resource, port: packet.port, proto: packet.proto === 'UDP' ? 'udp' : 'tcp' }).allowed;
							if (drawn !== traced) throw new Error(`${from.resource} -> ${to.resource} ${packet.proto}/${packet.port}: diagram ${drawn}, trace ${traced}`);
						}
					}
				}
			}),
			runs({ numRuns }),
		);
	});
});
