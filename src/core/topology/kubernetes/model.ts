/**
 * The checked model of a `kubernetes` block: pasted manifests (Namespaces, workloads, Services,
 * Ingresses, NetworkPolicies) as the cluster would hold them. Objects without a namespace land in
 * the block's default namespace (`default`, or the one our `kind: Flows` document names), as
 * `kubectl apply -f` would put them.
 *
 * Resource names (the diagram's, the details panel's and trace's) are unique in a block:
 * workloads `namespace/name`, Services `svc/namespace/name`, Ingresses `ingress/namespace/name`,
 * policies `netpol/namespace/name`, namespaces `namespace/name`. Trace also takes the short forms
 * people type (`web`, `svc/web`, `deploy/web`, a host and path of an Ingress).
 */

import type { Pos } from '../shared/diagnostic';
import type { FlowSpec } from '../shared/flow-model';

export type Labels = Readonly<Record<string, string>>;

export type K8sProto = 'TCP' | 'UDP' | 'SCTP';

export interface SelectorRequirement {
	key: string;
	operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
	values: string[];
}

/** A label selector; an empty one (`{}`) selects everything. */
export interface LabelSelector {
	matchLabels: Labels;
	matchExpressions: SelectorRequirement[];
	pos: Pos;
}

export interface ContainerPort {
	name: string | null;
	port: number;
	proto: K8sProto;
	hostPort: number | null;
	pos: Pos;
}

export interface Container {
	name: string;
	image: string | null;
	imagePos: Pos;
	ports: ContainerPort[];
	pos: Pos;
}

export const WORKLOAD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** A Pod, or a controller's pod template: every pod it runs has these labels and containers. */
export interface Workload {
	resource: string;
	kind: WorkloadKind;
	name: string;
	namespace: string;
	/** The pods' labels (a controller's `spec.template.metadata.labels`). */
	labels: Labels;
	/** Pods it runs: `replicas` (1 when unset), null for a DaemonSet (one per node). */
	replicas: number | null;
	containers: Container[];
	hostNetwork: boolean;
	hostNetworkPos: Pos;
	pos: Pos;
}

export interface ServicePort {
	name: string | null;
	port: number;
	/** A number, or the name of a container port of the selected pods. */
	targetPort: number | string;
	proto: K8sProto;
	nodePort: number | null;
	pos: Pos;
	targetPos: Pos;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface Service {
	resource: string;
	name: string;
	namespace: string;
	type: ServiceType;
	headless: boolean;
	/** Null when the Service has no selector (its endpoints are managed by hand). */
	selector: Labels | null;
	selectorPos: Pos;
	ports: ServicePort[];
	externalName: string | null;
	pos: Pos;
}

export interface IngressBackend {
	service: string;
	/** A Service port number or name. */
	port: number | string | null;
	pos: Pos;
}

export interface IngressPath {
	host: string | null;
	path: string;
	pathType: string;
	backend: IngressBackend;
}

export interface Ingress {
	resource: string;
	name: string;
	namespace: string;
	className: string | null;
	paths: IngressPath[];
	defaultBackend: IngressBackend | null;
	tlsHosts: string[];
	pos: Pos;
}

export interface IpBlock {
	cidr: string;
	except: string[];
}

/** One entry of a rule's `from`/`to`. */
export interface PolicyPeer {
	podSelector: LabelSelector | null;
	namespaceSelector: LabelSelector | null;
	ipBlock: IpBlock | null;
	pos: Pos;
}

export interface PolicyPort {
	proto: K8sProto;
	/** Null: every port of the protocol. */
	port: number | string | null;
	endPort: number | null;
	pos: Pos;
}

export interface PolicyRule {
	/** 1-based place among the policy's ingress (or egress) rules, for "rule 2" in words. */
	index: number;
	/** Empty: every peer (no `from`/`to`, or an empty list). */
	peers: PolicyPeer[];
	/** Empty: every port. */
	ports: PolicyPort[];
	pos: Pos;
}

export interface NetworkPolicy {
	resource: string;
	name: string;
	namespace: string;
	podSelector: LabelSelector;
	/** Which directions it isolates (policyTypes, or Kubernetes' default for it). */
	ingressIsolation: boolean;
	egressIsolation: boolean;
	ingress: PolicyRule[];
	egress: PolicyRule[];
	pos: Pos;
}

export interface Namespace {
	resource: string;
	name: string;
	/** Its labels, with `kubernetes.io/metadata.name` as every cluster since 1.22 sets it. */
	labels: Labels;
	/** False for a namespace only named by other objects. */
	declared: boolean;
	pos: Pos;
}

export interface KubernetesModel {
	readonly kind: 'kubernetes';
	pos: Pos;
	defaultNamespace: string;
	namespaces: Map<string, Namespace>;
	workloads: Workload[];
	services: Service[];
	ingresses: Ingress[];
	policies: NetworkPolicy[];
	flows: FlowSpec[];
	tooLarge: boolean;
}

export const NAME_LABEL = 'kubernetes.io/metadata.name';

export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
	// A loop over keys, not Object.entries: diagrams evaluate thousands of pairs and this is their inner loop.
	const wanted = selector.matchLabels;
	for (const key in wanted) if (labels[key] !== wanted[key]) return false;
	for (const req of selector.matchExpressions) {
		const has = Object.prototype.hasOwnProperty.call(labels, req.key);
		const value = labels[req.key];
		switch (req.operator) {
			case 'In':
				if (!has || !req.values.includes(value ?? '')) return false;
				break;
			case 'NotIn':
				if (has && req.values.includes(value ?? '')) return false;
				break;
			case 'Exists':
				if (!has) return false;
				break;
			case 'DoesNotExist':
				if (has) return false;
				break;
		}
	}
	return true;
}

export function selectorIsEmpty(selector: LabelSelector): boolean {
	return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/** A selector in words: `app=web, tier in (a, b)`, or `every pod` / `every namespace` when empty. */
export function describeSelector(selector: LabelSelector, what: 'pod' | 'namespace'): string {
	if (selectorIsEmpty(selector)) return `every ${what}`;
	const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
	for (const r of selector.matchExpressions) {
		if (r.operator === 'Exists') parts.push(r.key);
		else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
		else parts.push(`${r.key} ${r.operator === 'In' ? 'in' : 'notin'} (${r.values.join(', ')})`);
	}
	return parts.join(', ');
}

export function describeLabels(labels: Labels): string {
	const parts = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
	return parts.length ? parts.join(', ') : 'none';
}

/** The workloads a Service selects (its namespace, its selector); none without a selector. */
export function selectedBy(model: KubernetesModel, service: Service): Workload[] {
	const selector = service.selector;
	if (!selector || Object.keys(selector).length === 0) return [];
	return model.workloads.filter((w) => w.namespace === service.namespace && Object.entries(selector).every(([k, v]) => w.labels[k] === v));
}

export function namespaceLabels(model: KubernetesModel, name: string): Labels {
	return model.namespaces.get(name)?.labels ?? { [NAME_LABEL]: name };
}

export function findService(model: KubernetesModel, namespace: string, name: string): Service | undefined {
	return model.services.find((s) => s.namespace === namespace && s.name === name);
}

export function namespaceResource(name: string): string {
	return `namespace/${name}`;
}

/** The name shown for the block: its namespaces. */
export function clusterTitle(model: KubernetesModel): string {
	const names = [...model.namespaces.keys()];
	return names.length === 1 ? (names[0] ?? 'cluster') : 'cluster';
}
