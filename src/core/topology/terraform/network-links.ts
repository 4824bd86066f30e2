/**
 * A configuration's links between VPCs, read into the shared network by vpc/read-links.ts (the
 * reader CloudFormation uses): here only which `aws_*` types hold each kind of link.
 */

import type { LinkKind } from '../vpc/read-links';

export const LINK_TYPES: Record<LinkKind, string[]> = {
	peering: ['aws_vpc_peering_connection'],
	'peering-accepter': ['aws_vpc_peering_connection_accepter'],
	tgw: ['aws_ec2_transit_gateway'],
	'tgw-attachment': ['aws_ec2_transit_gateway_vpc_attachment'],
	'tgw-table': ['aws_ec2_transit_gateway_route_table'],
	'tgw-association': ['aws_ec2_transit_gateway_route_table_association'],
	'tgw-propagation': ['aws_ec2_transit_gateway_route_table_propagation'],
	'tgw-route': ['aws_ec2_transit_gateway_route'],
	vgw: ['aws_vpn_gateway'],
	'vgw-attachment': ['aws_vpn_gateway_attachment'],
	'vgw-propagation': ['aws_vpn_gateway_route_propagation'],
	'customer-gateway': ['aws_customer_gateway'],
	vpn: ['aws_vpn_connection'],
	'vpn-route': ['aws_vpn_connection_route'],
	endpoint: ['aws_vpc_endpoint'],
	'endpoint-table': ['aws_vpc_endpoint_route_table_association'],
	'endpoint-subnet': ['aws_vpc_endpoint_subnet_association'],
};

/** Route arguments that lead into a link, and the types they may name. */
export const LINK_TARGETS = new Set(['aws_vpn_gateway', 'aws_ec2_transit_gateway', 'aws_vpc_peering_connection', 'aws_vpc_endpoint']);

/** What AWS creates and a configuration refers to by an attribute: a TGW's default route table, a VPN's TGW attachment. */
export function linkAttribute(type: string | undefined, address: string, attr: string): string | null {
	if (type === 'aws_ec2_transit_gateway' && /_default_route_table_id$/.test(attr)) return `${address}.association_default_route_table_id`;
	if (type === 'aws_vpn_connection' && attr === 'transit_gateway_attachment_id') return `${address}.${attr}`;
	return null;
}
