/**
 * Network ACLs as AWS defines them: stateless, rules evaluated by ascending number, first match
 * wins, an implicit final `*` deny. Replies are ordinary packets and need their own rule.
 */

import { ANYWHERE, cidrContains, type Cidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';
import type { Direction } from './rule-text';
import { ALL_PORTS, coversPacket, formatPorts, type Packet, type PortRange, type Proto } from '../shared/traffic';

export interface NaclRule {
	number: number;
	action: 'allow' | 'deny';
	proto: Proto;
	ports: PortRange[];
	cidr: Cidr;
	text: string;
	pos: Pos;
}

export interface Nacl {
	name: string;
	pos: Pos;
	/** Sorted by rule number. */
	inbound: NaclRule[];
	outbound: NaclRule[];
	/** The VPC's default NACL, used by subnets that name none. */
	implicit?: boolean;
}

export function describeNaclRule(rule: NaclRule, direction: Direction): string {
	const ports = rule.proto === 'all' || rule.proto === 'icmp' ? '' : ` ${formatPorts(rule.ports)}`;
	return `${rule.number} ${rule.action} ${rule.proto}${ports} ${direction === 'inbound' ? 'from' : 'to'} ${rule.cidr.text}`;
}

export interface NaclVerdict {
	allowed: boolean;
	/** The deciding rule; null when nothing matched and the final `*` deny applied. */
	rule: NaclRule | null;
}

/** `peer` is the address range at the other end (source for inbound, destination for outbound). */
export function evaluateNacl(nacl: Nacl, direction: Direction, packet: Packet, peer: Cidr): NaclVerdict {
	for (const rule of direction === 'inbound' ? nacl.inbound : nacl.outbound) {
		if (coversPacket(rule.proto, rule.ports, packet) && cidrContains(rule.cidr, peer)) {
			return { allowed: rule.action === 'allow', rule };
		}
	}
	return { allowed: false, rule: null };
}

export function defaultNacl(pos: Pos): Nacl {
	const rule = (direction: Direction): NaclRule => ({
		number: 100,
		action: 'allow',
		proto: 'all',
		ports: [ALL_PORTS],
		cidr: ANYWHERE,
		text: direction === 'inbound' ? '100 allow all from 0.0.0.0/0' : '100 allow all to 0.0.0.0/0',
		pos,
	});
	return { name: 'default NACL', pos, inbound: [rule('inbound')], outbound: [rule('outbound')], implicit: true };
}

/** Ports a client may reply to; checked at both ends of the ephemeral range and in its middle. */
export const EPHEMERAL_SAMPLES = [1024, 32768, 65535] as const;
