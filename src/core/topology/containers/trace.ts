/**
 * "Can A reach B?" between containers, the host and the internet, by Compose's rules: shared
 * networks connect services on every port; from outside, only published ports; internal
 * networks have no way out.
 */

import { describeMapping, isLoopback } from './ports';
import { hasOutsideAccess, hostName, networksOf, type ContainersModel, type PortMapping, type Service } from './model';
import { describePacket } from '../shared/traffic';
import { finishTrace, HopLog, refusedOutright, type TraceQuery, type TraceResult } from '../shared/trace-types';

type End = { kind: 'internet' } | { kind: 'host' } | { kind: 'service'; service: Service };

function resolve(model: ContainersModel, name: string): End | string {
	if (name === 'internet') return { kind: 'internet' };
	const service = model.services.get(name);
	if (service) return { kind: 'service', service };
	if (name === hostName(model) || name === 'host') return { kind: 'host' };
	if (model.networks.has(name) || model.volumes.has(name)) return `\`${name}\` is a ${model.networks.has(name) ? 'network' : 'volume'}; trace between services, \`${hostName(model)}\` and \`internet\``;
	return `No service named \`${name}\` in this block`;
}

function label(model: ContainersModel, end: End): string {
	return end.kind === 'service' ? end.service.name : end.kind === 'host' ? hostName(model) : 'internet';
}

export function traceContainers(model: ContainersModel, query: TraceQuery): TraceResult {
	const from = resolve(model, query.from);
	if (typeof from === 'string') return refusedOutright(from, query.from, 'source');
	const to = resolve(model, query.to);
	if (typeof to === 'string') return refusedOutright(to, query.to, 'destination');
	const log = new HopLog();
	const proto = query.proto && query.proto !== 'all' && query.proto !== 'icmp' ? query.proto : 'tcp';
	const packetText = query.port === undefined ? (query.proto ?? 'traffic') : describePacket({ proto, port: query.port });
	const known = (name: string): boolean => name === 'internet' || name === hostName(model) || model.services.has(name) || model.networks.has(name);
	const from_ = label(model, from);
	const to_ = label(model, to);
	if (from.kind !== 'service' && to.kind !== 'service') {
		return refusedOutright(`neither ${from_} nor ${to_} is a service; trace to or from a service`, query.from, 'source');
	}

	if (from.kind === 'service' && to.kind === 'service') {
		if (from.service === to.service) return { allowed: true, hops: [{ resource: from_, step: 'destination', allowed: true, reason: 'source and destination are the same' }], summary: `${from_} is the destination itself`, path: [from_] };
		log.add(from_, 'service', true, `${from_} is on ${describeNetworks(from.service)}`);
		const a = networksOf(from.service);
		const b = new Set(networksOf(to.service));
		const shared = a.find((n) => b.has(n));
		if (from.service.networkMode === 'host' || to.service.networkMode === 'host') {
			const other = from.service.networkMode === 'host' ? to.service : from.service;
			if (hasOutsideAccess(model, other)) {
				log.add(hostName(model), 'host network', true, `one side uses \`network_mode: host\`, so they meet at the host's address`);
			} else log.add(other.name, 'network', false, `${other.name} is only on internal networks and cannot reach the host's network`);
		} else if (shared) {
			log.add(shared, 'network', true, `both are on \`${shared}\`: ${to_} resolves by name and every port is open between them`);
		} else {
			log.add(to_, 'network', false, `${from_} is on ${describeNetworks(from.service)} and ${to_} on ${describeNetworks(to.service)}: no shared network; add one to both services`, undefined, `${from_} -> ${to_} networks`);
		}
		if (!log.blocked) log.add(to_, 'destination', true, `reaches ${to_}${query.port === undefined ? '' : ` on ${packetText}`}`);
		return finishTrace(log, `Allowed: ${from_} -> ${to_}${query.port === undefined ? '' : ` on ${packetText}`}${shared ? ` over ${shared}` : ''}`, known);
	}

	if (from.kind === 'service') {
		// To the host or the internet: out through any network that is not internal.
		log.add(from_, 'service', true, `${from_} is on ${describeNetworks(from.service)}`);
		const way = from.service.networkMode === 'host' ? 'host' : networksOf(from.service).find((n) => !(model.networks.get(n)?.internal ?? false));
		if (way === undefined || from.service.networkMode === 'none') {
			log.add(from_, 'network', false, `${from_} is only on internal networks (${networksOf(from.service).join(', ') || 'none'}), which have no route out`);
		} else {
			log.add(way === 'host' ? hostName(model) : way, 'network', true, way === 'host' ? 'it uses the host network directly' : `\`${way}\` is not internal, so Docker routes it out through the host`);
			log.add(to_, 'destination', true, `reaches ${to_}`);
		}
		return finishTrace(log, `Allowed: ${from_} -> ${to_}`, known);
	}

	// From the host or the internet to a service: only published ports.
	const service = (to as { kind: 'service'; service: Service }).service;
	const fromInternet = from.kind === 'internet';
	if (service.networkMode === 'host') {
		log.add(to_, 'host network', true, `${to_} uses the host network: every port it listens on is the host's`);
		log.add(to_, 'destination', true, `reaches ${to_}`);
		return finishTrace(log, `Allowed: ${from_} -> ${to_} (host network)`, known);
	}
	const candidates = service.ports.filter((m) => matches(m, proto, query.port, query.proto === undefined));
	const visible = candidates.filter((m) => !fromInternet || !isLoopback(m.hostIp));
	if (candidates.length === 0) {
		const what = query.port === undefined ? 'any port' : packetText;
		const published = service.ports.length ? `it publishes ${service.ports.map(describeMapping).join(', ')}` : 'it publishes no ports';
		log.add(to_, 'published ports', false, `${to_} does not publish ${what} on the host (${published}); add e.g. "${query.port ?? 8080}:${query.port ?? 80}" under \`ports\``);
	} else if (visible.length === 0) {
		log.add(to_, 'published ports', false, `${to_} publishes ${candidates.map(describeMapping).join(', ')} on loopback only, so only the host itself can connect`);
	} else if (!hasOutsideAccess(model, service)) {
		log.add(to_, 'published ports', false, `${to_} is only on internal networks, so Docker does not publish its ports`);
	} else {
		const mapping = visible[0];
		log.add(hostName(model), 'published port', true, `${hostName(model)} forwards ${describeMapping(mapping)} to ${to_}`, mapping.text);
		log.add(to_, 'destination', true, `reaches ${to_} on container port ${mapping.containerPorts.from}`);
	}
	return finishTrace(log, `Allowed: ${from_} -> ${to_}${query.port === undefined ? '' : ` on ${packetText}`} through a published port`, known);
}

function matches(m: PortMapping, proto: string, port: number | undefined, anyProto: boolean): boolean {
	if (!anyProto && m.proto !== proto) return false;
	if (port === undefined) return true;
	return m.hostPorts !== null && m.hostPorts.from <= port && port <= m.hostPorts.to;
}

function describeNetworks(service: Service): string {
	if (service.networkMode) return `network_mode ${service.networkMode}`;
	const names = networksOf(service);
	return names.length === 1 ? `network \`${names[0] ?? ''}\`` : `networks ${names.map((n) => `\`${n}\``).join(', ')}`;
}
