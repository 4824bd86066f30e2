/**
 * NetworkPolicy semantics, as the Kubernetes specification states them:
 * - a pod is isolated for a direction only once some policy of its namespace selects it and has
 *   that direction in its policy types; an unisolated pod is open in that direction;
 * - an isolated pod admits what at least one rule of those policies allows (rules are ORed,
 *   policies are ORed); a rule with no peers admits every peer, one with no ports every port;
 * - a peer with `namespaceSelector` and `podSelector` is their AND; a peer with only
 *   `podSelector` means pods of the policy's own namespace; only `namespaceSelector` means every
 *   pod of the matching namespaces; `ipBlock` is for addresses outside the cluster;
 * - a connection needs the source's egress and the destination's ingress; replies are allowed.
 */

import { cidrContains, cidrOverlaps, parseCidr, type Cidr } from '../shared/cidr';
import {
	describeSelector,
	namespaceLabels,
	selectorIsEmpty,
	selectorMatches,
	type ContainerPort,
	type K8sProto,
	type KubernetesModel,
	type Labels,
	type NetworkPolicy,
	type PolicyPeer,
	type PolicyPort,
	type PolicyRule,
	type Workload,
} from './model';

/** One end of a connection as a policy sees it. */
export type Party =
	/** A pod of the cluster (a workload's pods, or a pod we stand in for, such as the ingress controller). */
	| { kind: 'pod'; name: string; namespace: string; labels: Labels; ports: readonly ContainerPort[]; hostNetwork: boolean }
	/** Outside the cluster: one address, or (null) the internet at large. */
	| { kind: 'external'; address: string | null };

export interface Packet {
	/** Null for traffic no policy port can name (ICMP, "all"). */
	proto: K8sProto | null;
	/** Null when the query names no port. */
	port: number | null;
}

export type Direction = 'ingress' | 'egress';

export function podParty(w: Workload): Party & { kind: 'pod' } {
	return { kind: 'pod', name: w.resource, namespace: w.namespace, labels: w.labels, ports: w.containers.flatMap((c) => c.ports), hostNetwork: w.hostNetwork };
}

/** The policies that isolate `pod` for `direction`. */
export function isolatingPolicies(model: KubernetesModel, pod: Extract<Party, { kind: 'pod' }>, direction: Direction): NetworkPolicy[] {
	return model.policies.filter(
		(p) => p.namespace === pod.namespace && (direction === 'ingress' ? p.ingressIsolation : p.egressIsolation) && selectorMatches(p.podSelector, pod.labels),
	);
}

const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', '127.0.0.0/8'].map((t) => (parseCidr(t) as { ok: true; cidr: Cidr }).cidr);

function cidrOf(text: string): Cidr | null {
	const parsed = parseCidr(text, { allowBareAddress: true });
	return parsed.ok ? parsed.cidr : null;
}

/**
 * Whether an ipBlock covers an outside address; `null` (the internet at large) is covered by a
 * block of every address (`0.0.0.0/0`) whose exceptions are all private ranges.
 */
export function ipBlockCovers(block: { cidr: string; except: readonly string[] }, address: string | null): boolean {
	const cidr = cidrOf(block.cidr);
	if (!cidr) return false;
	const excepts = block.except.map(cidrOf).filter((c): c is Cidr => c !== null);
	if (address === null) return cidr.prefix === 0 && excepts.every((e) => PRIVATE.some((p) => cidrContains(p, e)));
	const one = cidrOf(address);
	if (!one) return false;
	return cidrContains(cidr, one) && !excepts.some((e) => cidrOverlaps(e, one));
}

export function peerMatches(model: KubernetesModel, peer: PolicyPeer, policyNamespace: string, other: Party): boolean {
	if (peer.ipBlock) return other.kind === 'external' && ipBlockCovers(peer.ipBlock, other.address);
	if (other.kind !== 'pod') return false;
	const namespaceOk = peer.namespaceSelector ? selectorMatches(peer.namespaceSelector, namespaceLabels(model, other.namespace)) : other.namespace === policyNamespace;
	const podOk = peer.podSelector ? selectorMatches(peer.podSelector, other.labels) : true;
	return namespaceOk && podOk;
}

/** A policy port against the packet; named ports are looked up on the destination pod. */
export function portMatches(rulePort: PolicyPort, packet: Packet, destination: Party): boolean {
	if (packet.proto === null || rulePort.proto !== packet.proto) return false;
	if (rulePort.port === null) return true;
	if (packet.port === null) return false;
	if (typeof rulePort.port === 'number') return rulePort.endPort === null ? packet.port === rulePort.port : rulePort.port <= packet.port && packet.port <= rulePort.endPort;
	const name = rulePort.port;
	return destination.kind === 'pod' && destination.ports.some((p) => p.name === name && p.proto === packet.proto && p.port === packet.port);
}

export function ruleMatches(model: KubernetesModel, rule: PolicyRule, policyNamespace: string, peer: Party, packet: Packet, destination: Party): boolean {
	if (rule.peers.length > 0 && !rule.peers.some((p) => peerMatches(model, p, policyNamespace, peer))) return false;
	return rule.ports.length === 0 || rule.ports.some((p) => portMatches(p, packet, destination));
}

export type DirectionVerdict =
	| { allowed: true; open: true }
	| { allowed: true; open: false; policy: NetworkPolicy; rule: PolicyRule }
	| { allowed: false; policies: readonly NetworkPolicy[] };

/**
 * Whether `pod` lets the connection through in `direction` (ingress: `peer` is the source;
 * egress: the destination). The first allowing rule, in the block's order, is the one named.
 */
export function directionVerdict(
	model: KubernetesModel,
	pod: Extract<Party, { kind: 'pod' }>,
	direction: Direction,
	peer: Party,
	packet: Packet,
	policies: readonly NetworkPolicy[] = isolatingPolicies(model, pod, direction),
): DirectionVerdict {
	if (policies.length === 0) return { allowed: true, open: true };
	const destination = direction === 'ingress' ? pod : peer;
	for (const policy of policies) {
		for (const rule of direction === 'ingress' ? policy.ingress : policy.egress) {
			if (ruleMatches(model, rule, policy.namespace, peer, packet, destination)) return { allowed: true, open: false, policy, rule };
		}
	}
	return { allowed: false, policies };
}

function describePeer(peer: PolicyPeer, policyNamespace: string): string {
	if (peer.ipBlock) return `addresses ${peer.ipBlock.cidr}${peer.ipBlock.except.length ? ` except ${peer.ipBlock.except.join(', ')}` : ''}`;
	const pods = peer.podSelector ? (selectorIsEmpty(peer.podSelector) ? 'every pod' : `pods ${describeSelector(peer.podSelector, 'pod')}`) : 'every pod';
	if (!peer.namespaceSelector) return `${pods} of namespace ${policyNamespace}`;
	const namespaces = selectorIsEmpty(peer.namespaceSelector) ? 'every namespace' : `namespaces ${describeSelector(peer.namespaceSelector, 'namespace')}`;
	return `${pods} in ${namespaces}`;
}

function describePort(port: PolicyPort): string {
	if (port.port === null) return `every ${port.proto} port`;
	if (port.endPort !== null) return `${port.proto} ${port.port}-${port.endPort}`;
	return typeof port.port === 'number' ? `${port.proto} ${port.port}` : `${port.proto} port named ${port.port}`;
}

/** A rule in words: `from pods app=web of namespace default, on TCP 5432`. */
export function describeRule(rule: PolicyRule, direction: Direction, policyNamespace: string): string {
	const peers = rule.peers.length === 0 ? 'everyone' : rule.peers.map((p) => describePeer(p, policyNamespace)).join(' or ');
	const ports = rule.ports.length === 0 ? 'every port' : rule.ports.map(describePort).join(' or ');
	return `${direction === 'ingress' ? 'from' : 'to'} ${peers}, on ${ports}`;
}

/** `web-allow ingress rule 2`: how a hop names the rule that decided. */
export function ruleName(policy: NetworkPolicy, direction: Direction, rule: PolicyRule): string {
	return `${policy.name} ${direction} rule ${rule.index}`;
}
