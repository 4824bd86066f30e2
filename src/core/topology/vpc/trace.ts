/**
 * "Can A reach B?" in a VPC, hop by hop as AWS evaluates a packet: source security group
 * outbound, source subnet NACL outbound, route table, gateway, destination NACL inbound,
 * destination security group inbound, then the NACLs again for the reply (they are stateless;
 * security groups are not, so replies pass them).
 */

import { ANYWHERE, cidrContains, parseCidr, type Cidr } from '../shared/cidr';
import { evaluateNacl, EPHEMERAL_SAMPLES, describeNaclRule, type Nacl } from './nacl';
import type { Direction } from './rule-text';
import { lookupRoute, describeRoute } from './route-table';
import { evaluateSecurityGroups, type PeerIdentity, type SecurityGroup } from './security-group';
import { coversPacket, describePacket, type Packet } from '../shared/traffic';
import { finishTrace, HopLog, refusedOutright, type TraceQuery, type TraceResult } from '../shared/trace-types';
import {
	groupsOf,
	internetRouteOf,
	isInternetFacing,
	isPublicSubnet,
	naclOf,
	routeTableOf,
	type LoadBalancer,
	type Subnet,
	type VpcModel,
} from './model';

export type EndpointKind = 'internet' | 'external' | 'instance' | 'load-balancer' | 'nat-gateway' | 'subnet' | 'address';

export interface Endpoint {
	kind: EndpointKind;
	name: string;
	subnet: Subnet | null;
	/** Addresses it sends from (its subnet's range when no fixed IP is given). */
	range: Cidr;
	/** Null when no security group applies (NAT gateways, bare addresses, whole subnets). */
	groups: SecurityGroup[] | null;
	publicIp: boolean;
	lb?: LoadBalancer;
}

export function identity(endpoint: Endpoint): PeerIdentity {
	return { ranges: [endpoint.range], groups: new Set((endpoint.groups ?? []).map((g) => g.name)) };
}

function isOutside(endpoint: Endpoint): boolean {
	return endpoint.kind === 'internet' || endpoint.kind === 'external';
}

export function resolve(model: VpcModel, name: string): Endpoint | string {
	if (name === 'internet') return { kind: 'internet', name, subnet: null, range: ANYWHERE, groups: null, publicIp: true };
	const inSubnet = (subnetName: string | undefined, owner: string): Subnet | string => {
		const subnet = subnetName === undefined ? undefined : model.subnets.get(subnetName);
		if (!subnet) return `${owner}'s subnet is not declared, so there is nothing to trace`;
		if (!subnet.cidr) return `subnet \`${subnet.name}\` has no valid CIDR, so there is nothing to trace`;
		return subnet;
	};
	const instance = model.instances.get(name);
	if (instance) {
		const subnet = inSubnet(instance.subnet?.name, `\`${name}\``);
		if (typeof subnet === 'string') return subnet;
		return {
			kind: 'instance',
			name,
			subnet,
			range: instance.privateIp ?? (subnet.cidr as Cidr),
			groups: groupsOf(model, instance.securityGroups),
			publicIp: instance.publicIp,
		};
	}
	const lb = model.loadBalancers.get(name);
	if (lb) {
		const subnet = inSubnet(lb.subnets[0]?.name, `\`${name}\``);
		if (typeof subnet === 'string') return subnet;
		const groups = lb.type === 'network' && lb.securityGroups.length === 0 ? null : groupsOf(model, lb.securityGroups);
		return { kind: 'load-balancer', name, subnet, range: subnet.cidr as Cidr, groups, publicIp: isInternetFacing(model, lb), lb };
	}
	const nat = model.natGateways.get(name);
	if (nat) {
		const subnet = inSubnet(nat.subnet?.name, `\`${name}\``);
		if (typeof subnet === 'string') return subnet;
		return { kind: 'nat-gateway', name, subnet, range: subnet.cidr as Cidr, groups: null, publicIp: true };
	}
	const subnet = model.subnets.get(name);
	if (subnet) {
		if (!subnet.cidr) return `subnet \`${name}\` has no valid CIDR`;
		return { kind: 'subnet', name, subnet, range: subnet.cidr, groups: null, publicIp: false };
	}
	const other = otherKind(model, name);
	if (other) return `\`${name}\` is ${other}; trace between instances, load balancers, NAT gateways, subnets, \`internet\` or an IP address`;
	const cidr = parseCidr(name, { allowBareAddress: true });
	if (!cidr.ok) return `No resource named \`${name}\` in this block`;
	if (model.cidr && cidrContains(model.cidr, cidr.cidr)) {
		let home: Subnet | null = null;
		for (const s of model.subnets.values()) if (s.cidr && cidrContains(s.cidr, cidr.cidr)) home = s;
		if (!home) return `${cidr.cidr.text} is inside the VPC but in no subnet`;
		return { kind: 'address', name, subnet: home, range: cidr.cidr, groups: null, publicIp: false };
	}
	return { kind: 'external', name, subnet: null, range: cidr.cidr, groups: null, publicIp: true };
}

function otherKind(model: VpcModel, name: string): string | null {
	if (name === model.name) return 'the VPC itself';
	if (name === model.internetGateway?.name) return 'the internet gateway';
	if (model.routeTables.has(name)) return 'a route table';
	if (model.securityGroups.has(name)) return 'a security group';
	if (model.nacls.has(name)) return 'a NACL';
	return null;
}

/** One VPC's checks; several tracers share one log when a path crosses VPCs (network-trace.ts). */
export class VpcTracer {
	constructor(
		private readonly model: VpcModel,
		readonly log = new HopLog(),
	) {}

	private naclName(subnet: Subnet, nacl: Nacl): string {
		return nacl.implicit ? subnet.name : nacl.name;
	}

	securityGroups(endpoint: Endpoint, direction: Direction, packet: Packet, peer: Endpoint, peerLabel: string): boolean {
		if (!endpoint.groups) return true;
		const names = endpoint.groups.map((g) => g.name).join(', ') || endpoint.name;
		const verdict = evaluateSecurityGroups(endpoint.groups, direction, packet, identity(peer));
		const step = `security group ${direction}`;
		const what = `${describePacket(packet)} ${direction === 'inbound' ? 'from' : 'to'} ${peerLabel}`;
		if (verdict.defaultOutbound && verdict.group) {
			return this.log.add(verdict.group.name, step, true, `${verdict.group.name} has no outbound rules, so all outbound traffic is allowed`, 'all to 0.0.0.0/0 (default)');
		}
		if (verdict.allowed && verdict.group && verdict.rule) {
			return this.log.add(verdict.group.name, step, true, `"${verdict.rule.text}" admits ${what}`, verdict.rule.text);
		}
		return this.log.add(names, step, false, `no ${direction} rule of ${names} admits ${what}; security groups deny by default`, undefined, `${names} ${direction}`);
	}

	nacl(subnet: Subnet, direction: Direction, packet: Packet, peer: Cidr, reply = false): boolean {
		const nacl = naclOf(this.model, subnet);
		const verdict = evaluateNacl(nacl, direction, packet, peer);
		const step = `nacl ${direction}${reply ? ' (reply)' : ''}`;
		const resource = this.naclName(subnet, nacl);
		const what = `${describePacket(packet)} ${direction === 'inbound' ? 'from' : 'to'} ${peer.text}`;
		const place = `${nacl.implicit ? `${subnet.name}'s default NACL` : nacl.name} ${direction}${reply ? ' (reply)' : ''}`;
		if (verdict.rule) {
			const text = describeNaclRule(verdict.rule, direction);
			const owner = nacl.implicit ? `the default NACL of ${subnet.name}` : `rule ${verdict.rule.number}`;
			return this.log.add(resource, step, verdict.allowed, `${owner} ${verdict.allowed ? 'allows' : 'denies'} ${what}`, verdict.rule.text || text, place);
		}
		return this.log.add(resource, step, false, `no rule allows ${what}; rule * denies`, '*', place);
	}

	/** The reply to a request: stateless NACLs must pass it back on the client's ephemeral port. */
	replyNacl(subnet: Subnet, direction: Direction, request: Packet, peer: Cidr): boolean {
		if (request.proto === 'icmp' || request.proto === 'all') return this.nacl(subnet, direction, { proto: request.proto }, peer, true);
		const nacl = naclOf(this.model, subnet);
		for (const port of EPHEMERAL_SAMPLES) {
			const packet: Packet = { proto: request.proto, port };
			if (!evaluateNacl(nacl, direction, packet, peer).allowed) return this.nacl(subnet, direction, packet, peer, true);
		}
		const sample: Packet = { proto: request.proto, port: EPHEMERAL_SAMPLES[1] };
		const verdict = evaluateNacl(nacl, direction, sample, peer);
		const resource = this.naclName(subnet, nacl);
		const word = direction === 'inbound' ? 'from' : 'to';
		return this.log.add(resource, `nacl ${direction} (reply)`, true, `replies (${request.proto} 1024-65535 ${word} ${peer.text}) pass`, verdict.rule?.text ?? '*');
	}

	route(subnet: Subnet, dest: Cidr, expect: (target: string) => boolean, failure: (target: string | null) => string): string | null {
		const table = routeTableOf(this.model, subnet);
		const choice = lookupRoute(table, this.model.cidr, dest);
		const resource = table?.name ?? subnet.name;
		if (!choice) {
			this.log.add(resource, 'route table', false, failure(null));
			return null;
		}
		const ok = expect(choice.target);
		const rule = describeRoute(choice);
		this.log.add(resource, 'route table', ok, ok ? `${rule}${choice.implicitLocal ? ' (the implicit local route)' : ''} matches ${dest.text}` : failure(choice.target), rule);
		return ok ? choice.target : null;
	}

	/** Both ends inside the VPC. */
	inside(src: Endpoint, dst: Endpoint, packet: Packet): boolean {
		const from = src.subnet as Subnet;
		const to = dst.subnet as Subnet;
		const crosses = from !== to;
		if (!this.securityGroups(src, 'outbound', packet, dst, `${dst.name} (${dst.range.text})`)) return false;
		if (crosses && !this.nacl(from, 'outbound', packet, dst.range)) return false;
		const target = this.route(
			from,
			dst.range,
			(t) => t === 'local',
			(t) => (t ? `the route for ${dst.range.text} leads to ${t}, not local` : `no route covers ${dst.range.text}`),
		);
		if (target === null) return false;
		if (crosses && !this.nacl(to, 'inbound', packet, src.range)) return false;
		if (!this.securityGroups(dst, 'inbound', packet, src, `${src.name} (${src.range.text})`)) return false;
		if (crosses && !this.replyNacl(to, 'outbound', packet, src.range)) return false;
		if (crosses && !this.replyNacl(from, 'inbound', packet, dst.range)) return false;
		return true;
	}

	/** From inside the VPC out to the internet or an outside address. */
	outbound(src: Endpoint, dst: Endpoint, packet: Packet): boolean {
		const from = src.subnet as Subnet;
		if (!this.securityGroups(src, 'outbound', packet, dst, dst.range.text)) return false;
		if (!this.nacl(from, 'outbound', packet, dst.range)) return false;
		const igw = this.model.internetGateway?.name;
		const target = this.route(
			from,
			dst.range,
			(t) => t !== 'local',
			(t) =>
				t === 'local'
					? `${dst.range.text} only matches the local route`
					: `no route covers ${dst.range.text}: add \`0.0.0.0/0\` to ${igw ? `\`${igw}\`` : 'an internet gateway'} (public) or a NAT gateway (private)`,
		);
		if (target === null) return false;
		if (target === igw) {
			if (!src.publicIp) {
				return this.log.add(target, 'internet gateway', false, `${src.name} has no public IP, so the internet gateway drops its traffic; give it \`public-ip: true\` or route it through a NAT gateway`);
			}
			this.log.add(target, 'internet gateway', true, `${src.name}'s public IP is translated at ${target}`);
			if (!this.replyNacl(from, 'inbound', packet, dst.range)) return false;
			return this.arrive(dst);
		}
		const nat = this.model.natGateways.get(target);
		const natSubnet = nat?.subnet ? this.model.subnets.get(nat.subnet.name) : undefined;
		if (!nat || !natSubnet) {
			return this.log.add(target, 'gateway', false, `the route leads to \`${target}\`, which is not a declared gateway`);
		}
		this.log.add(nat.name, 'nat gateway', true, `${nat.name} in ${natSubnet.name} translates ${src.name}'s private address to its own public IP`);
		const crosses = natSubnet !== from;
		if (crosses && !this.nacl(natSubnet, 'inbound', packet, src.range)) return false;
		const onward = this.route(
			natSubnet,
			dst.range,
			(t) => t === igw,
			(t) => `${nat.name}'s subnet ${natSubnet.name} sends ${dst.range.text} to ${t ?? 'nowhere'}, not the internet gateway: a NAT gateway must sit in a public subnet`,
		);
		if (onward === null) return false;
		if (!this.nacl(natSubnet, 'outbound', packet, dst.range)) return false;
		this.log.add(onward, 'internet gateway', true, `${nat.name}'s public IP is translated at ${onward}`);
		if (!this.replyNacl(natSubnet, 'inbound', packet, dst.range)) return false;
		if (crosses && !this.replyNacl(natSubnet, 'outbound', packet, src.range)) return false;
		if (crosses && !this.replyNacl(from, 'inbound', packet, dst.range)) return false;
		return this.arrive(dst);
	}

	arrive(dst: Endpoint): boolean {
		return this.log.add(dst.name, 'destination', true, `reaches ${dst.name === 'internet' ? 'the internet' : dst.name}`);
	}

	/** From the internet (or an outside address) straight to a public address inside the VPC. */
	inboundDirect(src: Endpoint, dst: Endpoint, packet: Packet): boolean {
		const to = dst.subnet as Subnet;
		const igw = this.model.internetGateway?.name;
		if (!igw) return this.log.add(dst.name, 'internet gateway', false, `the VPC has no internet gateway, so nothing from outside gets in; add \`internet-gateway:\``);
		if (!isPublicSubnet(this.model, to)) {
			return this.log.add(igw, 'internet gateway', false, `${dst.name} is in private subnet ${to.name} (its route table sends nothing to ${igw})`);
		}
		if (!dst.publicIp) {
			return this.log.add(igw, 'internet gateway', false, `${dst.name} has no public IP; give it \`public-ip: true\` or put an internet-facing load balancer in front`);
		}
		this.log.add(igw, 'internet gateway', true, `${igw} forwards to ${dst.name}'s public IP`);
		if (!this.nacl(to, 'inbound', packet, src.range)) return false;
		if (!this.securityGroups(dst, 'inbound', packet, src, src.range.text)) return false;
		if (!this.replyNacl(to, 'outbound', packet, src.range)) return false;
		const route = internetRouteOf(this.model, to);
		const replyChoice = lookupRoute(routeTableOf(this.model, to), this.model.cidr, src.range);
		if (!replyChoice || replyChoice.target !== igw) {
			return this.log.add(routeTableOf(this.model, to)?.name ?? to.name, 'route table (reply)', false, `replies to ${src.range.text} do not route to ${igw}${route ? ` (only ${route.destination.text} does)` : ''}`);
		}
		this.log.add(routeTableOf(this.model, to)?.name ?? to.name, 'route table (reply)', true, `replies follow ${describeRoute(replyChoice)}`, describeRoute(replyChoice));
		return this.arrive(dst);
	}
}

/** Packets worth trying when the query names no port: what the destination admits. */
export function candidatePackets(model: VpcModel, dst: Endpoint, query: TraceQuery): Packet[] {
	if (query.port !== undefined) return [{ proto: query.proto && query.proto !== 'all' ? query.proto : 'tcp', port: query.port }];
	if (query.proto === 'all' || query.proto === 'icmp') return [{ proto: query.proto }];
	const wanted = query.proto;
	const packets: Packet[] = [];
	const add = (p: Packet): void => {
		if (wanted && p.proto !== wanted) return;
		if (!packets.some((q) => q.proto === p.proto && q.port === p.port)) packets.push(p);
	};
	const groups = isOutside(dst) ? [] : (dst.groups ?? []);
	if (dst.kind === 'instance') {
		for (const lb of model.loadBalancers.values()) {
			if (lb.targets.some((t) => t.name === dst.name) && lb.targetPort !== null) add({ proto: 'tcp', port: lb.targetPort });
		}
	}
	for (const group of groups) {
		for (const rule of group.inbound) {
			// An all-ports rule says nothing about which port; 443 stands for "some service".
			const first = rule.ports[0]?.from ?? 0;
			if (rule.proto === 'tcp' || rule.proto === 'udp') add({ proto: rule.proto, port: first === 0 ? 443 : first });
		}
	}
	add({ proto: wanted ?? 'tcp', port: 443 });
	return packets.slice(0, 8);
}

export function traceVpc(model: VpcModel, query: TraceQuery): TraceResult {
	const src = resolve(model, query.from);
	if (typeof src === 'string') return refusedOutright(src, query.from, 'source');
	const dst = resolve(model, query.to);
	if (typeof dst === 'string') return refusedOutright(dst, query.to, 'destination');
	if (isOutside(src) && isOutside(dst)) return refusedOutright('both ends are outside the VPC; nothing here carries that traffic', query.from, 'source');
	if (src.kind === dst.kind && src.name === dst.name) {
		return { allowed: true, hops: [{ resource: src.name, step: 'destination', allowed: true, reason: 'source and destination are the same' }], summary: `${src.name} is the destination itself`, path: [src.name] };
	}
	const known = (name: string): boolean =>
		name === 'internet' ||
		model.instances.has(name) ||
		model.loadBalancers.has(name) ||
		model.natGateways.has(name) ||
		model.subnets.has(name) ||
		model.securityGroups.has(name) ||
		model.nacls.has(name) ||
		model.routeTables.has(name) ||
		name === model.internetGateway?.name ||
		name === src.name ||
		name === dst.name;
	let first: TraceResult | null = null;
	for (const packet of candidatePackets(model, dst, query)) {
		const result = traceOne(model, src, dst, packet, known);
		if (result.allowed) return result;
		first ??= result;
	}
	return first as TraceResult;
}

function traceOne(model: VpcModel, src: Endpoint, dst: Endpoint, packet: Packet, known: (name: string) => boolean): TraceResult {
	const summary = (via: string): string => `Allowed: ${src.name} -> ${dst.name} on ${describePacket(packet)}${via}`;
	if (!isOutside(src) && !isOutside(dst)) {
		const tracer = new VpcTracer(model);
		tracer.inside(src, dst, packet);
		if (!tracer.log.blocked) tracer.log.add(dst.name, 'destination', true, `reaches ${dst.name}`);
		return finishTrace(tracer.log, summary(''), known);
	}
	if (!isOutside(src)) {
		const tracer = new VpcTracer(model);
		tracer.outbound(src, dst, packet);
		const via = tracer.log.hops.find((h) => h.step === 'nat gateway');
		return finishTrace(tracer.log, summary(via ? ` via ${via.resource}` : ''), known);
	}
	return traceInbound(model, src, dst, packet, known, summary);
}

function traceInbound(
	model: VpcModel,
	src: Endpoint,
	dst: Endpoint,
	packet: Packet,
	known: (name: string) => boolean,
	summary: (via: string) => string,
): TraceResult {
	if (dst.kind === 'nat-gateway') {
		return refusedOutright(`${dst.name} is a NAT gateway: it only lets connections out, the internet cannot open one through it`, dst.name, 'nat gateway');
	}
	if (dst.kind === 'load-balancer' && dst.lb) return finishTrace(front(model, src, dst, dst.lb, packet).log, summary(''), known);
	const attempts: TraceResult[] = [];
	if (dst.publicIp || dst.kind === 'address' || dst.kind === 'subnet') {
		const tracer = new VpcTracer(model);
		tracer.inboundDirect(src, { ...dst, publicIp: dst.publicIp || dst.kind !== 'instance' }, packet);
		const result = finishTrace(tracer.log, summary(''), known);
		if (result.allowed) return result;
		attempts.push(result);
	}
	if (dst.kind === 'instance') {
		for (const lb of model.loadBalancers.values()) {
			if (!lb.targets.some((t) => t.name === dst.name)) continue;
			const lbEnd = resolve(model, lb.name);
			if (typeof lbEnd === 'string') continue;
			if (lb.targetPort !== null && packet.port !== undefined && lb.targetPort !== packet.port) {
				attempts.push(refusedOutright(`${lb.name} forwards to ${dst.name} on port ${lb.targetPort}, not ${packet.port}`, lb.name, 'load balancer'));
				continue;
			}
			const tracer = viaLoadBalancer(model, src, lbEnd, lb, dst, packet);
			const result = finishTrace(tracer.log, summary(` via ${lb.name}`), known);
			if (result.allowed) return result;
			attempts.push(result);
		}
	}
	if (attempts.length > 0) return attempts[0];
	const subnet = dst.subnet as Subnet;
	const where = isPublicSubnet(model, subnet) ? `public subnet ${subnet.name}` : `private subnet ${subnet.name} (no route to an internet gateway)`;
	return refusedOutright(
		`${dst.name} is in ${where}, has no public IP, and no internet-facing load balancer targets it; the internet cannot reach it`,
		dst.name,
		'internet gateway',
	);
}

/** The client side of a load balancer: internet gateway, its subnet's NACL, its security groups. */
function front(model: VpcModel, src: Endpoint, dst: Endpoint, lb: LoadBalancer, packet: Packet): VpcTracer {
	const tracer = new VpcTracer(model);
	if (!isInternetFacing(model, lb)) {
		const why = lb.scheme === 'internal' ? 'it is `scheme: internal`' : 'its subnets are not all public';
		tracer.log.add(lb.name, 'load balancer', false, `${lb.name} is not internet-facing: ${why}`);
		return tracer;
	}
	if (lb.listeners && packet.port !== undefined && !lb.listeners.includes(packet.port)) {
		tracer.log.add(lb.name, 'load balancer', false, `${lb.name} listens on ${lb.listeners.join(', ')}, not ${packet.port}`);
		return tracer;
	}
	tracer.inboundDirect(src, { ...dst, publicIp: true }, packet);
	return tracer;
}

/** Internet -> load balancer (on a port it listens on) -> target (on the target port). */
function viaLoadBalancer(model: VpcModel, src: Endpoint, lbEnd: Endpoint, lb: LoadBalancer, target: Endpoint, packet: Packet): VpcTracer {
	const listenerPorts = lb.listeners ?? frontPorts(lbEnd, src, packet);
	let last: VpcTracer | null = null;
	for (const port of listenerPorts) {
		const frontPacket: Packet = { proto: packet.proto, port };
		const tracer = front(model, src, lbEnd, lb, frontPacket);
		last = tracer;
		if (tracer.log.blocked) continue;
		tracer.log.pop();
		tracer.log.add(lb.name, 'load balancer', true, `${lb.name} accepts ${describePacket(frontPacket)} and forwards to target ${target.name} on ${describePacket(packet)}`);
		tracer.inside(lbEnd, target, packet);
		if (!tracer.log.blocked) tracer.log.add(target.name, 'destination', true, `reaches ${target.name}`);
		return tracer;
	}
	return last ?? front(model, src, lbEnd, lb, packet);
}

/** With no listeners declared: the asked port first, then whatever the LB's groups admit from the source. */
function frontPorts(lbEnd: Endpoint, src: Endpoint, packet: Packet): number[] {
	const ports: number[] = packet.port === undefined ? [] : [packet.port];
	const peer = identity(src);
	for (const group of lbEnd.groups ?? []) {
		for (const rule of group.inbound) {
			if (rule.proto !== packet.proto && rule.proto !== 'all') continue;
			for (const range of rule.ports) {
				const port = range.from === 0 ? 443 : range.from;
				const matches = coversPacket(rule.proto, rule.ports, { proto: packet.proto, port });
				if (matches && (rule.peer.kind === 'sg' ? peer.groups.has(rule.peer.name) : cidrContains(rule.peer.cidr, src.range)) && !ports.includes(port)) ports.push(port);
			}
		}
	}
	if (ports.length === 0) ports.push(443);
	return ports.slice(0, 6);
}
