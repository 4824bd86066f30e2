/**
 * "Can A reach B?" in a cluster: ends are `internet` (or an outside address), a workload or pod
 * (`name`, `namespace/name`, `deploy/name`, ...), a Service (resolved to the pods it selects and
 * its target port), or an Ingress host and path (routed to its backend Service through the
 * ingress controller). The verdict is NetworkPolicy's (policy.ts): the source's egress, then the
 * destination's ingress, each hop naming the policy and rule that decided.
 */

import { finishTrace, HopLog, refusedOutright, type TraceQuery, type TraceResult } from '../shared/trace-types';
import { describeLabels, findService, selectedBy, type Ingress, type IngressBackend, type IngressPath, type K8sProto, type KubernetesModel, type Service, type Workload } from './model';
import { resolveEnd } from './names';
import { describeRule, directionVerdict, podParty, ruleName, type Packet, type Party } from './policy';

/** The pod we stand in for when traffic comes through an Ingress: the controller, outside the block. */
export const INGRESS_CONTROLLER = {
	namespace: 'ingress-nginx',
	labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
} as const;

function protoOf(query: TraceQuery): K8sProto | null {
	if (query.proto === undefined || query.proto === 'tcp') return 'TCP';
	if (query.proto === 'udp') return 'UDP';
	return null;
}

function packetText(packet: Packet): string {
	if (packet.proto === null) return 'traffic no NetworkPolicy port can name';
	return packet.port === null ? `${packet.proto}` : `${packet.proto} ${packet.port}`;
}

function partyName(party: Party): string {
	if (party.kind === 'pod') return party.name;
	return party.address ?? 'internet';
}

/** Checks one direction of one pod, logging the hop; false when it refuses. */
function checkDirection(model: KubernetesModel, log: HopLog, pod: Extract<Party, { kind: 'pod' }>, direction: 'ingress' | 'egress', peer: Party, packet: Packet): boolean {
	const verdict = directionVerdict(model, pod, direction, peer, packet);
	const other = partyName(peer);
	const what = `${direction === 'egress' ? `to ${other}` : `from ${other}`} on ${packetText(packet)}`;
	if (verdict.allowed && verdict.open) {
		return log.add(pod.name, direction, true, `no NetworkPolicy selects ${pod.name} for ${direction}, so its ${direction} is open (${what})`);
	}
	if (verdict.allowed) {
		const { policy, rule } = verdict;
		return log.add(pod.name, direction, true, `allowed by NetworkPolicy ${policy.name}, ${direction} rule ${rule.index} (${describeRule(rule, direction, policy.namespace)})`, ruleName(policy, direction, rule));
	}
	const names = verdict.policies.map((p) => p.name);
	const fix =
		direction === 'ingress'
			? `add an ingress rule admitting ${other}${packet.port === null ? '' : ` on ${packetText(packet)}`}`
			: `add an egress rule to ${other}${packet.port === null ? '' : ` on ${packetText(packet)}`}`;
	return log.add(
		pod.name,
		direction,
		false,
		`${pod.name} is isolated for ${direction} by NetworkPolicy ${names.join(', ')}, and no ${direction} rule of ${names.length > 1 ? 'theirs' : 'it'} allows ${what}; ${fix}`,
		`${names.join(', ')} (${direction}: no rule matches)`,
		`${pod.name} ${direction}`,
	);
}

/** Source egress, then destination ingress: both must allow. */
function checkPair(model: KubernetesModel, log: HopLog, from: Party, to: Party, packet: Packet): boolean {
	if (from.kind === 'pod' && !checkDirection(model, log, from, 'egress', to, packet)) return false;
	if (to.kind === 'pod' && !checkDirection(model, log, to, 'ingress', from, packet)) return false;
	return true;
}

/** The ports to try on a workload when the query names none: its declared ones, else "any". */
function workloadPackets(w: Workload, proto: K8sProto | null, port: number | undefined): Packet[] {
	if (port !== undefined) return [{ proto, port }];
	const declared = w.containers.flatMap((c) => c.ports).filter((p) => proto === null || p.proto === proto);
	return declared.length ? declared.map((p) => ({ proto: p.proto, port: p.port })) : [{ proto, port: null }];
}

/** The pod port a Service port reaches on one workload; null when a named target is not declared. */
export function targetPortOn(w: Workload, target: number | string, proto: K8sProto): number | null {
	if (typeof target === 'number') return target;
	return w.containers.flatMap((c) => c.ports).find((p) => p.name === target && p.proto === proto)?.port ?? null;
}

interface Leg {
	workload: Workload;
	packet: Packet;
}

/** A Service resolved: the pods and pod ports one of its ports leads to, logged as a hop. */
function serviceLegs(model: KubernetesModel, log: HopLog, service: Service, query: TraceQuery, fromOutside: boolean): Leg[] | null {
	const proto = protoOf(query);
	if (service.type === 'ExternalName') {
		log.add(service.resource, 'service', false, `${service.resource} is an ExternalName Service: a DNS alias for ${service.externalName ?? 'an outside name'}, with no pods in this cluster`);
		return null;
	}
	if (fromOutside && service.type === 'ClusterIP') {
		log.add(service.resource, 'service', false, `${service.resource} is a ClusterIP Service, reachable only inside the cluster; make it a LoadBalancer or NodePort, or route an Ingress to it`);
		return null;
	}
	const ports = service.ports.filter((p) => (proto === null || p.proto === proto) && (query.port === undefined || p.port === query.port || (fromOutside && p.nodePort === query.port)));
	if (ports.length === 0) {
		const listed = service.ports.map((p) => `${p.port}/${p.proto}`).join(', ') || 'none';
		log.add(service.resource, 'service', false, `${service.resource} has no port ${query.port ?? ''}${proto ? `/${proto}` : ''} (its ports: ${listed})`);
		return null;
	}
	const pods = selectedBy(model, service);
	if (pods.length === 0) {
		const selector = service.selector ? describeLabels(service.selector) : 'no selector';
		log.add(service.resource, 'service', false, `${service.resource} selects no pod of this block (selector ${selector}), so it has no endpoints`);
		return null;
	}
	const legs: Leg[] = [];
	const port = ports[0];
	if (!port) return null;
	for (const w of pods) {
		const target = targetPortOn(w, port.targetPort, port.proto);
		if (target === null) {
			log.add(service.resource, 'service', false, `targetPort \`${String(port.targetPort)}\` names no ${port.proto} container port of ${w.resource}; name the container port or use its number`);
			return null;
		}
		legs.push({ workload: w, packet: { proto: port.proto, port: target } });
	}
	const targets = [...new Set(legs.map((l) => l.packet.port))].join(', ');
	const kind = service.headless ? 'headless Service (DNS gives the pod addresses)' : `${service.type} Service`;
	log.add(service.resource, 'service', true, `${service.resource} (${kind}) sends port ${port.port}/${port.proto} to pod port ${targets} of ${pods.map((w) => w.resource).join(', ')} (selector ${describeLabels(service.selector ?? {})})`, `port ${port.port} -> ${String(port.targetPort)}`);
	return legs;
}

function ingressBackendOf(ingress: Ingress, path: IngressPath | null): IngressBackend | null {
	return path ? path.backend : ingress.defaultBackend;
}

function known(model: KubernetesModel): (name: string) => boolean {
	const names = new Set<string>(['internet']);
	for (const w of model.workloads) names.add(w.resource);
	for (const s of model.services) names.add(s.resource);
	for (const i of model.ingresses) names.add(i.resource);
	return (name) => names.has(name);
}

export function traceKubernetes(model: KubernetesModel, query: TraceQuery): TraceResult {
	const from = resolveEnd(model, query.from, 'source');
	if (typeof from === 'string') return refusedOutright(from, query.from, 'source');
	const to = resolveEnd(model, query.to, 'destination');
	if (typeof to === 'string') return refusedOutright(to, query.to, 'destination');
	const log = new HopLog();
	const proto = protoOf(query);
	const fromParty: Party = from.kind === 'workload' ? podParty(from.workload) : { kind: 'external', address: from.kind === 'address' ? from.address : null };
	const fromName = partyName(fromParty);
	const fromOutside = fromParty.kind === 'external';
	if (from.kind === 'workload') log.add(from.workload.resource, 'source', true, `${from.workload.resource} (${from.workload.kind}, labels ${describeLabels(from.workload.labels)}) in namespace ${from.workload.namespace}`);

	const onPort = query.port === undefined ? '' : ` on ${proto ?? query.proto ?? ''} ${query.port}`;
	let summary = `Allowed: ${fromName} -> ${query.to}${onPort}`;
	switch (to.kind) {
		case 'internet':
		case 'address': {
			if (fromParty.kind !== 'pod') return refusedOutright('both ends are outside the cluster; trace to or from a workload, a Service or an Ingress', query.from, 'source');
			const packet: Packet = { proto, port: query.port ?? null };
			if (checkPair(model, log, fromParty, { kind: 'external', address: to.kind === 'address' ? to.address : null }, packet)) log.add(to.kind === 'address' ? to.address : 'internet', 'destination', true, `leaves the cluster to ${to.kind === 'address' ? to.address : 'the internet'}`);
			break;
		}
		case 'workload': {
			const w = to.workload;
			if (fromOutside) {
				log.add(w.resource, 'ingress', false, `pod addresses are not reachable from outside the cluster; expose ${w.resource} with a LoadBalancer or NodePort Service, or an Ingress`);
				break;
			}
			if (from.kind === 'workload' && from.workload === w && w.kind === 'Pod') {
				log.add(w.resource, 'destination', true, 'a pod can always reach itself: NetworkPolicy cannot block it');
				break;
			}
			const packets = workloadPackets(w, proto, query.port);
			// With no port asked, the first declared port that passes answers; else the last refusal stands.
			let passed = false;
			for (const packet of packets) {
				const attempt = new HopLog();
				if (checkPair(model, attempt, fromParty, podParty(w), packet)) {
					for (const hop of attempt.hops) log.add(hop.resource, hop.step, hop.allowed, hop.reason, hop.rule);
					passed = true;
					summary = `Allowed: ${fromName} -> ${w.resource} on ${packetText(packet)}`;
					break;
				}
				if (packet === packets[packets.length - 1]) {
					attempt.hops.forEach((hop, i) => log.add(hop.resource, hop.step, hop.allowed, hop.reason, hop.rule, attempt.places[i]));
				}
			}
			if (passed) log.add(w.resource, 'destination', true, `reaches ${w.resource}`);
			break;
		}
		case 'service': {
			const legs = serviceLegs(model, log, to.service, query, fromOutside);
			if (!legs) break;
			if (fromOutside) log.add(to.service.resource, 'load balancer', true, `a ${to.service.type} Service admits traffic from outside; the pods see the client's address only with externalTrafficPolicy: Local (otherwise a node's)`);
			if (legs.every((leg) => checkPair(model, log, fromParty, podParty(leg.workload), leg.packet))) log.add(to.service.resource, 'destination', true, `reaches every pod behind ${to.service.resource}`);
			break;
		}
		case 'ingress': {
			const backend = ingressBackendOf(to.ingress, to.path);
			const route = to.path ? `${to.path.host ?? '*'}${to.path.path}` : 'its default backend';
			if (!backend) {
				log.add(to.ingress.resource, 'ingress route', false, `${to.ingress.resource} has no rule for ${query.to} and no default backend`);
				break;
			}
			const service = findService(model, to.ingress.namespace, backend.service);
			if (!service) {
				log.add(to.ingress.resource, 'ingress route', false, `${to.ingress.resource} routes ${route} to Service ${backend.service}, which is not in namespace ${to.ingress.namespace} of this block`);
				break;
			}
			const port = backend.port;
			const servicePort = typeof port === 'number' ? port : service.ports.find((p) => p.name === port)?.port ?? service.ports[0]?.port;
			log.add(to.ingress.resource, 'ingress route', true, `${to.ingress.resource} routes ${route} to Service ${service.name} port ${String(port ?? servicePort ?? '?')} through the ingress controller (namespace ${INGRESS_CONTROLLER.namespace}, outside this block)`, route);
			const controller: Party = { kind: 'pod', name: `ingress controller (${INGRESS_CONTROLLER.namespace})`, namespace: INGRESS_CONTROLLER.namespace, labels: INGRESS_CONTROLLER.labels, ports: [], hostNetwork: false };
			const inner: TraceQuery = { ...query };
			if (servicePort !== undefined) inner.port = servicePort;
			const legs = serviceLegs(model, log, service, inner, false);
			if (!legs) break;
			if (fromParty.kind === 'pod' && !checkDirection(model, log, fromParty, 'egress', { kind: 'external', address: null }, { proto: 'TCP', port: query.port ?? 443 })) break;
			if (legs.every((leg) => checkPair(model, log, controller, podParty(leg.workload), leg.packet))) log.add(service.resource, 'destination', true, `reaches every pod behind ${service.resource}`);
			summary = `Allowed: ${fromName} -> ${query.to} through ${to.ingress.resource} and ${service.resource}`;
			break;
		}
	}
	return finishTrace(log, summary, known(model));
}
