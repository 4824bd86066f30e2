/**
 * Manifests of a `kubernetes` block -> KubernetesModel. Pasted as they are: `---` between
 * documents, `kind: List` wrappers, fields we do not draw accepted silently. Where the schema is
 * small and a typo changes the meaning (a NetworkPolicy's rules and peers, label selectors),
 * unknown fields are reported with a did-you-mean, because Kubernetes would reject them too.
 */

import type { Pos } from '../shared/diagnostic';
import { parseFlows } from '../shared/flow-model';
import { parseCidr } from '../shared/cidr';
import { didYouMean } from '../shared/did-you-mean';
import type { YamlNode } from '../yaml/yaml-nodes';
import type { Entry, YamlSource } from '../yaml/yaml-source';
import {
	NAME_LABEL,
	WORKLOAD_KINDS,
	namespaceResource,
	type Container,
	type ContainerPort,
	type Ingress,
	type IngressBackend,
	type K8sProto,
	type KubernetesModel,
	type LabelSelector,
	type NetworkPolicy,
	type PolicyPeer,
	type PolicyPort,
	type PolicyRule,
	type Service,
	type ServicePort,
	type ServiceType,
	type Workload,
	type WorkloadKind,
} from './model';

/** Our own document kind: declared flows and the block's default namespace. */
const FLOWS_KIND = 'Flows';
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
/** Kubernetes object names: DNS labels or subdomains. */
const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

type Fields = Map<string, Entry>;

interface Manifest {
	kind: string;
	kindPos: Pos;
	fields: Fields;
	pos: Pos;
}

class Reader {
	readonly model: KubernetesModel;
	/** `kind namespace/name` -> line, for duplicate-name. */
	private readonly seen = new Map<string, number>();
	private readonly names = new Set<string>();

	constructor(readonly src: YamlSource) {
		this.model = {
			kind: 'kubernetes',
			pos: src.start,
			defaultNamespace: 'default',
			namespaces: new Map(),
			workloads: [],
			services: [],
			ingresses: [],
			policies: [],
			flows: [],
			tooLarge: false,
		};
	}

	/** A resource name no other resource of the block has (a Pod and a Deployment may share `ns/name`). */
	uniqueName(base: string, kind: string): string {
		let name = base;
		if (this.names.has(name)) name = `${base} (${kind.toLowerCase()})`;
		for (let k = 2; this.names.has(name); k++) name = `${base} (${kind.toLowerCase()} ${k})`;
		this.names.add(name);
		return name;
	}

	map(node: YamlNode | null): Fields {
		const out: Fields = new Map();
		for (const entry of this.src.entries(node, 'manifest')) out.set(entry.key, entry);
		return out;
	}

	text(fields: Fields, key: string): string | null {
		const value = this.src.text(fields.get(key)?.value ?? null);
		return value === null ? null : value.trim();
	}

	posOf(fields: Fields, key: string, fallback: Pos): Pos {
		return fields.get(key)?.valuePos ?? fallback;
	}

	labels(node: YamlNode | null | undefined, what: string): Record<string, string> {
		const out: Record<string, string> = {};
		if (!node || this.src.isNull(node)) return out;
		if (!this.src.isMap(node)) {
			this.src.report(this.src.posOf(node), 'invalid-value', `${what} is a mapping of label keys to values`);
			return out;
		}
		for (const entry of this.src.entries(node, what)) out[entry.key] = this.src.text(entry.value) ?? '';
		return out;
	}

	namespace(name: string, pos: Pos): void {
		if (this.model.namespaces.has(name)) return;
		this.model.namespaces.set(name, { resource: namespaceResource(name), name, labels: { [NAME_LABEL]: name }, declared: false, pos });
	}

	read(): KubernetesModel {
		const src = this.src;
		const manifests: Manifest[] = [];
		for (const doc of src.documents) this.collect(doc, manifests);
		if (manifests.length === 0 && src.documents.length === 0) {
			src.report(src.start, 'missing-field', 'this kubernetes block is empty: paste manifests (Deployment, Service, NetworkPolicy, ...) separated by `---`');
		}
		// The default namespace first: it places every object that names none.
		for (const m of manifests) if (m.kind === FLOWS_KIND) this.flowsDocument(m);
		for (const m of manifests) {
			if (m.kind === FLOWS_KIND) continue;
			const metadata = this.map(m.fields.get('metadata')?.value ?? null);
			const nameText = this.text(metadata, 'name');
			if (!nameText) {
				src.report(m.fields.get('metadata')?.keyPos ?? m.pos, 'missing-field', `${m.kind} needs \`metadata.name\``);
				continue;
			}
			const namePos = this.posOf(metadata, 'name', m.pos);
			if (!NAME.test(nameText) || nameText.length > 253) {
				src.report(namePos, 'invalid-value', `\`${nameText}\` is not a Kubernetes name: lower-case letters, digits, \`-\` and \`.\`, starting and ending with a letter or digit`);
			}
			const namespace = m.kind === 'Namespace' ? nameText : (this.text(metadata, 'namespace') ?? this.model.defaultNamespace);
			const key = `${(WORKLOAD_KINDS as readonly string[]).includes(m.kind) ? 'workload' : m.kind} ${namespace}/${nameText}`;
			const previous = this.seen.get(key);
			if (previous !== undefined) {
				src.report(namePos, 'duplicate-name', `${m.kind} \`${nameText}\` is already declared in namespace \`${namespace}\` (line ${previous}); Kubernetes keeps one object per kind, namespace and name: rename one`);
				continue;
			}
			this.seen.set(key, namePos.line);
			const spec = this.map(m.fields.get('spec')?.value ?? null);
			const labels = this.labels(metadata.get('labels')?.value, '`metadata.labels`');
			if (m.kind !== 'Namespace') this.namespace(namespace, namePos);
			switch (m.kind) {
				case 'Namespace':
					this.model.namespaces.set(nameText, { resource: namespaceResource(nameText), name: nameText, labels: { ...labels, [NAME_LABEL]: nameText }, declared: true, pos: namePos });
					this.names.add(namespaceResource(nameText));
					break;
				case 'Service':
					this.service(nameText, namespace, spec, namePos);
					break;
				case 'Ingress':
					this.ingress(nameText, namespace, spec, namePos);
					break;
				case 'NetworkPolicy':
					this.policy(nameText, namespace, spec, m.fields.get('spec')?.keyPos ?? namePos, namePos);
					break;
				default:
					if ((WORKLOAD_KINDS as readonly string[]).includes(m.kind)) this.workload(m.kind as WorkloadKind, nameText, namespace, labels, spec, namePos);
			}
		}
		if (this.model.namespaces.size === 0) this.namespace(this.model.defaultNamespace, src.start);
		return this.model;
	}

	/** A document: one manifest, or a `List` of them. */
	collect(doc: YamlNode, out: Manifest[]): void {
		const src = this.src;
		if (src.isNull(doc)) return;
		const pos = src.posOf(doc);
		if (!src.isMap(doc)) {
			src.report(pos, 'invalid-value', 'each document of a kubernetes block is a manifest: a mapping with `apiVersion`, `kind` and `metadata`');
			return;
		}
		const fields = this.map(doc);
		const kindEntry = fields.get('kind');
		const kind = this.text(fields, 'kind');
		if (!kindEntry || !kind) {
			src.report(pos, 'missing-field', 'a manifest needs `kind` (Deployment, Service, NetworkPolicy, ...); our own flows document is `kind: Flows`');
			return;
		}
		if (kind === 'List' || kind.endsWith('List')) {
			for (const item of src.items(fields.get('items')?.value ?? null)) this.collect(item, out);
			return;
		}
		out.push({ kind, kindPos: kindEntry.valuePos, fields, pos });
	}

	flowsDocument(m: Manifest): void {
		const src = this.src;
		const known = ['apiVersion', 'kind', 'metadata', 'flows', 'namespace'];
		for (const [key, entry] of m.fields) {
			if (!known.includes(key)) src.report(entry.keyPos, 'unknown-field', `unknown field \`${key}\` in our \`kind: Flows\` document; it holds \`flows\` and \`namespace\` (the namespace of objects that name none)`);
		}
		const namespace = this.text(m.fields, 'namespace');
		if (namespace) {
			if (!NAME.test(namespace)) src.report(this.posOf(m.fields, 'namespace', m.pos), 'invalid-value', `\`${namespace}\` is not a namespace name`);
			else this.model.defaultNamespace = namespace;
		}
		const flows = m.fields.get('flows');
		if (flows) this.model.flows.push(...parseFlows(src, flows));
	}

	workload(kind: WorkloadKind, name: string, namespace: string, metaLabels: Record<string, string>, spec: Fields, pos: Pos): void {
		let podLabels = metaLabels;
		let podSpec = spec;
		let replicas: number | null = 1;
		if (kind !== 'Pod') {
			let templateOwner = spec;
			if (kind === 'CronJob') templateOwner = this.map(this.map(spec.get('jobTemplate')?.value ?? null).get('spec')?.value ?? null);
			const templateEntry = templateOwner.get('template');
			if (!templateEntry) {
				this.src.report(pos, 'missing-field', `${kind} \`${name}\` needs a pod template (\`spec.${kind === 'CronJob' ? 'jobTemplate.spec.' : ''}template\`)`);
			}
			const template = this.map(templateEntry?.value ?? null);
			podLabels = this.labels(this.map(template.get('metadata')?.value ?? null).get('labels')?.value, 'pod template labels');
			podSpec = this.map(template.get('spec')?.value ?? null);
			if (kind === 'DaemonSet') replicas = null;
			else if (kind === 'Job' || kind === 'CronJob') replicas = Number(this.text(templateOwner, 'parallelism') ?? '1') || 1;
			else {
				const text = this.text(spec, 'replicas');
				replicas = text === null ? 1 : Number(text);
				if (!Number.isInteger(replicas) || replicas < 0) {
					this.src.report(this.posOf(spec, 'replicas', pos), 'invalid-value', `\`replicas\` is a whole number, not \`${text ?? ''}\``);
					replicas = 1;
				}
			}
		}
		const containers: Container[] = [];
		for (const item of this.src.items(podSpec.get('containers')?.value ?? null)) containers.push(this.container(item));
		const hostNetworkEntry = podSpec.get('hostNetwork');
		const workload: Workload = {
			resource: this.uniqueName(`${namespace}/${name}`, kind),
			kind,
			name,
			namespace,
			labels: podLabels,
			replicas,
			containers,
			hostNetwork: this.src.bool(hostNetworkEntry?.value ?? null) === true,
			hostNetworkPos: hostNetworkEntry?.keyPos ?? pos,
			pos,
		};
		this.model.workloads.push(workload);
	}

	container(node: YamlNode): Container {
		const src = this.src;
		const fields = this.map(node);
		const pos = src.posOf(node);
		const ports: ContainerPort[] = [];
		for (const item of src.items(fields.get('ports')?.value ?? null)) {
			const p = this.map(item);
			const itemPos = src.posOf(item);
			const number = this.portNumber(p, 'containerPort', itemPos, 'a container port');
			if (number === null) continue;
			const hostPort = this.text(p, 'hostPort');
			ports.push({ name: this.text(p, 'name'), port: number, proto: this.proto(p, itemPos), hostPort: hostPort !== null && /^[0-9]+$/.test(hostPort) ? Number(hostPort) : null, pos: itemPos });
		}
		return { name: this.text(fields, 'name') ?? 'container', image: this.text(fields, 'image'), imagePos: this.posOf(fields, 'image', pos), ports, pos };
	}

	portNumber(fields: Fields, key: string, pos: Pos, what: string): number | null {
		const text = this.text(fields, key);
		if (text === null) {
			this.src.report(pos, 'missing-field', `${what} needs \`${key}\``);
			return null;
		}
		if (!/^[0-9]{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
			this.src.report(this.posOf(fields, key, pos), 'invalid-port', `\`${text}\` is not a port number (1-65535)`);
			return null;
		}
		return Number(text);
	}

	proto(fields: Fields, pos: Pos): K8sProto {
		const text = this.text(fields, 'protocol');
		if (text === null) return 'TCP';
		if (text === 'TCP' || text === 'UDP' || text === 'SCTP') return text;
		this.src.report(this.posOf(fields, 'protocol', pos), 'invalid-value', `\`${text}\` is not a protocol; Kubernetes takes TCP, UDP or SCTP (upper case)`);
		return 'TCP';
	}

	service(name: string, namespace: string, spec: Fields, pos: Pos): void {
		const src = this.src;
		const typeText = this.text(spec, 'type') ?? 'ClusterIP';
		let type: ServiceType = 'ClusterIP';
		if ((SERVICE_TYPES as readonly string[]).includes(typeText)) type = typeText as ServiceType;
		else src.report(this.posOf(spec, 'type', pos), 'invalid-value', `\`${typeText}\` is not a Service type; use ClusterIP, NodePort, LoadBalancer or ExternalName`);
		const selectorEntry = spec.get('selector');
		const ports: ServicePort[] = [];
		for (const item of src.items(spec.get('ports')?.value ?? null)) {
			const p = this.map(item);
			const itemPos = src.posOf(item);
			const port = this.portNumber(p, 'port', itemPos, 'a Service port');
			if (port === null) continue;
			const targetText = this.text(p, 'targetPort');
			let targetPort: number | string = port;
			if (targetText !== null) {
				if (/^[0-9]+$/.test(targetText)) {
					targetPort = Number(targetText);
					if (targetPort < 1 || targetPort > 65535) src.report(this.posOf(p, 'targetPort', itemPos), 'invalid-port', `\`${targetText}\` is not a port number (1-65535)`);
				} else targetPort = targetText;
			}
			const nodePort = this.text(p, 'nodePort');
			ports.push({ name: this.text(p, 'name'), port, targetPort, proto: this.proto(p, itemPos), nodePort: nodePort !== null && /^[0-9]+$/.test(nodePort) ? Number(nodePort) : null, pos: itemPos, targetPos: this.posOf(p, 'targetPort', itemPos) });
		}
		const service: Service = {
			resource: this.uniqueName(`svc/${namespace}/${name}`, 'Service'),
			name,
			namespace,
			type,
			headless: this.text(spec, 'clusterIP') === 'None',
			selector: selectorEntry && !src.isNull(selectorEntry.value) ? this.labels(selectorEntry.value, '`spec.selector`') : null,
			selectorPos: selectorEntry?.keyPos ?? pos,
			ports,
			externalName: this.text(spec, 'externalName'),
			pos,
		};
		this.model.services.push(service);
	}

	backend(node: YamlNode | null, pos: Pos): IngressBackend | null {
		const fields = this.map(node);
		const service = this.map(fields.get('service')?.value ?? null);
		const name = this.text(service, 'name') ?? this.text(fields, 'serviceName');
		if (!name) {
			if (fields.has('resource')) return null;
			this.src.report(pos, 'missing-field', 'an Ingress backend needs `service: { name, port }`');
			return null;
		}
		const port = this.map(service.get('port')?.value ?? null);
		const portText = this.text(port, 'number') ?? this.text(port, 'name') ?? this.text(fields, 'servicePort');
		return { service: name, port: portText === null ? null : /^[0-9]+$/.test(portText) ? Number(portText) : portText, pos: fields.get('service')?.valuePos ?? fields.get('serviceName')?.valuePos ?? pos };
	}

	ingress(name: string, namespace: string, spec: Fields, pos: Pos): void {
		const src = this.src;
		const ingress: Ingress = {
			resource: this.uniqueName(`ingress/${namespace}/${name}`, 'Ingress'),
			name,
			namespace,
			className: this.text(spec, 'ingressClassName'),
			paths: [],
			defaultBackend: null,
			tlsHosts: [],
			pos,
		};
		const fallback = spec.get('defaultBackend') ?? spec.get('backend');
		if (fallback) ingress.defaultBackend = this.backend(fallback.value, fallback.valuePos);
		for (const rule of src.items(spec.get('rules')?.value ?? null)) {
			const r = this.map(rule);
			const host = this.text(r, 'host');
			const http = this.map(r.get('http')?.value ?? null);
			for (const item of src.items(http.get('paths')?.value ?? null)) {
				const p = this.map(item);
				const itemPos = src.posOf(item);
				const backend = this.backend(p.get('backend')?.value ?? null, p.get('backend')?.valuePos ?? itemPos);
				if (backend) ingress.paths.push({ host, path: this.text(p, 'path') ?? '/', pathType: this.text(p, 'pathType') ?? 'Prefix', backend });
			}
		}
		for (const tls of src.items(spec.get('tls')?.value ?? null)) {
			for (const host of src.items(this.map(tls).get('hosts')?.value ?? null)) {
				const text = src.text(host);
				if (text) ingress.tlsHosts.push(text);
			}
		}
		this.model.ingresses.push(ingress);
	}

	selector(node: YamlNode | null, pos: Pos, what: string): LabelSelector {
		const src = this.src;
		const selector: LabelSelector = { matchLabels: {}, matchExpressions: [], pos };
		if (node === null || src.isNull(node)) return selector;
		if (!src.isMap(node)) {
			src.report(pos, 'invalid-value', `${what} is a label selector: \`{}\` for all, or \`matchLabels\` / \`matchExpressions\``);
			return selector;
		}
		const fields = src.fields(node, what, ['matchLabels', 'matchExpressions']);
		selector.matchLabels = this.labels(fields.get('matchLabels')?.value, `${what}.matchLabels`);
		for (const item of src.items(fields.get('matchExpressions')?.value ?? null)) {
			const itemPos = src.posOf(item);
			const e = src.fields(item, 'match expression', ['key', 'operator', 'values']);
			const key = src.requireText(e, 'key', 'a match expression', itemPos);
			const operator = src.requireText(e, 'operator', 'a match expression', itemPos);
			if (!key || !operator) continue;
			if (!(OPERATORS as readonly string[]).includes(operator.value)) {
				src.report(operator.pos, 'invalid-value', `\`${operator.value}\` is not an operator; use In, NotIn, Exists or DoesNotExist`);
				continue;
			}
			const values = src.items(e.get('values')?.value ?? null).map((v) => src.text(v) ?? '');
			const op = operator.value as LabelSelector['matchExpressions'][number]['operator'];
			if ((op === 'In' || op === 'NotIn') && values.length === 0) src.report(operator.pos, 'invalid-value', `\`${op}\` needs \`values\``);
			if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) src.report(operator.pos, 'invalid-value', `\`${op}\` takes no \`values\``);
			selector.matchExpressions.push({ key: key.value, operator: op, values });
		}
		return selector;
	}

	policy(name: string, namespace: string, spec: Fields, specPos: Pos, pos: Pos): void {
		const src = this.src;
		const known = ['podSelector', 'policyTypes', 'ingress', 'egress'];
		for (const [key, entry] of spec) {
			if (!known.includes(key)) src.report(entry.keyPos, 'unknown-field', `unknown NetworkPolicy field \`${key}\`${didYouMean(key, known) || `; the spec holds ${known.join(', ')}`}`);
		}
		const selectorEntry = spec.get('podSelector');
		const ingress = this.rules(spec.get('ingress'), 'from', pos);
		const egress = this.rules(spec.get('egress'), 'to', pos);
		let ingressIsolation = true;
		let egressIsolation = egress.length > 0;
		const types = spec.get('policyTypes');
		if (types) {
			ingressIsolation = false;
			egressIsolation = false;
			for (const item of src.items(types.value)) {
				const text = src.text(item);
				if (text === 'Ingress') ingressIsolation = true;
				else if (text === 'Egress') egressIsolation = true;
				else src.report(src.posOf(item), 'invalid-value', `\`${text ?? ''}\` is not a policy type; use Ingress or Egress`);
			}
		}
		const policy: NetworkPolicy = {
			resource: this.uniqueName(`netpol/${namespace}/${name}`, 'NetworkPolicy'),
			name,
			namespace,
			podSelector: this.selector(selectorEntry?.value ?? null, selectorEntry?.valuePos ?? specPos, '`podSelector`'),
			ingressIsolation,
			egressIsolation,
			ingress,
			egress,
			pos,
		};
		this.model.policies.push(policy);
	}

	rules(entry: Entry | undefined, peersKey: 'from' | 'to', pos: Pos): PolicyRule[] {
		const src = this.src;
		const rules: PolicyRule[] = [];
		if (!entry) return rules;
		if (!src.isNull(entry.value) && !src.isSeq(entry.value)) {
			src.report(entry.valuePos, 'invalid-value', `\`${entry.key}\` is a list of rules (\`- ${peersKey}: [...]\`, \`ports: [...]\`); \`[]\` allows nothing, \`- {}\` everything`);
			return rules;
		}
		let index = 0;
		for (const item of src.items(entry.value)) {
			index++;
			const itemPos = src.posOf(item, pos);
			const f = src.fields(item, `${entry.key} rule`, [peersKey, 'ports']);
			const peers: PolicyPeer[] = [];
			for (const peer of src.items(f.get(peersKey)?.value ?? null)) {
				const parsed = this.peer(peer, peersKey);
				if (parsed) peers.push(parsed);
			}
			const ports: PolicyPort[] = [];
			for (const port of src.items(f.get('ports')?.value ?? null)) {
				const parsed = this.policyPort(port);
				if (parsed) ports.push(parsed);
			}
			// A rule whose every peer or port was invalid would otherwise widen to "everything".
			const peersGiven = src.items(f.get(peersKey)?.value ?? null).length;
			const portsGiven = src.items(f.get('ports')?.value ?? null).length;
			if ((peersGiven > 0 && peers.length === 0) || (portsGiven > 0 && ports.length === 0)) continue;
			rules.push({ index, peers, ports, pos: itemPos });
		}
		return rules;
	}

	peer(node: YamlNode, key: 'from' | 'to'): PolicyPeer | null {
		const src = this.src;
		const pos = src.posOf(node);
		const f = src.fields(node, `\`${key}\` peer`, ['podSelector', 'namespaceSelector', 'ipBlock']);
		if (f.size === 0) {
			src.report(pos, 'invalid-value', `a \`${key}\` peer needs \`podSelector\`, \`namespaceSelector\` or \`ipBlock\``);
			return null;
		}
		const peer: PolicyPeer = { podSelector: null, namespaceSelector: null, ipBlock: null, pos };
		const ipBlock = f.get('ipBlock');
		if (ipBlock) {
			if (f.size > 1) {
				src.report(ipBlock.keyPos, 'invalid-rule', '`ipBlock` cannot be combined with `podSelector` or `namespaceSelector` in one peer; make them two peers');
				return null;
			}
			const b = src.fields(ipBlock.value, '`ipBlock`', ['cidr', 'except']);
			const cidr = src.requireText(b, 'cidr', '`ipBlock`', ipBlock.keyPos);
			if (!cidr) return null;
			const check = (text: string, at: Pos): boolean => {
				if (text.includes(':')) return true; // IPv6: kept as written, matched only by name
				const parsed = parseCidr(text);
				if (!parsed.ok) src.report(at, 'invalid-cidr', parsed.message);
				return parsed.ok;
			};
			if (!check(cidr.value, cidr.pos)) return null;
			const except: string[] = [];
			for (const item of src.items(b.get('except')?.value ?? null)) {
				const text = src.text(item)?.trim() ?? '';
				if (check(text, src.posOf(item))) except.push(text);
			}
			peer.ipBlock = { cidr: cidr.value, except };
			return peer;
		}
		const pod = f.get('podSelector');
		const ns = f.get('namespaceSelector');
		if (pod) peer.podSelector = this.selector(pod.value, pod.valuePos, '`podSelector`');
		if (ns) peer.namespaceSelector = this.selector(ns.value, ns.valuePos, '`namespaceSelector`');
		return peer;
	}

	policyPort(node: YamlNode): PolicyPort | null {
		const src = this.src;
		const pos = src.posOf(node);
		const f = src.fields(node, 'policy port', ['protocol', 'port', 'endPort']);
		const proto = this.proto(f, pos);
		const text = this.text(f, 'port');
		let port: number | string | null = null;
		if (text !== null) {
			if (/^[0-9]+$/.test(text)) {
				port = Number(text);
				if (port < 1 || port > 65535) {
					src.report(this.posOf(f, 'port', pos), 'invalid-port', `\`${text}\` is not a port number (1-65535)`);
					return null;
				}
			} else port = text;
		}
		const endText = this.text(f, 'endPort');
		let endPort: number | null = null;
		if (endText !== null) {
			const endPos = this.posOf(f, 'endPort', pos);
			if (typeof port !== 'number') {
				src.report(endPos, 'invalid-rule', '`endPort` needs a numeric `port` to start the range (not a named port)');
				return null;
			}
			endPort = /^[0-9]+$/.test(endText) ? Number(endText) : NaN;
			if (!Number.isInteger(endPort) || endPort > 65535 || endPort < port) {
				src.report(endPos, 'invalid-port', `\`endPort\` ${endText} must be a port number at least \`port\` (${port})`);
				return null;
			}
		}
		return { proto, port, endPort, pos };
	}
}

export function parseKubernetes(src: YamlSource): KubernetesModel {
	return new Reader(src).read();
}
