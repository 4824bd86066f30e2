/**
 * What joins VPCs into one network: peerings, transit gateways, VPC endpoints, virtual private
 * gateways with VPN connections to on-premises sites. Every language that describes VPCs (the vpc
 * block, CloudFormation, the AWS CLI import, and Terraform once it reads these resources) fills
 * `VpcModel.network`; lint, trace, the diagram and cards read it here. A block with one VPC and no
 * links has `vpcs: [model]` and empty maps, so single-VPC behaviour is the old one.
 */

import { cidrContains, parseCidr, type Cidr } from '../shared/cidr';
import type { Network, VpcModel } from './model';
import { GATEWAY_SERVICES } from './links';
import type { OnPremises, Peering, TgwAttachment, TgwRouteTable, TransitGateway, VpcEndpoint, VpnConnection, VpnGateway } from './links';
import type { Route, RouteTable } from './route-table';

/** Whether the block says more than one VPC does (then lint, trace and the drawing take the network path). */
export function isNetwork(network: Network): boolean {
	return (
		network.vpcs.length > 1 ||
		network.peerings.size + network.transitGateways.size + network.endpoints.size + network.vpnGateways.size + network.onPremises.size + network.vpnConnections.size > 0
	);
}

export function vpcNamed(network: Network, name: string | undefined): VpcModel | null {
	return network.vpcs.find((v) => v.name === name) ?? null;
}

/** The VPC at the other end of a peering, seen from `vpc`; null when `vpc` is not an end. */
export function peerOf(peering: Peering, vpc: string): string | null {
	const [a, b] = peering.vpcs;
	if (a.name === vpc) return b.name;
	if (b.name === vpc) return a.name;
	return null;
}

/** What a route target names, beyond the VPC's own gateways. */
export type LinkTarget =
	| { kind: 'peering'; peering: Peering }
	| { kind: 'transit-gateway'; tgw: TransitGateway }
	| { kind: 'vpn-gateway'; vgw: VpnGateway }
	| { kind: 'endpoint'; endpoint: VpcEndpoint };

export function linkTarget(network: Network, name: string): LinkTarget | null {
	const peering = network.peerings.get(name);
	if (peering) return { kind: 'peering', peering };
	const tgw = network.transitGateways.get(name);
	if (tgw) return { kind: 'transit-gateway', tgw };
	const vgw = network.vpnGateways.get(name);
	if (vgw) return { kind: 'vpn-gateway', vgw };
	const endpoint = network.endpoints.get(name);
	if (endpoint) return { kind: 'endpoint', endpoint };
	return null;
}

/** The ranges a VPN connection makes reachable: its static routes, or with BGP its site's ranges. */
export function vpnRanges(network: Network, vpn: VpnConnection): Cidr[] {
	if (vpn.staticRoutes) return vpn.staticRoutes;
	return network.onPremises.get(vpn.customerGateway?.name ?? '')?.cidrs ?? [];
}

/**
 * A route table as AWS evaluates it: the written routes, plus the routes a virtual private
 * gateway propagates into it (a written route to the same prefix wins, as in AWS).
 */
export function effectiveRouteTable(network: Network, vpc: VpcModel, table: RouteTable | null): RouteTable | null {
	if (!table) return null;
	const propagated: Route[] = [];
	for (const vgw of network.vpnGateways.values()) {
		if (vgw.vpc?.name !== vpc.name || !vgw.propagates.some((r) => r.name === table.name)) continue;
		for (const vpn of network.vpnConnections.values()) {
			if (vpn.vpnGateway?.name !== vgw.name) continue;
			for (const cidr of vpnRanges(network, vpn)) {
				if (table.routes.some((r) => r.destination.text === cidr.text) || propagated.some((r) => r.destination.text === cidr.text)) continue;
				propagated.push({ destination: cidr, target: vgw.name, pos: vgw.pos });
			}
		}
	}
	return propagated.length ? { ...table, routes: [...table.routes, ...propagated] } : table;
}

/** The gateway endpoint for `service` in the VPC whose route list includes `table`. */
export function gatewayEndpointFor(network: Network, vpc: VpcModel, table: RouteTable | null, service: string): VpcEndpoint | null {
	if (!table) return null;
	for (const ep of network.endpoints.values()) {
		if (ep.type === 'gateway' && ep.service === service && ep.vpc?.name === vpc.name && ep.routeTables.some((r) => r.name === table.name)) return ep;
	}
	return null;
}

/** The attachment of a VPC to a transit gateway. */
export function attachmentOfVpc(tgw: TransitGateway, vpc: string): TgwAttachment | null {
	for (const a of tgw.attachments.values()) if (a.vpc?.name === vpc) return a;
	return null;
}

export function associatedTable(tgw: TransitGateway, attachment: string): TgwRouteTable | null {
	for (const t of tgw.routeTables.values()) if (t.associations.some((r) => r.name === attachment)) return t;
	return null;
}

/** The ranges an attachment propagates: its VPC's CIDR, or its VPN's ranges. */
export function attachmentRanges(network: Network, attachment: TgwAttachment): Cidr[] {
	if (attachment.vpc) {
		const cidr = vpcNamed(network, attachment.vpc.name)?.cidr;
		return cidr ? [cidr] : [];
	}
	const vpn = attachment.vpn && network.vpnConnections.get(attachment.vpn.name);
	return vpn ? vpnRanges(network, vpn) : [];
}

export interface TgwChoice {
	destination: Cidr;
	/** Attachment name, or `blackhole`. */
	target: string;
	/** `static`, `blackhole` or `propagated from <attachment>`. */
	origin: string;
}

/** Longest-prefix match over a TGW route table's static and propagated routes (static wins a tie). */
export function lookupTgwRoute(network: Network, tgw: TransitGateway, table: TgwRouteTable, dest: Cidr): TgwChoice | null {
	let best = null as TgwChoice | null;
	const consider = (destination: Cidr, target: string, origin: string): void => {
		if (!cidrContains(destination, dest)) return;
		if (!best || destination.prefix > best.destination.prefix) best = { destination, target, origin };
	};
	for (const route of table.routes) consider(route.destination, route.target, route.target === 'blackhole' ? 'blackhole' : 'static');
	for (const ref of table.propagations) {
		const attachment = tgw.attachments.get(ref.name);
		if (!attachment) continue;
		for (const cidr of attachmentRanges(network, attachment)) consider(cidr, attachment.name, `propagated from ${attachment.name}`);
	}
	return best;
}

/** The on-premises site whose ranges hold an address. */
export function siteHolding(network: Network, address: Cidr): OnPremises | null {
	for (const site of network.onPremises.values()) if (site.cidrs.some((c) => cidrContains(c, address))) return site;
	return null;
}

/** The VPC whose CIDR holds an address. */
export function vpcHolding(network: Network, address: Cidr): VpcModel | null {
	return network.vpcs.find((v) => v.cidr && cidrContains(v.cidr, address)) ?? null;
}

/** The block's title: the network's name, else its (first) VPC's. */
export function networkTitle(model: VpcModel): string {
	return model.network.name ?? model.name;
}

/** Ends a trace may name beyond the first VPC's own: other VPCs' resources, sites, services, interface endpoints. */
export function isNetworkEndpoint(model: VpcModel, name: string): boolean {
	const network = model.network;
	if (!isNetwork(network)) return false;
	if ((GATEWAY_SERVICES as readonly string[]).includes(name) || network.onPremises.has(name)) return true;
	if (network.endpoints.get(name)?.type === 'interface') return true;
	return network.vpcs.some((v) => v.instances.has(name) || v.loadBalancers.has(name) || v.natGateways.has(name) || v.subnets.has(name));
}

/** Whether a trace may start or end at `name`: a resource of the first VPC, an address, or an end the network adds. */
export function isTraceEnd(model: VpcModel, name: string): boolean {
	return model.instances.has(name) || model.loadBalancers.has(name) || model.natGateways.has(name) || model.subnets.has(name) || parseCidr(name, { allowBareAddress: true }).ok || isNetworkEndpoint(model, name);
}

/** Names a route of this VPC may lead to beyond its own gateways (for hints). */
export function linkNames(vpc: VpcModel): string[] {
	const network = vpc.network;
	const names: string[] = [];
	for (const p of network.peerings.values()) if (peerOf(p, vpc.name) !== null) names.push(p.name);
	for (const t of network.transitGateways.values()) if (attachmentOfVpc(t, vpc.name)) names.push(t.name);
	for (const g of network.vpnGateways.values()) if (g.vpc?.name === vpc.name) names.push(g.name);
	return names;
}
