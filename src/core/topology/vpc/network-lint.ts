/**
 * What a reviewer says about the links between VPCs: references that dangle, ranges that overlap
 * across a peering or on one transit gateway route table (AWS refuses or misroutes them), routes
 * with no way back, routes into a peering that is not active or a transit gateway the VPC is not
 * attached to, and gateway endpoints nothing uses.
 */

import { cidrOverlaps, type Cidr } from '../shared/cidr';
import type { DiagnosticSink } from '../shared/diagnostic';
import type { Ref } from './links';
import { isPublicSubnet, routeTableOf, type Network, type VpcModel } from './model';
import { attachmentOfVpc, attachmentRanges, linkTarget, peerOf, vpcNamed } from './network';

export function lintNetwork(network: Network, sink: DiagnosticSink): void {
	checkLinkReferences(network, sink);
	checkPeerings(network, sink);
	checkTransitGateways(network, sink);
	checkRoutes(network, sink);
	checkEndpoints(network, sink);
}

function expectIn(sink: DiagnosticSink, ref: Ref | null, known: ReadonlyMap<string, unknown> | readonly string[], what: string, owner: string): void {
	if (!ref) return;
	const names = Array.isArray(known) ? (known as readonly string[]) : [...(known as ReadonlyMap<string, unknown>).keys()];
	if (names.includes(ref.name)) return;
	const hint = names.length ? `; declared: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}` : '';
	sink.add(ref.pos, 'unknown-reference', `${owner} refers to ${what} \`${ref.name}\` that is not declared${hint}`);
}

function checkLinkReferences(network: Network, sink: DiagnosticSink): void {
	const vpcNames = network.vpcs.map((v) => v.name);
	for (const p of network.peerings.values()) for (const end of p.vpcs) if (!p.outside || end.name !== p.outside) expectIn(sink, end, vpcNames, 'VPC', `peering \`${p.name}\``);
	for (const tgw of network.transitGateways.values()) {
		for (const a of tgw.attachments.values()) {
			expectIn(sink, a.vpc, vpcNames, 'VPC', `attachment \`${a.name}\``);
			expectIn(sink, a.vpn, network.vpnConnections, 'VPN connection', `attachment \`${a.name}\``);
			const vpc = vpcNamed(network, a.vpc?.name);
			if (vpc) for (const s of a.subnets) expectIn(sink, s, vpc.subnets, `subnet of ${vpc.name}`, `attachment \`${a.name}\``);
		}
		for (const t of tgw.routeTables.values()) {
			for (const r of [...t.associations, ...t.propagations]) expectIn(sink, r, tgw.attachments, `attachment of ${tgw.name}`, `TGW route table \`${t.name}\``);
			for (const route of t.routes) if (route.target !== 'blackhole') expectIn(sink, { name: route.target, pos: route.pos }, tgw.attachments, `attachment of ${tgw.name}`, `route ${route.destination.text}`);
		}
	}
	for (const e of network.endpoints.values()) {
		expectIn(sink, e.vpc, vpcNames, 'VPC', `endpoint \`${e.name}\``);
		const vpc = vpcNamed(network, e.vpc?.name);
		if (!vpc) continue;
		for (const r of e.routeTables) expectIn(sink, r, vpc.routeTables, `route table of ${vpc.name}`, `endpoint \`${e.name}\``);
		for (const s of e.subnets) expectIn(sink, s, vpc.subnets, `subnet of ${vpc.name}`, `endpoint \`${e.name}\``);
		for (const g of e.securityGroups) expectIn(sink, g, vpc.securityGroups, `security group of ${vpc.name}`, `endpoint \`${e.name}\``);
	}
	for (const g of network.vpnGateways.values()) {
		expectIn(sink, g.vpc, vpcNames, 'VPC', `VPN gateway \`${g.name}\``);
		const vpc = vpcNamed(network, g.vpc?.name);
		if (vpc) for (const r of g.propagates) expectIn(sink, r, vpc.routeTables, `route table of ${vpc.name}`, `VPN gateway \`${g.name}\``);
	}
	for (const c of network.vpnConnections.values()) {
		expectIn(sink, c.customerGateway, network.onPremises, 'on-premises site', `VPN connection \`${c.name}\``);
		expectIn(sink, c.vpnGateway, network.vpnGateways, 'VPN gateway', `VPN connection \`${c.name}\``);
		expectIn(sink, c.transitGateway, network.transitGateways, 'transit gateway', `VPN connection \`${c.name}\``);
	}
}

function checkPeerings(network: Network, sink: DiagnosticSink): void {
	for (const p of network.peerings.values()) {
		const [a, b] = p.vpcs.map((r) => vpcNamed(network, r.name));
		if (!a?.cidr || !b?.cidr || a === b) continue;
		if (cidrOverlaps(a.cidr, b.cidr)) {
			sink.add(p.pos, 'peering-overlap', `peering \`${p.name}\` joins \`${a.name}\` (${a.cidr.text}) and \`${b.name}\` (${b.cidr.text}), whose ranges overlap; AWS cannot peer VPCs with overlapping CIDRs: renumber one of them`);
		}
	}
}

function checkTransitGateways(network: Network, sink: DiagnosticSink): void {
	for (const tgw of network.transitGateways.values()) {
		for (const table of tgw.routeTables.values()) {
			const seen: { name: string; cidr: Cidr }[] = [];
			for (const ref of table.propagations) {
				const attachment = tgw.attachments.get(ref.name);
				if (!attachment) continue;
				const owner = attachment.vpc?.name ?? attachment.vpn?.name ?? attachment.name;
				for (const cidr of attachmentRanges(network, attachment)) {
					const clash = seen.find((s) => s.name !== owner && cidrOverlaps(s.cidr, cidr));
					if (clash) {
						sink.add(ref.pos, 'tgw-overlap', `TGW route table \`${table.name}\` learns ${cidr.text} from \`${owner}\` and ${clash.cidr.text} from \`${clash.name}\`, which overlap; one of them loses its traffic: renumber one or leave it out of this table`);
					}
					seen.push({ name: owner, cidr });
				}
			}
		}
	}
}

function checkRoutes(network: Network, sink: DiagnosticSink): void {
	for (const vpc of network.vpcs) {
		for (const table of vpc.routeTables.values()) {
			for (const route of table.routes) {
				const link = linkTarget(network, route.target);
				if (link?.kind === 'peering') {
					const p = link.peering;
					const other = peerOf(p, vpc.name);
					if (other === null) {
						sink.add(route.pos, 'unknown-reference', `route ${route.destination.text} -> \`${p.name}\`: that peering joins ${p.vpcs[0].name} and ${p.vpcs[1].name}, not \`${vpc.name}\``);
						continue;
					}
					if (p.status !== 'active') {
						sink.add(route.pos, 'peering-not-active', `route ${route.destination.text} -> \`${p.name}\`: the peering is ${p.status}, not active, so the route carries nothing (AWS marks it blackhole)`);
						continue;
					}
					const peer = vpcNamed(network, other);
					if (peer && vpc.cidr && !routesBack(peer, p.name, vpc.cidr)) {
						sink.add(route.pos, 'peering-one-sided', `route ${route.destination.text} -> \`${p.name}\` has no route back: no route table of \`${peer.name}\` sends ${vpc.cidr.text} to \`${p.name}\`, so replies never return; add \`${vpc.cidr.text}: ${p.name}\` there`);
					}
				} else if (link?.kind === 'transit-gateway' && !attachmentOfVpc(link.tgw, vpc.name)) {
					sink.add(route.pos, 'tgw-no-attachment', `route ${route.destination.text} -> \`${link.tgw.name}\`: \`${vpc.name}\` has no attachment to that transit gateway, so the route leads nowhere; add one under \`attachments:\``);
				} else if (link?.kind === 'vpn-gateway' && link.vgw.vpc?.name !== vpc.name) {
					sink.add(route.pos, 'unknown-reference', `route ${route.destination.text} -> \`${link.vgw.name}\`: that VPN gateway is attached to ${link.vgw.vpc?.name ?? 'no VPC'}, not \`${vpc.name}\``);
				}
			}
		}
	}
}

function routesBack(vpc: VpcModel, peering: string, range: Cidr): boolean {
	for (const table of vpc.routeTables.values()) for (const r of table.routes) if (r.target === peering && cidrOverlaps(r.destination, range)) return true;
	return false;
}

function checkEndpoints(network: Network, sink: DiagnosticSink): void {
	for (const e of network.endpoints.values()) {
		if (e.type !== 'gateway' || e.policy) continue;
		const vpc = vpcNamed(network, e.vpc?.name);
		if (!vpc) continue;
		const tables = new Set(e.routeTables.map((r) => r.name));
		const users = [...vpc.subnets.values()].filter((s) => {
			const t = routeTableOf(vpc, s);
			return !!t && tables.has(t.name);
		});
		if (users.length === 0) {
			sink.add(e.pos, 'endpoint-unused', `gateway endpoint \`${e.name}\` is in no route table a subnet uses, so nothing reaches ${e.service} through it; list the private subnets' route tables under \`route-tables\``);
		} else if (users.every((s) => isPublicSubnet(vpc, s))) {
			sink.add(e.pos, 'endpoint-unused', `gateway endpoint \`${e.name}\` (no policy) serves only public subnets (${users.map((s) => s.name).join(', ')}), which reach ${e.service} through the internet gateway anyway; give it the private subnets' route tables, or a policy if it is there to restrict access`);
		}
	}
}
