/**
 * The links between VPCs read from a configuration, whatever its language: peerings, transit
 * gateways (attachments, route tables, associations, propagations, static and blackhole routes,
 * the default route table a TGW makes unless told not to), VPC endpoints, VPN gateways with their
 * route propagation, customer gateways and VPN connections. CloudFormation and Terraform describe
 * the same AWS resources with the same arguments, so each hands its resources by kind and reads
 * an argument by its Terraform name (CloudFormation's property names are the same words, PascalCase).
 */

import type { Cidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';
import type { Ref, TgwAttachment, TgwRouteTable, TransitGateway, VpnConnection } from './links';
import type { Network } from './model';
import { vpcNamed } from './network';

export type LinkKind =
	| 'peering'
	| 'peering-accepter'
	| 'tgw'
	| 'tgw-attachment'
	| 'tgw-table'
	| 'tgw-association'
	| 'tgw-propagation'
	| 'tgw-route'
	| 'vgw'
	| 'vgw-attachment'
	| 'vgw-propagation'
	| 'customer-gateway'
	| 'vpn'
	| 'vpn-route'
	| 'endpoint'
	| 'endpoint-table'
	| 'endpoint-subnet';

export interface LinkResource {
	id: string;
	pos: Pos;
}

export interface LinkSource<R extends LinkResource> {
	network: Network;
	of(kind: LinkKind): R[];
	/** An argument as text (`true` for a boolean); null when absent or not known offline. */
	str(res: R, key: string): string | null;
	has(res: R, key: string): boolean;
	/** What an argument names (a reference, or an id as written); unknown values are reported unless `quiet`. */
	ref(res: R, key: string, quiet?: boolean): Ref | null;
	refs(res: R, key: string): Ref[];
	/** The endpoint's service name as written (a template's `!Sub` included). */
	service(res: R): string;
	/** A CIDR argument, parsed (an invalid one reported where it is written). */
	cidr(res: R, key: string): Cidr | null;
	/** Names of what AWS creates and a configuration only refers to. */
	names: { vpnAttachment(vpn: string): string; defaultTable(tgw: string): string };
	/** A peering is active on creation (a template's) or once accepted (Terraform's `auto_accept` or accepter). */
	acceptedOnCreate: boolean;
}

export function readLinks<R extends LinkResource>(s: LinkSource<R>): void {
	const network = s.network;
	const pick = <T>(map: Map<string, T>, res: R, key: string): T | undefined => map.get(s.ref(res, key)?.name ?? '');

	const accepted = new Set(s.of('peering-accepter').filter((res) => s.str(res, 'auto_accept') === 'true').map((res) => s.ref(res, 'vpc_peering_connection_id')?.name));
	for (const res of s.of('peering')) {
		// An end not known offline is another stack's or account's VPC: drawn as such, not reported.
		const end = (key: string): Ref => s.ref(res, key, true) ?? { name: 'a VPC not known offline', pos: res.pos };
		const vpcs: [Ref, Ref] = [end('vpc_id'), end('peer_vpc_id')];
		const outside = vpcs.find((v) => !vpcNamed(network, v.name))?.name;
		const active = s.acceptedOnCreate || s.str(res, 'auto_accept') === 'true' || accepted.has(res.id);
		network.peerings.set(res.id, { name: res.id, pos: res.pos, vpcs, status: active ? 'active' : 'pending-acceptance', statusPos: res.pos, ...(outside === undefined ? {} : { outside }) });
	}

	const tgwRes = new Map<TransitGateway, R>();
	for (const res of s.of('tgw')) {
		const tgw: TransitGateway = { name: res.id, pos: res.pos, attachments: new Map(), routeTables: new Map() };
		network.transitGateways.set(res.id, tgw);
		tgwRes.set(tgw, res);
		// Named before it is filled: a configuration may route or associate into it.
		const table = s.names.defaultTable(res.id);
		tgw.routeTables.set(table, { name: table, pos: res.pos, associations: [], propagations: [], routes: [] });
	}
	const attRes = new Map<TgwAttachment, R>();
	for (const res of s.of('tgw-attachment')) {
		const tgw = pick(network.transitGateways, res, 'transit_gateway_id');
		if (!tgw) continue;
		const attachment: TgwAttachment = { name: res.id, pos: res.pos, vpc: s.ref(res, 'vpc_id'), vpn: null, subnets: s.refs(res, 'subnet_ids') };
		tgw.attachments.set(res.id, attachment);
		attRes.set(attachment, res);
	}
	for (const res of s.of('tgw-table')) pick(network.transitGateways, res, 'transit_gateway_id')?.routeTables.set(res.id, { name: res.id, pos: res.pos, associations: [], propagations: [], routes: [] });
	const tableOf = (res: R): TgwRouteTable | undefined => {
		const name = s.ref(res, 'transit_gateway_route_table_id')?.name ?? '';
		for (const tgw of network.transitGateways.values()) if (tgw.routeTables.has(name)) return tgw.routeTables.get(name);
		return undefined;
	};
	for (const [kind, key] of [
		['tgw-association', 'associations'],
		['tgw-propagation', 'propagations'],
	] as const) {
		for (const res of s.of(kind)) {
			const attachment = s.ref(res, 'transit_gateway_attachment_id');
			const table = tableOf(res);
			if (table && attachment) table[key].push(attachment);
		}
	}
	for (const res of s.of('tgw-route')) {
		const table = tableOf(res);
		const destination = s.cidr(res, 'destination_cidr_block');
		const blackhole = s.str(res, 'blackhole') === 'true';
		const target = s.ref(res, 'transit_gateway_attachment_id');
		if (table && destination && (blackhole || target)) table.routes.push({ destination, target: blackhole || !target ? 'blackhole' : target.name, pos: res.pos });
	}

	for (const res of s.of('vgw')) network.vpnGateways.set(res.id, { name: res.id, pos: res.pos, vpc: s.ref(res, 'vpc_id'), propagates: [] });
	for (const res of s.of('vgw-attachment')) {
		const vgw = pick(network.vpnGateways, res, 'vpn_gateway_id');
		if (vgw) vgw.vpc = s.ref(res, 'vpc_id');
	}
	for (const res of s.of('vgw-propagation')) pick(network.vpnGateways, res, 'vpn_gateway_id')?.propagates.push(...s.refs(res, 'route_table_ids'), ...s.refs(res, 'route_table_id'));
	for (const res of s.of('customer-gateway')) network.onPremises.set(res.id, { name: res.id, pos: res.pos, cidrs: [], ip: s.str(res, 'ip_address') });
	for (const res of s.of('vpn')) {
		const vpn: VpnConnection = {
			name: res.id,
			pos: res.pos,
			customerGateway: s.ref(res, 'customer_gateway_id'),
			vpnGateway: s.ref(res, 'vpn_gateway_id'),
			transitGateway: s.ref(res, 'transit_gateway_id'),
			staticRoutes: s.str(res, 'static_routes_only') === 'true' ? [] : null,
		};
		network.vpnConnections.set(res.id, vpn);
		// A VPN on a transit gateway is one of its attachments, which AWS creates.
		const tgw = network.transitGateways.get(vpn.transitGateway?.name ?? '');
		const name = s.names.vpnAttachment(res.id);
		if (tgw) tgw.attachments.set(name, { name, pos: res.pos, vpc: null, vpn: { name: res.id, pos: res.pos }, subnets: [] });
	}
	for (const res of s.of('vpn-route')) {
		const vpn = pick(network.vpnConnections, res, 'vpn_connection_id');
		const range = s.cidr(res, 'destination_cidr_block');
		if (!vpn || !range) continue;
		vpn.staticRoutes = [...(vpn.staticRoutes ?? []), range];
		const site = network.onPremises.get(vpn.customerGateway?.name ?? '');
		if (site && !site.cidrs.some((c) => c.text === range.text)) site.cidrs.push(range);
	}

	for (const res of s.of('endpoint')) {
		const raw = s.service(res);
		// `com.amazonaws.<region>.s3`, the region perhaps a `${...}`: the service is the last word.
		const service = /\.([a-z0-9-]+)(?:"|'|\s|$)/.exec(raw)?.[1] ?? /(s3|dynamodb|ssm|ec2messages|ssmmessages|ec2|sts|logs)\b/.exec(raw)?.[1] ?? 'service';
		network.endpoints.set(res.id, {
			name: res.id,
			pos: res.pos,
			vpc: s.ref(res, 'vpc_id'),
			service,
			type: (s.str(res, 'vpc_endpoint_type') ?? 'Gateway').toLowerCase() === 'gateway' ? 'gateway' : 'interface',
			routeTables: s.refs(res, 'route_table_ids'),
			subnets: s.refs(res, 'subnet_ids'),
			securityGroups: s.refs(res, 'security_group_ids'),
			policy: s.has(res, 'policy_document') || s.has(res, 'policy'),
		});
	}
	for (const [kind, key, field] of [
		['endpoint-table', 'route_table_id', 'routeTables'],
		['endpoint-subnet', 'subnet_id', 'subnets'],
	] as const) {
		for (const res of s.of(kind)) {
			const ref = s.ref(res, key);
			if (ref) pick(network.endpoints, res, 'vpc_endpoint_id')?.[field].push(ref);
		}
	}

	// What the default route table holds: every attachment not associated elsewhere, every
	// attachment's range, unless the TGW (or the attachment) turns that off.
	for (const [tgw, res] of tgwRes) {
		const name = s.names.defaultTable(res.id);
		const table = tgw.routeTables.get(name) as TgwRouteTable;
		const on = (key: string, att?: R): boolean => s.str(res, `default_route_table_${key}`) !== 'disable' && (!att || s.str(att, `transit_gateway_default_route_table_${key}`) !== 'false');
		const associated = new Set([...tgw.routeTables.values()].flatMap((t) => t.associations.map((a) => a.name)));
		for (const a of tgw.attachments.values()) {
			const ref = { name: a.name, pos: a.pos };
			if (!associated.has(a.name) && on('association', attRes.get(a))) table.associations.push(ref);
			if (on('propagation', attRes.get(a))) table.propagations.push(ref);
		}
		tgw.routeTables.delete(name);
		if (table.associations.length || table.routes.length) tgw.routeTables.set(name, table);
	}
}
