/**
 * "Can A reach B?" between containers, the host and the internet, by Compose's rules: shared
 * networks connect services on every port; from outside, only published ports; internal
 * networks have no way out.
 */

import { containerPortFor, describeMapping, isLoopback } from './ports';
import { hasOutsideAccess, hostName, isActive, isInternalNetwork, namespaceOf, type ContainersModel, type Namespace, type PortMapping, type Service } from './model';
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

/** Why a namespace cannot take part in a trace at all (`none`, another container's, a missing service), else null. */
function cutOff(model: ContainersModel, service: Service, ns: Namespace): string | null {
	const via = ns.owner === service ? '' : ` (it shares \`${ns.owner.name}\`'s network namespace through \`network_mode: service:${ns.owner.name}\`)`;
	if (!isActive(model, service)) return `${service.name} does not start: its profiles ${service.profiles.map((p) => `\`${p}\``).join(', ')} are not active (top-level \`profiles:\`)`;
	if (ns.kind === 'none') return `${service.name} has \`network_mode: none\`${via}: Docker gives it only a loopback interface, so nothing reaches in or out`;
	if (ns.kind === 'container') return `${service.name} joins the network namespace of container \`${ns.container}\`${via}, which is not in this file: unknown until run`;
	if (ns.kind === 'missing') return `${service.name} uses the network of service \`${ns.service}\`, which is not in this block: unknown until run`;
	return null;
}

export function traceContainers(model: ContainersModel, query: TraceQuery): TraceResult {
	const from = resolve(model, query.from);
	if (typeof from === 'string') return refusedOutright(from, query.from, 'source');
	const to = resolve(model, query.to);
	if (typeof to === 'string') return refusedOutright(to, query.to, 'destination');
	const log = new HopLog();
	const proto = query.proto && query.proto !== 'all' && query.proto !== 'icmp' ? query.proto : 'tcp';
	const packetText = query.port === undefined ? (query.proto ?? 'traffic') : describePacket({ proto, port: query.port });
	const onPort = query.port === undefined ? '' : ` on ${packetText}`;
	const known = (name: string): boolean => name === 'internet' || name === hostName(model) || model.services.has(name) || model.networks.has(name);
	const from_ = label(model, from);
	const to_ = label(model, to);
	if (from.kind !== 'service' && to.kind !== 'service') {
		return refusedOutright(`neither ${from_} nor ${to_} is a service; trace to or from a service`, query.from, 'source');
	}

	if (from.kind === 'service' && to.kind === 'service') {
		if (from.service === to.service) return { allowed: true, hops: [{ resource: from_, step: 'destination', allowed: true, reason: 'source and destination are the same' }], summary: `${from_} is the destination itself`, path: [from_] };
		const a = namespaceOf(model, from.service);
		const b = namespaceOf(model, to.service);
		log.add(from_, 'service', true, `${from_} is on ${describeNamespace(from.service, a)}`);
		const cutFrom = cutOff(model, from.service, a);
		const cutTo = cutOff(model, to.service, b);
		let over = '';
		if (cutFrom) log.add(from_, 'network', false, cutFrom);
		else if (cutTo) log.add(to_, 'network', false, cutTo);
		else if (a.owner === b.owner) {
			const owner = a.owner.name;
			log.add(owner, 'network namespace', true, `${from_} and ${to_} share ${owner}'s network namespace (\`network_mode: service:${owner}\`): one network stack, so ${to_} is at \`localhost\` on every port`);
			over = ` through localhost`;
		} else if (a.kind === 'host' && b.kind === 'host') {
			log.add(hostName(model), 'host network', true, `both use \`network_mode: host\`: they share the host's network stack and meet at \`localhost\``);
			over = ' on the host network';
		} else if (a.kind === 'host' && b.kind === 'networks') {
			const way = b.networks.find((n) => !isInternalNetwork(model, n));
			if (way === undefined) log.add(to_, 'network', false, `${from_} uses the host's network stack, and ${to_} is only on internal networks (${b.networks.join(', ')}), which Docker isolates from the host`);
			else {
				const published = b.owner.ports.filter((m) => m.hostPorts && !m.hostVariable);
				log.add(hostName(model), 'host network', true, `${from_} uses \`network_mode: host\`: it is the host's network stack, which has a route into \`${way}\`, so it reaches ${to_} at its container IP on every port, or at a published port on localhost${published.length ? ` (${published.map(describeMapping).join(', ')})` : ''}; not by service name, which only Compose's networks resolve`);
				over = ' from the host network';
			}
		} else if (a.kind === 'networks' && b.kind === 'host') {
			const way = a.networks.find((n) => !isInternalNetwork(model, n));
			if (way === undefined) log.add(from_, 'network', false, `${to_} listens on the host's network stack (\`network_mode: host\`), and ${from_} is only on internal networks (${a.networks.join(', ')}), which have no route to the host`);
			else {
				log.add(hostName(model), 'host network', true, `${to_} uses \`network_mode: host\`: it listens on the host's own addresses; ${from_} reaches them out of \`${way}\` (the network's gateway, or \`host.docker.internal\` with \`extra_hosts: host-gateway\`)`);
				over = ' at the host\'s address';
			}
		} else if (a.kind === 'networks' && b.kind === 'networks') {
			const shared = a.networks.find((n) => b.networks.includes(n));
			if (shared === 'bridge' && !model.networks.has('bridge')) {
				const linked = from.service.links.includes(to.service.name) || from.service.links.includes(b.owner.name);
				log.add('bridge', 'network', true, `both are on Docker's default bridge (\`network_mode: bridge\`): every port is open between them, by container IP; ${linked ? `\`links\` makes ${to_} resolve by name` : `${to_} resolves by name only through \`links\` (the default bridge has no service DNS)`}`);
				over = ' over the default bridge';
			} else if (shared) {
				log.add(shared, 'network', true, `both are on \`${shared}\`: ${to_} resolves by name and every port is open between them`);
				over = ` over ${shared}`;
			} else {
				log.add(to_, 'network', false, `${from_} is on ${describeNamespace(from.service, a)} and ${to_} on ${describeNamespace(to.service, b)}: no shared network; add one to both services`, undefined, `${from_} -> ${to_} networks`);
			}
		}
		if (!log.blocked) log.add(to_, 'destination', true, `reaches ${to_}${onPort}`);
		return finishTrace(log, `Allowed: ${from_} -> ${to_}${onPort}${over}`, known);
	}

	if (from.kind === 'service') {
		// To the host or the internet: out through any network that is not internal.
		const ns = namespaceOf(model, from.service);
		log.add(from_, 'service', true, `${from_} is on ${describeNamespace(from.service, ns)}`);
		const cut = cutOff(model, from.service, ns);
		if (cut) log.add(from_, 'network', false, cut);
		else if (ns.kind === 'host') {
			log.add(hostName(model), 'network', true, `it uses the host's network stack directly (\`network_mode: host\`)`);
			log.add(to_, 'destination', true, `reaches ${to_}`);
		} else if (ns.kind === 'networks') {
			const way = ns.networks.find((n) => !isInternalNetwork(model, n));
			if (way === undefined) log.add(from_, 'network', false, `${from_} is only on internal networks (${ns.networks.join(', ') || 'none'}), which have no route out`);
			else {
				log.add(way, 'network', true, way === 'bridge' && !model.networks.has('bridge') ? 'Docker\'s default bridge is not internal, so Docker routes it out through the host' : `\`${way}\` is not internal, so Docker routes it out through the host`);
				log.add(to_, 'destination', true, `reaches ${to_}`);
			}
		}
		return finishTrace(log, `Allowed: ${from_} -> ${to_}`, known);
	}

	// From the host or the internet to a service: only published ports.
	const service = (to as { kind: 'service'; service: Service }).service;
	const ns = namespaceOf(model, service);
	const fromInternet = from.kind === 'internet';
	const cut = cutOff(model, service, ns);
	if (cut) {
		log.add(to_, 'network', false, cut);
		return finishTrace(log, '', known);
	}
	if (ns.kind === 'host') {
		log.add(to_, 'host network', true, `${to_} uses \`network_mode: host\`${ns.owner === service ? '' : ` (through ${ns.owner.name})`}: it listens on the host's own interfaces, so any port it listens on is the host's; Docker publishes nothing and \`ports\` are ignored`);
		log.add(to_, 'destination', true, `reaches ${to_}${onPort}`);
		return finishTrace(log, `Allowed: ${from_} -> ${to_}${onPort} (host network)`, known);
	}
	// With `network_mode: service:x` the ports are x's: one namespace, published once.
	const owner = ns.owner;
	const shares = owner === service ? '' : ` (${to_} shares ${owner.name}'s network namespace, so ${owner.name}'s published ports reach it)`;
	const candidates = owner.ports.filter((m) => matches(m, proto, query.port, query.proto === undefined));
	const visible = candidates.filter((m) => !fromInternet || !isLoopback(m.hostIp));
	const variables = owner.ports.filter((m) => m.hostVariable && (query.proto === undefined || m.proto === proto));
	if (candidates.length === 0) {
		const what = query.port === undefined ? 'any port' : packetText;
		const published = owner.ports.length ? `it publishes ${owner.ports.map(describeMapping).join(', ')}` : 'it publishes no ports';
		const names = variables.map((m) => m.hostVariable ?? '');
		const unknown = names.length && query.port !== undefined ? `; host port ${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} unknown until run and may be this one` : '';
		log.add(to_, 'published ports', false, `${owner.name} does not publish ${what} on the host (${published})${shares}${unknown}; add e.g. "${query.port ?? 8080}:${query.port ?? 80}" under \`ports\``);
	} else if (visible.length === 0) {
		log.add(to_, 'published ports', false, `${owner.name} publishes ${candidates.map(describeMapping).join(', ')} on loopback only, so only the host itself can connect${shares}`);
	} else if (!hasOutsideAccess(model, owner)) {
		log.add(to_, 'published ports', false, `${owner.name} is only on internal networks, so Docker does not publish its ports${shares}`);
	} else {
		const mapping = visible[0];
		const hostPort = query.port ?? mapping.hostPorts?.from;
		const container = hostPort === undefined ? mapping.containerPorts.from : containerPortFor(mapping, hostPort);
		const range = mapping.hostPorts && mapping.hostPorts.from !== mapping.hostPorts.to;
		const rule = !range ? '' : mapping.containerPorts.from === mapping.containerPorts.to
			? `; Docker binds one free port of ${mapping.hostPorts?.from}-${mapping.hostPorts?.to} to container port ${container}`
			: `; Docker maps a range port by port, so host port ${hostPort} goes to container port ${container}`;
		const defaults = mapping.defaults.length ? ` (while ${mapping.defaults.join(', ')} is the default)` : '';
		log.add(hostName(model), 'published port', true, `${hostName(model)} forwards ${describeMapping(mapping)} to ${owner.name}${rule}${shares}${defaults}`, mapping.text);
		log.add(to_, 'destination', true, `reaches ${to_} on container port ${container}`);
	}
	return finishTrace(log, `Allowed: ${from_} -> ${to_}${onPort} through a published port`, known);
}

function matches(m: PortMapping, proto: string, port: number | undefined, anyProto: boolean): boolean {
	if (!anyProto && m.proto !== proto) return false;
	if (port === undefined) return m.hostPorts !== null || m.hostVariable === null;
	return m.hostPorts !== null && m.hostPorts.from <= port && port <= m.hostPorts.to;
}

function describeNamespace(service: Service, ns: Namespace): string {
	if (ns.owner !== service) return `\`network_mode: service:${ns.owner.name}\` (${ns.owner.name}'s network namespace: ${describeNamespace(ns.owner, ns)})`;
	switch (ns.kind) {
		case 'host': return 'the host\'s network (`network_mode: host`)';
		case 'none': return 'no network (`network_mode: none`)';
		case 'container': return `container \`${ns.container}\`'s network (\`network_mode: container:${ns.container}\`)`;
		case 'missing': return `the network of service \`${ns.service}\``;
		case 'networks': {
			if (service.networkMode === 'bridge' || service.networkMode === 'default') return 'Docker\'s default bridge (`network_mode: bridge`)';
			const names = ns.networks;
			return names.length === 1 ? `network \`${names[0] ?? ''}\`` : `networks ${names.map((n) => `\`${n}\``).join(', ')}`;
		}
	}
}
