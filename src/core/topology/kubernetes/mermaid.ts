/**
 * A `kubernetes` block drawn (every label shows its resource's name, the one trace and the details use): namespaces as groups holding their workloads (with replica counts),
 * Services pointing at the workloads they select, Ingresses fed from the internet, and what the
 * NetworkPolicies allow between workloads as edges labelled with the deciding policy. With
 * `showDenied`, pairs a policy isolates and nothing allows are drawn too, crossed out.
 */

import { Builder, OPTIONAL_EDGE_BUDGET, type DiagramColors, type MermaidDiagram, type NodeIcon, type Shape } from '../shared/mermaid-builder';
import { labelLines, mermaidIdFor } from '../shared/mermaid-text';
import { findService, selectedBy, type KubernetesModel, type Workload, type WorkloadKind } from './model';
import { policyPairs } from './pairs';
import { isolatingPolicies, podParty, type Packet } from './policy';
import { targetPortOn } from './trace';

const DATABASE_IMAGES = /(^|\/)(postgres|postgis|mysql|mariadb|mongo|redis|valkey|memcached|cassandra|elasticsearch|opensearch|clickhouse|etcd)(:|$)/i;

function workloadShape(w: Workload): Shape {
	return w.kind === 'StatefulSet' || w.containers.some((c) => c.image && DATABASE_IMAGES.test(c.image)) ? 'cylinder' : 'box';
}

/** Each kind's icon from the Kubernetes community set (see shared/icons/kubernetes.generated.ts). */
const KIND_ICONS: Record<WorkloadKind, string> = {
	Pod: 'k8s-pod',
	Deployment: 'k8s-deployment',
	StatefulSet: 'k8s-statefulset',
	DaemonSet: 'k8s-daemonset',
	ReplicaSet: 'k8s-replicaset',
	Job: 'k8s-job',
	CronJob: 'k8s-cronjob',
};
const k8sIcon = (id: string): NodeIcon => ({ id, category: 'bare' });

/** The policies that select a workload (it is isolated by them), for its badge's tooltip. */
function policiesOn(model: KubernetesModel, w: Workload): string[] {
	const pod = podParty(w);
	return [...new Set([...isolatingPolicies(model, pod, 'ingress'), ...isolatingPolicies(model, pod, 'egress')].map((p) => p.name))];
}

function replicasText(w: Workload): string {
	if (w.replicas === null) return `${w.kind} · one per node`;
	return w.kind === 'Pod' ? 'Pod' : `${w.kind} × ${w.replicas}`;
}

export function kubernetesDrawsInternet(model: KubernetesModel): boolean {
	return model.ingresses.length > 0 || model.services.some((s) => s.type === 'LoadBalancer' || s.type === 'NodePort');
}

function packetLabel(packet: Packet): string {
	return packet.port === null ? 'any port' : `${packet.proto === 'TCP' ? '' : `${packet.proto} `}${packet.port}`;
}

export function kubernetesDiagram(model: KubernetesModel, colors: DiagramColors | undefined, direction: 'TB' | 'LR', showDenied = false, icons = false): MermaidDiagram {
	const b = new Builder(direction, colors, icons);
	if (kubernetesDrawsInternet(model)) b.node('internet', mermaidIdFor('internet'), 'circle', 'internet', 'cnInternet', { id: 'internet', category: 'general' });
	for (const ns of model.namespaces.values()) {
		const workloads = model.workloads.filter((w) => w.namespace === ns.name);
		const services = model.services.filter((s) => s.namespace === ns.name);
		const ingresses = model.ingresses.filter((i) => i.namespace === ns.name);
		if (!ns.declared && workloads.length + services.length + ingresses.length === 0) continue;
		b.open(ns.resource, mermaidIdFor(ns.resource), labelLines(ns.resource), b.fill('vpc'), 'k8s-namespace');
		for (const w of workloads) {
			const shape = workloadShape(w);
			b.node(w.resource, mermaidIdFor(w.resource), shape, labelLines(w.resource, replicasText(w)), shape === 'cylinder' ? 'cnDb' : 'cnNode', k8sIcon(KIND_ICONS[w.kind]));
			const policies = policiesOn(model, w);
			// The policies that isolate it, as a badge (they are not nodes: their effect is the edges).
			if (policies.length) b.badge(mermaidIdFor(w.resource), 'k8s-network-policy', `network policies: ${policies.join(', ')}`);
		}
		for (const s of services) {
			const ports = s.ports.map((p) => String(p.port)).join(', ');
			b.node(s.resource, mermaidIdFor(s.resource), 'hexagon', labelLines(s.resource, `${s.headless ? 'headless' : s.type}${ports ? ` · ${ports}` : ''}`), 'cnNetwork', k8sIcon('k8s-service'));
		}
		for (const i of ingresses) {
			b.node(i.resource, mermaidIdFor(i.resource), 'parallelogram', labelLines(i.resource, i.paths[0] ? `${i.paths[0].host ?? '*'}${i.paths[0].path}` : null), 'cnGateway', k8sIcon('k8s-ingress'));
		}
		b.close();
	}
	for (const i of model.ingresses) {
		b.edge('internet', i.resource, i.tlsHosts.length ? 'https' : 'http');
		const seen = new Set<string>();
		for (const backend of [...i.paths.map((p) => ({ ...p.backend, label: `${p.host ?? ''}${p.path}` })), ...(i.defaultBackend ? [{ ...i.defaultBackend, label: 'default' }] : [])]) {
			const service = findService(model, i.namespace, backend.service);
			if (!service || seen.has(service.resource)) continue;
			seen.add(service.resource);
			b.edge(i.resource, service.resource, backend.label);
		}
	}
	for (const s of model.services) {
		if (s.type === 'LoadBalancer' || s.type === 'NodePort') b.edge('internet', s.resource, `${s.type === 'NodePort' ? 'node port ' : ''}${s.ports.map((p) => (s.type === 'NodePort' && p.nodePort ? p.nodePort : p.port)).join(', ')}`);
		for (const w of selectedBy(model, s)) {
			const targets = [...new Set(s.ports.map((p) => targetPortOn(w, p.targetPort, p.proto) ?? String(p.targetPort)))];
			b.edge(s.resource, w.resource, targets.length ? `→ ${targets.join(', ')}` : '', '-.->');
		}
	}
	let budget = OPTIONAL_EDGE_BUDGET;
	for (const pair of policyPairs(model)) {
		if (budget <= 0) break;
		if (pair.allowed.length > 0) {
			const ports = pair.allowed.map((a) => packetLabel(a.packet)).join(', ');
			const by = [...new Set(pair.allowed.map((a) => a.by))].join('; ');
			b.edge(pair.from.resource, pair.to.resource, `${ports} (${by})`, '==>');
			budget--;
		} else if (showDenied) {
			b.edge(pair.from.resource, pair.to.resource, 'denied', '--x');
			budget--;
		}
	}
	return b.finish({ cnInternet: 'internet', cnNode: 'node', cnDb: 'database', cnNetwork: 'network', cnGateway: 'gateway' });
}
