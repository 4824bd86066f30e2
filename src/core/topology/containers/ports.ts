/**
 * Compose port syntax: `"3000"`, `"8080:80"`, `"127.0.0.1:5432:5432"`, `"53:53/udp"`,
 * `"9090-9091:8080-8081"`, `"[::1]:6000:6000"`, or the long form `{ target, published,
 * host_ip, protocol }`.
 */

import type { PortMapping, PortProto } from './model';
import type { Pos } from '../shared/diagnostic';
import { hasUnknown, interpolate, restoreUnknown } from './interpolate';

/** A port whose container side is a variable without a default: unknown until run, never an error. */
export interface UnresolvedPort {
	unresolved: string;
}

type Range = { from: number; to: number };

function parseRange(text: string): Range | string {
	const m = /^([0-9]{1,5})(?:-([0-9]{1,5}))?$/.exec(text.trim());
	if (!m) return `\`${text}\` is not a port or range`;
	const from = Number(m[1]);
	const to = m[2] === undefined ? from : Number(m[2]);
	if (from < 1 || to > 65535) return `port ${from < 1 ? from : to} is outside 1-65535`;
	if (to < from) return `range ${text} runs backwards`;
	return { from, to };
}

/**
 * Reads a short-form port as Compose does: variables first (`${PORT:-8080}:80` is `8080:80`), then
 * `[IP:][HOST:]CONTAINER[/PROTO]`, where an IPv6 address may go unbracketed (`::1:6000:6000`:
 * like Docker, the last two parts are the ports and everything before them the address).
 */
export function parsePortText(raw: string, pos: Pos): PortMapping | UnresolvedPort | string {
	const interpolation = interpolate(raw.trim());
	let text = interpolation.text;
	let proto: PortProto = 'tcp';
	const slash = text.lastIndexOf('/');
	if (slash !== -1) {
		const p = text.slice(slash + 1).toLowerCase();
		if (hasUnknown(p)) proto = 'tcp';
		else if (p !== 'tcp' && p !== 'udp' && p !== 'sctp') return `\`${p}\` is not a protocol; use tcp, udp or sctp`;
		else proto = p;
		text = text.slice(0, slash);
	}
	let hostIp: string | null = null;
	const bracket = /^\[([^\]]+)\]:(.*)$/.exec(text);
	if (bracket) {
		hostIp = bracket[1] ?? null;
		text = bracket[2] ?? '';
	}
	const parts = text.split(':');
	if (!bracket && parts.length >= 3) hostIp = parts.splice(0, parts.length - 2).join(':');
	if (parts.length > 2 || parts.length === 0) return `\`${raw}\` is not a port mapping like "8080:80" or "127.0.0.1:5432:5432"`;
	const containerText = parts[parts.length - 1] ?? '';
	if (hasUnknown(containerText)) return { unresolved: restoreUnknown(interpolation.text, interpolation) };
	const container = parseRange(containerText);
	if (typeof container === 'string') return container;
	let hostPorts: Range | null = null;
	let hostVariable: string | null = null;
	const hostText = parts.length === 2 ? (parts[0] ?? '') : '';
	if (hasUnknown(hostText)) hostVariable = restoreUnknown(hostText, interpolation);
	else if (hostText !== '') {
		const host = parseRange(hostText);
		if (typeof host === 'string') return host;
		const single = container.from === container.to;
		if (!single && host.to - host.from !== container.to - container.from) {
			return `\`${raw}\` maps ${host.to - host.from + 1} host ports to ${container.to - container.from + 1} container ports; the ranges must be the same size`;
		}
		hostPorts = host;
	}
	if (hostIp !== null && hasUnknown(hostIp)) hostIp = null;
	if (hostIp !== null && hostIp !== '' && !/^[0-9a-fA-F.:]+$/.test(hostIp)) return `\`${hostIp}\` is not a host IP address`;
	return { hostIp: hostIp === '' ? null : hostIp, hostPorts, hostVariable, containerPorts: container, proto, text: raw, defaults: interpolation.defaults, pos };
}

export function parsePortObject(fields: { target: string | null; published: string | null; hostIp: string | null; protocol: string | null }, pos: Pos): PortMapping | UnresolvedPort | string {
	if (fields.target === null) return 'a long-form port needs `target`: the container port';
	let text = fields.published ? `${fields.published}:${fields.target}` : fields.target;
	if (fields.hostIp) text = `${fields.hostIp.includes(':') ? `[${fields.hostIp}]` : fields.hostIp}:${text}`;
	if (fields.protocol) text += `/${fields.protocol}`;
	const mapping = parsePortText(text, pos);
	if (typeof mapping !== 'string' && !('unresolved' in mapping)) mapping.text = text;
	return mapping;
}

export function describeMapping(m: PortMapping): string {
	const range = (r: Range): string => (r.from === r.to ? String(r.from) : `${r.from}-${r.to}`);
	const host = m.hostPorts ? range(m.hostPorts) : (m.hostVariable ? `${m.hostVariable} (unknown until run)` : 'random');
	const ip = m.hostIp ? `${m.hostIp}:` : '';
	const defaults = m.defaults.length ? ` (${m.defaults.join(', ')} when unset)` : '';
	return `${ip}${host} -> ${range(m.containerPorts)}/${m.proto}${defaults}`;
}

/**
 * The container port a host port reaches. Docker maps a range port by port (`80-82:8080-8082`
 * sends 82 to 8082); a range onto one container port binds one free host port of the range to it.
 */
export function containerPortFor(m: PortMapping, hostPort: number): number {
	if (!m.hostPorts || m.containerPorts.from === m.containerPorts.to) return m.containerPorts.from;
	return m.containerPorts.from + (hostPort - m.hostPorts.from);
}

export function isLoopback(ip: string | null): boolean {
	return ip !== null && (ip.startsWith('127.') || ip === '::1' || ip === 'localhost');
}
