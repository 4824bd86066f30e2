/**
 * Security groups as AWS defines them: stateful, inbound deny-by-default, outbound allow-all
 * when no outbound rules are written, peers given as CIDRs or as other groups (their members).
 */

import { cidrContains, type Cidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';
import type { Direction, Peer } from './rule-text';
import { coversPacket, formatPorts, type Packet, type PortRange, type Proto } from '../shared/traffic';

export interface SgRule {
	proto: Proto;
	ports: PortRange[];
	peer: Peer;
	/** The rule as the note wrote it, shown when it decides a trace. */
	text: string;
	pos: Pos;
}

export interface SecurityGroup {
	name: string;
	pos: Pos;
	inbound: SgRule[];
	outbound: SgRule[];
	/** False when `outbound` was omitted: AWS then allows all outbound traffic. */
	outboundDeclared: boolean;
	/** The VPC's default group, used by instances that name none. */
	implicit?: boolean;
}

/** Who the other end of a packet is, as a security group sees it. */
export interface PeerIdentity {
	/** Every address range it may send from (all must be inside a CIDR rule for it to match). */
	ranges: Cidr[];
	/** The security groups it is a member of. */
	groups: ReadonlySet<string>;
}

export function describeSgRule(rule: SgRule, direction: Direction): string {
	const ports = rule.proto === 'all' || rule.proto === 'icmp' ? '' : ` ${formatPorts(rule.ports)}`;
	const peer = rule.peer.kind === 'cidr' ? rule.peer.cidr.text : rule.peer.name;
	return `${rule.proto}${ports} ${direction === 'inbound' ? 'from' : 'to'} ${peer}`;
}

export function sgRuleMatches(rule: SgRule, packet: Packet, peer: PeerIdentity): boolean {
	if (!coversPacket(rule.proto, rule.ports, packet)) return false;
	if (rule.peer.kind === 'sg') return peer.groups.has(rule.peer.name);
	const cidr = rule.peer.cidr;
	return peer.ranges.length > 0 && peer.ranges.every((range) => cidrContains(cidr, range));
}

export interface SgVerdict {
	allowed: boolean;
	group?: SecurityGroup;
	rule?: SgRule;
	/** The allow-all outbound default applied. */
	defaultOutbound?: boolean;
}

/** Any rule of any attached group lets it through (groups are a union of allows). */
export function evaluateSecurityGroups(groups: readonly SecurityGroup[], direction: Direction, packet: Packet, peer: PeerIdentity): SgVerdict {
	for (const group of groups) {
		if (direction === 'outbound' && !group.outboundDeclared) return { allowed: true, group, defaultOutbound: true };
		for (const rule of direction === 'inbound' ? group.inbound : group.outbound) {
			if (sgRuleMatches(rule, packet, peer)) return { allowed: true, group, rule };
		}
	}
	return { allowed: false };
}

/** What AWS gives a VPC: members reach each other, everything may go out. */
export function defaultSecurityGroup(pos: Pos): SecurityGroup {
	return {
		name: 'default',
		pos,
		inbound: [{ proto: 'all', ports: [{ from: 0, to: 65535 }], peer: { kind: 'sg', name: 'default' }, text: 'all from default', pos }],
		outbound: [],
		outboundDeclared: false,
		implicit: true,
	};
}
