/**
 * A template's links between VPCs into the shared network: transit gateways (attachments, route
 * tables, associations, propagations, static and blackhole routes, and the default route table a
 * TGW makes unless told not to), VPC endpoints, VPN gateways with their route propagation,
 * customer gateways and VPN connections. Peerings are read with the VPCs (build.ts).
 */

import type { Cidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';
import type { OnPremises, Ref, TgwAttachment, TransitGateway, VpnConnection } from '../vpc/links';
import type { Network } from '../vpc/model';
import type { Value } from './intrinsics';
import type { Template, TemplateResource } from './template';

const EC2 = 'AWS::EC2::';
export const LINK_TYPES = [
	`${EC2}TransitGateway`,
	`${EC2}TransitGatewayAttachment`,
	`${EC2}TransitGatewayVpcAttachment`,
	`${EC2}TransitGatewayRouteTable`,
	`${EC2}TransitGatewayRouteTableAssociation`,
	`${EC2}TransitGatewayRouteTablePropagation`,
	`${EC2}TransitGatewayRoute`,
	`${EC2}VPCEndpoint`,
	`${EC2}VPNGateway`,
	`${EC2}VPNGatewayRoutePropagation`,
	`${EC2}CustomerGateway`,
	`${EC2}VPNConnection`,
	`${EC2}VPNConnectionRoute`,
];

export interface LinkReader {
	network: Network;
	ofType(type: string): TemplateResource[];
	prop(res: TemplateResource, name: string): Value;
	ref(v: Value, what: string): Ref | null;
	refs(v: Value, what: string): Ref[];
	cidr(text: string, pos: Pos): Cidr | null;
	region(): string | null;
}

export function readNetworkLinks(r: LinkReader, t: Template): void {
	const network = r.network;
	const str = (res: TemplateResource, key: string): string | null => {
		const v = r.prop(res, key);
		return v.k === 'str' ? v.v : null;
	};
	const id = (res: TemplateResource, key: string): Ref | null => {
		const v = r.prop(res, key);
		return v.k === 'none' ? null : r.ref(v, `\`${key}\` of \`${res.id}\``);
	};

	for (const res of r.ofType(`${EC2}TransitGateway`)) network.transitGateways.set(res.id, { name: res.id, pos: res.pos, attachments: new Map(), routeTables: new Map() });
	const tgwOf = (res: TemplateResource): TransitGateway | undefined => network.transitGateways.get(id(res, 'TransitGatewayId')?.name ?? '');
	for (const type of [`${EC2}TransitGatewayAttachment`, `${EC2}TransitGatewayVpcAttachment`]) {
		for (const res of r.ofType(type)) {
			const tgw = tgwOf(res);
			if (!tgw) continue;
			const attachment: TgwAttachment = { name: res.id, pos: res.pos, vpc: id(res, 'VpcId'), vpn: null, subnets: r.refs(r.prop(res, 'SubnetIds'), `the subnets of \`${res.id}\``) };
			tgw.attachments.set(res.id, attachment);
		}
	}
	for (const res of r.ofType(`${EC2}TransitGatewayRouteTable`)) {
		tgwOf(res)?.routeTables.set(res.id, { name: res.id, pos: res.pos, associations: [], propagations: [], routes: [] });
	}
	const tableOf = (res: TemplateResource) => {
		const ref = id(res, 'TransitGatewayRouteTableId');
		for (const tgw of network.transitGateways.values()) {
			const table = ref && tgw.routeTables.get(ref.name);
			if (table) return table;
		}
		return undefined;
	};
	for (const [type, key] of [
		[`${EC2}TransitGatewayRouteTableAssociation`, 'associations'],
		[`${EC2}TransitGatewayRouteTablePropagation`, 'propagations'],
	] as const) {
		for (const res of r.ofType(type)) {
			const attachment = id(res, 'TransitGatewayAttachmentId');
			const table = tableOf(res);
			if (table && attachment) table[key].push(attachment);
		}
	}
	for (const res of r.ofType(`${EC2}TransitGatewayRoute`)) {
		const table = tableOf(res);
		const dest = str(res, 'DestinationCidrBlock');
		const destination = dest ? r.cidr(dest, r.prop(res, 'DestinationCidrBlock').pos) : null;
		if (!table || !destination) continue;
		const blackhole = str(res, 'Blackhole') === 'true';
		const target = id(res, 'TransitGatewayAttachmentId');
		if (blackhole || target) table.routes.push({ destination, target: blackhole ? 'blackhole' : (target as Ref).name, pos: res.pos });
	}

	for (const res of r.ofType(`${EC2}VPNGateway`)) network.vpnGateways.set(res.id, { name: res.id, pos: res.pos, vpc: null, propagates: [] });
	for (const res of r.ofType(`${EC2}VPCGatewayAttachment`)) {
		const vgw = network.vpnGateways.get(id(res, 'VpnGatewayId')?.name ?? '');
		if (vgw) vgw.vpc = id(res, 'VpcId');
	}
	for (const res of r.ofType(`${EC2}VPNGatewayRoutePropagation`)) {
		const vgw = network.vpnGateways.get(id(res, 'VpnGatewayId')?.name ?? '');
		if (vgw) vgw.propagates.push(...r.refs(r.prop(res, 'RouteTableIds'), `the route tables of \`${res.id}\``));
	}
	for (const res of r.ofType(`${EC2}CustomerGateway`)) {
		const site: OnPremises = { name: res.id, pos: res.pos, cidrs: [], ip: str(res, 'IpAddress') };
		network.onPremises.set(res.id, site);
	}
	for (const res of r.ofType(`${EC2}VPNConnection`)) {
		const staticOnly = str(res, 'StaticRoutesOnly') === 'true';
		const vpn: VpnConnection = {
			name: res.id,
			pos: res.pos,
			customerGateway: id(res, 'CustomerGatewayId'),
			vpnGateway: id(res, 'VpnGatewayId'),
			transitGateway: id(res, 'TransitGatewayId'),
			staticRoutes: staticOnly ? [] : null,
		};
		network.vpnConnections.set(res.id, vpn);
		// A VPN on a transit gateway is one of its attachments (AWS creates it; the template cannot name it).
		const tgw = network.transitGateways.get(vpn.transitGateway?.name ?? '');
		if (tgw) tgw.attachments.set(`${res.id}Attachment`, { name: `${res.id}Attachment`, pos: res.pos, vpc: null, vpn: { name: res.id, pos: res.pos }, subnets: [] });
	}
	for (const res of r.ofType(`${EC2}VPNConnectionRoute`)) {
		const vpn = network.vpnConnections.get(id(res, 'VpnConnectionId')?.name ?? '');
		const dest = str(res, 'DestinationCidrBlock');
		const cidr = dest ? r.cidr(dest, r.prop(res, 'DestinationCidrBlock').pos) : null;
		if (!vpn || !cidr) continue;
		vpn.staticRoutes = [...(vpn.staticRoutes ?? []), cidr];
		const site = network.onPremises.get(vpn.customerGateway?.name ?? '');
		if (site && !site.cidrs.some((c) => c.text === cidr.text)) site.cidrs.push(cidr);
	}

	for (const res of r.ofType(`${EC2}VPCEndpoint`)) {
		const serviceValue = r.prop(res, 'ServiceName');
		// `!Sub com.amazonaws.${AWS::Region}.s3`: the service is the last word, whatever the region.
		const raw = serviceValue.k === 'str' ? serviceValue.v : (t.resources.get(res.id)?.props.get('ServiceName') && JSON.stringify(serviceValue)) || '';
		const service = /\.([a-z0-9-]+)(?:"|'|\s|$)/.exec(raw)?.[1] ?? (/(s3|dynamodb|ssm|ec2messages|ssmmessages|ec2|sts|logs)\b/.exec(raw)?.[1] ?? 'service');
		const type = (str(res, 'VpcEndpointType') ?? 'Gateway').toLowerCase() === 'gateway' ? 'gateway' : 'interface';
		network.endpoints.set(res.id, {
			name: res.id,
			pos: res.pos,
			vpc: id(res, 'VpcId'),
			service,
			type,
			routeTables: r.refs(r.prop(res, 'RouteTableIds'), `the route tables of \`${res.id}\``),
			subnets: r.refs(r.prop(res, 'SubnetIds'), `the subnets of \`${res.id}\``),
			securityGroups: r.refs(r.prop(res, 'SecurityGroupIds'), `the security groups of \`${res.id}\``),
			policy: r.prop(res, 'PolicyDocument').k !== 'none',
		});
	}

	// A transit gateway associates and propagates attachments to its default route table unless told not to.
	for (const res of r.ofType(`${EC2}TransitGateway`)) {
		const tgw = network.transitGateways.get(res.id) as TransitGateway;
		const associate = str(res, 'DefaultRouteTableAssociation') !== 'disable';
		const propagate = str(res, 'DefaultRouteTablePropagation') !== 'disable';
		const associated = new Set([...tgw.routeTables.values()].flatMap((t) => t.associations.map((a) => a.name)));
		const loose = [...tgw.attachments.values()].filter((a) => !associated.has(a.name));
		if ((!associate && !propagate) || loose.length === 0) continue;
		const refs = loose.map((a) => ({ name: a.name, pos: a.pos }));
		const all = [...tgw.attachments.values()].map((a) => ({ name: a.name, pos: a.pos }));
		tgw.routeTables.set(`${res.id}DefaultRouteTable`, { name: `${res.id}DefaultRouteTable`, pos: res.pos, associations: associate ? refs : [], propagations: propagate ? all : [], routes: [] });
	}
}
