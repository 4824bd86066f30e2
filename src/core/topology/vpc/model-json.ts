/**
 * A VPC model as the plain JSON of `cloudnotes model` (a public interface: the fields named in
 * docs/cli.md stay; more may be added). Subnets say whether they are public as AWS decides it:
 * their route table (explicit, else the VPC's main one) sends some destination to the internet
 * gateway.
 */

import { groupsOf, isPublicSubnet, routeTableOf, type VpcModel } from './model';

export interface VpcJson {
	id: string;
	name: string;
	/** The note line the VPC is declared on (null when the model has no place for it). */
	line: number | null;
	cidr: string | null;
	region: string | null;
	subnets: { id: string; name: string; cidr: string | null; zone: string | null; public: boolean; routeTable: string | null; nacl: string | null }[];
	internetGateways: { id: string }[];
	natGateways: { id: string; subnet: string | null }[];
	routeTables: { id: string; routes: { destination: string; target: string }[] }[];
	instances: { id: string; subnet: string | null; publicIp: boolean; securityGroups: string[]; type: string | null; role: string | null }[];
	loadBalancers: { id: string; scheme: string; type: string; subnets: string[]; securityGroups: string[]; targets: string[]; listeners: number[] | null }[];
	securityGroups: { id: string; inbound: string[]; outbound: string[] }[];
	nacls: { id: string; inbound: string[]; outbound: string[] }[];
}

export function vpcJson(vpc: VpcModel): VpcJson {
	return {
		id: vpc.name,
		name: vpc.name,
		line: vpc.pos.line > 0 ? vpc.pos.line : null,
		cidr: vpc.cidr?.text ?? null,
		region: vpc.region,
		subnets: [...vpc.subnets.values()].map((s) => ({
			id: s.name,
			name: s.name,
			cidr: s.cidr?.text ?? null,
			zone: s.zone,
			public: isPublicSubnet(vpc, s),
			routeTable: routeTableOf(vpc, s)?.name ?? null,
			nacl: s.nacl?.name ?? null,
		})),
		internetGateways: vpc.internetGateway ? [{ id: vpc.internetGateway.name }] : [],
		natGateways: [...vpc.natGateways.values()].map((n) => ({ id: n.name, subnet: n.subnet?.name ?? null })),
		routeTables: [...vpc.routeTables.values()].map((t) => ({ id: t.name, routes: t.routes.map((r) => ({ destination: r.destination.text, target: r.target })) })),
		instances: [...vpc.instances.values()].map((i) => ({
			id: i.name,
			subnet: i.subnet?.name ?? null,
			publicIp: i.publicIp,
			securityGroups: groupsOf(vpc, i.securityGroups).map((g) => g.name),
			type: i.instanceType,
			role: i.role,
		})),
		loadBalancers: [...vpc.loadBalancers.values()].map((lb) => ({
			id: lb.name,
			scheme: lb.scheme,
			type: lb.type,
			subnets: lb.subnets.map((s) => s.name),
			securityGroups: groupsOf(vpc, lb.securityGroups).map((g) => g.name),
			targets: lb.targets.map((t) => t.name),
			listeners: lb.listeners,
		})),
		securityGroups: [...vpc.securityGroups.values()].map((g) => ({ id: g.name, inbound: g.inbound.map((r) => r.text), outbound: g.outboundDeclared ? g.outbound.map((r) => r.text) : ['all to 0.0.0.0/0'] })),
		nacls: [...vpc.nacls.values()].map((n) => ({ id: n.name, inbound: n.inbound.map((r) => r.text), outbound: n.outbound.map((r) => r.text) })),
	};
}
