/**
 * "Can A reach B?" across a network of VPCs: through a peering (one hop, never transitive), a
 * transit gateway (the route table associated with the sending attachment decides, blackholes
 * drop), a gateway endpoint to S3 or DynamoDB, or a VPN to an on-premises site. Inside each VPC
 * the checks are trace.ts's (security groups, NACLs, routes); both directions need a route, so
 * the reply's route is checked where the request arrives. One VPC and no links: trace.ts alone.
 */

import { ANYWHERE, cidrContains, parseCidr, type Cidr } from '../shared/cidr';
import { finishTrace, HopLog, refusedOutright, type TraceQuery, type TraceResult } from '../shared/trace-types';
import { describePacket, type Packet } from '../shared/traffic';
import { GATEWAY_SERVICES, SERVICE_SAMPLE, type GatewayService, type OnPremises, type TgwAttachment, type TransitGateway, type VpcEndpoint } from './links';
import { groupsOf, routeTableOf, type Subnet, type VpcModel } from './model';
import {
	associatedTable,
	attachmentOfVpc,
	effectiveRouteTable,
	gatewayEndpointFor,
	isNetwork,
	linkTarget,
	lookupTgwRoute,
	peerOf,
	siteHolding,
	vpcHolding,
	vpnRanges,
} from './network';
import { lookupRoute, describeRoute, type RouteChoice } from './route-table';
import { candidatePackets, resolve, traceVpc, VpcTracer, type Endpoint } from './trace';

type NetworkEnd =
	| { kind: 'vpc'; vpc: VpcModel; end: Endpoint }
	| { kind: 'service'; service: GatewayService; name: string }
	| { kind: 'site'; site: OnPremises; range: Cidr; name: string }
	| { kind: 'outside'; name: string };

function resolveEnd(model: VpcModel, name: string): NetworkEnd | string {
	const network = model.network;
	if ((GATEWAY_SERVICES as readonly string[]).includes(name)) return { kind: 'service', service: name as GatewayService, name };
	if (name === 'internet') return { kind: 'outside', name };
	const site = network.onPremises.get(name);
	if (site) return site.cidrs[0] ? { kind: 'site', site, range: site.cidrs[0], name } : `on-premises site \`${name}\` has no \`cidrs\``;
	const endpoint = network.endpoints.get(name);
	if (endpoint) return interfaceEnd(model, endpoint);
	for (const vpc of network.vpcs) {
		if (vpc.instances.has(name) || vpc.loadBalancers.has(name) || vpc.natGateways.has(name) || vpc.subnets.has(name)) {
			const end = resolve(vpc, name);
			return typeof end === 'string' ? end : { kind: 'vpc', vpc, end };
		}
	}
	const address = parseCidr(name, { allowBareAddress: true });
	if (address.ok) {
		const vpc = vpcHolding(network, address.cidr);
		if (vpc) {
			const end = resolve(vpc, name);
			return typeof end === 'string' ? end : { kind: 'vpc', vpc, end };
		}
		const holder = siteHolding(network, address.cidr);
		if (holder) return { kind: 'site', site: holder, range: address.cidr, name };
		return { kind: 'outside', name };
	}
	if (linkTarget(network, name) || network.vpnConnections.has(name) || network.vpcs.some((v) => v.name === name)) {
		return `\`${name}\` is a connection, not an end; trace between instances, subnets, load balancers, interface endpoints, on-premises sites, \`s3\`, \`dynamodb\`, \`internet\` or an IP address`;
	}
	// Route tables, groups and the like: the VPC that holds them says what they are.
	for (const vpc of network.vpcs) {
		const end = resolve(vpc, name);
		if (typeof end === 'string' && !end.startsWith('No resource')) return end;
	}
	return `No resource named \`${name}\` in this block`;
}

/** An interface endpoint is a network interface in its subnet, behind its security groups. */
function interfaceEnd(model: VpcModel, endpoint: VpcEndpoint): NetworkEnd | string {
	const vpc = model.network.vpcs.find((v) => v.name === endpoint.vpc?.name);
	if (endpoint.type === 'gateway') return `\`${endpoint.name}\` is a gateway endpoint: trace to \`${endpoint.service}\` instead`;
	const subnet = vpc && endpoint.subnets[0] ? vpc.subnets.get(endpoint.subnets[0].name) : undefined;
	if (!vpc || !subnet?.cidr) return `interface endpoint \`${endpoint.name}\` has no subnet with a CIDR in a declared VPC`;
	return {
		kind: 'vpc',
		vpc,
		end: { kind: 'instance', name: endpoint.name, subnet, range: subnet.cidr, groups: groupsOf(vpc, endpoint.securityGroups), publicIp: false },
	};
}

export function traceNetwork(model: VpcModel, query: TraceQuery): TraceResult {
	const network = model.network;
	if (!isNetwork(network)) return traceVpc(model, query);
	const src = resolveEnd(model, query.from);
	if (typeof src === 'string') return refusedOutright(src, query.from, 'source');
	const dst = resolveEnd(model, query.to);
	if (typeof dst === 'string') return refusedOutright(dst, query.to, 'destination');
	const isEndpoint = (end: NetworkEnd): boolean => end.kind === 'vpc' && network.endpoints.has(end.end.name);
	// One VPC (or one VPC and the internet): the single-VPC tracer, unchanged.
	if (src.kind === 'vpc' && !isEndpoint(src) && !isEndpoint(dst) && (dst.kind === 'outside' || (dst.kind === 'vpc' && dst.vpc === src.vpc))) return traceVpc(src.vpc, query);
	if (dst.kind === 'vpc' && !isEndpoint(dst) && src.kind === 'outside') return traceVpc(dst.vpc, query);
	if (src.kind === 'service') return refusedOutright(`${src.name} does not open connections into a VPC; trace from the instance to \`${src.name}\``, src.name, 'source');
	if (src.kind !== 'vpc' && dst.kind !== 'vpc') return refusedOutright('neither end is in a VPC of this block; nothing here carries that traffic', query.from, 'source');
	const names = allNames(model);
	const known = (n: string): boolean => names.has(n) || n === query.from || n === query.to;
	const packetsFor = (end: NetworkEnd): Packet[] =>
		end.kind === 'vpc' ? candidatePackets(end.vpc, end.end, query) : [{ proto: query.proto && query.proto !== 'all' ? query.proto : 'tcp', port: query.port ?? 443 }];
	let first: TraceResult | null = null;
	for (const packet of packetsFor(dst)) {
		const leg = new NetworkLeg(model);
		const summary = `Allowed: ${query.from} -> ${query.to} on ${describePacket(packet)}`;
		if (src.kind === 'vpc' && dst.kind === 'vpc') {
			if (src.vpc === dst.vpc) leg.sameVpc(src.vpc, src.end, dst.end, packet);
			else leg.betweenVpcs(src.vpc, src.end, dst.vpc, dst.end, packet);
		} else if (src.kind === 'vpc' && dst.kind === 'service') leg.toService(src.vpc, src.end, dst.service, packet);
		else if (src.kind === 'vpc' && dst.kind === 'site') leg.toSite(src.vpc, src.end, dst, packet);
		else if (src.kind === 'site' && dst.kind === 'vpc') leg.fromSite(src, dst.vpc, dst.end, packet);
		else if (src.kind === 'vpc' && dst.kind === 'outside') leg.toOutside(src.vpc, src.end, packet);
		else return refusedOutright(`${query.from} cannot reach ${query.to}: nothing in this block carries that traffic`, query.from, 'source');
		const result = finishTrace(leg.log, summary + leg.via(), known);
		if (result.allowed) return result;
		first ??= result;
	}
	return first as TraceResult;
}

function allNames(model: VpcModel): Set<string> {
	const network = model.network;
	const names = new Set<string>(['internet', ...GATEWAY_SERVICES]);
	for (const vpc of network.vpcs) {
		for (const map of [vpc.instances, vpc.loadBalancers, vpc.natGateways, vpc.subnets, vpc.routeTables, vpc.securityGroups, vpc.nacls]) for (const k of map.keys()) names.add(k);
		if (vpc.internetGateway) names.add(vpc.internetGateway.name);
	}
	for (const map of [network.peerings, network.transitGateways, network.endpoints, network.vpnGateways, network.onPremises, network.vpnConnections]) for (const k of map.keys()) names.add(k);
	for (const tgw of network.transitGateways.values()) for (const k of [...tgw.attachments.keys(), ...tgw.routeTables.keys()]) names.add(k);
	return names;
}

/** One packet's path through the network; the tracers of every VPC on it write to one log. */
class NetworkLeg {
	readonly log = new HopLog();
	private readonly tracers = new Map<VpcModel, VpcTracer>();
	private readonly through: string[] = [];

	constructor(private readonly model: VpcModel) {}

	private t(vpc: VpcModel): VpcTracer {
		let tracer = this.tracers.get(vpc);
		if (!tracer) this.tracers.set(vpc, (tracer = new VpcTracer(vpc, this.log)));
		return tracer;
	}

	via(): string {
		return this.through.length ? ` via ${this.through.join(', ')}` : '';
	}

	private choose(vpc: VpcModel, subnet: Subnet, dest: Cidr): { choice: RouteChoice | null; table: string } {
		const table = routeTableOf(vpc, subnet);
		return { choice: lookupRoute(effectiveRouteTable(this.model.network, vpc, table), vpc.cidr, dest), table: table?.name ?? subnet.name };
	}

	sameVpc(vpc: VpcModel, src: Endpoint, dst: Endpoint, packet: Packet): void {
		if (this.t(vpc).inside(src, dst, packet)) this.t(vpc).arrive(dst);
	}

	/** Outbound from `vpc` towards another network's `dest`; returns the link the route chose. */
	private routeOut(vpc: VpcModel, src: Endpoint, dest: Cidr, destLabel: string): { choice: RouteChoice; table: string } | null {
		const { choice, table } = this.choose(vpc, src.subnet as Subnet, dest);
		if (!choice) {
			this.log.add(table, 'route table', false, `no route covers ${dest.text} (${destLabel}) in ${vpc.name}'s table ${table}: add one to a peering, transit gateway or VPN gateway`);
			return null;
		}
		if (choice.target === 'local') {
			this.log.add(table, 'route table', false, `${dest.text} (${destLabel}) matches ${vpc.name}'s local route ${choice.destination.text}: the address ranges overlap, so it never leaves the VPC`, describeRoute(choice));
			return null;
		}
		this.log.add(table, 'route table', true, `${describeRoute(choice)} matches ${dest.text}`, describeRoute(choice));
		return { choice, table };
	}

	betweenVpcs(from: VpcModel, src: Endpoint, to: VpcModel, dst: Endpoint, packet: Packet): void {
		const network = this.model.network;
		const tf = this.t(from);
		const tt = this.t(to);
		if (!tf.securityGroups(src, 'outbound', packet, dst, `${dst.name} (${dst.range.text})`)) return;
		if (!tf.nacl(src.subnet as Subnet, 'outbound', packet, dst.range)) return;
		const out = this.routeOut(from, src, dst.range, `${dst.name} in ${to.name}`);
		if (!out) return;
		const link = linkTarget(network, out.choice.target);
		let viaTgw: TransitGateway | null = null;
		if (link?.kind === 'peering') {
			const p = link.peering;
			if (p.status !== 'active') {
				this.log.add(p.name, 'vpc peering', false, `peering ${p.name} is ${p.status}, not active, so it carries nothing`);
				return;
			}
			const other = peerOf(p, from.name);
			if (other !== to.name) {
				const reason =
					other === null
						? `${from.name} is not an end of peering ${p.name}`
						: `${p.name} joins ${from.name} and ${other}; ${to.name} is not at its other end, and peering is not transitive: traffic cannot pass through ${other} to ${to.name}`;
				this.log.add(p.name, 'vpc peering', false, reason);
				return;
			}
			this.log.add(p.name, 'vpc peering', true, `${p.name} joins ${from.name} and ${to.name} directly`);
			this.through.push(p.name);
		} else if (link?.kind === 'transit-gateway') {
			const target = this.tgwLeg(link.tgw, from.name, dst.range);
			if (!target) return;
			if (target.vpc?.name !== to.name) {
				this.log.add(target.name, 'transit gateway attachment', false, `${target.name} leads to ${target.vpc ? `VPC ${target.vpc.name}` : `VPN ${target.vpn?.name ?? ''}`}, not ${to.name}`);
				return;
			}
			this.log.add(target.name, 'transit gateway attachment', true, `${target.name} delivers into ${to.name}`);
			viaTgw = link.tgw;
			this.through.push(link.tgw.name);
		} else {
			this.log.add(out.choice.target, 'gateway', false, `the route for ${dst.range.text} leads to ${out.choice.target}${link ? ` (a ${link.kind.replace('-', ' ')})` : ''}, which does not lead to ${to.name}; route it to a peering or transit gateway that does`);
			return;
		}
		if (!tt.nacl(dst.subnet as Subnet, 'inbound', packet, src.range)) return;
		if (!tt.securityGroups(dst, 'inbound', packet, src, `${src.name} (${src.range.text})`)) return;
		const replyVia = this.returnRoute(to, dst, src.range, out.choice.target, from.name);
		if (!replyVia) return;
		const replyTgw = viaTgw && network.transitGateways.get(replyVia);
		if (replyTgw && !this.tgwLeg(replyTgw, to.name, src.range, true)) return;
		if (!tt.replyNacl(dst.subnet as Subnet, 'outbound', packet, src.range)) return;
		if (!tf.replyNacl(src.subnet as Subnet, 'inbound', packet, dst.range)) return;
		tt.arrive(dst);
	}

	/** Replies need a route back through the same link: peering and TGW routes are one-way. */
	/** The link replies leave by, or null (logged). */
	private returnRoute(vpc: VpcModel, end: Endpoint, back: Cidr, link: string, otherSide: string): string | null {
		const { choice, table } = this.choose(vpc, end.subnet as Subnet, back);
		const isTgw = (name: string): boolean => this.model.network.transitGateways.has(name);
		// A transit gateway keeps no state: replies may come back through another one (an asymmetric path).
		if (choice && (choice.target === link || (isTgw(link) && isTgw(choice.target)))) {
			this.log.add(table, 'route table (reply)', true, `replies to ${back.text} follow ${describeRoute(choice)}${choice.target === link ? '' : `, another transit gateway than the request's (an asymmetric path)`}`, describeRoute(choice));
			return choice.target;
		}
		this.log.add(
			table,
			'route table (reply)',
			false,
			`missing return route: ${vpc.name}'s table ${table} sends ${back.text} to ${choice ? choice.target : 'nowhere'}, not back through ${link}, so replies never reach ${otherSide}; add \`${back.text}: ${link}\``,
			choice ? describeRoute(choice) : undefined,
		);
		return null;
	}

	/** Through a transit gateway from a VPC's (or a VPN's) attachment: the attachment's route table decides. */
	private tgwLeg(tgw: TransitGateway, fromVpc: string | null, dest: Cidr, reply = false, fromAttachment?: TgwAttachment): TgwAttachment | null {
		const step = `transit gateway route table${reply ? ' (reply)' : ''}`;
		const attachment = fromAttachment ?? (fromVpc ? attachmentOfVpc(tgw, fromVpc) : null);
		if (!attachment) {
			this.log.add(tgw.name, 'transit gateway', false, `${fromVpc ?? 'the sender'} has no attachment to ${tgw.name}, so the route leads nowhere; attach the VPC`);
			return null;
		}
		const table = associatedTable(tgw, attachment.name);
		if (!table) {
			this.log.add(tgw.name, step, false, `attachment ${attachment.name} is associated with no route table of ${tgw.name}, so ${tgw.name} drops its traffic`);
			return null;
		}
		const choice = lookupTgwRoute(this.model.network, tgw, table, dest);
		if (!choice) {
			this.log.add(table.name, step, false, `${table.name} (associated with ${attachment.name}) has no route for ${dest.text}${reply ? ': no route back' : ''}`);
			return null;
		}
		const rule = `${choice.destination.text} -> ${choice.target}`;
		if (choice.target === 'blackhole') {
			this.log.add(table.name, step, false, `${table.name} sends ${dest.text} to a blackhole route (${choice.destination.text}), which drops it`, rule);
			return null;
		}
		const target = tgw.attachments.get(choice.target);
		if (!target) {
			this.log.add(table.name, step, false, `${table.name} sends ${dest.text} to \`${choice.target}\`, which is not an attachment of ${tgw.name}`, rule);
			return null;
		}
		this.log.add(table.name, step, true, `${table.name} (associated with ${attachment.name}) sends ${dest.text} to ${target.name} (${choice.origin})`, rule);
		return target;
	}

	toService(vpc: VpcModel, src: Endpoint, service: GatewayService, packet: Packet): void {
		const tracer = this.t(vpc);
		const sample = SERVICE_SAMPLE[service];
		const dst: Endpoint = { kind: 'external', name: service, subnet: null, range: sample, groups: null, publicIp: true };
		const subnet = src.subnet as Subnet;
		const table = routeTableOf(vpc, subnet);
		const endpoint = gatewayEndpointFor(this.model.network, vpc, table, service);
		if (!endpoint) {
			// No endpoint: the service is reached on its public addresses, through the internet or a NAT gateway.
			tracer.outbound(src, dst, packet);
			return;
		}
		if (!tracer.securityGroups(src, 'outbound', packet, dst, `${service} (its prefix list)`)) return;
		if (!tracer.nacl(subnet, 'outbound', packet, sample)) return;
		const rule = `pl-${service} -> ${endpoint.name}`;
		this.log.add(table?.name ?? subnet.name, 'route table', true, `the ${service} prefix-list route that gateway endpoint ${endpoint.name} adds (${rule}) is more specific than any default route`, rule);
		this.log.add(endpoint.name, 'gateway endpoint', true, `${endpoint.name} carries it to ${service} without leaving AWS's network${endpoint.policy ? ' (its policy decides which buckets or tables)' : ''}`);
		this.through.push(endpoint.name);
		if (!tracer.replyNacl(subnet, 'inbound', packet, sample)) return;
		tracer.arrive(dst);
	}

	toOutside(vpc: VpcModel, src: Endpoint, packet: Packet): void {
		this.t(vpc).outbound(src, { kind: 'internet', name: 'internet', subnet: null, range: ANYWHERE, groups: null, publicIp: true }, packet);
	}

	toSite(vpc: VpcModel, src: Endpoint, site: { site: OnPremises; range: Cidr; name: string }, packet: Packet): void {
		const network = this.model.network;
		const tracer = this.t(vpc);
		const dst: Endpoint = { kind: 'external', name: site.name, subnet: null, range: site.range, groups: null, publicIp: false };
		if (!tracer.securityGroups(src, 'outbound', packet, dst, `${site.name} (${site.range.text})`)) return;
		if (!tracer.nacl(src.subnet as Subnet, 'outbound', packet, site.range)) return;
		const out = this.routeOut(vpc, src, site.range, `on-premises ${site.site.name}`);
		if (!out) return;
		const link = linkTarget(network, out.choice.target);
		if (link?.kind === 'vpn-gateway') {
			const vgw = link.vgw;
			if (vgw.vpc?.name !== vpc.name) {
				this.log.add(vgw.name, 'vpn gateway', false, `${vgw.name} is attached to ${vgw.vpc?.name ?? 'no VPC'}, not ${vpc.name}`);
				return;
			}
			const vpn = [...network.vpnConnections.values()].find((c) => c.vpnGateway?.name === vgw.name && c.customerGateway?.name === site.site.name);
			if (!vpn) {
				this.log.add(vgw.name, 'vpn gateway', false, `no VPN connection joins ${vgw.name} to ${site.site.name}'s customer gateway`);
				return;
			}
			this.log.add(vgw.name, 'vpn gateway', true, `${vgw.name} is ${vpc.name}'s virtual private gateway`);
			if (!this.vpnCarries(vpn.name, vpnRanges(network, vpn), site.range)) return;
			this.through.push(vpn.name);
		} else if (link?.kind === 'transit-gateway') {
			const target = this.tgwLeg(link.tgw, vpc.name, site.range);
			if (!target) return;
			const vpn = target.vpn ? network.vpnConnections.get(target.vpn.name) : undefined;
			if (!vpn || vpn.customerGateway?.name !== site.site.name) {
				this.log.add(target.name, 'transit gateway attachment', false, `${target.name} does not lead to ${site.site.name}`);
				return;
			}
			this.log.add(target.name, 'transit gateway attachment', true, `${target.name} is VPN ${vpn.name}'s attachment`);
			if (!this.vpnCarries(vpn.name, vpnRanges(network, vpn), site.range)) return;
			this.through.push(link.tgw.name, vpn.name);
		} else {
			this.log.add(out.choice.target, 'gateway', false, `the route for ${site.range.text} leads to ${out.choice.target}, not to a VPN gateway or transit gateway towards ${site.site.name}`);
			return;
		}
		if (!tracer.replyNacl(src.subnet as Subnet, 'inbound', packet, site.range)) return;
		this.log.add(site.name, 'destination', true, `reaches ${site.name} on-premises (the customer gateway routes it on)`);
	}

	private vpnCarries(vpn: string, ranges: readonly Cidr[], dest: Cidr): boolean {
		const covered = ranges.some((c) => cidrContains(c, dest));
		if (!covered) return this.log.add(vpn, 'vpn connection', false, `${vpn}'s routes (${ranges.map((c) => c.text).join(', ') || 'none'}) do not cover ${dest.text}`);
		return this.log.add(vpn, 'vpn connection', true, `${vpn} carries ${dest.text} through its tunnels`);
	}

	fromSite(site: { site: OnPremises; range: Cidr; name: string }, vpc: VpcModel, dst: Endpoint, packet: Packet): void {
		const network = this.model.network;
		const tracer = this.t(vpc);
		const src: Endpoint = { kind: 'external', name: site.name, subnet: null, range: site.range, groups: null, publicIp: false };
		const connections = [...network.vpnConnections.values()].filter((c) => c.customerGateway?.name === site.site.name);
		const direct = connections.find((c) => c.vpnGateway && network.vpnGateways.get(c.vpnGateway.name)?.vpc?.name === vpc.name);
		let replyLink: string;
		let viaTgw: { tgw: TransitGateway; attachment: TgwAttachment } | null = null;
		if (direct?.vpnGateway) {
			this.log.add(direct.name, 'vpn connection', true, `${site.site.name}'s customer gateway sends ${dst.range.text} through ${direct.name}`);
			this.log.add(direct.vpnGateway.name, 'vpn gateway', true, `${direct.vpnGateway.name} delivers into ${vpc.name}`);
			replyLink = direct.vpnGateway.name;
			this.through.push(direct.name);
		} else {
			const viaTransit = connections
				.map((c) => {
					const tgw = c.transitGateway ? network.transitGateways.get(c.transitGateway.name) : undefined;
					const attachment = tgw ? [...tgw.attachments.values()].find((a) => a.vpn?.name === c.name) : undefined;
					return tgw && attachment ? { vpn: c, tgw, attachment } : null;
				})
				.find((x) => x !== null);
			if (!viaTransit) {
				this.log.add(site.name, 'vpn connection', false, `no VPN connection from ${site.site.name} ends on ${vpc.name}'s VPN gateway or on a transit gateway attached to it`);
				return;
			}
			this.log.add(viaTransit.vpn.name, 'vpn connection', true, `${site.site.name}'s customer gateway sends ${dst.range.text} through ${viaTransit.vpn.name} to ${viaTransit.tgw.name}`);
			const target = this.tgwLeg(viaTransit.tgw, null, dst.range, false, viaTransit.attachment);
			if (!target) return;
			if (target.vpc?.name !== vpc.name) {
				this.log.add(target.name, 'transit gateway attachment', false, `${target.name} leads to ${target.vpc?.name ?? 'a VPN'}, not ${vpc.name}`);
				return;
			}
			this.log.add(target.name, 'transit gateway attachment', true, `${target.name} delivers into ${vpc.name}`);
			replyLink = viaTransit.tgw.name;
			viaTgw = { tgw: viaTransit.tgw, attachment: viaTransit.attachment };
			this.through.push(viaTransit.tgw.name);
		}
		if (!tracer.nacl(dst.subnet as Subnet, 'inbound', packet, site.range)) return;
		if (!tracer.securityGroups(dst, 'inbound', packet, src, `${site.name} (${site.range.text})`)) return;
		if (!this.returnRoute(vpc, dst, site.range, replyLink, site.site.name)) return;
		if (viaTgw) {
			const back = this.tgwLeg(viaTgw.tgw, vpc.name, site.range, true);
			if (!back) return;
			if (back.name !== viaTgw.attachment.name) {
				this.log.add(back.name, 'transit gateway attachment', false, `replies to ${site.range.text} go to ${back.name}, not the VPN's attachment ${viaTgw.attachment.name}`);
				return;
			}
		}
		if (!tracer.replyNacl(dst.subnet as Subnet, 'outbound', packet, site.range)) return;
		tracer.arrive(dst);
	}
}
