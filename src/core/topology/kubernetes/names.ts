/**
 * What a trace end may be called: `internet`, an outside address, a resource name of the block
 * (`default/web`, `svc/default/web`, `ingress/default/shop`), or what people type: `web` (a
 * workload when it is the source, a Service first when it is the destination, since clients
 * connect to Services), `prod/web`, kubectl's `svc/web`, `deploy/web`, `pod/web`, or an Ingress's
 * host and path (`shop.example.com/api`).
 */

import { parseCidr } from '../shared/cidr';
import type { Ingress, IngressPath, KubernetesModel, Service, Workload, WorkloadKind } from './model';

export type End =
	| { kind: 'internet' }
	| { kind: 'address'; address: string }
	| { kind: 'workload'; workload: Workload }
	| { kind: 'service'; service: Service }
	| { kind: 'ingress'; ingress: Ingress; path: IngressPath | null };

const KIND_PREFIXES: Record<string, WorkloadKind | 'Service' | 'Ingress'> = {
	pod: 'Pod',
	po: 'Pod',
	deploy: 'Deployment',
	deployment: 'Deployment',
	sts: 'StatefulSet',
	statefulset: 'StatefulSet',
	ds: 'DaemonSet',
	daemonset: 'DaemonSet',
	rs: 'ReplicaSet',
	replicaset: 'ReplicaSet',
	job: 'Job',
	cj: 'CronJob',
	cronjob: 'CronJob',
	svc: 'Service',
	service: 'Service',
	ing: 'Ingress',
	ingress: 'Ingress',
};

export function isAddressText(text: string): boolean {
	return parseCidr(text, { allowBareAddress: true }).ok && !text.includes('/');
}

function hostMatches(ruleHost: string | null, host: string): boolean {
	if (ruleHost === null) return true;
	if (ruleHost.startsWith('*.')) return host.endsWith(ruleHost.slice(1)) && !host.slice(0, -ruleHost.length + 1).includes('.');
	return ruleHost === host;
}

function pathMatches(p: IngressPath, path: string): boolean {
	if (p.pathType === 'Exact') return p.path === path;
	const prefix = p.path.replace(/\/+$/, '');
	return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}

/** An Ingress route by host and path: the longest matching path wins, as controllers do. */
export function ingressRoute(model: KubernetesModel, text: string): { ingress: Ingress; path: IngressPath | null } | null {
	const slash = text.indexOf('/');
	const host = slash === -1 ? text : text.slice(0, slash);
	const path = slash === -1 ? '/' : text.slice(slash);
	if (!host.includes('.') && host !== '*') return null;
	let best: { ingress: Ingress; path: IngressPath; score: number } | null = null;
	for (const ingress of model.ingresses) {
		for (const p of ingress.paths) {
			if (!(host === '*' ? p.host === null : hostMatches(p.host, host)) || !pathMatches(p, path)) continue;
			const score = (p.host === null ? 0 : 100_000) + p.path.length + (p.pathType === 'Exact' ? 50_000 : 0);
			if (!best || score > best.score) best = { ingress, path: p, score };
		}
	}
	if (best) return { ingress: best.ingress, path: best.path };
	const fallback = model.ingresses.find((i) => i.defaultBackend && (i.paths.length === 0 || i.paths.some((p) => p.host === null || hostMatches(p.host, host))));
	return fallback ? { ingress: fallback, path: null } : null;
}

/** Names a trace may use for ends, for the message when one is not found. */
function hint(model: KubernetesModel): string {
	const names = [...model.workloads.map((w) => w.name), ...model.services.map((s) => `svc/${s.name}`)];
	return names.length ? ` (try ${[...new Set(names)].slice(0, 6).join(', ')})` : '';
}

export function resolveEnd(model: KubernetesModel, raw: string, role: 'source' | 'destination'): End | string {
	const text = raw.trim();
	if (text === 'internet') return { kind: 'internet' };
	if (isAddressText(text)) return { kind: 'address', address: text };
	const workload = model.workloads.find((w) => w.resource === text);
	if (workload) return { kind: 'workload', workload };
	const service = model.services.find((s) => s.resource === text);
	if (service) return role === 'source' ? serviceAsSource(model, service) : { kind: 'service', service };
	const ingress = model.ingresses.find((i) => i.resource === text);
	if (ingress) return role === 'source' ? `${ingress.resource} is an Ingress: it only receives traffic` : { kind: 'ingress', ingress, path: ingress.paths[0] ?? null };
	if (model.namespaces.has(text.replace(/^namespace\//, '')) && text.startsWith('namespace/')) return `\`${text}\` is a namespace; trace between workloads, Services and Ingress hosts`;

	const parts = text.split('/');
	const prefix = parts.length >= 2 ? KIND_PREFIXES[(parts[0] ?? '').toLowerCase()] : undefined;
	const rest = prefix ? parts.slice(1) : parts;
	if (rest.length <= 2 && rest.every((p) => p !== '')) {
		const name = rest[rest.length - 1] ?? '';
		const namespace = rest.length === 2 ? rest[0] : undefined;
		const inNamespace = <T extends { namespace: string; name: string }>(list: T[]): T[] => {
			const all = list.filter((x) => x.name === name && (namespace === undefined || x.namespace === namespace));
			const preferred = all.filter((x) => x.namespace === model.defaultNamespace);
			return namespace === undefined && preferred.length ? preferred : all;
		};
		// `pod/` names the pods of any workload; `deploy/`, `sts/`, ... only that kind.
		const workloads = inNamespace(model.workloads).filter((w) => !prefix || prefix === 'Pod' || w.kind === prefix);
		const services = prefix && prefix !== 'Service' ? [] : inNamespace(model.services);
		const ingresses = prefix === 'Ingress' ? inNamespace(model.ingresses) : [];
		if (prefix === 'Ingress') {
			const found = ingresses[0];
			if (found && role === 'destination') return { kind: 'ingress', ingress: found, path: found.paths[0] ?? null };
		} else if (prefix === 'Service' || (role === 'destination' && services.length > 0 && !(workloads.length > 0 && prefix))) {
			const found = services[0];
			if (found && services.length === 1) return role === 'source' ? serviceAsSource(model, found) : { kind: 'service', service: found };
			if (services.length > 1) return `\`${text}\` names Services in ${services.map((s) => s.namespace).join(', ')}; write namespace/name`;
		}
		if (workloads.length === 1 && workloads[0]) return { kind: 'workload', workload: workloads[0] };
		if (workloads.length > 1) return `\`${text}\` names ${workloads.map((w) => w.resource).join(', ')}; write one of those`;
		if (role === 'source' && services.length === 1 && services[0]) return serviceAsSource(model, services[0]);
	}
	if (role === 'destination') {
		const route = ingressRoute(model, text);
		if (route) return { kind: 'ingress', ...route };
	}
	return `No workload, Service or Ingress host named \`${text}\` in this block${hint(model)}`;
}

/** Traffic does not start at a Service; it starts at one of its pods, which is what people mean. */
function serviceAsSource(model: KubernetesModel, service: Service): End | string {
	const pods = model.workloads.filter((w) => w.namespace === service.namespace && service.selector && Object.keys(service.selector).length > 0 && Object.entries(service.selector).every(([k, v]) => w.labels[k] === v));
	if (pods.length === 1 && pods[0]) return { kind: 'workload', workload: pods[0] };
	return `${service.resource} is a Service: traffic starts at a pod; trace from ${pods.length ? pods.map((p) => p.resource).join(' or ') : 'one of the workloads it should select'}`;
}
