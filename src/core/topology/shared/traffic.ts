/**
 * Protocols and port ranges shared by security groups, NACLs, flows and trace queries.
 */

export type Proto = 'tcp' | 'udp' | 'icmp' | 'all';

export interface PortRange {
	from: number;
	to: number;
}

/** A concrete packet (or, with `port` undefined, every port of the protocol). */
export interface Packet {
	proto: Proto;
	port?: number;
}

const PROTO_ALIASES: Record<string, Proto> = {
	tcp: 'tcp',
	udp: 'udp',
	icmp: 'icmp',
	all: 'all',
	'-1': 'all',
	'6': 'tcp',
	'17': 'udp',
	'1': 'icmp',
};

export function parseProto(text: string): Proto | null {
	return PROTO_ALIASES[text.trim().toLowerCase()] ?? null;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };
/** The ephemeral range AWS recommends NACLs open for replies, since clients pick any of it. */
export const EPHEMERAL: PortRange = { from: 1024, to: 65535 };

export type PortsResult = { ok: true; ports: PortRange[] } | { ok: false; message: string };

/** `22`, `80,443`, `1024-65535`, `80, 8000-8080`, or a number. */
export function parsePorts(raw: string | number): PortsResult {
	const text = String(raw).trim();
	if (text === '' || text.toLowerCase() === 'all' || text === '*') return { ok: true, ports: [ALL_PORTS] };
	const ports: PortRange[] = [];
	for (const piece of text.split(',')) {
		const part = piece.trim();
		const m = /^([0-9]{1,5})(?:\s*-\s*([0-9]{1,5}))?$/.exec(part);
		if (!m) return { ok: false, message: `\`${part}\` is not a port or range like 22, 80,443 or 1024-65535` };
		const from = Number(m[1]);
		const to = m[2] === undefined ? from : Number(m[2]);
		if (from > 65535 || to > 65535) return { ok: false, message: `port ${Math.max(from, to)} is above 65535` };
		if (to < from) return { ok: false, message: `range ${part} runs backwards; write ${to}-${from}` };
		ports.push({ from, to });
	}
	return { ok: true, ports };
}

export function formatPorts(ports: readonly PortRange[]): string {
	if (ports.some((p) => p.from <= 0 && p.to >= 65535)) return 'all ports';
	return ports.map((p) => (p.from === p.to ? String(p.from) : `${p.from}-${p.to}`)).join(',');
}

export function portsInclude(ports: readonly PortRange[], port: number): boolean {
	return ports.some((p) => p.from <= port && port <= p.to);
}

/** Whether a rule's protocol/ports cover the packet (proto `all` covers everything). */
export function coversPacket(ruleProto: Proto, rulePorts: readonly PortRange[], packet: Packet): boolean {
	if (ruleProto === 'all') return true;
	if (ruleProto !== packet.proto) return false;
	if (ruleProto === 'icmp') return true;
	if (packet.port === undefined) return rulePorts.some((p) => p.from <= 0 && p.to >= 65535);
	return portsInclude(rulePorts, packet.port);
}

export function describePacket(packet: Packet): string {
	if (packet.proto === 'all') return 'all traffic';
	if (packet.proto === 'icmp' || packet.port === undefined) return packet.proto;
	return `${packet.proto} ${packet.port}`;
}
