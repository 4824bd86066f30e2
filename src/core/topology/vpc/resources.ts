/** The details panel of a `vpc` block: a subnet says why it is public, an instance lists its groups' rules. */

import { listed, memo, type ResourceDetail, type ResourceInfo } from '../shared/resource-info';
import { vpcDrawsInternet } from './mermaid';
import { describeNaclRule, type Nacl } from './nacl';
import type { RouteTable } from './route-table';
import { describeSgRule, type SecurityGroup } from './security-group';
import { isNetwork } from './network';
import { linkResources } from './network-resources';
import { groupsOf, internetRouteOf, naclOf, routeTableOf, type Subnet, type VpcModel } from './model';

function groupDetails(groups: readonly SecurityGroup[]): ResourceDetail[] {
	const details: ResourceDetail[] = [];
	for (const g of groups) {
		details.push({ label: `${g.name} inbound`, value: listed(g.inbound.map((r) => describeSgRule(r, 'inbound')), 'nothing (deny all)') });
		details.push({
			label: `${g.name} outbound`,
			value: g.outboundDeclared ? listed(g.outbound.map((r) => describeSgRule(r, 'outbound')), 'nothing (deny all)') : 'all traffic (default)',
		});
	}
	return details;
}

function naclDetails(nacl: Nacl): ResourceDetail[] {
	const rules = (direction: 'inbound' | 'outbound'): string =>
		listed([...(direction === 'inbound' ? nacl.inbound : nacl.outbound).map((r) => describeNaclRule(r, direction)), '* deny all']);
	return [
		{ label: 'NACL inbound', value: rules('inbound') },
		{ label: 'NACL outbound', value: rules('outbound') },
	];
}

function routesOf(model: VpcModel, table: RouteTable | null): string {
	const local = model.cidr ? [`${model.cidr.text} -> local`] : [];
	return listed([...local, ...(table?.routes ?? []).map((r) => `${r.destination.text} -> ${r.target}`)]);
}

function subnetAccess(model: VpcModel, subnet: Subnet): string {
	const igwRoute = internetRouteOf(model, subnet);
	if (igwRoute) return `Public: ${igwRoute.destination.text} -> ${igwRoute.target} (internet gateway)`;
	const natRoute = routeTableOf(model, subnet)?.routes.find((r) => model.natGateways.has(r.target));
	if (natRoute) return `Private, out through NAT: ${natRoute.destination.text} -> ${natRoute.target} (NAT gateway)`;
	return 'Private: no route to the internet';
}

/** Who uses what, computed once so describing n resources stays linear. */
function vpcIndex(model: VpcModel) {
	const push = (map: Map<string, string[]>, key: string, value: string): void => {
		const list = map.get(key);
		if (list) list.push(value);
		else map.set(key, [value]);
	};
	const tableUsers = new Map<string, string[]>();
	const naclUsers = new Map<string, string[]>();
	const routedBy = new Map<string, string[]>();
	const members = new Map<string, string[]>();
	const lbsByTarget = new Map<string, string[]>();
	for (const subnet of model.subnets.values()) {
		const table = routeTableOf(model, subnet);
		if (table) push(tableUsers, table.name, subnet.name);
		if (subnet.nacl) push(naclUsers, subnet.nacl.name, subnet.name);
	}
	for (const table of model.routeTables.values()) for (const route of table.routes) push(routedBy, route.target, table.name);
	for (const holder of [...model.instances.values(), ...model.loadBalancers.values()]) {
		for (const group of groupsOf(model, holder.securityGroups)) push(members, group.name, holder.name);
	}
	for (const lb of model.loadBalancers.values()) for (const t of lb.targets) push(lbsByTarget, t.name, lb.name);
	return { tableUsers, naclUsers, routedBy, members, lbsByTarget };
}


/** The vpc details of a configuration's network, each resource also showing its type in the configuration (`CloudFormation type`, `Terraform type`). */
export function typedVpcResources(model: VpcModel, types: ReadonlyMap<string, string>, label: string): ResourceInfo[] {
	return vpcResources(model).map((info) => {
		const type = types.get(info.name);
		return type ? { ...info, details: [{ label, value: type }, ...info.details] } : info;
	});
}

/** Every VPC's resources (the internet once), then the links between them. */
export function vpcResources(model: VpcModel): ResourceInfo[] {
	const network = model.network;
	if (!isNetwork(network)) return oneVpcResources(model);
	const out: ResourceInfo[] = [];
	for (const vpc of network.vpcs) for (const info of oneVpcResources(vpc)) if (info.name !== 'internet' || !out.some((o) => o.name === 'internet')) out.push(info);
	out.push(...linkResources(network));
	return out;
}

function oneVpcResources(model: VpcModel): ResourceInfo[] {
	const out: ResourceInfo[] = [];
	const igw = model.internetGateway;
	const index = vpcIndex(model);
	const rulesOfGroup = memo((g: SecurityGroup) => groupDetails([g]));
	const groupsDetails = (groups: readonly SecurityGroup[]): ResourceDetail[] => groups.flatMap(rulesOfGroup);
	const rulesOfNacl = memo(naclDetails);
	const routesOfTable = memo((t: RouteTable | null) => routesOf(model, t));
	const accessOf = memo((subnet: Subnet) => subnetAccess(model, subnet));
	if (model.name) {
		out.push({
			name: model.name,
			type: 'vpc',
			line: model.pos.line,
			drawn: true,
			details: [
				{ label: 'CIDR', value: model.cidr?.text ?? 'invalid' },
				{ label: 'Region', value: model.region ?? 'not set' },
				{ label: 'Internet gateway', value: igw?.name ?? 'none' },
				{ label: 'Subnets', value: String(model.subnets.size) },
			],
		});
	}
	if (vpcDrawsInternet(model)) {
		out.push({ name: 'internet', type: 'internet', line: igw?.pos.line ?? model.pos.line, drawn: true, details: [{ label: 'Means', value: 'Everything outside the VPC' }] });
	}
	if (igw) {
		const tables = [...new Set(index.routedBy.get(igw.name) ?? [])];
		out.push({ name: igw.name, type: 'internet-gateway', line: igw.pos.line, drawn: true, details: [{ label: 'Attached to', value: model.name || 'the VPC' }, { label: 'Routed to by', value: listed(tables) }] });
	}
	for (const subnet of model.subnets.values()) {
		const table = routeTableOf(model, subnet);
		const nacl = naclOf(model, subnet);
		out.push({
			name: subnet.name,
			type: 'subnet',
			line: subnet.pos.line,
			drawn: true,
			details: [
				{ label: 'CIDR', value: subnet.cidr?.text ?? 'invalid' },
				{ label: 'Zone', value: subnet.zone ?? 'not set' },
				{ label: 'Access', value: accessOf(subnet) },
				{ label: 'Route table', value: table ? table.name : 'none (local route only)' },
				{ label: 'Routes', value: routesOfTable(table) },
				{ label: 'NACL', value: nacl.implicit ? 'default (allows all traffic both ways)' : nacl.name },
				...rulesOfNacl(nacl),
			],
		});
	}
	for (const table of model.routeTables.values()) {
		const users = index.tableUsers.get(table.name) ?? [];
		out.push({ name: table.name, type: 'route-table', line: table.pos.line, drawn: false, details: [{ label: 'Routes', value: routesOfTable(table) }, { label: 'Used by', value: listed(users) }] });
	}
	for (const nat of model.natGateways.values()) {
		const tables = [...new Set(index.routedBy.get(nat.name) ?? [])];
		const subnet = nat.subnet && model.subnets.get(nat.subnet.name);
		out.push({
			name: nat.name,
			type: 'nat-gateway',
			line: nat.pos.line,
			drawn: true,
			details: [
				{ label: 'Subnet', value: subnet ? `${subnet.name} (${subnetAccess(model, subnet)})` : (nat.subnet?.name ?? 'not set') },
				{ label: 'Routed to by', value: listed(tables) },
				{ label: 'Does', value: 'Lets private subnets open connections to the internet; nothing from outside can open one in' },
			],
		});
	}
	for (const instance of model.instances.values()) {
		const subnet = instance.subnet && model.subnets.get(instance.subnet.name);
		const groups = groupsOf(model, instance.securityGroups);
		const lbs = index.lbsByTarget.get(instance.name) ?? [];
		out.push({
			name: instance.name,
			type: 'instance',
			line: instance.pos.line,
			drawn: true,
			details: [
				{ label: 'Subnet', value: subnet ? `${subnet.name} (${accessOf(subnet)})` : (instance.subnet?.name ?? 'not set') },
				{ label: 'Public IP', value: instance.publicIp ? 'yes' : 'no' },
				...(instance.privateIp ? [{ label: 'Private IP', value: instance.privateIp.text }] : []),
				...(instance.role ? [{ label: 'Role', value: instance.role }] : []),
				...(instance.instanceType ? [{ label: 'Instance type', value: instance.instanceType }] : []),
				{ label: 'Security groups', value: listed(groups.map((g) => g.name)) },
				...groupsDetails(groups),
				...(lbs.length ? [{ label: 'Behind load balancers', value: listed(lbs) }] : []),
			],
		});
	}
	for (const lb of model.loadBalancers.values()) {
		const groups = groupsOf(model, lb.securityGroups);
		const zones = lb.subnets.map((r) => `${r.name}${model.subnets.get(r.name)?.zone ? ` (${model.subnets.get(r.name)?.zone ?? ''})` : ''}`);
		out.push({
			name: lb.name,
			type: 'load-balancer',
			line: lb.pos.line,
			drawn: true,
			details: [
				{ label: 'Type', value: lb.type === 'network' ? 'Network load balancer' : 'Application load balancer' },
				{ label: 'Scheme', value: lb.scheme },
				{ label: 'Subnets', value: listed(zones) },
				{ label: 'Listeners', value: lb.listeners ? lb.listeners.join(', ') : 'not set (whatever its security groups admit)' },
				{ label: 'Targets', value: listed(lb.targets.map((t) => t.name)) + (lb.targetPort ? ` on port ${lb.targetPort}` : '') },
				{ label: 'Security groups', value: listed(groups.map((g) => g.name)) },
				...groupsDetails(groups),
			],
		});
	}
	for (const group of model.securityGroups.values()) {
		const members = index.members.get(group.name) ?? [];
		out.push({ name: group.name, type: 'security-group', line: group.pos.line, drawn: false, details: [...rulesOfGroup(group), { label: 'Members', value: listed(members) }] });
	}
	for (const nacl of model.nacls.values()) {
		const subnets = index.naclUsers.get(nacl.name) ?? [];
		out.push({ name: nacl.name, type: 'nacl', line: nacl.pos.line, drawn: false, details: [...rulesOfNacl(nacl), { label: 'Subnets', value: listed(subnets) }] });
	}
	return out;
}
