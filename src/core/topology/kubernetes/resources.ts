/** The details panel of a `kubernetes` block: labels, ports, what each Service selects and each policy isolates and allows. */

import { listed, type ResourceInfo } from '../shared/resource-info';
import { describeLabels, describeSelector, selectedBy, selectorMatches, type KubernetesModel } from './model';
import { kubernetesDrawsInternet } from './mermaid';
import { describeRule } from './policy';

export function kubernetesResources(model: KubernetesModel): ResourceInfo[] {
	const out: ResourceInfo[] = [];
	if (kubernetesDrawsInternet(model)) out.push({ name: 'internet', type: 'internet', line: model.pos.line, drawn: true, details: [{ label: 'Means', value: 'Everything outside the cluster' }] });
	for (const ns of model.namespaces.values()) {
		const used = model.workloads.some((w) => w.namespace === ns.name) || model.services.some((s) => s.namespace === ns.name) || model.ingresses.some((i) => i.namespace === ns.name);
		out.push({
			name: ns.resource,
			type: 'namespace',
			line: ns.pos.line,
			drawn: ns.declared || used,
			details: [
				{ label: 'Labels', value: describeLabels(ns.labels) },
				{ label: 'Declared', value: ns.declared ? 'yes' : 'no: named by objects in it' },
				{ label: 'Policies', value: listed(model.policies.filter((p) => p.namespace === ns.name).map((p) => p.name)) },
			],
		});
	}
	for (const w of model.workloads) {
		const ingress = model.policies.filter((p) => p.namespace === w.namespace && p.ingressIsolation && selectorMatches(p.podSelector, w.labels));
		const egress = model.policies.filter((p) => p.namespace === w.namespace && p.egressIsolation && selectorMatches(p.podSelector, w.labels));
		out.push({
			name: w.resource,
			type: 'workload',
			line: w.pos.line,
			drawn: true,
			details: [
				{ label: 'Kind', value: w.kind },
				{ label: 'Namespace', value: w.namespace },
				{ label: 'Replicas', value: w.replicas === null ? 'one per node' : String(w.replicas) },
				{ label: 'Labels', value: describeLabels(w.labels) },
				{ label: 'Containers', value: listed(w.containers.map((c) => `${c.name} (${c.image ?? 'no image'})`)) },
				{ label: 'Ports', value: listed(w.containers.flatMap((c) => c.ports.map((p) => `${p.name ? `${p.name}: ` : ''}${p.port}/${p.proto}${p.hostPort ? ` (host port ${p.hostPort})` : ''}`)), 'none declared') },
				...(w.hostNetwork ? [{ label: 'Host network', value: "yes: the node's network" }] : []),
				{ label: 'Ingress', value: ingress.length ? `isolated by ${ingress.map((p) => p.name).join(', ')}` : 'open (no policy selects it)' },
				{ label: 'Egress', value: egress.length ? `isolated by ${egress.map((p) => p.name).join(', ')}` : 'open (no policy selects it)' },
			],
		});
	}
	for (const s of model.services) {
		out.push({
			name: s.resource,
			type: 'service',
			line: s.pos.line,
			drawn: true,
			details: [
				{ label: 'Type', value: s.headless ? `${s.type} (headless)` : s.type },
				{ label: 'Namespace', value: s.namespace },
				{ label: 'Selector', value: s.selector ? describeLabels(s.selector) : 'none' },
				{ label: 'Selects', value: listed(selectedBy(model, s).map((w) => w.resource), 'no pod of this block') },
				{ label: 'Ports', value: listed(s.ports.map((p) => `${p.name ? `${p.name}: ` : ''}${p.port} -> ${String(p.targetPort)}/${p.proto}${p.nodePort ? ` (node port ${p.nodePort})` : ''}`)) },
				...(s.externalName ? [{ label: 'External name', value: s.externalName }] : []),
			],
		});
	}
	for (const i of model.ingresses) {
		out.push({
			name: i.resource,
			type: 'ingress',
			line: i.pos.line,
			drawn: true,
			details: [
				{ label: 'Namespace', value: i.namespace },
				{ label: 'Class', value: i.className ?? 'the cluster default' },
				{ label: 'Routes', value: listed(i.paths.map((p) => `${p.host ?? '*'}${p.path} (${p.pathType}) -> ${p.backend.service}:${String(p.backend.port ?? '')}`)) },
				...(i.defaultBackend ? [{ label: 'Default backend', value: `${i.defaultBackend.service}:${String(i.defaultBackend.port ?? '')}` }] : []),
				{ label: 'TLS hosts', value: listed(i.tlsHosts) },
			],
		});
	}
	for (const p of model.policies) {
		const pods = model.workloads.filter((w) => w.namespace === p.namespace && selectorMatches(p.podSelector, w.labels));
		const types = [p.ingressIsolation ? 'Ingress' : null, p.egressIsolation ? 'Egress' : null].filter((t): t is string => t !== null);
		out.push({
			name: p.resource,
			type: 'network policy',
			line: p.pos.line,
			drawn: false,
			details: [
				{ label: 'Namespace', value: p.namespace },
				{ label: 'Selects', value: `${describeSelector(p.podSelector, 'pod')}: ${listed(pods.map((w) => w.name), 'no pod of this block')}` },
				{ label: 'Isolates', value: types.join(', ') || 'nothing (empty policyTypes)' },
				...(p.ingressIsolation ? [{ label: 'Ingress rules', value: p.ingress.length ? p.ingress.map((r) => `${r.index}. ${describeRule(r, 'ingress', p.namespace)}`).join('; ') : 'none: all incoming traffic is denied' }] : []),
				...(p.egressIsolation ? [{ label: 'Egress rules', value: p.egress.length ? p.egress.map((r) => `${r.index}. ${describeRule(r, 'egress', p.namespace)}`).join('; ') : 'none: all outgoing traffic is denied' }] : []),
			],
		});
	}
	return out;
}
