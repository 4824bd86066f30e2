/** What a reviewer would point out about a set of manifests: selectors that miss, ports that do not line up, policies that cut DNS. */

import type { DiagnosticSink } from '../shared/diagnostic';
import { describeLabels, describeSelector, findService, NAME_LABEL, selectedBy, selectorIsEmpty, selectorMatches, type KubernetesModel, type NetworkPolicy, type Workload } from './model';
import { directionVerdict, podParty, type Party } from './policy';
import { targetPortOn } from './trace';

export function lintKubernetes(model: KubernetesModel, sink: DiagnosticSink): void {
	checkServices(model, sink);
	checkPolicies(model, sink);
	checkIngresses(model, sink);
	checkWorkloads(model, sink);
}

function podsIn(model: KubernetesModel, namespace: string): Workload[] {
	return model.workloads.filter((w) => w.namespace === namespace);
}

function checkServices(model: KubernetesModel, sink: DiagnosticSink): void {
	for (const service of model.services) {
		if (service.type === 'ExternalName') continue;
		if (!service.selector || Object.keys(service.selector).length === 0) {
			sink.add(service.pos, 'service-without-endpoints', `Service \`${service.name}\` has no selector, so Kubernetes gives it no endpoints; add \`spec.selector\` with its pods' labels (or declare its EndpointSlice by hand)`);
			continue;
		}
		const pods = selectedBy(model, service);
		if (pods.length === 0) {
			const near = podsIn(model, service.namespace).map((w) => `${w.name} (${describeLabels(w.labels)})`);
			sink.add(service.selectorPos, 'selector-matches-nothing', `Service \`${service.name}\` selects ${describeLabels(service.selector)}, which no pod in namespace ${service.namespace} carries${near.length ? `; pods there: ${near.slice(0, 4).join('; ')}` : ''}`);
			continue;
		}
		if (pods.every((w) => w.replicas === 0)) {
			sink.add(service.pos, 'service-without-endpoints', `Service \`${service.name}\` selects only ${pods.map((w) => w.name).join(', ')}, scaled to 0 replicas: it has no endpoints`);
		}
		for (const port of service.ports) {
			const missing = pods.filter((w) => {
				if (typeof port.targetPort === 'string') return targetPortOn(w, port.targetPort, port.proto) === null;
				return !w.containers.some((c) => c.ports.some((p) => p.port === port.targetPort && p.proto === port.proto));
			});
			if (missing.length === 0) continue;
			const what = typeof port.targetPort === 'string' ? `named port \`${port.targetPort}\`` : `port ${port.targetPort}/${port.proto}`;
			const declared = [...new Set(missing.flatMap((w) => w.containers.flatMap((c) => c.ports.map((p) => (p.name ? `${p.name}=${p.port}` : String(p.port))))))];
			sink.add(port.targetPos, 'target-port-unknown', `Service \`${service.name}\` targets ${what}, which no container of ${missing.map((w) => w.name).join(', ')} declares (declared: ${declared.join(', ') || 'none'})${typeof port.targetPort === 'string' ? '; traffic to it fails' : ''}`);
		}
	}
}

/** kube-dns as the block has it, or as every cluster runs it (`k8s-app=kube-dns` in kube-system). */
function dnsParty(model: KubernetesModel): Party {
	const service = findService(model, 'kube-system', 'kube-dns');
	const pod = service ? selectedBy(model, service)[0] : undefined;
	if (pod) return podParty(pod);
	return { kind: 'pod', name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ports: [], hostNetwork: false };
}

function checkPolicies(model: KubernetesModel, sink: DiagnosticSink): void {
	const dns = dnsParty(model);
	for (const policy of model.policies) {
		const pods = podsIn(model, policy.namespace).filter((w) => selectorMatches(policy.podSelector, w.labels));
		if (pods.length === 0) {
			if (!selectorIsEmpty(policy.podSelector) || podsIn(model, policy.namespace).length > 0) {
				sink.add(policy.podSelector.pos, 'selector-matches-nothing', `NetworkPolicy \`${policy.name}\` selects pods ${describeSelector(policy.podSelector, 'pod')}, and no pod in namespace ${policy.namespace} of this block has those labels`);
			}
			continue;
		}
		if (!policy.ingressIsolation && !policy.egressIsolation) {
			sink.add(policy.pos, 'policy-isolates-nothing', `NetworkPolicy \`${policy.name}\` has empty \`policyTypes\`: it isolates no direction, so it changes nothing; list Ingress and/or Egress`);
		} else if (allowsEverything(policy)) {
			sink.add(policy.pos, 'policy-isolates-nothing', `NetworkPolicy \`${policy.name}\` allows every peer on every port in each direction it isolates, so on its own it blocks nothing (it only widens what other policies allow)`);
		}
		if (policy.egressIsolation) {
			const cut = pods.filter((w) => !directionVerdict(model, podParty(w), 'egress', dns, { proto: 'UDP', port: 53 }).allowed);
			if (cut.length > 0) {
				sink.add(policy.pos, 'dns-egress-blocked', `NetworkPolicy \`${policy.name}\` isolates egress of ${cut.map((w) => w.name).join(', ')}, and no egress rule allows UDP 53 to kube-dns (namespace kube-system): name lookups fail; add an egress rule to \`namespaceSelector: {matchLabels: {${NAME_LABEL}: kube-system}}\` on UDP and TCP 53`);
			}
		}
	}
}

function allowsEverything(policy: NetworkPolicy): boolean {
	const open = (rules: NetworkPolicy['ingress']): boolean => rules.some((r) => r.peers.length === 0 && r.ports.length === 0);
	return (!policy.ingressIsolation || open(policy.ingress)) && (!policy.egressIsolation || open(policy.egress));
}

function checkIngresses(model: KubernetesModel, sink: DiagnosticSink): void {
	for (const ingress of model.ingresses) {
		const backends = [...ingress.paths.map((p) => p.backend), ...(ingress.defaultBackend ? [ingress.defaultBackend] : [])];
		for (const backend of backends) {
			const service = findService(model, ingress.namespace, backend.service);
			if (!service) {
				const names = model.services.filter((s) => s.namespace === ingress.namespace).map((s) => s.name);
				sink.add(backend.pos, 'ingress-backend-unknown', `Ingress \`${ingress.name}\` sends traffic to Service \`${backend.service}\`, which is not in namespace ${ingress.namespace} of this block (Services there: ${names.join(', ') || 'none'}); an Ingress can only name Services of its own namespace`);
				continue;
			}
			const port = backend.port;
			if (port !== null && !service.ports.some((p) => (typeof port === 'number' ? p.port === port : p.name === port))) {
				sink.add(backend.pos, 'ingress-backend-unknown', `Ingress \`${ingress.name}\` uses port ${String(port)} of Service \`${service.name}\`, which has ${service.ports.map((p) => (p.name ? `${p.name}=${p.port}` : String(p.port))).join(', ') || 'no ports'}`);
			}
		}
	}
}

function checkWorkloads(model: KubernetesModel, sink: DiagnosticSink): void {
	for (const w of model.workloads) {
		if (w.hostNetwork) sink.add(w.hostNetworkPos, 'host-network', `${w.kind} \`${w.name}\` uses the node's network (\`hostNetwork: true\`): NetworkPolicies do not reliably apply to it and its ports are the node's; drop it unless this is a node agent`);
		for (const c of w.containers) {
			for (const p of c.ports) {
				if (p.hostPort !== null) sink.add(p.pos, 'host-port', `container \`${c.name}\` of \`${w.name}\` binds host port ${p.hostPort}: one pod per node can run, and the port bypasses Services; use a Service (NodePort or LoadBalancer) instead`);
			}
			checkImage(w, c.image, c.imagePos, sink);
		}
	}
}

function checkImage(w: Workload, image: string | null, pos: { line: number; column: number }, sink: DiagnosticSink): void {
	if (!image || image.includes('@') || image.includes('$')) return;
	const lastSlash = image.lastIndexOf('/');
	const colon = image.indexOf(':', lastSlash + 1);
	const tag = colon === -1 ? null : image.slice(colon + 1);
	if (tag !== null && tag !== 'latest') return;
	const base = colon === -1 ? image : image.slice(0, colon);
	sink.add(pos, 'image-latest-tag', `\`${image}\` in \`${w.name}\` ${tag ? 'uses `latest`' : 'has no tag, so it means `latest`'}: every restart may pull a different image; pin a version like ${base}:1.2.3`);
}
