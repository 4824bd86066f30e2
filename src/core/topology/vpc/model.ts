/**
 * The checked model of a `vpc` block: plain data, positions kept for lint and the side panel.
 * References are kept as written (name + position); lint reports the ones that dangle and the
 * helpers here simply skip them.
 */

import type { Cidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';
import type { FlowSpec } from '../shared/flow-model';
import { defaultNacl, type Nacl } from './nacl';
import { lookupRoute, type RouteTable } from './route-table';
import { defaultSecurityGroup, type SecurityGroup } from './security-group';
import { ANYWHERE } from '../shared/cidr';
import type { OnPremises, Peering, Ref, TransitGateway, VpcEndpoint, VpnConnection, VpnGateway } from './links';

export type { Ref } from './links';

export interface Subnet {
	name: string;
	pos: Pos;
	cidr: Cidr | null;
	cidrPos: Pos;
	zone: string | null;
	routeTable: Ref | null;
	nacl: Ref | null;
}

export interface NatGateway {
	name: string;
	pos: Pos;
	subnet: Ref | null;
}

export interface Instance {
	name: string;
	pos: Pos;
	subnet: Ref | null;
	publicIp: boolean;
	publicIpPos: Pos;
	securityGroups: Ref[];
	role: string | null;
	/** EC2 instance type as written (`t3.micro`), for the side panel. */
	instanceType: string | null;
	/** A fixed private address, when the note gives one (else the subnet's range stands for it). */
	privateIp: Cidr | null;
}

export interface LoadBalancer {
	name: string;
	pos: Pos;
	subnets: Ref[];
	securityGroups: Ref[];
	targets: Ref[];
	scheme: 'internet-facing' | 'internal';
	type: 'application' | 'network';
	/** Ports clients connect to; null when unstated (then whatever its security groups admit). */
	listeners: number[] | null;
	/** Port it forwards to on the targets; null means the port the client used. */
	targetPort: number | null;
}

export interface InternetGateway {
	name: string;
	pos: Pos;
}

export interface VpcModel {
	kind: 'vpc';
	name: string;
	pos: Pos;
	cidr: Cidr | null;
	cidrPos: Pos;
	region: string | null;
	internetGateway: InternetGateway | null;
	subnets: Map<string, Subnet>;
	routeTables: Map<string, RouteTable>;
	natGateways: Map<string, NatGateway>;
	instances: Map<string, Instance>;
	loadBalancers: Map<string, LoadBalancer>;
	securityGroups: Map<string, SecurityGroup>;
	nacls: Map<string, Nacl>;
	flows: FlowSpec[];
	/** Used by instances and load balancers that name no group (unless the note declares `default`). */
	defaultSecurityGroup: SecurityGroup;
	defaultNacl: Nacl;
	/** More resources than TOPOLOGY_LIMITS allows: no diagram is drawn. */
	tooLarge: boolean;
	/** The VPCs of the block and what links them; shared by every VPC of it (network.ts reads it). */
	network: Network;
}

/** Several VPCs and what connects them. */
export interface Network {
	/** The network's own name (a vpc block with `vpcs:`), else null (then the VPC's name titles it). */
	name: string | null;
	/** Every VPC; the first is the model the language hands around. */
	vpcs: VpcModel[];
	peerings: Map<string, Peering>;
	transitGateways: Map<string, TransitGateway>;
	endpoints: Map<string, VpcEndpoint>;
	vpnGateways: Map<string, VpnGateway>;
	onPremises: Map<string, OnPremises>;
	vpnConnections: Map<string, VpnConnection>;
}


/** `route-table:` if set, else the table named `main`, else none (local route only). */
export function routeTableOf(model: VpcModel, subnet: Subnet): RouteTable | null {
	if (subnet.routeTable) return model.routeTables.get(subnet.routeTable.name) ?? null;
	return model.routeTables.get('main') ?? null;
}

export function naclOf(model: VpcModel, subnet: Subnet): Nacl {
	return (subnet.nacl && model.nacls.get(subnet.nacl.name)) || model.defaultNacl;
}

/** The route that makes a subnet public: some destination sent to the internet gateway. */
export function internetRouteOf(model: VpcModel, subnet: Subnet): { destination: Cidr; target: string } | null {
	const igw = model.internetGateway?.name;
	if (!igw) return null;
	const table = routeTableOf(model, subnet);
	const route = table?.routes.find((r) => r.target === igw);
	return route ? { destination: route.destination, target: route.target } : null;
}

export function isPublicSubnet(model: VpcModel, subnet: Subnet): boolean {
	return internetRouteOf(model, subnet) !== null;
}

/** Whether the subnet's route for the whole internet leads to the internet gateway. */
export function routesInternetToGateway(model: VpcModel, subnet: Subnet): boolean {
	const choice = lookupRoute(routeTableOf(model, subnet), model.cidr, ANYWHERE);
	return !!choice && choice.target === model.internetGateway?.name;
}

export function groupsOf(model: VpcModel, refs: readonly Ref[]): SecurityGroup[] {
	if (refs.length === 0) return [model.securityGroups.get('default') ?? model.defaultSecurityGroup];
	return refs.map((r) => model.securityGroups.get(r.name)).filter((g): g is SecurityGroup => !!g);
}

export function groupNames(model: VpcModel, refs: readonly Ref[]): Set<string> {
	return new Set(groupsOf(model, refs).map((g) => g.name));
}

export function subnetOf(model: VpcModel, ref: Ref | null): Subnet | null {
	return ref ? (model.subnets.get(ref.name) ?? null) : null;
}

/** An internet-facing load balancer: not `scheme: internal`, and its subnets are public. */
export function isInternetFacing(model: VpcModel, lb: LoadBalancer): boolean {
	if (lb.scheme === 'internal') return false;
	const subnets = lb.subnets.map((r) => model.subnets.get(r.name)).filter((s): s is Subnet => !!s);
	return subnets.length > 0 && subnets.every((s) => isPublicSubnet(model, s));
}

/** Every resource of the block: each VPC's, and the links between them. */
export function resourceCount(model: VpcModel): number {
	const network = model.network;
	let links = network.peerings.size + network.endpoints.size + network.vpnGateways.size + network.onPremises.size + network.vpnConnections.size;
	for (const tgw of network.transitGateways.values()) links += 1 + tgw.attachments.size + tgw.routeTables.size;
	return network.vpcs.reduce((n, vpc) => n + vpcResourceCount(vpc), links);
}

function vpcResourceCount(model: VpcModel): number {
	return (
		1 +
		(model.internetGateway ? 1 : 0) +
		model.subnets.size +
		model.routeTables.size +
		model.natGateways.size +
		model.instances.size +
		model.loadBalancers.size +
		model.securityGroups.size +
		model.nacls.size
	);
}

/** A VPC with nothing declared yet: what a parser starts from (the vpc block, a CloudFormation template). */
export function emptyVpc(pos: Pos, network?: Network): VpcModel {
	const model: VpcModel = {
		kind: 'vpc',
		name: '',
		pos,
		cidr: null,
		cidrPos: pos,
		region: null,
		internetGateway: null,
		subnets: new Map(),
		routeTables: new Map(),
		natGateways: new Map(),
		instances: new Map(),
		loadBalancers: new Map(),
		securityGroups: new Map(),
		nacls: new Map(),
		flows: [],
		defaultSecurityGroup: defaultSecurityGroup(pos),
		defaultNacl: defaultNacl(pos),
		tooLarge: false,
		network: network as Network,
	};
	if (network) network.vpcs.push(model);
	else
		model.network = {
			name: null,
			vpcs: [model],
			peerings: new Map(),
			transitGateways: new Map(),
			endpoints: new Map(),
			vpnGateways: new Map(),
			onPremises: new Map(),
			vpnConnections: new Map(),
		};
	return model;
}
