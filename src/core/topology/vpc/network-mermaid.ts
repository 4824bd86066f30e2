/**
 * The links of a network drawn through the vpc diagram's Builder: gateway endpoints and virtual
 * private gateways on their VPC's edge, peerings and transit gateways between the VPC groups, the
 * services endpoints lead to, on-premises sites as boxes outside the cloud. The order is fixed by
 * the block, so a layout that takes the list of VPCs (zones as columns) can take these too.
 */

import type { Builder } from '../shared/mermaid-builder';
import { labelLines, mermaidIdFor } from '../shared/mermaid-text';
import type { Network, VpcModel } from './model';
import { vpcNamed } from './network';

/** Endpoints and the VPN gateway sit in the VPC group, outside its zones. */
export function drawEdgeOfVpc(b: Builder, vpc: VpcModel): void {
	const network = vpc.network;
	for (const e of network.endpoints.values()) {
		if (e.type === 'gateway' && e.vpc?.name === vpc.name) b.node(e.name, mermaidIdFor(e.name), 'hexagon', labelLines(e.name, `gateway endpoint ${e.service}`), 'cnGateway', { id: 'gateway-endpoint', category: 'networking' });
	}
	for (const g of network.vpnGateways.values()) {
		if (g.vpc?.name === vpc.name) b.node(g.name, mermaidIdFor(g.name), 'hexagon', labelLines(g.name, 'VPN gateway'), 'cnGateway', { id: 'vpn-gateway', category: 'networking' });
	}
}

/** Peerings and transit gateways between the VPCs; services and on-premises sites outside them. */
export function drawLinkNodes(b: Builder, network: Network): void {
	const outside = new Set<string>();
	for (const p of network.peerings.values()) {
		b.node(p.name, mermaidIdFor(p.name), 'hexagon', labelLines(p.name, `VPC peering${p.status === 'active' ? '' : ` (${p.status})`}`), 'cnGateway', { id: 'vpc-peering', category: 'networking' });
		for (const end of p.vpcs) {
			if (vpcNamed(network, end.name) || outside.has(end.name)) continue;
			outside.add(end.name);
			b.node(null, `z_peer_${mermaidIdFor(end.name)}`, 'circle', labelLines(`VPC ${end.name}`, 'outside this block'), 'cnInternet');
		}
	}
	for (const t of network.transitGateways.values()) b.node(t.name, mermaidIdFor(t.name), 'hexagon', labelLines(t.name, 'transit gateway'), 'cnGateway', { id: 'transit-gateway', category: 'networking' });
	const services = new Set<string>();
	for (const e of network.endpoints.values()) if (e.type === 'gateway') services.add(e.service);
	for (const service of services) b.node(service, mermaidIdFor(service), 'circle', service, 'cnInternet', { id: 'aws-service', category: 'data' });
	for (const site of network.onPremises.values()) {
		b.open(null, `z_onprem_${mermaidIdFor(site.name)}`, labelLines(`On-premises ${site.name}`, site.cidrs.map((c) => c.text).join(', ')), b.fill('zone', ',stroke-dasharray:8 4'));
		b.node(site.name, mermaidIdFor(site.name), 'box', labelLines(site.name, `customer gateway${site.ip ? ` ${site.ip}` : ''}`), 'cnNode', { id: 'on-premises', category: 'general' });
		b.close();
	}
}

export function drawLinkEdges(b: Builder, network: Network): void {
	for (const p of network.peerings.values()) {
		for (const end of p.vpcs) {
			const vpc = vpcNamed(network, end.name);
			// A side with no route to the peering is still joined by it: a dotted line from the VPC.
			const routed = vpc && [...vpc.routeTables.values()].some((t) => t.routes.some((r) => r.target === p.name));
			if (!vpc) b.edge(p.name, `VPC ${end.name}`, '', '<-->', mermaidIdFor(p.name), `z_peer_${mermaidIdFor(end.name)}`);
			else if (!routed) b.edge(vpc.name, p.name, '', '-.-');
		}
	}
	for (const t of network.transitGateways.values()) {
		for (const a of t.attachments.values()) {
			const vpc = vpcNamed(network, a.vpc?.name);
			if (!vpc) continue;
			const first = a.subnets[0]?.name;
			const from = first && vpc.subnets.has(first) ? first : vpc.name;
			b.edge(from, t.name, a.name, '<-->');
		}
	}
	for (const e of network.endpoints.values()) {
		if (e.type !== 'gateway') continue;
		const vpc = vpcNamed(network, e.vpc?.name);
		if (!vpc) continue; // not drawn: its VPC is not declared (lint says so)
		for (const subnet of vpc?.subnets.values() ?? []) {
			const table = subnet.routeTable?.name ?? 'main';
			if (e.routeTables.some((r) => r.name === table)) b.edge(subnet.name, e.name, `pl-${e.service}`);
		}
		b.edge(e.name, e.service, '');
	}
	for (const c of network.vpnConnections.values()) {
		const site = c.customerGateway?.name;
		if (!site || !network.onPremises.has(site)) continue;
		const end = c.vpnGateway?.name ?? c.transitGateway?.name;
		if (!end || !isDrawnLink(network, end)) continue;
		const ranges = c.staticRoutes ? c.staticRoutes.map((r) => r.text).join(', ') : 'BGP';
		b.edge(end, site, `${c.name} · ${ranges}`, '<-->');
	}
}

/** Whether a link has a node in the diagram (an endpoint or VPN gateway only on a declared VPC). */
export function isDrawnLink(network: Network, name: string): boolean {
	if (network.peerings.has(name) || network.transitGateways.has(name)) return true;
	const vgw = network.vpnGateways.get(name);
	if (vgw) return !!vpcNamed(network, vgw.vpc?.name);
	const e = network.endpoints.get(name);
	return !!e && e.type === 'gateway' && !!vpcNamed(network, e.vpc?.name);
}
