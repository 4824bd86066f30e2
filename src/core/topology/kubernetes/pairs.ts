/**
 * What the policies allow between every pair of workloads, for the diagram's edges and the
 * cards. The same semantics as trace (policy.ts: peerMatches, portMatches), evaluated so that a
 * block of hundreds of workloads stays fast: whether each rule's peers match each workload is
 * computed once (rules × workloads), so a pair costs a few array reads instead of selector
 * matching. A property test checks these verdicts against trace's.
 */

import type { KubernetesModel, NetworkPolicy, PolicyRule, Workload } from './model';
import { isolatingPolicies, peerMatches, podParty, portMatches, type Packet, type Party } from './policy';

export interface PairVerdict {
	from: Workload;
	to: Workload;
	/** Ports that pass (`TCP 5432`), with the policies that let them through. */
	allowed: { packet: Packet; by: string }[];
}

/** The packets a pair is asked about: the destination's declared ports, or any TCP port when it declares none. */
export function pairPackets(to: Workload): Packet[] {
	const declared = to.containers.flatMap((c) => c.ports);
	return declared.length ? declared.map((p) => ({ proto: p.proto, port: p.port })) : [{ proto: 'TCP', port: null }];
}

/**
 * Every ordered pair of distinct workloads that some policy governs (the source isolated for
 * egress or the destination for ingress), with what passes. Pairs nothing governs are open and
 * left out: they would be every pair of the block.
 */
export function policyPairs(model: KubernetesModel): PairVerdict[] {
	const workloads = model.workloads;
	const parties: Party[] = workloads.map((w) => podParty(w));
	const egress = parties.map((p) => isolatingPolicies(model, p as Extract<Party, { kind: 'pod' }>, 'egress'));
	const ingress = parties.map((p) => isolatingPolicies(model, p as Extract<Party, { kind: 'pod' }>, 'ingress'));
	// For each rule: which workloads its peers admit (null: every peer).
	const admits = new Map<PolicyRule, boolean[] | null>();
	const table = (policy: NetworkPolicy, rule: PolicyRule): boolean[] | null => {
		let row = admits.get(rule);
		if (row === undefined) {
			row = rule.peers.length === 0 ? null : parties.map((party) => rule.peers.some((peer) => peerMatches(model, peer, policy.namespace, party)));
			admits.set(rule, row);
		}
		return row;
	};
	/** The policy that lets `other` through this pod's `direction` (null: open; undefined: refused). */
	const decide = (policies: readonly NetworkPolicy[], direction: 'ingress' | 'egress', other: number, destination: Party, packet: Packet): NetworkPolicy | null | undefined => {
		if (policies.length === 0) return null;
		for (const policy of policies) {
			for (const rule of direction === 'ingress' ? policy.ingress : policy.egress) {
				const row = table(policy, rule);
				if (row !== null && !row[other]) continue;
				if (rule.ports.length === 0 || rule.ports.some((p) => portMatches(p, packet, destination))) return policy;
			}
		}
		return undefined;
	};
	const packets = workloads.map(pairPackets);
	const out: PairVerdict[] = [];
	for (let i = 0; i < workloads.length; i++) {
		for (let j = 0; j < workloads.length; j++) {
			const e = egress[i] ?? [];
			const n = ingress[j] ?? [];
			const from = workloads[i];
			const to = workloads[j];
			const toParty = parties[j];
			if (i === j || (e.length === 0 && n.length === 0) || !from || !to || !toParty) continue;
			const allowed: PairVerdict['allowed'] = [];
			for (const packet of packets[j] ?? []) {
				const out1 = decide(e, 'egress', j, toParty, packet);
				if (out1 === undefined) continue;
				const in1 = decide(n, 'ingress', i, toParty, packet);
				if (in1 === undefined) continue;
				allowed.push({ packet, by: [out1?.name, in1?.name].filter((x) => x !== undefined).join(' + ') || 'open' });
			}
			out.push({ from, to, allowed });
		}
	}
	return out;
}
