/**
 * The one-line rule syntax shared by security groups and NACLs:
 *   SG   `<proto> [<ports>] from|to <cidr|sg>`
 *   NACL `<number> <allow|deny> <proto> [<ports>] from|to <cidr>`
 * Parsed into parts here; each kind of rule checks and interprets its own parts.
 */

import { parseCidr, type Cidr } from '../shared/cidr';
import { ALL_PORTS, parsePorts, parseProto, type PortRange, type Proto } from '../shared/traffic';

export type Direction = 'inbound' | 'outbound';

export type Peer = { kind: 'cidr'; cidr: Cidr } | { kind: 'sg'; name: string };

export interface RuleParts {
	number?: string;
	action?: string;
	proto: string;
	ports?: string;
	/** `from` or `to` as written. */
	word: string;
	peer: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: 'invalid-rule' | 'invalid-cidr'; message: string };

export function splitSgRule(text: string): RuleParts | null {
	const m = /^\s*(\S+)(?:\s+(.+?))?\s+(from|to)\s+(.+?)\s*$/i.exec(text);
	if (!m) return null;
	return { proto: m[1] ?? '', ports: m[2], word: (m[3] ?? '').toLowerCase(), peer: m[4] ?? '' };
}

export function splitNaclRule(text: string): RuleParts | null {
	const m = /^\s*(\S+)\s+(\S+)\s+(\S+)(?:\s+(.+?))?\s+(from|to)\s+(.+?)\s*$/i.exec(text);
	if (!m) return null;
	return { number: m[1], action: m[2], proto: m[3] ?? '', ports: m[4], word: (m[5] ?? '').toLowerCase(), peer: m[6] ?? '' };
}

export interface TrafficSpec {
	proto: Proto;
	ports: PortRange[];
}

/** Protocol, ports and direction word, checked the same way for both kinds of rule. */
export function parseTraffic(parts: RuleParts, direction: Direction): Parsed<TrafficSpec> {
	const proto = parseProto(parts.proto);
	if (!proto) return { ok: false, code: 'invalid-rule', message: `\`${parts.proto}\` is not a protocol; use tcp, udp, icmp or all` };
	const expected = direction === 'inbound' ? 'from' : 'to';
	if (parts.word !== expected) {
		return { ok: false, code: 'invalid-rule', message: `${direction} rules name their peer with \`${expected}\`, not \`${parts.word}\`` };
	}
	const portText = parts.ports?.trim() ?? '';
	if (portText === '') return { ok: true, value: { proto, ports: [ALL_PORTS] } };
	if (proto === 'icmp' || proto === 'all') {
		return { ok: false, code: 'invalid-rule', message: `${proto} rules take no ports; drop \`${portText}\`` };
	}
	const ports = parsePorts(portText);
	if (!ports.ok) return { ok: false, code: 'invalid-rule', message: ports.message };
	return { ok: true, value: { proto, ports: ports.ports } };
}

/** A CIDR, or (when security groups are allowed) the name of one. `internet` means 0.0.0.0/0. */
export function parsePeer(text: string, allowGroups: boolean): Parsed<Peer> {
	const peer = text.trim();
	if (peer === 'internet' || peer === 'anywhere') return parsePeer('0.0.0.0/0', allowGroups);
	if (/^[0-9.:/]+$/.test(peer) || !allowGroups) {
		const cidr = parseCidr(peer);
		if (!cidr.ok) {
			const hint = allowGroups ? '' : ' (NACL rules take CIDRs, not security groups)';
			return { ok: false, code: 'invalid-cidr', message: cidr.message + hint };
		}
		return { ok: true, value: { kind: 'cidr', cidr: cidr.cidr } };
	}
	return { ok: true, value: { kind: 'sg', name: peer } };
}
