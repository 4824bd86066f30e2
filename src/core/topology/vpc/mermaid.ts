/** A `vpc` block drawn: internet, VPC > zone > subnet, gateways, instances, load balancers, security group references. */

import { cidrContains } from '../shared/cidr';
import { Builder, MERMAID_CAPS, OPTIONAL_EDGE_BUDGET, type DiagramColors, type MermaidDiagram, type NodeIcon, type Shape } from '../shared/mermaid-builder';
import { labelLines, mermaidIdFor } from '../shared/mermaid-text';
import { formatPorts } from '../shared/traffic';
import type { SecurityGroup } from './security-group';
import { drawEdgeOfVpc, drawLinkEdges, drawLinkNodes, isDrawnLink } from './network-mermaid';
import { isNetwork } from './network';
import { groupsOf, isInternetFacing, isPublicSubnet, routeTableOf, type Instance, type LoadBalancer, type Subnet, type VpcModel } from './model';

export function vpcDrawsInternet(model: VpcModel): boolean {
	return model.internetGateway !== null;
}

const DATABASE_ROLES = new Set(['database', 'db', 'rds', 'cache', 'storage']);

function instanceShape(instance: Instance): Shape {
	return instance.role && DATABASE_ROLES.has(instance.role.toLowerCase()) ? 'cylinder' : 'box';
}

const BASTION_ROLES = /^(bastion|jump|jumpbox|jump-host|jumphost)$/i;
/** A host named for its job (`bastion`, `bastion-a`, `jump-1`) is drawn as one even without a role. */
const BASTION_NAME = /^(bastion|jump)($|[-_0-9])/i;

/** The icon of an instance: a database by its role, a bastion by its role, else an EC2 instance. */
function instanceIcon(instance: Instance): NodeIcon {
	if (instanceShape(instance) === 'cylinder') return { id: 'database', category: 'data' };
	if ((instance.role && BASTION_ROLES.test(instance.role)) || BASTION_NAME.test(instance.name)) return { id: 'bastion', category: 'compute' };
	return { id: 'ec2-instance', category: 'compute' };
}

const NAT_ICON: NodeIcon = { id: 'nat-gateway', category: 'networking' };

function isOutsideVpc(model: VpcModel, peer: SecurityGroup['inbound'][number]['peer']): boolean {
	return peer.kind === 'cidr' && !(model.cidr && cidrContains(model.cidr, peer.cidr));
}

/** What the outside world may send a holder of these groups, as a short label. */
function outsideLabel(model: VpcModel, groups: readonly SecurityGroup[]): string {
	const parts: string[] = [];
	for (const group of groups) {
		for (const rule of group.inbound) {
			if (!isOutsideVpc(model, rule.peer)) continue;
			const what = rule.proto === 'all' || rule.proto === 'icmp' ? rule.proto : `${rule.proto} ${formatPorts(rule.ports)}`;
			const text = rule.peer.kind === 'cidr' && rule.peer.cidr.prefix > 0 ? `${what} from ${rule.peer.cidr.text}` : what;
			if (!parts.includes(text)) parts.push(text);
		}
	}
	return parts.join(', ');
}

/**
 * With icons, the groups follow AWS's diagram conventions: Region (dashed) > VPC (solid) >
 * Availability Zone (dashed) > subnet (solid; public green, private blue), each with its icon in
 * the corner, and every resource drawn as its icon.
 */
export function vpcDiagram(model: VpcModel, colors: DiagramColors | undefined, direction: 'TB' | 'LR', icons = false): MermaidDiagram {
	const b = new Builder(direction, colors, icons);
	const network = model.network;
	const vpcs = network.vpcs;
	if (vpcs.some(vpcDrawsInternet)) {
		b.node('internet', mermaidIdFor('internet'), 'circle', 'internet', 'cnInternet', { id: 'internet', category: 'general' });
		b.place(mermaidIdFor('internet'), { role: 'outside' });
	}
	// One region group around every VPC when they share it (AWS Cloud > Region > VPC).
	const region = model.region;
	const regionGroup = icons && region !== null && region !== '' && vpcs.every((v) => v.region === region);
	if (regionGroup) {
		b.open(null, 'z_region', labelLines(`Region ${region ?? ''}`), b.groupStyle('none', 'regionBorder', true), 'region');
		b.place('z_region', { role: 'region' });
	}
	// VPCs side by side as sibling groups, left to right in the block's order.
	vpcs.forEach((vpc, i) => drawVpcGroup(b, vpc, icons, regionGroup, i === 0 ? 'z_' : `z_${i}_`, i));
	if (regionGroup) b.close();
	const linked = isNetwork(network);
	if (linked) drawLinkNodes(b, network);
	for (const vpc of vpcs) drawStructuralEdges(b, vpc);
	if (linked) drawLinkEdges(b, network);
	// Reference edges are the first to go: structural ones must fit under Mermaid's edge cap.
	const budget = { left: Math.min(OPTIONAL_EDGE_BUDGET, MERMAID_CAPS.maxEdges - 50 - b.edgeCount) };
	for (const vpc of vpcs) drawReferenceEdges(b, vpc, budget);
	return b.finish({ cnInternet: 'internet', cnGateway: 'gateway', cnNode: 'node', cnDb: 'database' });
}

/** One VPC as a group: gateways and load balancers on its edge, zones as groups, subnets inside them. */
function drawVpcGroup(b: Builder, model: VpcModel, icons: boolean, inRegion: boolean, zonePrefix: string, order: number): void {
	const igw = model.internetGateway;
	const vpcId = model.name ? mermaidIdFor(model.name) : 'z_vpc';
	const vpcLabel = `VPC ${model.name}${model.cidr ? ` · ${model.cidr.text}` : ''}${model.region && !inRegion ? ` · ${model.region}` : ''}`;
	b.open(model.name || null, vpcId, labelLines(vpcLabel), icons ? b.groupStyle('vpc', 'vpcBorder', false) : b.fill('vpc'), 'vpc');
	b.place(vpcId, { role: 'network', order });
	if (igw) {
		b.node(igw.name, mermaidIdFor(igw.name), 'hexagon', labelLines(igw.name, 'internet gateway'), 'cnGateway', { id: 'internet-gateway', category: 'networking' });
		b.place(mermaidIdFor(igw.name), { role: 'gateway' });
	}
	for (const lb of model.loadBalancers.values()) {
		const lbIcon: NodeIcon = { id: lb.type === 'network' ? 'network-load-balancer' : 'load-balancer', category: 'networking' };
		b.node(lb.name, mermaidIdFor(lb.name), 'parallelogram', labelLines(lb.name, `${lb.scheme === 'internal' ? 'internal ' : ''}${lb.type === 'network' ? 'NLB' : 'ALB'}`), 'cnGateway', lbIcon);
		b.place(mermaidIdFor(lb.name), { role: 'spanning', subnets: lb.subnets.filter((r) => model.subnets.has(r.name)).map((r) => mermaidIdFor(r.name)) });
		securityBadge(b, model, lb);
	}
	drawEdgeOfVpc(b, model);

	const inSubnet = new Map<string, { nats: string[]; instances: Instance[] }>();
	const homeless: Instance[] = [];
	const homelessNats: string[] = [];
	for (const subnet of model.subnets.values()) inSubnet.set(subnet.name, { nats: [], instances: [] });
	for (const nat of model.natGateways.values()) {
		const slot = nat.subnet && inSubnet.get(nat.subnet.name);
		if (slot) slot.nats.push(nat.name);
		else homelessNats.push(nat.name);
	}
	for (const instance of model.instances.values()) {
		const slot = instance.subnet && inSubnet.get(instance.subnet.name);
		if (slot) slot.instances.push(instance);
		else homeless.push(instance);
	}
	for (const name of homelessNats) {
		b.node(name, mermaidIdFor(name), 'hexagon', labelLines(name, 'NAT gateway'), 'cnGateway', NAT_ICON);
		b.place(mermaidIdFor(name), { role: 'edge' });
	}
	for (const instance of homeless) {
		b.node(instance.name, mermaidIdFor(instance.name), instanceShape(instance), labelLines(instance.name, instance.role), instanceShape(instance) === 'cylinder' ? 'cnDb' : 'cnNode', instanceIcon(instance));
		b.place(mermaidIdFor(instance.name), { role: 'edge' });
		securityBadge(b, model, instance);
	}

	const zones = new Map<string, Subnet[]>();
	const zoneless: Subnet[] = [];
	for (const subnet of model.subnets.values()) {
		if (subnet.zone === null) zoneless.push(subnet);
		else {
			const list = zones.get(subnet.zone);
			if (list) list.push(subnet);
			else zones.set(subnet.zone, [subnet]);
		}
	}
	let subnetOrder = 0;
	const drawSubnet = (subnet: Subnet): void => {
		const pub = isPublicSubnet(model, subnet);
		const title = `${subnet.name}${subnet.cidr ? ` · ${subnet.cidr.text}` : ''} · ${pub ? 'public' : 'private'}`;
		const style = icons
			? b.groupStyle(pub ? 'publicSubnet' : 'privateSubnet', pub ? 'publicBorder' : 'privateBorder', false)
			: b.fill(pub ? 'publicSubnet' : 'privateSubnet', pub ? ',stroke-width:2px' : ',stroke-dasharray:5 4');
		b.open(subnet.name, mermaidIdFor(subnet.name), labelLines(title), style, pub ? 'public-subnet' : 'private-subnet');
		const slot = inSubnet.get(subnet.name);
		b.place(mermaidIdFor(subnet.name), { role: 'subnet', tier: tierOf(subnet, pub, slot?.instances ?? []), order: subnetOrder++ });
		for (const name of slot?.nats ?? []) b.node(name, mermaidIdFor(name), 'hexagon', labelLines(name, 'NAT gateway'), 'cnGateway', NAT_ICON);
		for (const instance of slot?.instances ?? []) {
			const shape = instanceShape(instance);
			b.node(instance.name, mermaidIdFor(instance.name), shape, labelLines(instance.name, instance.role ?? (instance.publicIp ? 'public IP' : null)), shape === 'cylinder' ? 'cnDb' : 'cnNode', instanceIcon(instance));
			securityBadge(b, model, instance);
		}
		for (const endpoint of model.network.endpoints.values()) {
			if (endpoint.type === 'interface' && endpoint.vpc?.name === model.name && endpoint.subnets[0]?.name === subnet.name) {
				b.node(endpoint.name, mermaidIdFor(endpoint.name), 'box', labelLines(endpoint.name, `interface endpoint ${endpoint.service}`), 'cnGateway', { id: 'interface-endpoint', category: 'networking' });
			}
		}
		b.close();
	};
	let zoneIndex = 0;
	// Zones in name order (a, b, c), as architects draw them left to right.
	for (const [zone, subnets] of [...zones].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
		const zoneId = `${zonePrefix}${zoneIndex}`;
		b.open(null, zoneId, labelLines(zone), icons ? b.groupStyle('zone', 'zoneBorder', true) : b.fill('zone', ',stroke-dasharray:2 3'));
		b.place(zoneId, { role: 'zone', order: zoneIndex });
		zoneIndex++;
		for (const subnet of subnets) drawSubnet(subnet);
		b.close();
	}
	for (const subnet of zoneless) drawSubnet(subnet);
	b.close();
}


/** Edges of routes, load balancers and public instances inside one VPC. */
function drawStructuralEdges(b: Builder, model: VpcModel): void {
	const igw = model.internetGateway;
	if (igw) b.edge('internet', igw.name, '', '<-->');
	for (const subnet of model.subnets.values()) {
		for (const route of routeTableOf(model, subnet)?.routes ?? []) {
			if (route.target === 'local') continue;
			if (route.target !== igw?.name && !model.natGateways.has(route.target) && !isDrawnLink(model.network, route.target)) continue;
			b.edge(subnet.name, route.target, route.destination.text);
		}
	}
	for (const lb of model.loadBalancers.values()) {
		if (igw && isInternetFacing(model, lb)) {
			const label = lb.listeners ? `tcp ${lb.listeners.join(',')}` : outsideLabel(model, groupsOf(model, lb.securityGroups));
			b.edge(igw.name, lb.name, label);
		}
		for (const target of lb.targets) {
			if (!model.instances.has(target.name)) continue;
			b.edge(lb.name, target.name, lb.targetPort ? `tcp ${lb.targetPort}` : '');
		}
	}
	for (const instance of model.instances.values()) {
		const subnet = instance.subnet && model.subnets.get(instance.subnet.name);
		if (igw && instance.publicIp && subnet && isPublicSubnet(model, subnet)) {
			const label = outsideLabel(model, groupsOf(model, instance.securityGroups));
			if (label) b.edge(igw.name, instance.name, label);
		}
	}
}

/** Security group references between members, within what is left of the edge budget. */
function drawReferenceEdges(b: Builder, model: VpcModel, budget: { left: number }): void {
	const members = new Map<string, string[]>();
	const addMember = (holder: Instance | LoadBalancer): void => {
		for (const group of groupsOf(model, holder.securityGroups)) {
			const list = members.get(group.name);
			if (list) list.push(holder.name);
			else members.set(group.name, [holder.name]);
		}
	};
	for (const lb of model.loadBalancers.values()) addMember(lb);
	for (const instance of model.instances.values()) addMember(instance);
	const groups = [...model.securityGroups.values(), model.defaultSecurityGroup];
	for (const group of groups) {
		for (const rule of group.inbound) {
			if (rule.peer.kind !== 'sg' || rule.peer.name === group.name) continue;
			const label = rule.proto === 'all' || rule.proto === 'icmp' ? rule.proto : `${rule.proto} ${formatPorts(rule.ports)}`;
			for (const from of members.get(rule.peer.name) ?? []) {
				for (const to of members.get(group.name) ?? []) {
					if (from === to || budget.left <= 0) continue;
					const before = b.edgeCount;
					b.edge(from, to, label);
					if (b.edgeCount > before) budget.left--;
				}
			}
		}
	}
}

const DATA_NAME = /(^|[-_ ])(db|data|database|rds|cache|redis|storage)([-_ 0-9]|$)/i;

/**
 * The row of a subnet in the zones' grid, as reference architectures stack tiers: public (routed to
 * the internet gateway) first, then private application subnets, data subnets (holding databases,
 * or named for data) last.
 */
function tierOf(subnet: Subnet, pub: boolean, instances: readonly Instance[]): number {
	if (pub) return 0;
	if (instances.some((i) => instanceShape(i) === 'cylinder')) return 2;
	if (instances.length > 0) return 1;
	return DATA_NAME.test(subnet.name) ? 2 : 1;
}

/** The shield badge on a holder of security groups, naming them (its groups' rules are what trace checks). */
function securityBadge(b: Builder, model: VpcModel, holder: Instance | LoadBalancer): void {
	const names = groupsOf(model, holder.securityGroups).map((g) => g.name);
	if (names.length > 0) b.badge(mermaidIdFor(holder.name), 'security-group', `security groups: ${names.join(', ')}`);
}
