/**
 * A template's links between VPCs, read into the shared network by vpc/read-links.ts: here only
 * which AWS::EC2 types hold each kind of link and how a template's values are read.
 */

import type { Cidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';
import type { Ref } from '../vpc/links';
import type { Network } from '../vpc/model';
import { readLinks, type LinkKind } from '../vpc/read-links';
import type { Value } from './intrinsics';
import type { TemplateResource } from './template';

const EC2 = 'AWS::EC2::';
const TYPES: Record<LinkKind, string[]> = {
	peering: ['VPCPeeringConnection'],
	'peering-accepter': [],
	tgw: ['TransitGateway'],
	'tgw-attachment': ['TransitGatewayAttachment', 'TransitGatewayVpcAttachment'],
	'tgw-table': ['TransitGatewayRouteTable'],
	'tgw-association': ['TransitGatewayRouteTableAssociation'],
	'tgw-propagation': ['TransitGatewayRouteTablePropagation'],
	'tgw-route': ['TransitGatewayRoute'],
	vgw: ['VPNGateway'],
	'vgw-attachment': ['VPCGatewayAttachment'],
	'vgw-propagation': ['VPNGatewayRoutePropagation'],
	'customer-gateway': ['CustomerGateway'],
	vpn: ['VPNConnection'],
	'vpn-route': ['VPNConnectionRoute'],
	endpoint: ['VPCEndpoint'],
	'endpoint-table': [],
	'endpoint-subnet': [],
};
export const LINK_TYPES = Object.values(TYPES).flatMap((types) => types.map((t) => EC2 + t));

export interface LinkReader {
	network: Network;
	ofType(type: string): TemplateResource[];
	prop(res: TemplateResource, name: string): Value;
	ref(v: Value, what: string): Ref | null;
	refs(v: Value, what: string): Ref[];
	cidr(text: string, pos: Pos): Cidr | null;
}

/** `transit_gateway_id` -> `TransitGatewayId`. */
const property = (key: string): string => key.replace(/(?:^|_)([a-z])/g, (_, c: string) => c.toUpperCase());

export function readNetworkLinks(r: LinkReader): void {
	const what = (res: TemplateResource, key: string): string => `\`${property(key)}\` of \`${res.id}\``;
	readLinks<TemplateResource>({
		network: r.network,
		of: (kind) => TYPES[kind].flatMap((t) => r.ofType(EC2 + t)),
		str: (res, key) => {
			const v = r.prop(res, property(key));
			return v.k === 'str' ? v.v : null;
		},
		has: (res, key) => r.prop(res, property(key)).k !== 'none',
		ref: (res, key, quiet) => {
			const v = r.prop(res, property(key));
			return v.k === 'none' || (quiet && v.k === 'unknown') ? null : r.ref(v, what(res, key));
		},
		refs: (res, key) => r.refs(r.prop(res, property(key)), what(res, key)),
		service: (res) => {
			const v = r.prop(res, 'ServiceName');
			return v.k === 'str' ? v.v : v.k === 'none' ? '' : JSON.stringify(v);
		},
		cidr: (res, key) => {
			const v = r.prop(res, property(key));
			return v.k === 'str' ? r.cidr(v.v, v.pos) : null;
		},
		names: { vpnAttachment: (id) => `${id}Attachment`, defaultTable: (id) => `${id}DefaultRouteTable` },
		acceptedOnCreate: true,
	});
}
