/**
 * AWS's way of writing a rule (IpProtocol `-1`/`6`/`tcp`, FromPort/ToPort with `-1` for "all")
 * turned into the one-line rules of a `vpc` block (`tcp 443 from 0.0.0.0/0`,
 * `100 allow tcp 1024-65535 to 0.0.0.0/0`). Shared by the CloudFormation language and the importers
 * (AWS CLI, Terraform), which meet the same fields under slightly different names.
 */

import { parseProto } from '../shared/traffic';

/** `tcp`, `udp`, `icmp` or `all`; null for a protocol a vpc block does not model (e.g. 50, icmpv6). */
export function awsProto(raw: string | number | null | undefined): 'tcp' | 'udp' | 'icmp' | 'all' | null {
	if (raw === null || raw === undefined) return 'all';
	return parseProto(String(raw));
}

function portNumber(raw: string | number | null | undefined): number | null {
	if (raw === null || raw === undefined || raw === '') return null;
	const n = Number(raw);
	return Number.isInteger(n) ? n : null;
}

/** The ports part of a rule: '' for all ports (and for icmp/all), `22` or `1024-65535`. */
export function awsPorts(proto: string, fromRaw: string | number | null | undefined, toRaw: string | number | null | undefined): string {
	if (proto === 'all' || proto === 'icmp') return '';
	const from = portNumber(fromRaw);
	const to = portNumber(toRaw) ?? from;
	if (from === null || from < 0 || to === null || to < 0) return '';
	if (from <= 0 && to >= 65535) return '';
	return from === to ? String(from) : `${from}-${to}`;
}

/** `tcp 443 from 10.0.0.0/16`: a security group rule line. */
export function sgRuleLine(proto: string, ports: string, direction: 'inbound' | 'outbound', peer: string): string {
	return [proto, ports, direction === 'inbound' ? 'from' : 'to', peer].filter((p) => p !== '').join(' ');
}

/** `100 allow tcp 443 from 0.0.0.0/0`: a NACL rule line. */
export function naclRuleLine(number: number | string, action: string, proto: string, ports: string, direction: 'inbound' | 'outbound', cidr: string): string {
	return [String(number), action.toLowerCase(), proto, ports, direction === 'inbound' ? 'from' : 'to', cidr].filter((p) => p !== '').join(' ');
}
