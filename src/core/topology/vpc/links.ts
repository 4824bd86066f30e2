/**
 * The resources that join VPCs (peerings, transit gateways, endpoints, VPN gateways and
 * connections, on-premises sites), as plain data; network.ts answers questions about them.
 */

import { parseCidr, type Cidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';

export interface Ref {
	name: string;
	pos: Pos;
}

export type PeeringStatus = 'active' | 'pending-acceptance' | 'rejected' | 'expired' | 'deleted' | 'failed';
export const PEERING_STATUSES: readonly PeeringStatus[] = ['active', 'pending-acceptance', 'rejected', 'expired', 'deleted', 'failed'];

export interface Peering {
	name: string;
	pos: Pos;
	/** Requester and accepter; either may name a VPC outside the block (then it is drawn, not traced). */
	vpcs: [Ref, Ref];
	status: PeeringStatus;
	statusPos: Pos;
	/** Set by importers when an end is known to be a VPC the input does not describe (another account, a parameter). */
	outside?: string;
}

export interface TgwAttachment {
	name: string;
	pos: Pos;
	/** A VPC attachment names its VPC (and the subnets its ENIs sit in); a VPN attachment its VPN connection. */
	vpc: Ref | null;
	vpn: Ref | null;
	subnets: Ref[];
}

export interface TgwRoute {
	destination: Cidr;
	/** An attachment's name, or `blackhole` (drop). */
	target: string;
	pos: Pos;
}

export interface TgwRouteTable {
	name: string;
	pos: Pos;
	associations: Ref[];
	propagations: Ref[];
	routes: TgwRoute[];
}

export interface TransitGateway {
	name: string;
	pos: Pos;
	attachments: Map<string, TgwAttachment>;
	routeTables: Map<string, TgwRouteTable>;
}

/** The services a gateway endpoint serves: also the names of trace targets. */
export const GATEWAY_SERVICES = ['s3', 'dynamodb'] as const;
export type GatewayService = (typeof GATEWAY_SERVICES)[number];

/** One public range of each service, standing for its prefix list in NACL and security group checks. */
export const SERVICE_SAMPLE: Record<GatewayService, Cidr> = {
	s3: (parseCidr('52.216.0.0/15') as { ok: true; cidr: Cidr }).cidr,
	dynamodb: (parseCidr('52.94.0.0/22') as { ok: true; cidr: Cidr }).cidr,
};

export interface VpcEndpoint {
	name: string;
	pos: Pos;
	vpc: Ref | null;
	/** Short service name (`s3`, `dynamodb`, `ssm`, ...), as in `com.amazonaws.<region>.<service>`. */
	service: string;
	type: 'gateway' | 'interface';
	/** Gateway endpoints: the route tables that get the service's prefix-list route. */
	routeTables: Ref[];
	/** Interface endpoints: the subnets their network interfaces sit in, and their groups. */
	subnets: Ref[];
	securityGroups: Ref[];
	/** Whether a policy restricts it (a policy-less endpoint allows all). */
	policy: boolean;
}

export interface VpnGateway {
	name: string;
	pos: Pos;
	vpc: Ref | null;
	/** Route tables the VPN's routes are propagated into. */
	propagates: Ref[];
}

/** An on-premises site: its customer gateway and the address ranges behind it. */
export interface OnPremises {
	name: string;
	pos: Pos;
	cidrs: Cidr[];
	/** The customer gateway's public address, as written. */
	ip: string | null;
}

export interface VpnConnection {
	name: string;
	pos: Pos;
	customerGateway: Ref | null;
	/** Ends on a virtual private gateway or on a transit gateway (then a TGW attachment names it). */
	vpnGateway: Ref | null;
	transitGateway: Ref | null;
	/** Static routes; with BGP (`staticRoutes: null`) the site's ranges are announced. */
	staticRoutes: Cidr[] | null;
}

